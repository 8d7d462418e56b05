-- Power-delegation cases (赋权下放审批): the proposal, its item x target pairs with the rule
-- result and the capacity decision, every decision taken on it, reminders, and the published
-- delegated powers with their revocations.

create table dlg_case (
    id                  bigint        not null auto_increment primary key,
    case_no             varchar(20)   not null,
    dept_code           varchar(16)   not null,
    delegation_method   varchar(32)   not null,
    legal_basis         varchar(1000) not null,
    reason              varchar(1000) not null,
    staffing_transfer   int           not null,
    effective_date      date          not null,
    -- SUBMITTED | IN_REVIEW | REVISING | STAFFING | DECIDING | PUBLISHED | REJECTED | WITHDRAWN
    status              varchar(16)   not null,
    outcome             varchar(16),
    legal_review_required boolean     not null,
    process_instance_id varchar(64),
    created_by          varchar(64),
    created_at          datetime(3)  not null,
    closed_at           datetime(3),
    constraint uq_dlg_case_no unique (case_no)
);

create table dlg_case_item (
    case_id       bigint        not null,
    item_code     varchar(32)   not null,
    constraint pk_dlg_case_item primary key (case_id, item_code),
    constraint fk_dlg_case_item_case foreign key (case_id) references dlg_case (id)
);

create table dlg_case_target (
    case_id       bigint        not null,
    org_code      varchar(16)   not null,
    constraint pk_dlg_case_target primary key (case_id, org_code),
    constraint fk_dlg_case_target_case foreign key (case_id) references dlg_case (id)
);

-- one row per item x target: the eligibility rule's answer and the target's capacity decision
create table dlg_case_pair (
    id                    bigint        not null auto_increment primary key,
    case_id               bigint        not null,
    item_code             varchar(32)   not null,
    org_code              varchar(16)   not null,
    eligible              boolean       not null,
    eligibility_reason    varchar(500)  not null,
    legal_review_required boolean       not null,
    -- null until the target decided: ACCEPT | ACCEPT_WITH_CONDITIONS | REJECT
    capacity_decision     varchar(32),
    constraint fk_dlg_case_pair_case foreign key (case_id) references dlg_case (id),
    constraint uq_dlg_case_pair unique (case_id, item_code, org_code)
);

-- every decision and comment on a case: who, for which organisation, when
create table dlg_decision (
    id            bigint        not null auto_increment primary key,
    case_id       bigint        not null,
    -- CAPACITY | LEGAL | REVISION | STAFFING | FINAL | REPORT
    step          varchar(16)   not null,
    task_key      varchar(64)   not null,
    -- the street/town decided for (capacity review, report) or the deciding body's group
    org_code      varchar(64)   not null,
    decided_by    varchar(64)   not null,
    decided_at    datetime(3)  not null,
    decision      varchar(32)   not null,
    comment_text  varchar(2000),
    constraint fk_dlg_decision_case foreign key (case_id) references dlg_case (id)
);
create index ix_dlg_decision_case on dlg_decision (case_id);

-- reminders sent before a deadline (a row here + a log line)
create table dlg_notification (
    id              bigint        not null auto_increment primary key,
    case_id         bigint        not null,
    kind            varchar(32)   not null,
    recipient_group varchar(64)   not null,
    message         varchar(500)  not null,
    created_at      datetime(3)  not null,
    constraint fk_dlg_notification_case foreign key (case_id) references dlg_case (id)
);

-- the published catalog: a power of the catalog delegated to one street/town
create table dlg_delegated_power (
    id                bigint        not null auto_increment primary key,
    item_code         varchar(32)   not null,
    org_code          varchar(16)   not null,
    delegation_method varchar(32)   not null,
    effective_date    date          not null,
    -- ACTIVE | REVOKED
    status            varchar(16)   not null,
    case_id           bigint        not null,
    published_at      datetime(3)  not null,
    revoked_at        datetime(3),
    revocation_id     bigint,
    constraint fk_dlg_delegated_power_item foreign key (item_code) references dlg_power_item (code),
    constraint fk_dlg_delegated_power_case foreign key (case_id) references dlg_case (id)
);
create index ix_dlg_delegated_power_org on dlg_delegated_power (org_code, status);

-- revocation requests (收回赋权): department asks, district government decides
create table dlg_revocation (
    id                 bigint        not null auto_increment primary key,
    revocation_no      varchar(20)   not null,
    delegated_power_id bigint        not null,
    dept_code          varchar(16)   not null,
    reason             varchar(1000) not null,
    requested_by       varchar(64),
    requested_at       datetime(3)  not null,
    -- REQUESTED | REVOKED | REJECTED
    status             varchar(16)   not null,
    decision           varchar(16),
    decision_comment   varchar(2000),
    decided_by         varchar(64),
    decided_org        varchar(64),
    decided_at         datetime(3),
    process_instance_id varchar(64),
    constraint uq_dlg_revocation_no unique (revocation_no),
    constraint fk_dlg_revocation_power foreign key (delegated_power_id) references dlg_delegated_power (id)
);
