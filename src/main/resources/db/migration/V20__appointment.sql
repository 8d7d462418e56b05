-- Workflow 2: appointment consultation for heads of dispatched agencies (派驻机构负责人任免征求意见)
-- and the street's suggestion right (建议权). Portable SQL (H2 2.x and MariaDB 10.11+).

-- readable case numbers (RM-2026-0001, JY-2026-0001): one counter per prefix and year
create table appt_case_counter (
    prefix        varchar(8)   not null,
    counter_year  int          not null,
    last_number   int          not null,
    constraint pk_appt_case_counter primary key (prefix, counter_year)
);

-- a street's suggestion (建议) to appoint/remove/transfer the head of an agency stationed there
create table appt_suggestion (
    id                  bigint        not null auto_increment primary key,
    suggestion_no       varchar(20)   not null,
    process_instance_id varchar(64),
    org_code            varchar(16)   not null,
    agency_code         varchar(40)   not null,
    dept_code           varchar(16)   not null,
    action              varchar(16)   not null,
    reason              varchar(4000) not null,
    suggested_by        varchar(64),
    created_at          datetime(3)  not null,
    answer_deadline     datetime(3)  not null,
    status              varchar(16)   not null,
    answer_comment      varchar(4000),
    answered_by         varchar(64),
    answered_at         datetime(3),
    case_no             varchar(20),
    constraint uq_appt_suggestion_no unique (suggestion_no),
    constraint ck_appt_suggestion_action check (action in ('APPOINT', 'REMOVE', 'TRANSFER')),
    constraint ck_appt_suggestion_status check (status in ('OPEN', 'ACCEPTED', 'DECLINED'))
);
create index ix_appt_suggestion_org on appt_suggestion (org_code);

-- one consultation case (任免征求意见案件)
create table appt_case (
    id                  bigint        not null auto_increment primary key,
    case_no             varchar(20)   not null,
    process_instance_id varchar(64),
    dept_code           varchar(16)   not null,
    agency_code         varchar(40)   not null,
    org_code            varchar(16)   not null,
    action              varchar(16)   not null,
    candidate_name      varchar(64),
    position_title      varchar(128)  not null,
    position_level      varchar(16)   not null,
    reason              varchar(4000) not null,
    dossier_ref         varchar(512),
    previous_head_name  varchar(64),
    consultation_mode   varchar(16),
    final_authority     varchar(32),
    reply_days          int,
    reply_deadline      datetime(3),
    suggestion_no       varchar(20),
    status              varchar(16)   not null,
    outcome             varchar(16),
    created_by          varchar(64),
    created_at          datetime(3)  not null,
    closed_at           datetime(3),
    street_informed_at  datetime(3),
    constraint uq_appt_case_no unique (case_no),
    constraint ck_appt_case_action check (action in ('APPOINT', 'REMOVE', 'TRANSFER')),
    constraint ck_appt_case_level check (position_level in ('SECTION', 'DIVISION'))
);
create index ix_appt_case_agency on appt_case (agency_code);

-- every opinion and decision on a case: who, for which organisation, which meeting, when, what
create table appt_opinion (
    id            bigint        not null auto_increment primary key,
    case_id       bigint        not null,
    step          varchar(32)   not null,
    actor_user    varchar(64),
    actor_org     varchar(64)   not null,
    meeting_date  date,
    decided_at    datetime(3)  not null,
    decision      varchar(32)   not null,
    comment_text  varchar(4000),
    constraint fk_appt_opinion_case foreign key (case_id) references appt_case (id)
);
create index ix_appt_opinion_case on appt_opinion (case_id);

-- reminders and notices sent to an organisation (also written to the log)
create table appt_notification (
    id              bigint        not null auto_increment primary key,
    case_id         bigint,
    suggestion_id   bigint,
    kind            varchar(32)   not null,
    recipient_group varchar(64)   not null,
    message         varchar(1000) not null,
    created_at      datetime(3)  not null,
    constraint fk_appt_notification_case foreign key (case_id) references appt_case (id),
    constraint fk_appt_notification_suggestion foreign key (suggestion_id) references appt_suggestion (id)
);
create index ix_appt_notification_case on appt_notification (case_id);
