-- Power delegation joins the kernel's one decision record (case_decision, V53): the rows of
-- dlg_decision move there and the table goes. What the old columns meant in the new ones:
--   step              → step_name (the label the case text showed for it)
--   org_code          → actor_group: the deciding body's group; for a capacity review or a report,
--                       where org_code was the street/town reviewed, the group the task was offered
--                       to (street-office-{org}) and details {"orgCode": org}, as the kernel now
--                       records them
--   decided_by        → actor_user ('system' — a completion with nobody logged in or assigned — → null)
--   decision          → decision, and decision_label as PowerDelegationProcess declares it
--   decided_at        → UTC (the delegation rows were written in Asia/Shanghai: 8 hours back)
-- The revocation decisions stay on their request (dlg_revocation) and are copied into the record
-- too, so that every decided case of both processes has its decision there.

insert into case_decision (case_no, process_instance_id, process_key, task_key, step_name, entry_type, decision,
        decision_label, comment_text, details, actor_user, actor_group, decided_at)
    select c.case_no, c.process_instance_id, 'power-delegation', d.task_key,
           case d.step when 'CAPACITY' then '承接能力评估'
                       when 'LEGAL' then '合法性审查'
                       when 'REVISION' then '部门修改'
                       when 'STAFFING' then '编办确认编随事转'
                       when 'FINAL' then '区政府常务会议决定'
                       when 'REPORT' then '运行情况报告'
                       else d.step end,
           'DECISION', d.decision,
           case when d.step = 'CAPACITY' and d.decision = 'ACCEPT' then '同意承接'
                when d.step = 'CAPACITY' and d.decision = 'ACCEPT_WITH_CONDITIONS' then '附条件承接'
                when d.step = 'CAPACITY' and d.decision = 'REJECT' then '不同意承接'
                when d.step = 'LEGAL' and d.decision = 'LAWFUL' then '合法'
                when d.step = 'LEGAL' and d.decision = 'REVISE' then '需修改后再审'
                when d.step = 'LEGAL' and d.decision = 'UNLAWFUL' then '不合法'
                when d.step = 'REVISION' and d.decision = 'RESUBMIT' then '修改后重新提交'
                when d.step = 'REVISION' and d.decision = 'WITHDRAW' then '撤回申请'
                when d.step = 'STAFFING' and d.decision = 'APPROVE' then '同意'
                when d.step = 'STAFFING' and d.decision = 'RETURN' then '退回部门修改'
                when d.step = 'FINAL' and d.decision = 'APPROVE' then '批准并公布'
                when d.step = 'FINAL' and d.decision = 'REJECT' then '不予批准'
                when d.step = 'REPORT' and d.decision = 'WORKING' then '运行良好'
                when d.step = 'REPORT' and d.decision = 'PROBLEMS' then '存在问题'
                else null end,
           d.comment_text,
           case when d.step in ('CAPACITY', 'REPORT') then concat('{"orgCode":"', d.org_code, '"}') else null end,
           case when d.decided_by = 'system' then null else d.decided_by end,
           case when d.step in ('CAPACITY', 'REPORT') then concat('street-office-', d.org_code) else d.org_code end,
           timestampadd(HOUR, -8, d.decided_at)
    from dlg_decision d join dlg_case c on c.id = d.case_id
    order by d.id;

insert into case_decision (case_no, process_instance_id, process_key, task_key, step_name, entry_type, decision,
        decision_label, comment_text, actor_user, actor_group, decided_at)
    select r.revocation_no, r.process_instance_id, 'power-revocation', 'userTask_decideRevocation',
           '区政府常务会议决定收回', 'DECISION', r.decision,
           case r.decision when 'APPROVE' then '同意收回' when 'REJECT' then '不同意收回' else null end,
           r.decision_comment, r.decided_by, r.decided_org, timestampadd(HOUR, -8, r.decided_at)
    from dlg_revocation r
    where r.decision is not null and r.decided_at is not null
    order by r.id;

drop table dlg_decision;
