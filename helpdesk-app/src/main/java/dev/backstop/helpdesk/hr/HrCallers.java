package dev.backstop.helpdesk.hr;

import java.util.Optional;

/** Who is calling the HR desk, by the caller's number: an employee, or a family member of one. */
public interface HrCallers {

    /**
     * @param employeeId     the employee the call concerns (the caller, or whose family member calls)
     * @param familyMemberId the family member calling; null when the employee calls
     * @param name           the caller's name
     */
    record Caller(long employeeId, Long familyMemberId, String name, String email) {
        public boolean family() {
            return familyMemberId != null;
        }
    }

    /**
     * The one employee or family member whose phone number is this one, in any format ({@code +86 139 …},
     * {@code 139-…}); empty when nobody has it or several people do (the agent then asks who is calling).
     *
     * @param digits the caller's number as canonical digits ({@code shared.PhoneNumbers#digits})
     */
    Optional<Caller> byPhone(String digits);
}
