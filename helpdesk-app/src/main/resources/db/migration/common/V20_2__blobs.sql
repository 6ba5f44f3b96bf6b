-- Files every node can read (shared/DatabaseBlobStore): attachments and uploaded import files, in chunks so that
-- neither writing nor reading ever holds a whole file in memory. A file's rows go with it (on delete cascade).
create table blobs (
    id          varchar(36) primary key,
    size_bytes  bigint not null,
    created_at  timestamp with time zone not null
);

create table blob_chunks (
    blob_id  varchar(36) not null references blobs (id) on delete cascade,
    seq      integer     not null,
    data     bytea       not null,
    primary key (blob_id, seq)
);
