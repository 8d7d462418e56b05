package cn.streetgov.security;

import cn.streetgov.admission.process.DutyAdmissionProcess;
import cn.streetgov.admission.process.DutyExitProcess;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.appointment.process.ConsultationProcess;
import cn.streetgov.appointment.process.SuggestionProcess;
import cn.streetgov.assessment.domain.AssessmentCampaign;
import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.test.Officials;
import cn.streetgov.test.StartVariables;
import cn.streetgov.assessment.domain.AssessmentService.Actor;
import cn.streetgov.assessment.process.AssessmentCaseProcess;
import cn.streetgov.assessment.process.AssessmentProcess;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.delegation.process.PowerDelegationProcess;
import cn.streetgov.delegation.process.PowerRevocationProcess;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.majormatter.process.MajorMatterProcess;
import cn.streetgov.whistle.process.WhistleProcess;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One real open task of every user-task type of every workflow, for {@link AuthorizationMatrixTest}.
 * Each task is reached the way the process tests reach it: started as the right demo user, earlier
 * tasks completed by their candidates with valid decisions, timers fired by executing their job.
 * Nothing is moved with process-instance modification. Every task is alone in its process instance
 * except the two parallel reviews of one delegation case, so that a write in one cell (a variable
 * written today, a claim) cannot be seen in another task's cells.
 */
final class AuthorizationMatrixFixture {

    /** An open task of one user-task type, with its candidates as the engine has them. */
    record OpenTask(String processKey, String taskKey, String taskName, String taskId, String processInstanceId,
            Set<String> candidateGroups, Set<String> candidateUsers) {

        String type() {
            return processKey + " / " + taskKey;
        }
    }

    static final String AGENCY = "S01-GA";

    private final ProcessEngine engine;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final ManagementService managementService;
    private final JdbcTemplate jdbc;
    private final OrgDirectory directory;
    private final AssessmentService assessments;
    private final List<OpenTask> tasks = new ArrayList<>();

    AuthorizationMatrixFixture(ProcessEngine engine, JdbcTemplate jdbc, OrgDirectory directory,
            AssessmentService assessments) {
        this.engine = engine;
        this.runtimeService = engine.getRuntimeService();
        this.taskService = engine.getTaskService();
        this.identityService = engine.getIdentityService();
        this.managementService = engine.getManagementService();
        this.jdbc = jdbc;
        this.directory = directory;
        this.assessments = assessments;
    }

    /** Drives one case to each user task of the eight processes; returns them in process order. */
    List<OpenTask> build() {
        delegation();
        consultation();
        suggestion();
        whistle();
        majorMatter();
        assessment();
        admission();
        return List.copyOf(tasks);
    }

    // ------------------------------------------------------------------ duty-admission, duty-exit

    private void admission() {
        String suffix = Long.toString(System.nanoTime(), 36);
        ProcessInstance opinion = as("cgzf-off", () -> runtimeService.startProcessInstanceByKey(DutyAdmissionProcess.KEY,
                StartVariables.dutyAdmission("CGZF", "共享单车停放秩序巡查" + suffix, "每日巡查", "URBAN_MANAGEMENT", "S01")));
        ProcessInstance decide = as("cgzf-off", () -> runtimeService.startProcessInstanceByKey(DutyAdmissionProcess.KEY,
                StartVariables.dutyAdmission("CGZF", "户外广告日常巡查" + suffix, "每周巡查", "URBAN_MANAGEMENT", "S01")));
        complete("s01-sec", task(decide, DutyAdmissionProcess.Elements.STREET_OPINION),
                Map.of(DutyAdmissionProcess.Vars.STREET_OPINION, DutyAdmissionProcess.AGREE));
        // base duties of S01 guided by a department (CS-01: CGZF, SH-01: GA)
        ProcessInstance deptOpinion = as("s01-off", () -> runtimeService.startProcessInstanceByKey(DutyExitProcess.KEY,
                StartVariables.dutyExit("S01", "CS-01", "街道无力承担")));
        ProcessInstance exitDecide = as("s01-off", () -> runtimeService.startProcessInstanceByKey(DutyExitProcess.KEY,
                StartVariables.dutyExit("S01", "SH-01", "街道无力承担")));
        complete("ga-off", task(exitDecide, DutyExitProcess.Elements.DEPT_OPINION),
                Map.of(DutyExitProcess.Vars.DEPT_OPINION, DutyExitProcess.AGREE));

        add(DutyAdmissionProcess.KEY, opinion, DutyAdmissionProcess.Elements.STREET_OPINION);
        add(DutyAdmissionProcess.KEY, decide, DutyAdmissionProcess.Elements.DECIDE);
        add(DutyExitProcess.KEY, deptOpinion, DutyExitProcess.Elements.DEPT_OPINION);
        add(DutyExitProcess.KEY, exitDecide, DutyExitProcess.Elements.DECIDE);
    }

    // ------------------------------------------------------------------ power-delegation, power-revocation

    private void delegation() {
        // as the delegation tests do: earlier tests' published powers would make S01 ineligible
        jdbc.update("update dlg_delegated_power set status = 'REVOKED' where status = 'ACTIVE'");
        // a penalty power needs the legal review, a licence does not
        ProcessInstance reviews = startDelegation("CGZF-CF-001");
        ProcessInstance revise = startDelegation("CGZF-CF-001");
        ProcessInstance staffing = startDelegation("CGZF-XK-001");
        ProcessInstance reviseStaffing = startDelegation("CGZF-XK-001");
        ProcessInstance decide = startDelegation("CGZF-XK-001");
        ProcessInstance report = startDelegation("CGZF-XK-001");

        complete("legal", task(revise, PowerDelegationProcess.REVIEW_LEGALITY), Map.of(
                PowerDelegationProcess.Vars.LEGAL_DECISION, "REVISE",
                PowerDelegationProcess.Vars.LEGAL_COMMENT, "法律依据引用条款有误"));
        for (ProcessInstance pi : List.of(staffing, reviseStaffing, decide, report)) {
            complete("s01-off", task(pi, PowerDelegationProcess.REVIEW_CAPACITY),
                    Map.of(PowerDelegationProcess.Vars.CAPACITY_DECISION, "ACCEPT"));
        }
        complete("bianban", task(reviseStaffing, PowerDelegationProcess.CONFIRM_STAFFING), Map.of(
                PowerDelegationProcess.Vars.STAFFING_DECISION, "RETURN",
                PowerDelegationProcess.Vars.STAFFING_COMMENT, "编制数与工作量不符"));
        for (ProcessInstance pi : List.of(decide, report)) {
            complete("bianban", task(pi, PowerDelegationProcess.CONFIRM_STAFFING),
                    Map.of(PowerDelegationProcess.Vars.STAFFING_DECISION, "APPROVE"));
        }
        complete("govt", task(report, PowerDelegationProcess.DECIDE_DELEGATION),
                Map.of(PowerDelegationProcess.Vars.FINAL_DECISION, "APPROVE"));
        // published; six months later the street reports on it
        fireTimer(report, PowerDelegationProcess.REVIEW_PERIOD_ELAPSED);
        // the published power can now be taken back
        ProcessInstance revocation = as("cgzf-off", () -> runtimeService.startProcessInstanceByKey(
                PowerRevocationProcess.KEY, Map.of(PowerRevocationProcess.Vars.DEPT_CODE, "CGZF",
                        PowerRevocationProcess.Vars.ITEM_CODE, "CGZF-XK-001",
                        PowerRevocationProcess.Vars.ORG_CODE, "S01",
                        PowerRevocationProcess.Vars.REVOCATION_REASON, "街道承接后办件质量不高")));

        add(PowerDelegationProcess.KEY, reviews, PowerDelegationProcess.REVIEW_CAPACITY);
        add(PowerDelegationProcess.KEY, reviews, PowerDelegationProcess.REVIEW_LEGALITY);
        add(PowerDelegationProcess.KEY, revise, PowerDelegationProcess.REVISE_PROPOSAL);
        add(PowerDelegationProcess.KEY, staffing, PowerDelegationProcess.CONFIRM_STAFFING);
        add(PowerDelegationProcess.KEY, reviseStaffing, PowerDelegationProcess.REVISE_STAFFING);
        add(PowerDelegationProcess.KEY, decide, PowerDelegationProcess.DECIDE_DELEGATION);
        add(PowerDelegationProcess.KEY, report, PowerDelegationProcess.REPORT_OPERATION);
        add(PowerRevocationProcess.KEY, revocation, PowerRevocationProcess.DECIDE_REVOCATION);
    }

    private ProcessInstance startDelegation(String item) {
        return as("cgzf-off", () -> runtimeService.startProcessInstanceByKey(PowerDelegationProcess.KEY,
                StartVariables.delegation("CGZF", item, "S01")));
    }

    // ------------------------------------------------------------------ cadre-consultation

    private void consultation() {
        directory.appointHead(AGENCY, "原所长甲", "东华派出所所长", LocalDate.of(2024, 1, 1));
        ProcessInstance streetOpinion = startConsultation("APPOINT", "SECTION");
        ProcessInstance noReply = startConsultation("APPOINT", "SECTION");
        ProcessInstance coordinate = startConsultation("APPOINT", "SECTION");
        ProcessInstance respond = startConsultation("TRANSFER", "SECTION");
        ProcessInstance deptDecision = startConsultation("APPOINT", "SECTION");
        ProcessInstance committee = startConsultation("APPOINT", "DIVISION");
        ProcessInstance orgDept = startConsultation("APPOINT", "SECTION");

        // the street's reply deadline passes without an answer
        fireTimer(noReply, ConsultationProcess.REPLY_DEADLINE);
        streetAnswers(coordinate, "DISAGREE", "人选不熟悉本街道情况");
        streetAnswers(respond, "AGREE_WITH_COMMENTS", "希望尽快到岗");
        streetAnswers(deptDecision, "AGREE", null);
        streetAnswers(committee, "AGREE", null);
        deptApproves(committee);
        // as CadreConsultationProcessTest does: the rules name 组织部 the final authority
        runtimeService.setVariable(orgDept.getId(), ConsultationProcess.FINAL_AUTHORITY, "ORG_DEPT");
        streetAnswers(orgDept, "AGREE", null);
        deptApproves(orgDept);

        add(ConsultationProcess.KEY, streetOpinion, ConsultationProcess.STREET_OPINION);
        add(ConsultationProcess.KEY, noReply, ConsultationProcess.HANDLE_NO_REPLY);
        add(ConsultationProcess.KEY, coordinate, ConsultationProcess.COORDINATE);
        add(ConsultationProcess.KEY, respond, ConsultationProcess.RESPOND_TO_OPINION);
        add(ConsultationProcess.KEY, deptDecision, ConsultationProcess.DEPT_DECISION);
        add(ConsultationProcess.KEY, committee, ConsultationProcess.COMMITTEE_DECISION);
        add(ConsultationProcess.KEY, orgDept, ConsultationProcess.ORG_DEPT_APPROVAL);
    }

    private ProcessInstance startConsultation(String action, String level) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(ConsultationProcess.DEPT_CODE, "GA");
        vars.put(ConsultationProcess.AGENCY_CODE, AGENCY);
        vars.put(ConsultationProcess.ACTION, action);
        vars.put(ConsultationProcess.CANDIDATE_NAME, "矩阵人选");
        vars.put(ConsultationProcess.POSITION_TITLE, "东华派出所所长");
        vars.put(ConsultationProcess.POSITION_LEVEL, level);
        vars.put(ConsultationProcess.REASON, "工作需要");
        vars.put(ConsultationProcess.DOSSIER_REF, "GA-2026-考察-01");
        return as("ga-off", () -> runtimeService.startProcessInstanceByKey(ConsultationProcess.KEY, vars));
    }

    private void streetAnswers(ProcessInstance pi, String opinion, String comment) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(ConsultationProcess.STREET_OPINION_VAR, opinion);
        vars.put(ConsultationProcess.OPINION_COMMENT, comment);
        vars.put(ConsultationProcess.MEETING_DATE, CaseClock.now().toLocalDate().toString());
        complete("s01-sec", task(pi, ConsultationProcess.STREET_OPINION), vars);
    }

    private void deptApproves(ProcessInstance pi) {
        complete("ga-off", task(pi, ConsultationProcess.DEPT_DECISION),
                Map.of(ConsultationProcess.DEPT_DECISION_VAR, "APPROVE"));
    }

    // ------------------------------------------------------------------ street-suggestion

    private void suggestion() {
        ProcessInstance answer = startSuggestion();
        ProcessInstance declined = startSuggestion();
        complete("ga-off", task(declined, SuggestionProcess.ANSWER), Map.of(SuggestionProcess.DECISION,
                SuggestionProcess.DECLINE, SuggestionProcess.COMMENT, "人选正在考察中，暂不调整"));
        add(SuggestionProcess.KEY, answer, SuggestionProcess.ANSWER);
        add(SuggestionProcess.KEY, declined, SuggestionProcess.READ_DECLINE);
        // 福田: a street's own post, consented by the department, approved by 组织部
        ProcessInstance consent = nominate();
        ProcessInstance approval = nominate();
        complete("ga-off", task(approval, SuggestionProcess.DEPT_CONSENT),
                Map.of(SuggestionProcess.CONSENT_DECISION, SuggestionProcess.CONSENT));
        add(SuggestionProcess.KEY, consent, SuggestionProcess.DEPT_CONSENT);
        add(SuggestionProcess.KEY, approval, SuggestionProcess.APPROVE_NOMINATION);
    }

    private ProcessInstance nominate() {
        Map<String, Object> vars = new java.util.HashMap<>();
        vars.put(SuggestionProcess.POST_TYPE, "UNION_CHAIR");
        vars.put(SuggestionProcess.ORG_CODE, "S01");
        vars.put(SuggestionProcess.DEPT_CODE, "GA");
        vars.put(SuggestionProcess.ACTION, "APPOINT");
        vars.put(SuggestionProcess.CANDIDATE_NAME, "李四");
        vars.put(SuggestionProcess.REASON, "经街道党工委会议研究，提出人选意见");
        return as("s01-sec", () -> runtimeService.startProcessInstanceByKey(SuggestionProcess.KEY, vars));
    }

    private ProcessInstance startSuggestion() {
        return as("s01-sec", () -> runtimeService.startProcessInstanceByKey(SuggestionProcess.KEY,
                Map.of(SuggestionProcess.AGENCY_CODE, AGENCY, SuggestionProcess.ACTION, "APPOINT",
                        SuggestionProcess.REASON, "所长长期空缺，建议尽快配备")));
    }

    // ------------------------------------------------------------------ whistle-dispatch

    private void whistle() {
        ProcessInstance report = blow();
        ProcessInstance handle = blow();
        ProcessInstance confirm = blow();
        ProcessInstance followUp = blow();
        for (ProcessInstance pi : List.of(handle, confirm, followUp)) {
            // GA has an agency in S01: the report goes to 东华派出所
            complete("s01-ga-head", task(pi, WhistleProcess.Elements.REPORT),
                    Map.of(WhistleProcess.Vars.REPORT_NOTE, "派出所民警已到场"));
        }
        for (ProcessInstance pi : List.of(confirm, followUp)) {
            complete("s01-off", task(pi, WhistleProcess.Elements.HANDLE),
                    Map.of(WhistleProcess.Vars.HANDLING_NOTE, "联合清理完毕"));
        }
        complete("s01-off", task(followUp, WhistleProcess.Elements.CONFIRM), Map.of(WhistleProcess.Vars.RESOLVED, true));

        add(WhistleProcess.KEY, report, WhistleProcess.Elements.REPORT);
        add(WhistleProcess.KEY, handle, WhistleProcess.Elements.HANDLE);
        add(WhistleProcess.KEY, confirm, WhistleProcess.Elements.CONFIRM);
        add(WhistleProcess.KEY, followUp, WhistleProcess.Elements.FOLLOW_UP);
        // 巡查—制止—移交: the street dissuades first
        Map<String, Object> patrol = StartVariables.whistle("S01", "GA", "NORMAL", "早市摊贩占道", "东华路口");
        patrol.put(WhistleProcess.Vars.STOP_FIRST, true);
        ProcessInstance dissuade = as("s01-off", () -> runtimeService.startProcessInstanceByKey(WhistleProcess.KEY, patrol));
        add(WhistleProcess.KEY, dissuade, WhistleProcess.Elements.DISSUADE);
    }

    private ProcessInstance blow() {
        return as("s01-off", () -> runtimeService.startProcessInstanceByKey(WhistleProcess.KEY,
                StartVariables.whistle("S01", "GA", "NORMAL", "道路积水，多部门协同处置", "和平路 12 号")));
    }

    // ------------------------------------------------------------------ major-matter-consultation

    private void majorMatter() {
        ProcessInstance opinion = sendMatter();
        ProcessInstance answer = sendMatter();
        ProcessInstance decide = sendMatter();
        for (ProcessInstance pi : List.of(answer, decide)) {
            complete("s01-sec", task(pi, MajorMatterProcess.Elements.GIVE_OPINION),
                    Map.of(MajorMatterProcess.Vars.OPINION, "SUPPORT", MajorMatterProcess.Vars.MEETING_DATE,
                            CaseClock.today().toString()));
        }
        complete("zrzy-off", task(decide, MajorMatterProcess.Elements.ANSWER_OPINION),
                Map.of(MajorMatterProcess.Vars.ANSWER, "ADOPTED"));
        add(MajorMatterProcess.KEY, opinion, MajorMatterProcess.Elements.GIVE_OPINION);
        add(MajorMatterProcess.KEY, answer, MajorMatterProcess.Elements.ANSWER_OPINION);
        add(MajorMatterProcess.KEY, decide, MajorMatterProcess.Elements.DECIDE);
    }

    private ProcessInstance sendMatter() {
        return as("zrzy-off", () -> runtimeService.startProcessInstanceByKey(MajorMatterProcess.KEY,
                StartVariables.majorMatter("ZRZY", "S01", "东华片区控制性详细规划（修编）")));
    }

    // ------------------------------------------------------------------ agency-assessment(-case)

    private void assessment() {
        // cases of campaign rows opened without their process, as AgencyAssessmentCaseProcessTest does
        AssessmentCampaign first = campaignRow();
        ProcessInstance self = startCase(first, "S01-GA");
        ProcessInstance score = startCase(first, "S01-CGZF");
        selfEvaluate(score, "s01-cgzf-head", 80);
        ProcessInstance committee = startCase(first, "S01-SCJG");
        selfEvaluate(committee, "s01-scjg-head", 80);
        scoreAll(committee, "s01-off", 80);

        AssessmentCampaign second = campaignRow();
        ProcessInstance objection = startCase(second, "S01-GA");
        scoreAndConfirm(objection, "s01", "s01-ga-head", 75);
        object(objection, "协作配合得分未考虑本期专项整治中的配合工作");
        ProcessInstance arbitrate = startCase(second, "S01-CGZF");
        scoreAndConfirm(arbitrate, "s01", "s01-cgzf-head", 62);
        object(arbitrate, "评分偏低");
        complete("s01-sec", task(arbitrate, AssessmentCaseProcess.Elements.REVIEW_OBJECTION), Map.of(
                AssessmentCaseProcess.Vars.REVIEW_DECISION, "REJECT",
                AssessmentCaseProcess.Vars.REVIEW_COMMENT, "维持原结果"));
        object(arbitrate, "仍不服复核结果，申请裁决");
        ProcessInstance suggestion = startCase(second, "S01-SCJG");
        scoreAndConfirm(suggestion, "s01", "s01-scjg-head", 50);
        fireTimer(suggestion, AssessmentCaseProcess.Elements.PUBLICITY_ENDED);

        // a real campaign of 区考核办 over S03: when its three cases are final, 组织部 takes note
        String period = freshPeriod();
        ProcessInstance campaign = as("kaohe", () -> runtimeService.startProcessInstanceByKey(AssessmentProcess.KEY,
                Map.of(AssessmentProcess.Vars.PERIOD, period, AssessmentProcess.Vars.ORG_CODES, "S03")));
        runJobs(campaign);
        List<ProcessInstance> cases = runtimeService.createProcessInstanceQuery()
                .superProcessInstanceId(campaign.getId()).list();
        for (ProcessInstance c : cases) {
            String agency = (String) runtimeService.getVariable(c.getId(), AssessmentCaseProcess.Vars.AGENCY_CODE);
            scoreAndConfirm(c, "s03", agency.toLowerCase() + "-head", 85);
            fireTimer(c, AssessmentCaseProcess.Elements.PUBLICITY_ENDED);
        }
        runJobs(campaign);

        add(AssessmentCaseProcess.KEY, self, AssessmentCaseProcess.Elements.SELF_EVALUATE);
        add(AssessmentCaseProcess.KEY, score, AssessmentCaseProcess.Elements.SCORE);
        add(AssessmentCaseProcess.KEY, committee, AssessmentCaseProcess.Elements.COMMITTEE);
        add(AssessmentCaseProcess.KEY, objection, AssessmentCaseProcess.Elements.REVIEW_OBJECTION);
        add(AssessmentCaseProcess.KEY, arbitrate, AssessmentCaseProcess.Elements.ARBITRATE);
        add(AssessmentCaseProcess.KEY, suggestion, AssessmentCaseProcess.Elements.DECIDE_SUGGESTION);
        add(AssessmentProcess.KEY, campaign, AssessmentProcess.Elements.TAKE_NOTE);
    }

    String freshPeriod() {
        return Officials.freshAssessmentPeriod(assessments);
    }

    private AssessmentCampaign campaignRow() {
        return assessments.openCampaign(freshPeriod(), List.of(), new Actor("kaohe", "assessment-office"), null);
    }

    private ProcessInstance startCase(AssessmentCampaign campaign, String agencyCode) {
        return runtimeService.startProcessInstanceByKey(AssessmentCaseProcess.KEY, Map.of(
                AssessmentCaseProcess.Vars.CAMPAIGN_ID, campaign.getId(),
                AssessmentCaseProcess.Vars.AGENCY_CODE, agencyCode));
    }

    private void selfEvaluate(ProcessInstance pi, String user, int score) {
        complete(user, task(pi, AssessmentCaseProcess.Elements.SELF_EVALUATE), Map.of(
                AssessmentCaseProcess.Vars.SELF_SCORE, score,
                AssessmentCaseProcess.Vars.SELF_REPORT, "按清单履职，配合街道完成各项工作"));
    }

    /** All five indicators scored {@code score}, with a reason where that changes the pre-filled command score. */
    private void scoreAll(ProcessInstance pi, String user, int score) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(AssessmentCaseProcess.Vars.SCORE_COMMAND, score);
        vars.put(AssessmentCaseProcess.Vars.SCORE_DUTY, score);
        vars.put(AssessmentCaseProcess.Vars.SCORE_STYLE, score);
        vars.put(AssessmentCaseProcess.Vars.SCORE_COOPERATION, score);
        vars.put(AssessmentCaseProcess.Vars.SCORE_SATISFACTION, score);
        vars.put(AssessmentCaseProcess.Vars.VETO_ITEM, false);
        Integer prefilled = (Integer) runtimeService.getVariable(pi.getId(), AssessmentCaseProcess.Vars.PREFILLED_COMMAND);
        if (prefilled != null && prefilled != score) {
            vars.put(AssessmentCaseProcess.Vars.SCORE_CHANGE_REASON, "按实际表现评分");
        }
        complete(user, task(pi, AssessmentCaseProcess.Elements.SCORE), vars);
    }

    private void scoreAndConfirm(ProcessInstance pi, String org, String agencyHead, int score) {
        selfEvaluate(pi, agencyHead, score);
        scoreAll(pi, org + "-off", score);
        complete(org + "-sec", task(pi, AssessmentCaseProcess.Elements.COMMITTEE),
                Map.of(AssessmentCaseProcess.Vars.COMMITTEE_DECISION, "CONFIRM"));
    }

    private void object(ProcessInstance pi, String reason) {
        runtimeService.createMessageCorrelation(AssessmentCaseProcess.MESSAGE_OBJECTION)
                .processInstanceBusinessKey(pi.getBusinessKey())
                .setVariable(AssessmentCaseProcess.Vars.OBJECTION_REASON, reason)
                .setVariable(AssessmentCaseProcess.Vars.OBJECTED_BY, "agency-head")
                .correlateWithResult();
    }

    // ------------------------------------------------------------------ helpers

    private <T> T as(String userId, Supplier<T> action) {
        return Officials.as(engine, userId, action);
    }

    private void complete(String userId, Task task, Map<String, Object> variables) {
        Officials.complete(engine, userId, task, variables);
    }

    private Task task(ProcessInstance pi, String taskKey) {
        List<Task> open = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).list();
        if (open.size() != 1) {
            throw new IllegalStateException("expected one open " + taskKey + " in " + pi.getBusinessKey() + ", found "
                    + open.size());
        }
        return open.get(0);
    }

    /** Fires the timer of {@code activityId} now (executes its job), without moving the engine's clock. */
    private void fireTimer(ProcessInstance pi, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers()
                .singleResult();
        if (job == null) {
            throw new IllegalStateException("no timer " + activityId + " in " + pi.getBusinessKey());
        }
        managementService.executeJob(job.getId());
    }

    /** Executes the case's async steps (the campaign opens its cases and aggregates in jobs). */
    private void runJobs(ProcessInstance pi) {
        for (List<Job> jobs = asyncJobs(pi); !jobs.isEmpty(); jobs = asyncJobs(pi)) {
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    private List<Job> asyncJobs(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).messages().list();
    }

    private void add(String processKey, ProcessInstance pi, String taskKey) {
        Task task = task(pi, taskKey);
        Set<String> groups = new TreeSet<>();
        Set<String> users = new TreeSet<>();
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                }
                if (link.getUserId() != null) {
                    users.add(link.getUserId());
                }
            }
        }
        if (task.getAssignee() != null) {
            throw new IllegalStateException(taskKey + " is already assigned to " + task.getAssignee());
        }
        tasks.add(new OpenTask(processKey, taskKey, task.getName(), task.getId(), pi.getId(), groups, users));
    }
}
