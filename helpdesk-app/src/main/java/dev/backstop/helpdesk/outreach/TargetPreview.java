package dev.backstop.helpdesk.outreach;

import java.util.List;

/** What a filter resolves to: how many, how many reachable on the channel, and the first rows (skipped ones say why). */
public record TargetPreview(int total, int reachable, int skipped, List<Recipient> first) {}
