-- The casework kernel: one table for the notifications of every workflow, replacing
-- dlg_notification, appt_notification and whistle_notification. created_at is UTC (the old
-- delegation rows were written in Asia/Shanghai and are moved back 8 hours; the others were
-- written in the server's zone, which the Docker image leaves at UTC).
create table case_notification (
    id                  bigint        not null auto_increment primary key,
    case_no             varchar(48)   not null,
    process_instance_id varchar(64),
    -- NEW_TASK | REMINDER | OVERDUE | ESCALATION | URGE | COPY | RETURN | CASE_END | INFO
    kind                varchar(16)   not null,
    recipient_group     varchar(64),
    recipient_user      varchar(64),
    message             varchar(1000) not null,
    created_at          datetime(3)   not null
);
create index ix_case_notification_case on case_notification (case_no);
create index ix_case_notification_group on case_notification (recipient_group, created_at);
create index ix_case_notification_user on case_notification (recipient_user, created_at);

insert into case_notification (case_no, process_instance_id, kind, recipient_group, message, created_at)
    select c.case_no, c.process_instance_id, 'REMINDER', n.recipient_group, n.message,
           timestampadd(HOUR, -8, n.created_at)
    from dlg_notification n join dlg_case c on c.id = n.case_id
    order by n.id;

insert into case_notification (case_no, process_instance_id, kind, recipient_group, message, created_at)
    select coalesce(c.case_no, s.suggestion_no),
           coalesce(c.process_instance_id, s.process_instance_id),
           case n.kind when 'REMINDER' then 'REMINDER'
                       when 'REPLY_OVERDUE' then 'OVERDUE'
                       when 'SUGGESTION_OVERDUE' then 'OVERDUE'
                       when 'SUGGESTION_DECLINED' then 'CASE_END'
                       when 'SUGGESTION_ACCEPTED' then 'CASE_END'
                       else 'INFO' end,
           n.recipient_group, n.message, n.created_at
    from appt_notification n
    left join appt_case c on c.id = n.case_id
    left join appt_suggestion s on s.id = n.suggestion_id
    order by n.id;

insert into case_notification (case_no, process_instance_id, kind, recipient_group, message, created_at)
    select c.case_no, c.process_instance_id, 'ESCALATION', n.recipient_group, n.message, n.created_at
    from whistle_notification n join whistle_case c on c.id = n.case_id
    order by n.id;

drop table dlg_notification;
drop table appt_notification;
drop table whistle_notification;
