/**
 * Outbound messages to requesters: e-mail over SMTP (Spring's mail sender) and SMS through the company's SMS
 * gateway (HTTP). A channel that is not configured is skipped and says so; nothing else fails because of it.
 */
package dev.backstop.helpdesk.messaging;
