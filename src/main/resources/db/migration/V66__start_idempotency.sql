-- Idempotent case starts: the Idempotency-Key a client sent with a start, per user and process,
-- written in the start's own transaction (a start that rolled back leaves no key). A retried start
-- with the same key finds the case it started; request_hash (SHA-256 of the request body) tells a
-- retry from another request reusing the key. The unique key makes two starts with the same key at
-- once end in one case.
create table start_idempotency (
    id                   bigint        not null auto_increment primary key,
    user_id              varchar(64)   not null,
    process_key          varchar(128)  not null,
    idempotency_key      varchar(100)  not null,
    request_hash         varchar(64)   not null,
    process_instance_id  varchar(64),
    created_at           datetime(3)   not null,
    constraint uq_start_idempotency_key unique (user_id, process_key, idempotency_key)
);
