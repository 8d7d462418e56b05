-- The audit trail: one row per event of a case (started, task completed with the decision,
-- system events such as reminders and escalations, ended). Each row carries the SHA-256 of its
-- content chained to the previous row of the same case, so that a changed or deleted row is
-- detected (GET /api/audit/{id} reports the chain's state).
create table audit_record (
    id                  bigint        not null auto_increment primary key,
    process_instance_id varchar(64)   not null,
    seq                 int           not null,
    business_key        varchar(64),
    process_key         varchar(64)   not null,
    event_type          varchar(32)   not null,
    activity_id         varchar(128),
    activity_name       varchar(255),
    task_id             varchar(64),
    actor_id            varchar(64)   not null,
    actor_group_id      varchar(128),
    actor_group_name    varchar(128),
    decision            varchar(64),
    comment_text        varchar(4000),
    payload             varchar(8000),
    occurred_at         datetime(3)  not null,
    prev_hash           varchar(64)   not null,
    hash                varchar(64)   not null,
    constraint uq_audit_record_seq unique (process_instance_id, seq)
);
create index ix_audit_record_business_key on audit_record (business_key);
