-- Workflow 4 "街道吹哨、部门报到": whistle cases, the departments summoned, decisions, escalations.
-- Portable SQL (H2 2.x and MariaDB 10.11+).

-- case numbers CS-{year}-{nnnn}: one counter row per year, incremented under a row lock
create table whistle_case_counter (
    case_year     int          not null primary key,
    last_number   int          not null
);

-- one whistle blown by a street/town office (吹哨)
create table whistle_case (
    id                  bigint        not null auto_increment primary key,
    case_no             varchar(32)   not null,
    process_instance_id varchar(64),
    org_code            varchar(16)   not null,
    summary             varchar(500)  not null,
    location            varchar(200),
    urgency             varchar(16)   not null,
    -- from DMN whistle-sla when the case starts
    report_minutes      int,
    handling_minutes    int,
    report_deadline     datetime(3),
    handling_deadline   datetime(3),
    status              varchar(16)   not null,
    reopen_count        int           not null,
    -- the resident's satisfaction of the last follow-up visit (1-5)
    satisfaction        int,
    outcome             varchar(16),
    started_by          varchar(64),
    created_at          datetime(3)  not null,
    closed_at           datetime(3),
    constraint uq_whistle_case_no unique (case_no),
    constraint fk_whistle_case_org foreign key (org_code) references org_unit (code),
    constraint ck_whistle_case_urgency check (urgency in ('NORMAL', 'URGENT', 'CRITICAL'))
);
create index ix_whistle_case_org on whistle_case (org_code, created_at);

-- one department summoned by the whistle (部门报到), routed to its agency in the street or to itself
create table whistle_summons (
    id               bigint        not null auto_increment primary key,
    case_id          bigint        not null,
    org_code         varchar(16)   not null,
    dept_code        varchar(16)   not null,
    -- null when the department has no dispatched agency in that street/town (e.g. WJ)
    agency_code      varchar(40),
    routed_group     varchar(64)   not null,
    summoned_at      datetime(3)  not null,
    deadline         datetime(3),
    reported_at      datetime(3),
    -- minutes from summons to report, kept so that the figures need no date arithmetic in SQL
    report_minutes   int,
    late             boolean       not null,
    escalated_at     datetime(3),
    report_note      varchar(4000),
    reported_by      varchar(64),
    -- the resident's satisfaction with the case (copy of whistle_case.satisfaction, kept here so
    -- that the figures per agency are one scan of this table's index, without a join)
    satisfaction     int,
    constraint fk_whistle_summons_case foreign key (case_id) references whistle_case (id),
    constraint fk_whistle_summons_dept foreign key (dept_code) references org_department (code),
    constraint uq_whistle_summons_dept unique (case_id, dept_code)
);
-- the figures per agency and period (WhistleMetricsQuery): range on summoned_at, every column the
-- aggregate reads is in the index (a covering index scan, no table access, no join)
create index ix_whistle_summons_metrics on whistle_summons
    (summoned_at, agency_code, late, reported_at, report_minutes, satisfaction);
-- the figures of one agency (WhistleMetricsQuery.figuresOf), covering as well
create index ix_whistle_summons_agency on whistle_summons
    (agency_code, summoned_at, late, reported_at, report_minutes, satisfaction);

-- the business record of every decision taken on a case (who, for which group, when, what)
create table whistle_decision (
    id            bigint         not null auto_increment primary key,
    case_id       bigint         not null,
    task_key      varchar(64)    not null,
    decision      varchar(64)    not null,
    comment       varchar(4000),
    actor         varchar(64),
    actor_group   varchar(64),
    decided_at    datetime(3)   not null,
    constraint fk_whistle_decision_case foreign key (case_id) references whistle_case (id)
);
create index ix_whistle_decision_case on whistle_decision (case_id, decided_at);

-- escalations and other notifications sent to a group (e.g. a late report to dept-{dept})
create table whistle_notification (
    id               bigint         not null auto_increment primary key,
    case_id          bigint         not null,
    summons_id       bigint,
    kind             varchar(32)    not null,
    recipient_group  varchar(64)    not null,
    message          varchar(1000)  not null,
    created_at       datetime(3)   not null,
    constraint fk_whistle_notification_case foreign key (case_id) references whistle_case (id),
    constraint fk_whistle_notification_summons foreign key (summons_id) references whistle_summons (id)
);
create index ix_whistle_notification_case on whistle_notification (case_id);
