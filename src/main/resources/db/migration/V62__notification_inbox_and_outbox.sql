-- Delivery of the kernel's notices (cn.streetgov.notify): each official's inbox, and the outbox of
-- the outward channels (mail, …). Times are UTC.

-- REJECTED_BY_RULES (规则否决) is longer than the 16 characters the kinds had: the column is replaced
-- by a wider one (H2 and MariaDB share no statement that widens a column in place)
alter table case_notification add column notice_kind varchar(32) default 'INFO' not null;
update case_notification set notice_kind = kind;
alter table case_notification drop column kind;
alter table case_notification rename column notice_kind to kind;

-- one row per person a notice reached: the user of a user notice, each active member of the group of
-- a group notice at the time it was sent (via_group); read_at is set when the person marks it read
create table notify_inbox (
    id               bigint       not null auto_increment primary key,
    notification_id  bigint       not null,
    user_id          varchar(64)  not null,
    via_group        varchar(64),
    created_at       datetime(3)  not null,
    read_at          datetime(3),
    constraint uq_notify_inbox_person unique (notification_id, user_id),
    constraint fk_notify_inbox_notification foreign key (notification_id) references case_notification (id)
);
create index ix_notify_inbox_user on notify_inbox (user_id, read_at);

-- one row per (notice, person, channel) of an enabled outward channel, written in the notice's
-- transaction and sent after it commits. status: PENDING (due at next_attempt_at) → SENDING (claimed
-- by one dispatcher, claim_token) → SENT; FAILED after the last attempt, or when a send was cut
-- off (never sent again: at most once); SKIPPED when the person has no address on the channel.
create table notify_outbox (
    id               bigint        not null auto_increment primary key,
    notification_id  bigint        not null,
    user_id          varchar(64)   not null,
    channel          varchar(32)   not null,
    address          varchar(255),
    status           varchar(16)   not null,
    attempts         int           default 0 not null,
    next_attempt_at  datetime(3)   not null,
    claim_token      varchar(64),
    claimed_at       datetime(3),
    sent_at          datetime(3),
    last_error       varchar(1000),
    created_at       datetime(3)   not null,
    constraint uq_notify_outbox_delivery unique (notification_id, user_id, channel),
    constraint fk_notify_outbox_notification foreign key (notification_id) references case_notification (id),
    constraint ck_notify_outbox_status check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED'))
);
create index ix_notify_outbox_due on notify_outbox (status, next_attempt_at);
