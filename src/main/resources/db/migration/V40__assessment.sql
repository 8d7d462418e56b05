-- Workflow 3 "街道对派驻机构考核": campaigns, one assessment per (street/town, agency) pair,
-- objections, the business record of every decision, suggestions sent, aggregated results.
-- Portable SQL (H2 2.x and MariaDB 10.11+).

-- one campaign per period (2026, 2026-H2, 2026-Q4), opened by the assessment office or a timer
create table assessment_campaign (
    id                  bigint        not null auto_increment primary key,
    period              varchar(16)   not null,
    process_instance_id varchar(64),
    -- OPEN while cases run, AGGREGATED when all are final, NOTED when org-dept took note
    status              varchar(16)   not null,
    opened_by           varchar(64),
    opened_group        varchar(64),
    opened_at           datetime(3)  not null,
    aggregated_at       datetime(3),
    noted_by            varchar(64),
    noted_at            datetime(3),
    note_comment        varchar(2000),
    constraint uq_assessment_campaign_period unique (period),
    constraint ck_assessment_campaign_status check (status in ('OPEN', 'AGGREGATED', 'NOTED'))
);

-- the assessment of one dispatched agency by its street/town in one campaign (KH-2026-H2-S01-GA)
create table assessment_case (
    id                     bigint        not null auto_increment primary key,
    campaign_id            bigint        not null,
    case_no                varchar(48)   not null,
    period                 varchar(16)   not null,
    process_instance_id    varchar(64),
    org_code               varchar(16)   not null,
    dept_code              varchar(16)   not null,
    agency_code            varchar(40)   not null,
    status                 varchar(16)   not null,
    -- self-evaluation (自评): PENDING, SUBMITTED or NOT_SUBMITTED (deadline missed)
    self_status            varchar(16)   not null,
    self_due               datetime(3),
    self_score             int,
    self_report            varchar(2000),
    self_by                varchar(64),
    self_at                datetime(3),
    -- objective figures of the period from whistle dispatch, as attached (snapshot)
    obj_summoned           int,
    obj_on_time            int,
    obj_late               int,
    obj_on_time_rate       decimal(7,4),
    obj_avg_report_minutes decimal(12,2),
    obj_avg_satisfaction   decimal(7,2),
    obj_at                 datetime(3),
    prefilled_command      int,
    -- the street office's scores per indicator (0-100) and veto item (一票否决)
    score_command          int,
    score_duty             int,
    score_style            int,
    score_cooperation      int,
    score_satisfaction     int,
    veto_item              boolean       not null,
    veto_reason            varchar(2000),
    score_change_reason    varchar(2000),
    scored_by              varchar(64),
    scored_group           varchar(64),
    scored_at              datetime(3),
    -- DMN assessment-grade on the office's scores
    proposed_score         decimal(7,2),
    proposed_grade         varchar(16),
    -- the street committee: CONFIRM or ADJUST
    committee_decision     varchar(16),
    adjusted_score         decimal(7,2),
    adjust_reason          varchar(2000),
    committee_by           varchar(64),
    committee_group        varchar(64),
    committee_at           datetime(3),
    -- current result (after committee, re-review or arbitration)
    total_score            decimal(7,2),
    grade                  varchar(16),
    publicity_until        datetime(3),
    objection_count        int           not null,
    -- after a FAIL: the committee's use of its suggestion right (建议权)
    use_suggestion         boolean,
    suggestion_action      varchar(16),
    suggestion_reason      varchar(2000),
    suggestion_by          varchar(64),
    suggestion_at          datetime(3),
    suggestion_sent_at     datetime(3),
    suggestion_instance_id varchar(64),
    finalised_at           datetime(3),
    created_at             datetime(3)  not null,
    constraint uq_assessment_case_no unique (case_no),
    constraint uq_assessment_case_pair unique (campaign_id, agency_code),
    constraint fk_assessment_case_campaign foreign key (campaign_id) references assessment_campaign (id),
    constraint fk_assessment_case_agency foreign key (agency_code) references org_agency (code),
    constraint ck_assessment_case_status check (status in ('SCORING', 'PUBLICITY', 'OBJECTION', 'FINAL'))
);
create index ix_assessment_case_org on assessment_case (campaign_id, org_code, grade);

-- an objection of the agency during publicity (异议) and what became of it
create table assessment_objection (
    id              bigint         not null auto_increment primary key,
    case_id         bigint         not null,
    round_no        int            not null,
    reason          varchar(2000)  not null,
    raised_by       varchar(64),
    raised_at       datetime(3)   not null,
    -- the committee's re-review (UPHOLD / REJECT) or the assessment office's arbitration (KEEP / CHANGE)
    decision        varchar(16),
    decided_score   decimal(7,2),
    decided_grade   varchar(16),
    decided_by      varchar(64),
    decided_group   varchar(64),
    decided_at      datetime(3),
    constraint fk_assessment_objection_case foreign key (case_id) references assessment_case (id)
);
create index ix_assessment_objection_case on assessment_objection (case_id, round_no);

-- the business record of every decision taken on a case (who, for which group, when, what, why)
create table assessment_decision (
    id            bigint         not null auto_increment primary key,
    case_id       bigint         not null,
    task_key      varchar(64)    not null,
    decision      varchar(64)    not null,
    score         decimal(7,2),
    comment       varchar(2000),
    actor         varchar(64),
    actor_group   varchar(64),
    decided_at    datetime(3)   not null,
    constraint fk_assessment_decision_case foreign key (case_id) references assessment_case (id)
);
create index ix_assessment_decision_case on assessment_decision (case_id, decided_at);

-- results aggregated when every case of a campaign is final: per AGENCY, ORG (street/town), DEPT
create table assessment_result (
    id              bigint         not null auto_increment primary key,
    campaign_id     bigint         not null,
    dimension       varchar(16)    not null,
    code            varchar(40)    not null,
    case_count      int            not null,
    avg_score       decimal(7,2),
    excellent_count int            not null,
    good_count      int            not null,
    pass_count      int            not null,
    fail_count      int            not null,
    constraint fk_assessment_result_campaign foreign key (campaign_id) references assessment_campaign (id),
    constraint uq_assessment_result unique (campaign_id, dimension, code),
    constraint ck_assessment_result_dimension check (dimension in ('AGENCY', 'ORG', 'DEPT'))
);
