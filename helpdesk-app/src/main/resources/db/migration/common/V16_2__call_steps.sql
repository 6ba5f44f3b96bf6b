-- The phone, richer events (issue 16): held, resumed and transferred can happen several times in one call, so each
-- counts once under its own key (the PBX's eventId, else the time it happened) in call_steps, not under (call, event)
-- in call_events. The calls row keeps what is derived from the steps (only columns added: other readers stay valid).
create table call_steps (
    call_id      varchar(250) not null,
    step_key     varchar(300) not null,
    event        varchar(32)  not null,
    happened_at  timestamp with time zone not null,
    target       varchar(100),
    target_user  bigint references app_users (id),
    received_at  timestamp with time zone not null,
    primary key (call_id, step_key)
);

alter table calls add column holds integer not null default 0;
alter table calls add column hold_seconds bigint not null default 0;
alter table calls add column on_hold boolean not null default false;
alter table calls add column transfers integer not null default 0;
alter table calls add column transferred_to varchar(100);
alter table calls add column transferred_to_user bigint references app_users (id);
-- who has the call now: the last transfer's agent, else who answered (presence follows it)
alter table calls add column agent_id bigint references app_users (id);
