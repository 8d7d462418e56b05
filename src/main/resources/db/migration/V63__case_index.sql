-- The kernel's index of cases, for the officials' workspace (已办, 我发起的): one row per engine case
-- of every workflow with what a list shows and searches — case number, subject, the organisations it
-- belongs to, starter, start and end, outcome — kept by a generic engine listener (casework.CaseIndex),
-- and one row per case and official who completed a task of it (their last one), so that the lists
-- are paged in the database instead of being read from the engine's history.
create table case_index (
    id                         bigint        not null auto_increment primary key,
    process_instance_id        varchar(64)   not null,
    -- the case that started this one through a call activity (an assessment campaign), or null
    parent_instance_id         varchar(64),
    case_no                    varchar(64),
    process_key                varchar(64)   not null,
    process_definition_id      varchar(64),
    process_name               varchar(255),
    subject                    varchar(500),
    -- codes of the streets/towns, departments and agencies the case belongs to, comma-separated
    org_codes                  varchar(1000),
    starter_user               varchar(64),
    started_at                 datetime(3)   not null,
    ended_at                   datetime(3),
    outcome                    varchar(64),
    constraint uq_case_index_instance unique (process_instance_id)
);
create index ix_case_index_starter on case_index (starter_user, id);
create index ix_case_index_parent on case_index (parent_instance_id);

create table case_index_done (
    id                         bigint        not null auto_increment primary key,
    process_instance_id        varchar(64)   not null,
    user_id                    varchar(64)   not null,
    task_id                    varchar(64)   not null,
    step_name                  varchar(255),
    done_at                    datetime(3)   not null,
    constraint uq_case_index_done_user unique (process_instance_id, user_id)
);
create index ix_case_index_done_user on case_index_done (user_id, done_at);
