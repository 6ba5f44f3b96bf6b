/**
 * Layout, locale switch, home page per role, page and API error handling, 503 while the database is unreachable
 * ({@code DatabaseOutageResponses}, {@code DatabaseHealth}), and {@code Idempotency-Key} on creation requests
 * ({@code IdempotentRequests}, documented in the OpenAPI description by {@code IdempotencyKeyDocs}; ADR 0015). The
 * static files are mapped folder by folder ({@code StaticResources}: {@code /css}, {@code /js}, {@code /images},
 * {@code /webjars}), not as Boot's {@code /**}, so rendering a page's links costs no classpath look-ups (ADR 0038).
 *
 * <h2>Errors</h2>
 * Any {@code BackstopException} becomes an RFC 9457 problem detail (API) or a page message, with the detail localized
 * from the message bundles by {@code Accept-Language} / the chosen locale. A body of the wrong shape names the field
 * and what it takes (never the parser's text or a class name); a database refusal (unknown reference, NUL byte) is a
 * 400, a taken unique key a 409; ids in messages are written as ids ({@code 99999}, not {@code 99,999}). Client-grown
 * lists are bounded (a ticket: 20 tags of 64 characters; list pages up to page 10,000). Article Markdown keeps only
 * http(s), mailto and relative link targets.
 */
package dev.backstop.helpdesk.web;
