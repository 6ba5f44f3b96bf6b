package dev.backstop.helpdesk.tickets;

/**
 * The party a ticket is for: a distributor contact, an employee, a family member, a front-line rep,
 * or an unknown caller known only by a phone number.
 *
 * @param ref the id of the contact / employee / family member / user; null for an unknown caller
 */
public record Requester(RequesterKind kind, Long ref, String name, String phone, String email) {

    public static Requester unknownCaller(String phone) {
        return new Requester(RequesterKind.UNKNOWN_CALLER, null, null, phone, null);
    }
}
