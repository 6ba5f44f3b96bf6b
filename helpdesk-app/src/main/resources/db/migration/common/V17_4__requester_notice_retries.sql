-- Issue 17: a requester notice that failed (mail server or SMS gateway down) is tried again with back-off a bounded
-- number of times, on whichever node claims it first, then given up visibly. The rendered message is kept so that a
-- retry sends exactly what the first attempt would have sent.
alter table requester_notices add column attempts integer default 1 not null;
alter table requester_notices add column next_attempt_at timestamp with time zone;
alter table requester_notices add column subject varchar(300);
alter table requester_notices add column body text;
create index requester_notices_due on requester_notices (status, next_attempt_at);
