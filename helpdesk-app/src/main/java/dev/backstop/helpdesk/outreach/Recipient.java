package dev.backstop.helpdesk.outreach;

import java.time.Instant;

/**
 * One target of a campaign.
 *
 * @param ref          the distributor's or employee's id
 * @param code         the distributor code or employee number
 * @param name         the person addressed (a distributor's primary contact, or the employee)
 * @param organization the distributor's name; null for employees
 * @param address      the e-mail address or mobile number used; null when there is none for the channel
 * @param reason       message key saying why the recipient was skipped or failed, null otherwise
 * @param detail       the channel's own words about a failure or skip, may be null
 */
public record Recipient(
        Long id,
        TargetGroup kind,
        long ref,
        String code,
        String name,
        String organization,
        String address,
        MessageLanguage language,
        DeliveryStatus status,
        String reason,
        String detail,
        Instant sentAt,
        Instant respondedAt,
        Long ticketId,
        String ticketKey) {}
