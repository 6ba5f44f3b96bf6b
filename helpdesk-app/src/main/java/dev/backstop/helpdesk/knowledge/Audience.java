package dev.backstop.helpdesk.knowledge;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import java.util.EnumSet;
import java.util.Set;

/** Who an article is written for. A reader sees only the audiences of their roles, everywhere. */
public enum Audience {
    DISTRIBUTORS,
    FRONTLINE,
    EXPERTS,
    /** Employees and their families. */
    EMPLOYEES,
    HR_INTERNAL;

    /** The audiences whose published articles this user may find and read. */
    public static Set<Audience> visibleTo(CurrentUser user) {
        Set<Audience> visible = EnumSet.noneOf(Audience.class);
        for (Role role : user.roles()) {
            switch (role) {
                case DISTRIBUTOR -> visible.add(DISTRIBUTORS);
                case EMPLOYEE, FAMILY -> visible.add(EMPLOYEES);
                case CHANNEL_AGENT, BACK_OFFICE -> visible.addAll(EnumSet.of(DISTRIBUTORS, FRONTLINE));
                case FRONTLINE -> visible.addAll(EnumSet.of(DISTRIBUTORS, FRONTLINE, EMPLOYEES));
                case EXPERT -> visible.addAll(EnumSet.of(DISTRIBUTORS, FRONTLINE, EMPLOYEES, EXPERTS));
                case HR_AGENT, HR_PAYROLL -> visible.addAll(EnumSet.of(EMPLOYEES, HR_INTERNAL, FRONTLINE));
                case SUPERVISOR, ADMIN, KB_EDITOR -> visible.addAll(EnumSet.allOf(Audience.class));
            }
        }
        return visible;
    }
}
