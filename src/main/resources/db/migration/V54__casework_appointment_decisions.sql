-- The appointment workflow's opinions and decisions (appt_opinion) move into the kernel's one
-- decision record (case_decision, V53), which its decision listener now writes for
-- cadre-consultation. Only the consultation wrote appt_opinion (street-suggestion kept its answer
-- on appt_suggestion, which stays).
-- task_key and step_name are the user task's id and name, as the kernel records them, so that old
-- and new entries of a running case read alike; decision_label is the label the forms offer; the
-- meeting date goes into details as {"meetingDate":"yyyy-MM-dd"}.
-- decided_at is copied as it is: appt_opinion was written in the server's (JVM's) zone, which the
-- migration cannot know (UTC in the Docker image, where it is then exact); case_decision is UTC.
insert into case_decision (case_no, process_instance_id, process_key, task_key, step_name, entry_type, decision,
        decision_label, comment_text, details, actor_user, actor_group, decided_at)
    select c.case_no, c.process_instance_id, 'cadre-consultation',
           case o.step when 'STREET_OPINION' then 'userTask_streetOpinion'
                       when 'NO_REPLY' then 'userTask_handleNoReply'
                       when 'COORDINATION' then 'userTask_coordinate'
                       when 'DEPT_RESPONSE' then 'userTask_respondToOpinion'
                       when 'DEPT_DECISION' then 'userTask_deptDecision'
                       when 'ORG_DEPT_APPROVAL' then 'userTask_orgDeptApproval'
                       when 'COMMITTEE_DECISION' then 'userTask_committeeDecision'
                       else o.step end,
           case o.step when 'STREET_OPINION' then '街道党(工)委会议答复意见'
                       when 'NO_REPLY' then '督办或记录街道未答复'
                       when 'COORDINATION' then '组织部协调不同意意见'
                       when 'DEPT_RESPONSE' then '部门书面回复街道意见'
                       when 'DEPT_DECISION' then '部门决定'
                       when 'ORG_DEPT_APPROVAL' then '组织部审批'
                       when 'COMMITTEE_DECISION' then '区委常委会研究决定'
                       else o.step end,
           'DECISION', o.decision,
           case when o.step = 'STREET_OPINION' and o.decision = 'AGREE' then '同意'
                when o.step = 'STREET_OPINION' and o.decision = 'AGREE_WITH_COMMENTS' then '同意，并提出意见'
                when o.step = 'STREET_OPINION' and o.decision = 'DISAGREE' then '不同意'
                when o.step = 'NO_REPLY' and o.decision = 'CHASE' then '督办，延长答复期限'
                when o.step = 'NO_REPLY' and o.decision = 'RECORD_NO_REPLY' then '记录街道未答复，继续办理'
                when o.step = 'COORDINATION' and o.decision = 'UPHOLD_STREET' then '维持街道意见（不予任免）'
                when o.step = 'COORDINATION' and o.decision = 'OVERRIDE' then '不采纳街道意见，继续办理'
                when o.step = 'DEPT_RESPONSE' and o.decision = 'ADOPT' then '采纳街道意见（撤回本次任免）'
                when o.step = 'DEPT_RESPONSE' and o.decision = 'PROCEED' then '说明理由后继续办理'
                when o.step = 'DEPT_DECISION' and o.decision = 'APPROVE' then '同意任免'
                when o.step = 'DEPT_DECISION' and o.decision = 'WITHDRAW' then '撤回'
                when o.step = 'ORG_DEPT_APPROVAL' and o.decision = 'APPROVE' then '批准'
                when o.step = 'ORG_DEPT_APPROVAL' and o.decision = 'REJECT' then '不予批准'
                when o.step = 'COMMITTEE_DECISION' and o.decision = 'APPROVE' then '同意'
                when o.step = 'COMMITTEE_DECISION' and o.decision = 'REJECT' then '不同意'
                else o.decision end,
           o.comment_text,
           case when o.meeting_date is null then null
                else concat('{"meetingDate":"', cast(o.meeting_date as char(10)), '"}') end,
           o.actor_user, o.actor_org, o.decided_at
    from appt_opinion o join appt_case c on c.id = o.case_id
    order by o.id;

drop table appt_opinion;
