-- Approval operations (退回, 撤回, 转办, 委派, 加签/减签, 抄送, 催办): the decision record keeps the
-- actor's post, and copies of a case to people for information (抄送) with their read mark (已阅).
alter table case_decision add column actor_post varchar(255);

-- one row per person a case was copied to (a copy to a group is one row per member at that time)
create table case_copy (
    id                  bigint        not null auto_increment primary key,
    case_no             varchar(48)   not null,
    process_instance_id varchar(64)   not null,
    process_key         varchar(64)   not null,
    task_id             varchar(64),
    step_name           varchar(255),
    sender_user         varchar(64)   not null,
    recipient_user      varchar(64)   not null,
    via_group           varchar(64),
    note                varchar(1000),
    copied_at           datetime(3)   not null,
    read_at             datetime(3)
);
create index ix_case_copy_recipient on case_copy (recipient_user, id);
create index ix_case_copy_instance on case_copy (process_instance_id, recipient_user);
-- the last urge of a task is looked up on every urge (at most one per hour)
create index ix_case_decision_task on case_decision (task_id, entry_type);

-- added approvers (加签): one row per person added to a task, before/after the holder or in parallel;
-- a BEFORE/PARALLEL signer works on a sign task (a subtask of the task), an AFTER signer on the task
-- itself once the holder has signed
create table case_sign (
    id                  bigint        not null auto_increment primary key,
    case_no             varchar(48)   not null,
    process_instance_id varchar(64)   not null,
    parent_task_id      varchar(64)   not null,
    sign_task_id        varchar(64),
    step_name           varchar(255),
    sign_position       varchar(16)   not null,
    signer_user         varchar(64)   not null,
    added_by            varchar(64)   not null,
    reason              varchar(1000),
    added_at            datetime(3)   not null,
    signed_at           datetime(3),
    agree               boolean,
    opinion             varchar(2000),
    removed_at          datetime(3)
);
create index ix_case_sign_parent on case_sign (parent_task_id);
create index ix_case_sign_task on case_sign (sign_task_id);
