-- The complaint closed loop: a deadline for the back office, its answer, the callback the desk owes the caller
-- and the caller's satisfaction (1–5) recorded with it.
alter table tickets add column back_office_due timestamp with time zone;
alter table tickets add column back_office_answered_at timestamp with time zone;
alter table tickets add column callback_due timestamp with time zone;
alter table tickets add column callback_done_at timestamp with time zone;
alter table tickets add column satisfaction integer;
alter table ticket_articles add column satisfaction integer;
