/**
 * The knowledge base in the app: articles (versions, review states, votes, views, links to tickets), search that
 * respects who is asking (audiences), suggestions, similar articles, deflections and knowledge gaps. The Lucene
 * index of the {@code knowledge-base} library is derived data, kept in step with {@code kb_articles} by revision on
 * every node (ADR 0009). Also the desks' "one voice": reply templates and call scripts with {@code {{variables}}}
 * filled from a ticket ({@link dev.backstop.helpdesk.knowledge.ReplyTemplates}).
 *
 * <h2>Knowledge base</h2>
 * An editor saves an article (API, editor page or import) &rarr; {@code ArticleService} validates, writes the row and
 * a version with the next {@code kb_revisions} value &rarr; after commit {@code KnowledgeIndex} indexes what changed
 * (other nodes pick it up within {@code sync-interval}, ADR 0009). Search ({@code KnowledgeSearch}) always passes the
 * reader's audiences ({@code Audience.visibleTo}) to the library, which filters results, counts, facets, suggestions
 * and similar-article lists with the same filter. Queries lose their question words (怎么, 吗, how, what …) and are
 * expanded with the admin's synonyms ({@code kb_synonyms}, applied at query time, no re-index). The search is hybrid
 * (ADR 0016): a background thread of the library gives each indexed article a vector (bge-small-zh-v1.5, in-process
 * ONNX), a query's kNN search runs under the same audience / narrowing filter and is mixed with the lexical ranking;
 * English words of a question are translated with CC-CEDICT (fetched at build time). {@code
 * BACKSTOP_KNOWLEDGE_DENSE=false} gives the lexical search alone (the test profile has it off). Recorded searches
 * with no hit are the editors' knowledge gaps; "this answered it" records a deflection. The ticket form asks {@code
 * /workspace/kb/answers} as the rep types.
 *
 * <h2>Reply templates and call scripts</h2>
 * An editor saves a template ({@code TemplateService}; every save a row in {@code kb_template_versions}, a stale
 * {@code version} &rarr; 409; a {@code &#123;&#123;variable&#125;&#125;} outside the known list &rarr; 400 naming the
 * known ones). The ticket page ({@code workspace}) asks {@code ReplyTemplates.forTicket} for the desk's active
 * replies (reader's language first) and its scripts rendered from the ticket (the ticket's type first, Markdown
 * rendered safely, the ticket's values escaped); "insert" fetches {@code
 * /workspace/tickets/&#123;id&#125;/reply-template?template=} as plain text and htmx appends it to the reply box
 * (without JavaScript the same form reloads the page with the reply prefilled). A value the ticket lacks is rendered
 * as a visible marker ({@code 【未填写：订单号】}, {@code [missing: order no.]}) in the template's language, never left blank.
 *
 * <h2>Escalate to an expert</h2>
 * A rep (front line, channel or HR agent) who cannot find the answer presses "ask an expert / 转专家" on the search page
 * or a ticket page &rarr; {@code /workspace/kb/escalations/new} prefills the question (the search, or the ticket's
 * subject and description) and lists the rep's searches ({@code kb_searches}) and article reads ({@code kb_reads},
 * written where a staff reader's view is counted) of the last two hours &rarr; {@code ExpertEscalations.escalate}
 * opens an EXPERT-desk ticket through {@code TicketManagement.open} (requester: the rep; the chosen skill picks the
 * queue, {@code EX-GENERAL} or e.g. {@code EX-PRODUCT}; the desk's SLA policy starts its clocks), writes {@code
 * kb_escalations} (question, searches, articles, skill, whether any published article matched the question: {@code
 * had_answers}) and, from a ticket, puts an internal note with the EX key on it. The expert replies on the EX ticket
 * as usual; after the commit {@code EscalationAnswers} (listening to {@code TicketChanged}, reading the timeline)
 * records the first reply by someone other than the rep as the answer ({@code answered_at}, {@code answered_by},
 * once) and rings the rep's bell; the ticket page's stream ({@code /workspace/tickets/&#123;id&#125;/events}, 404 for
 * a ticket the user may not see) makes the rep's open page reload its timeline and knowledge panel through htmx.
 * "Capture as article / 沉淀为知识" (experts, editors, admins; an EX ticket or any resolved one, never a confidential
 * case) makes a DRAFT article from the question and the staff's answers ({@code source_ticket_id}, {@code
 * kb_article_tickets} relation {@code CAPTURED}) and opens it in the editor for review. Escalations whose question
 * matched no article are listed on the knowledge-gaps page. {@code tickets} knows nothing of this: it only lets
 * channel and HR agents open EXPERT-desk tickets and says on each timeline entry who wrote it.
 *
 * <h2>Similar resolved tickets</h2>
 * {@code SimilarTickets} (knowledge) keeps a second Lucene index, {@code kb-tickets-index}, fed by the tickets
 * module's {@code TicketFeed} (changes by {@code (updated_at, id)}; each pass re-reads the last 60 s so a late commit
 * is still seen, and skips tickets already indexed at that change time). Resolved and closed tickets that are not
 * confidential are in it (subject, description, the answer that settled them); a reopened one leaves. A reader finds
 * only the desks they work (channel agents CHANNEL, HR staff HR, experts EXPERT, supervisors and admins all).
 *
 * <h2>Supervisors' figures</h2>
 * ({@code FiguresService}, {@code /workspace/kb/figures}): aggregate queries over {@code tickets}, {@code
 * kb_escalations}, {@code kb_reads}, {@code kb_deflections}, {@code kb_article_tickets}, {@code kb_searches}, {@code
 * kb_articles} for a period; the definitions are on the page.
 */
package dev.backstop.helpdesk.knowledge;
