package dev.backstop.helpdesk.distributors;

import java.math.BigDecimal;
import java.util.List;

/**
 * A distributor account with its contacts.
 *
 * @param tier   VIP, KEY, GENERAL, SPECIAL
 * @param status ACTIVE, SUSPENDED, CLOSED
 */
public record Distributor(
        long id,
        String code,
        String name,
        String regionCode,
        String regionName,
        String regionNameEn,
        String tier,
        String accountManager,
        BigDecimal creditLimit,
        String status,
        String phone,
        String address,
        List<Contact> contacts) {

    public Distributor {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    public record Contact(long id, String name, String title, String phone, String email, boolean primary) {}

    /** One line of a search result: enough to pick the right account on a call; the contact and the phone or e-mail that matched. */
    public record Match(
            long id,
            String code,
            String name,
            String regionName,
            String regionNameEn,
            String tier,
            String status,
            String matchedContact,
            String matchedDetail) {}
}
