-- Deadlines of user tasks (cn.streetgov.casework.DeadlineSweep): which reminder or escalation a task
-- has had. The sweep inserts the row before it sends the notice, in the notice's transaction; a
-- second node sweeping at the same time fails on the key and sends nothing. sent_at is UTC.
create table task_deadline_notice (
    task_id   varchar(64)  not null,
    -- REMINDER | ESCALATION
    kind      varchar(16)  not null,
    sent_at   datetime(3)  not null,
    constraint pk_task_deadline_notice primary key (task_id, kind)
);
