/**
 * E-mail in and out (issue 17).
 * <p>
 * <b>In.</b> Each desk mailbox ({@code backstop.mail.inbound.mailboxes[n]}: host, port, user, password, protocol
 * {@code imap}/{@code imaps}, desk, address) is polled over IMAP by {@code internal.MailboxPoller}, one node at a time
 * (ShedLock {@code mail-inbound}, ADR "several nodes"). Where the server offers IMAP IDLE,
 * {@code internal.MailboxIdle} keeps one connection per mailbox in IDLE and runs a pass under the same lock as soon as
 * the server announces new mail (the poll stays the fallback; {@code backstop.mail.inbound.idle=false} turns it off). Each message is handled in one transaction by
 * {@code internal.MailIntake}: its Message-ID (or a content hash where the server dropped it) is claimed in
 * {@code mail_messages}, whose primary key is the de-duplication; auto-replies and bounces (RFC 3834,
 * {@code internal.AutomaticMail}) and mail from the desk's own addresses are recorded and ignored; an answer is threaded
 * onto its ticket by {@code In-Reply-To} / {@code References} or by the ticket key in the subject (only from the
 * ticket's own address); anything else opens a ticket at the mailbox's desk, the sender matched to a distributor
 * contact, an employee or a family member by address (else an unknown requester), and queues one acknowledgement.
 * Attachments are stored afterwards through {@code TicketManagement.attach} (the same limits and type checks as
 * uploads). A pass reads in batches ({@code backstop.mail.inbound.fetch-batch}, 100, and about 16 MB): one SEARCH for
 * what is not yet flagged, one FETCH of UIDs and sizes, then per batch one FETCH of the whole messages
 * ({@code BODY.PEEK[]}, nothing marked read before it is handled, {@code mail.imap.partialfetch=false}) and one
 * {@code UID STORE} flagging the batch's handled messages {@code \Seen} + {@code $Backstop} — a handful of IMAP
 * commands per hundred messages, never one per message. A message handled but not flagged (a node died mid-batch) is
 * skipped by the de-duplication next time. A failing mailbox backs off (status on
 * {@code /admin/mail}) and never stops the others.
 * <p>
 * <b>Out.</b> {@code internal.MailReplies} listens to {@code TicketChanged}: each new public reply of the desk on a
 * ticket that came by e-mail is put in {@code mail_outbox} (unique by article: once however many nodes hear it) and
 * sent by {@code internal.MailDispatcher} through {@code messaging.OutboundMessages} with the key in the subject,
 * {@code Message-ID} / {@code In-Reply-To} / {@code References}, the desk's signature, in the requester's language;
 * failures are retried with back-off, the outcome is an internal note on the timeline, and a permanent failure also
 * notifies the agent.
 * <p>
 * <b>Confidential cases (issue 15).</b> Threading an answer, storing its attachments and reading a ticket's public
 * replies for the outbox act through {@code internal.IntakeAccount#forRequesterOf}: the system account acting for that
 * ticket's requester, so it also sees the requester's own confidential case (which no admin, supervisor or other HR
 * agent sees). A requester's read is not an access-log row, so these system reads leave none; people's reads still do.
 */
package dev.backstop.helpdesk.mail;
