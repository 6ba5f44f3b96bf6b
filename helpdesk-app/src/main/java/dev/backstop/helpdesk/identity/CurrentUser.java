package dev.backstop.helpdesk.identity;

import java.io.Serializable;
import java.util.Set;

/**
 * Who is calling, and what they are bound to. Every module that scopes data by user takes this,
 * never the raw Spring Security principal.
 *
 * @param distributorId set for DISTRIBUTOR users: the one distributor account they act for
 * @param employeeId    set for EMPLOYEE users (their own record) and FAMILY users (the employee they are linked to)
 * @param familyMemberId set for FAMILY users
 * @param departmentId  set for BACK_OFFICE users (and staff who belong to a department)
 */
public record CurrentUser(
        long id,
        String username,
        String displayName,
        Set<Role> roles,
        Long distributorId,
        Long employeeId,
        Long familyMemberId,
        Long departmentId)
        implements Serializable {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... candidates) {
        for (Role candidate : candidates) {
            if (roles.contains(candidate)) {
                return true;
            }
        }
        return false;
    }

    /** A portal user (distributor, employee, family) and nothing more. */
    public boolean isPortalOnly() {
        return !roles.isEmpty() && roles.stream().allMatch(Role::isPortalRole);
    }
}
