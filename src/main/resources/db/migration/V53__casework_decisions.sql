-- The casework kernel: one record of the decisions and opinions of every workflow (who, for which
-- organisation, when, on which step, what, why, and the further input as a JSON object), written by
-- the kernel's decision listener. This migration creates it and moves whistle_decision into it;
-- decided_at is UTC (whistle rows were written in the server's zone, UTC in the Docker image).
create table case_decision (
    id                  bigint        not null auto_increment primary key,
    case_no             varchar(48)   not null,
    process_instance_id varchar(64),
    process_key         varchar(64)   not null,
    task_id             varchar(64),
    task_key            varchar(64)   not null,
    step_name           varchar(255),
    -- DECISION (an official's) | SYSTEM (a step the engine took)
    entry_type          varchar(16)   not null,
    decision            varchar(64),
    decision_label      varchar(255),
    comment_text        varchar(4000),
    details             varchar(4000),
    actor_user          varchar(64),
    actor_group         varchar(64),
    decided_at          datetime(3)   not null
);
create index ix_case_decision_case on case_decision (case_no, id);
create index ix_case_decision_instance on case_decision (process_instance_id);
create index ix_case_decision_actor on case_decision (actor_user, decided_at);

insert into case_decision (case_no, process_instance_id, process_key, task_key, step_name, entry_type, decision,
        comment_text, actor_user, actor_group, decided_at)
    select c.case_no, c.process_instance_id, 'whistle-dispatch', d.task_key,
           case d.task_key when 'userTask_reportToStreet' then '部门报到'
                           when 'userTask_handleJointly' then '联合处置'
                           when 'userTask_confirmResult' then '街道确认办理结果'
                           when 'userTask_followUpVisit' then '回访群众'
                           when 'serviceTask_reopenWhistle' then '重新处置'
                           when 'serviceTask_closeWhistle' then '办结'
                           else d.task_key end,
           case when d.actor is null then 'SYSTEM' else 'DECISION' end,
           d.decision, d.comment, d.actor, d.actor_group, d.decided_at
    from whistle_decision d join whistle_case c on c.id = d.case_id
    order by d.id;

drop table whistle_decision;
