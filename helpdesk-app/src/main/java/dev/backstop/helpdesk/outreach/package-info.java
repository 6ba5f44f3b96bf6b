/**
 * Outreach campaigns: a message in Chinese and English, sent by e-mail or SMS to a target list (distributors by
 * region / tier, employees by branch) in the background, with delivery and response tracking. Every message carries
 * a one-time response link; an answer opens an {@code OUTREACH} ticket at the campaign's desk.
 *
 * <h2>Outreach</h2>
 * A supervisor saves a draft campaign ({@code OutreachCampaigns.create}: texts in both languages, only the template
 * variables {@code &#123;&#123;name&#125;&#125;}, {@code &#123;&#123;responseLink&#125;&#125;}, {@code
 * &#123;&#123;distributorCode&#125;&#125;} / {@code &#123;&#123;employeeNo&#125;&#125;}, a filter that matches
 * someone) and sees its targets as they resolve now — those without an address for the channel as SKIPPED with the
 * reason. Send moves DRAFT &rarr; SENDING once (a conditional update; again &rarr; 409) and writes one {@code
 * outreach_recipients} row per target. {@code OutreachSender} (after the commit, and every 15 s under ShedLock)
 * claims each QUEUED row with a conditional update to SENDING, committed on its own, before the message goes out
 * through {@code OutboundMessages}; a claimed row never returns to QUEUED, so however often sending restarts or on
 * however many nodes, nobody gets the message twice (a claim left by a dead node turns FAILED after {@code
 * claim-timeout}, it is not resent). Each recipient gets the language of their account's locale, else both. The
 * message's one-time link (only the token's SHA-256 is stored) leads to a public page; the first answer opens an
 * {@code OUTREACH} ticket at the campaign's desk through {@code TicketManagement.open}, in the name of the campaign's
 * owner, with the distributor / employee as requester (so the desk and that person's portal see it); a second answer
 * on the link is refused (409) and names the ticket.
 */
package dev.backstop.helpdesk.outreach;
