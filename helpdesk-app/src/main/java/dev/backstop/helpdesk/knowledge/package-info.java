/**
 * The knowledge base in the app: articles (versions, review states, votes, views, links to tickets), search that
 * respects who is asking (audiences), suggestions, similar articles, deflections and knowledge gaps. The Lucene
 * index of the {@code knowledge-base} library is derived data, kept in step with {@code kb_articles} by revision on
 * every node (ADR 0009). Also the desks' "one voice": reply templates and call scripts with {@code {{variables}}}
 * filled from a ticket ({@link dev.backstop.helpdesk.knowledge.ReplyTemplates}).
 */
package dev.backstop.helpdesk.knowledge;
