-- Idempotent creation (web/IdempotentRequests): the first answer to a request sent with an Idempotency-Key, written in
-- the same transaction as what the request created, so a retry on any node replays it instead of creating again.
create table idempotency_keys (
    principal     varchar(100) not null,
    idem_key      varchar(100) not null,
    request_hash  varchar(64)  not null,
    method        varchar(10)  not null,
    path          varchar(500) not null,
    status        integer      not null,
    content_type  varchar(200),
    location      varchar(1000),
    body          text,
    created_at    timestamp with time zone not null,
    primary key (principal, idem_key)
);
create index idempotency_keys_by_created_at on idempotency_keys (created_at);
