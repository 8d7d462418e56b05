-- The casework kernel's decision record takes over assessment_decision (V53 created case_decision).
-- The score column goes into the details; decided_at was written in the server's zone (UTC in the
-- Docker image) and is kept.
insert into case_decision (case_no, process_instance_id, process_key, task_key, step_name, entry_type, decision,
        comment_text, details, actor_user, actor_group, decided_at)
    select c.case_no, c.process_instance_id, 'agency-assessment-case', d.task_key,
           case d.task_key when 'userTask_selfEvaluate' then '派驻机构自评'
                           when 'serviceTask_recordSelfEvaluationMissed' then '记录未提交自评'
                           when 'userTask_scoreIndicators' then '街道办事处评分'
                           when 'userTask_committeeReview' then '街道党（工）委审定'
                           when 'messageEvent_objection' then '派驻机构提出异议'
                           when 'userTask_reviewObjection' then '街道党（工）委复核异议'
                           when 'userTask_arbitrate' then '区考核办裁决'
                           when 'userTask_decideSuggestion' then '决定是否提出人事任免建议'
                           else d.task_key end,
           case when d.actor is null then 'SYSTEM' else 'DECISION' end,
           d.decision, d.comment,
           case when d.score is null then null else concat('{"score":', d.score, '}') end,
           d.actor, d.actor_group, d.decided_at
    from assessment_decision d join assessment_case c on c.id = d.case_id
    order by d.id;

drop table assessment_decision;
