package dev.backstop.helpdesk.sla;

/**
 * What a supervisor watches of the ticket SLAs right now: running clocks past their at-risk point but not yet due
 * ({@code atRisk}) and past their due time ({@code breached}), counting first response and resolution; open callbacks
 * (callback tasks and the complaint loop's callbacks) and those past their due time.
 */
public record SlaWatch(int atRisk, int breached, int callbacksDue, int callbacksOverdue) {}
