package dev.backstop.helpdesk.hr;

import java.util.List;
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

    /**
     * One line of a look-up on the new-ticket form: the caller, the employee the call concerns (number and name) and
     * how the caller is related to them ({@code null} for the employee), and the caller's number as HR has it.
     */
    record Found(Caller caller, String employeeNo, String employeeName, String relation, String phone) {}

    /**
     * Employees and family members by employee number (exact), phone (any format) or name (contains); at most 20,
     * employees first. Not scoped: the caller decides who may look up whom (the HR desk's staff).
     */
    List<Found> find(String text);
}
