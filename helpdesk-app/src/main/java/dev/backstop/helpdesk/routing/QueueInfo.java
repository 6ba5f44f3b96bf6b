package dev.backstop.helpdesk.routing;

import dev.backstop.helpdesk.tickets.Desk;

/** A queue: a desk and a skill (null: the desk's general queue). */
public record QueueInfo(String code, Desk desk, String skill, String name, String nameEn, boolean pushAssignment) {}
