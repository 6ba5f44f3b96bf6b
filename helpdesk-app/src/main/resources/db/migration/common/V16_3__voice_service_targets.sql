-- Voice service level (issue 16): each desk's target for its inbound calls, e.g. 90 % answered within 10 s, and
-- whether callers who hung up within a few seconds of waiting count (many call centers leave them out: they
-- hung up before anyone could answer). Read by sla.VoiceServiceLevels, edited on /admin/sla-policies.
create table voice_service_targets (
    desk                    varchar(16) primary key,
    answer_within_seconds   integer     not null,
    target_percent          integer     not null,
    exclude_short_abandons  boolean     not null,
    short_abandon_seconds   integer     not null
);

insert into voice_service_targets (desk, answer_within_seconds, target_percent, exclude_short_abandons, short_abandon_seconds)
values ('CHANNEL', 10, 90, true, 5), ('EXPERT', 10, 90, true, 5), ('HR', 10, 90, true, 5);
