package dev.backstop.helpdesk.sla;

import dev.backstop.helpdesk.tickets.Desk;
import java.time.LocalDate;
import java.util.List;

/**
 * A day's voice service level of a desk (null: all desks), in the desk's time zone: the whole day and each hour.
 *
 * @param hours from the day's first hour to its last (24 on a day without a clock change)
 */
public record VoiceDay(Desk desk, LocalDate day, VoiceServiceLevel total, List<VoiceServiceLevel> hours) {}
