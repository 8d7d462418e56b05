-- The auditors' search (审计查询) over the kernel's case index: by case number, process, organisation,
-- person (who started or took part), period and outcome, paged newest first and fast with 100,000 cases.
-- One row per case and organisation it belongs to (the codes of case_index.org_codes, one a row), with
-- the case's start so that a search by organisation reads its cases newest first from one index; kept by
-- casework.CaseIndex with the case. The cases indexed before this table existed get their rows from
-- casework.CaseIndexBackfill at start-up.
create table case_index_org (
    case_index_id              bigint        not null,
    org_code                   varchar(64)   not null,
    started_at                 datetime(3)   not null,
    constraint pk_case_index_org primary key (org_code, case_index_id)
);
create index ix_case_index_org_started on case_index_org (org_code, started_at, case_index_id);
create index ix_case_index_org_case on case_index_org (case_index_id);

-- newest first, also within a state, a period of starts or of ends, a process, an outcome
create index ix_case_index_started on case_index (started_at, id);
create index ix_case_index_ended on case_index (ended_at, started_at);
create index ix_case_index_process on case_index (process_key, started_at);
create index ix_case_index_outcome on case_index (outcome, started_at);
create index ix_case_index_case_no on case_index (case_no);
-- the cases a person took part in
create index ix_case_index_done_user_case on case_index_done (user_id, process_instance_id);
