package dev.backstop.kb;

/** A title that matches what was typed so far, and the document it belongs to. */
public record Suggestion(String id, String title) {}
