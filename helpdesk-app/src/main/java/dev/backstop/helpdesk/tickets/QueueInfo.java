package dev.backstop.helpdesk.tickets;

/** A queue: a desk and a skill (null: the desk's general queue). */
public record QueueInfo(String code, Desk desk, String skill, String name, String nameEn, boolean pushAssignment) {
}
