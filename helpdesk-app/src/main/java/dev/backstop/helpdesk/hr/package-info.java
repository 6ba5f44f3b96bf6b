/**
 * The HR desk: employees and their families, payslips with items, benefit enrolments and leave balances (imported by
 * {@code internal/*Imports}), and who may read them.
 * <h2>Reading (issue 15)</h2>
 * <ul>
 * <li>{@code internal.HrDesk} is the one place that decides who reads whose records and masks amounts. The employee
 * reads their own (not logged). A family member reads only through an active {@code hr_delegations} row with the scope
 * ({@link dev.backstop.helpdesk.hr.DelegationScope}: TICKETS, LEAVE_BENEFITS, PAYSLIPS — payslips never by default);
 * without one every payroll URL answers 404 ({@link dev.backstop.helpdesk.hr.HrRecordNotFound}), never 403. Expiry and
 * ending are checked against the clock on every request. HR_PAYROLL reads full figures; HR_AGENT reads them masked
 * ({@code HrDesk.MASK}, the string {@code "*,***.**"} whatever the figure) unless the agent states a reason and is the
 * assignee of an open HR ticket of that employee ({@link dev.backstop.helpdesk.hr.UnmaskRefused} otherwise). Supervisors,
 * admins and everyone else are refused by the security rules: minimum necessary access (PIPL arts. 28–29).</li>
 * <li>Every read by anyone but the employee writes one {@code hr_access_log} row (who by name and role, what, whose,
 * when in UTC, why, the request's address; never the values) through {@code internal.AccessLog#record}, which requires
 * the read's transaction ({@code Propagation.MANDATORY}): a served read without its row cannot exist. The employee sees
 * the rows on "Who looked at my pay" and at {@code GET /api/v1/me/access-log}.</li>
 * <li>The TICKETS scope lets the family member follow and answer the employee's HR tickets (not the confidential
 * ones): {@code internal.FamilyFollowing} implements the {@code tickets.FollowedEmployees} port, which the ticket
 * visibility scope asks on every request.</li>
 * <li>Payslip item codes have display names and a knowledge-base answer in {@code hr_payslip_item_kinds}
 * ({@code article_id}, else the best hit for {@code kb_query}), read through the knowledge module's published API.</li>
 * <li>"Ask HR about this line" ({@code internal.PayslipQuestions}) opens an HR ticket through
 * {@code TicketManagement.open} into the PAYROLL queue; the ticket names the period and item code, never the amount;
 * its HR topic and payslip line are kept in {@code hr_ticket_topics} (keyed by ticket id; the tickets module knows
 * nothing of it).</li>
 * <li>Web: {@code web.HrApi} ({@code /api/v1/me/payslips|leave|benefits|access-log},
 * {@code /api/v1/hr/employees/{no}/payslips/{yyyy-MM}}), {@code web.HrPortalPages} ({@code /portal/hr/**}),
 * {@code web.HrWorkspacePages} (the employee panel the HR ticket page loads from
 * {@code /workspace/hr/tickets/{id}/employee}, and one payslip with the unmask form).</li>
 * </ul>
 * <h2>Feedback, oversight, retention, my data (issue 15, hr-feedback)</h2>
 * <ul>
 * <li>{@code internal.BranchFeedback}: feedback about a branch with a {@link dev.backstop.helpdesk.hr.FeedbackTopic},
 * given on {@code /feedback} (public, always anonymous, honeypot field), {@code /portal/feedback} (employees and family,
 * anonymity chosen) or {@code POST /api/v1/feedback}. Its own tables ({@code hr_feedback}, {@code hr_feedback_replies}),
 * not tickets: an anonymous row holds no user, name, address, session or time of day; no log line, no event. The
 * submitter follows and replies with a private token (128 random bits, only its SHA-256 stored; {@code /feedback/follow},
 * {@code GET /api/v1/feedback/{token}}); HR staff answer on {@code /workspace/hr/feedback}. {@code FeedbackThrottle}
 * limits senders per day under an in-memory salted hash replaced daily. ADR "anonymous feedback".</li>
 * <li>{@code internal.FeedbackOversight}: counts by branch × topic and branch × month for ADMIN and SUPERVISOR, every
 * figure a string: 1–4 is {@code "<5"}; a total over a suppressed cell sums only the published cells ({@code "≥N"}).</li>
 * <li>{@code internal.HrRetention}: {@code backstop.hr.retention.*} ({@code RetentionSettings}), a ShedLock job
 * deleting payslips (with items), access-log rows and feedback (with replies) past their period in batches, each batch
 * recorded in {@code hr_retention_log} (kind, count, cut-off) in its own transaction. Closed HR tickets resolved before
 * the cut-off go through {@code tickets.TicketRetention#purgeClosed}, which publishes {@code TicketsPurging} inside the
 * batch's transaction so that each module deletes (or unlinks) its rows about them; {@code hr.internal.PurgedHrTicketRows}
 * does the HR side (topics, verification attempts; access-log rows keep their own period).</li>
 * <li>{@code internal.MyData}: the employee's zip of UTF-8 CSVs with BOM ({@code /portal/hr/my-data},
 * {@code GET /api/v1/me/data}), itself an {@code hr_access_log} row (what = EXPORT).</li>
 * </ul>
 * <h2>HR cases (issue 15, hr-cases)</h2>
 * <ul>
 * <li>{@code HR_LEAD} is granted beside {@code HR_AGENT}; it adds the lead's powers only.</li>
 * <li><b>Confidential cases</b> (harassment, disputes): {@code tickets.confidential_case}, set and lifted only by an
 * HR lead with a reason ({@code TicketManagement.markConfidentialCase}, a timeline entry). The ticket visibility scope
 * ({@code tickets.internal.TicketScope}, JPA and SQL alike) decides such a ticket before every other rule: its
 * assignee, HR leads and its requester — not admins, supervisors, payroll staff, its creator or other HR agents (404).
 * Routing never queues, claims or pushes one (an HR lead assigns it by hand); the HR queue's live stream carries no
 * ticket keys. Every read by staff is written to {@code hr_access_log} (what: CONFIDENTIAL_CASE) through the
 * {@code tickets.ConfidentialCaseReads} port ({@code internal.ConfidentialCaseAccess}), inside the read's transaction,
 * once per reader and HTTP request — also when a list, search or the employee panel shows the case (ADR "list reads of
 * confidential cases"). Sealing also sets {@code confidential}; lifting leaves it (payroll-confidential as
 * before), so nothing opens wider than before it was sealed.</li>
 * <li><b>Caller verification</b> ({@code internal.CallerVerification}): on a PHONE ticket the employee panel and an
 * agent's unmasking stay closed until a verified attempt on that ticket (employee number + last 4 of the ID number or a
 * PIN, compared with password hashes in {@code hr_caller_secrets}). Attempts and outcomes in
 * {@code hr_caller_verifications} and on the timeline (never the factor). 5 failures on one employee within an hour
 * lock verification (423), counted in the database under {@code select … for update} on the employee's secrets row, so
 * it holds across nodes; the locking attempt rings the HR leads' bell once. Web: {@code web.HrCasesApi},
 * {@code web.HrCasePages}.</li>
 * </ul>
 * <h2>Topics and hardship requests (issue 15, hr-topics)</h2>
 * <ul>
 * <li>An HR ticket carries a {@link dev.backstop.helpdesk.tickets.HrTopic} ({@code tickets.hr_topic}), chosen on the
 * portal's and the workspace's new-ticket forms and the API ({@code OpenTicket.topic}), changed by HR staff on the
 * ticket page or {@code POST /api/v1/hr/tickets/{id}/topic} ({@code web.HrTopicPages}; a timeline entry). The topic
 * sets the skill (payroll topics → the payroll queue), the SLA policy ({@code sla_policies.topic}), the scripts and
 * replies offered ({@code kb_templates.topic}). A family member chooses among hardship, policy, feedback and other.</li>
 * <li>A hardship request (topic or type) is first in the HR queue: {@code routing.internal.PriorityScores.HARDSHIP_FIRST}
 * outweighs all other parts, and the score breakdown names it. The requester's call-back promise in their own words
 * ({@code tickets.callback_promise}) is shown on the agent's ticket page and in the queue. ADR "HR topics".</li>
 * </ul>
 * <h2>Caller factors, HR lead alone (issue 15, hr-gaps)</h2>
 * <ul>
 * <li>{@code internal.CallerSecrets}: an HR lead or admin sets or resets an employee's factors (last 4 of the ID number,
 * X allowed; PIN of 4–8 digits) on {@code /workspace/hr/caller-factors} or {@code PUT
 * /api/v1/hr/employees/{no}/caller-factors}; only password hashes go to {@code hr_caller_secrets}, nothing reads a
 * factor back (the page shows set / not set and when), each change is a {@code hr_caller_secret_changes} row (who,
 * role, which factors, page / API, when, address; never the digits).</li>
 * <li>{@code HR_LEAD} without {@code HR_AGENT} reaches the workspace, the HR pages, the employee panel (masked, as an
 * agent) and feedback.</li>
 * </ul>
 * Where to change what: who may read → {@code HrDesk}; who sees a confidential case → {@code TicketScope}; lock
 * threshold → {@code CallerVerification}; what is logged → {@code AccessLog}; item names and KB links →
 * {@code hr_payslip_item_kinds}; delegation rules → {@code Delegations} / {@code FamilyDelegation}; what anonymity
 * keeps out → {@code BranchFeedback} (and its test's database/log scan); suppression → {@code FeedbackOversight};
 * retention periods → {@code RetentionSettings}; the export's files → {@code MyData}; a topic's queue → {@code HrTopic.skill()}; its targets → {@code sla_policies};
 * hardship's weight → {@code PriorityScores.HARDSHIP_FIRST}.
 */
package dev.backstop.helpdesk.hr;
