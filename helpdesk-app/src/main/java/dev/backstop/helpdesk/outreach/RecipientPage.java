package dev.backstop.helpdesk.outreach;

import java.util.List;

/** A page of a campaign's recipients (for a draft: the preview of its targets). */
public record RecipientPage(int total, int page, int size, List<Recipient> recipients) {}
