package dev.backstop.helpdesk.knowledge;

/** A canned answer inserted into a written reply, or the steps an agent follows on the phone. */
public enum TemplateKind {
    REPLY,
    SCRIPT
}
