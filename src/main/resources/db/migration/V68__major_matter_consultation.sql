-- 规划参与权、重大事项建议权 (major-matter-consultation): a department or the district government
-- consults the affected streets/towns on a plan, a major project or a major decision. major_matter is
-- the matter and the sender's final decision; major_matter_opinion holds one row per affected
-- street: its opinion (or overdue = 1 when the deadline passed without one) and the sender's answer.
create table major_matter (
    id                   bigint        not null auto_increment primary key,
    version              bigint        not null default 0,
    case_no              varchar(64)   not null,
    process_instance_id  varchar(64)   not null,
    sender_code          varchar(32)   not null,
    matter_type          varchar(32)   not null,
    title                varchar(200)  not null,
    summary              varchar(2000) not null,
    document_ref         varchar(500),
    opinion_deadline     datetime(3)   not null,
    status               varchar(32)   not null,
    decision             varchar(32),
    decision_note        varchar(2000),
    decided_by           varchar(64),
    decided_at           datetime(3),
    started_by           varchar(64),
    created_at           datetime(3)   not null,
    constraint uq_major_matter_case_no unique (case_no),
    constraint ck_major_matter_matter_type check (matter_type in ('PLAN', 'MAJOR_PROJECT', 'MAJOR_DECISION')),
    constraint ck_major_matter_status check (status in ('CONSULTING', 'ANSWERING', 'DECIDING', 'CLOSED')),
    constraint ck_major_matter_decision check (decision is null or decision in ('PROCEED', 'REVISE', 'WITHDRAW'))
);
create index ix_major_matter_sender on major_matter (sender_code);

create table major_matter_opinion (
    id              bigint        not null auto_increment primary key,
    version         bigint        not null default 0,
    matter_id       bigint        not null,
    org_code        varchar(32)   not null,
    opinion         varchar(32),
    opinion_text    varchar(2000),
    meeting_date    date,
    submitted_by    varchar(64),
    submitted_at    datetime(3),
    overdue         boolean       not null default false,
    answer          varchar(32),
    answer_reason   varchar(2000),
    answered_by     varchar(64),
    answered_at     datetime(3),
    constraint fk_major_matter_opinion_matter foreign key (matter_id) references major_matter (id),
    constraint uq_major_matter_opinion_org unique (matter_id, org_code),
    constraint ck_major_matter_opinion_opinion check (opinion is null or opinion in ('SUPPORT', 'SUPPORT_WITH_SUGGESTIONS', 'OBJECT')),
    constraint ck_major_matter_opinion_answer check (answer is null or answer in ('ADOPTED', 'PARTLY_ADOPTED', 'NOT_ADOPTED'))
);
create index ix_major_matter_opinion_org on major_matter_opinion (org_code);
