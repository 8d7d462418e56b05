package cn.streetgov.demo;

import cn.streetgov.appointment.process.ConsultationProcess;
import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.process.AssessmentCaseProcess;
import cn.streetgov.assessment.process.AssessmentProcess;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.delegation.process.PowerDelegationProcess;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.Person;
import cn.streetgov.whistle.process.WhistleProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo work waiting (app.demo.cases): on a database without any case, a few cases of each workflow
 * started and worked on by the demo users through the engine's API, each step as that user in its
 * own transaction — so every listener, rule, audit record, notice and index entry is written as in
 * real use. Each workflow gets a case waiting at an early step, one further along and one ended (the
 * assessment: a campaign of 东华街道 whose three cases wait at the self-evaluation, the scoring and in
 * 公示). Two nodes starting on one empty database do not both seed: the one whose engine property
 * {@value #MARKER} is inserted first seeds; the other finds it, or its own insert fails on the
 * table's primary key (it waits for the first one's short transaction), and it seeds nothing. A
 * failure while seeding is logged and not tried again (the marker stays): demo data is never worth a
 * failed start.
 */
@Component
public class DemoCaseSeeder {

    /** The engine property (ACT_GE_PROPERTY, keyed by name) that says the demo cases were claimed. */
    static final String MARKER = "streetgov.demo-cases";

    private static final Logger log = LoggerFactory.getLogger(DemoCaseSeeder.class);

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final HistoryService history;
    private final ManagementService management;
    private final ProcessEngineConfiguration engineConfiguration;
    private final AssessmentService assessments;
    private final OrgDirectory org;
    private final TransactionTemplate transaction;

    DemoCaseSeeder(RuntimeService runtime, TaskService tasks, IdentityService identity, HistoryService history,
            ManagementService management, ProcessEngineConfiguration engineConfiguration,
            AssessmentService assessments, OrgDirectory org, PlatformTransactionManager transactions) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.history = history;
        this.management = management;
        this.engineConfiguration = engineConfiguration;
        this.assessments = assessments;
        this.org = org;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The cases seeded: their case numbers by workflow. */
    public record Seeded(List<String> delegations, List<String> consultations, List<String> whistles,
            List<String> assessments) {
        int count() {
            return delegations.size() + consultations.size() + whistles.size() + assessments.size();
        }
    }

    /** Seeds the demo cases when the database has no case yet and no other node has claimed the seed. */
    public boolean seedIfNoCases() {
        if (!claim()) {
            return false;
        }
        try {
            Seeded seeded = seed(String.valueOf(CaseClock.today().getYear() - 1));
            log.info("演示待办已生成：{} 个案件（赋权下放 {}，任免征求意见 {}，吹哨报到 {}，考核 {}）", seeded.count(),
                    seeded.delegations().size(), seeded.consultations().size(), seeded.whistles().size(),
                    seeded.assessments().size());
            return true;
        } catch (RuntimeException e) {
            log.warn("演示待办未能全部生成（不再重试）：{}", e.toString(), e);
            return false;
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Whether this node may seed: no case exists, and its marker went in first. */
    boolean claim() {
        if (history.createHistoricProcessInstanceQuery().count() > 0) {
            return false;
        }
        return insertMarker();
    }

    /** Inserts the marker (in one transaction with the check that it is absent); false when another node's is there. */
    boolean insertMarker() {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                if (management.getProperties().containsKey(MARKER)) {
                    return false;
                }
                management.setProperty(MARKER, CaseClock.now().toString());
                return true;
            }));
        } catch (RuntimeException e) {
            log.info("演示待办标记未能写入，多半已由另一节点生成（{}）", e.toString());
            return false;
        }
    }

    /** Seeds every workflow's cases (the assessment's for {@code period} unless it has a campaign already). */
    Seeded seed(String period) {
        return new Seeded(delegations(), consultations(), whistles(), assessment(period));
    }

    // ---- 赋权下放审批 ----

    private List<String> delegations() {
        List<String> seeded = new ArrayList<>();
        // early: two streets assess their capacity (s01-off, s02-off)
        seeded.add(delegation("SCJG", "SCJG-GF-001", "S01,S02", "scjg-off").getBusinessKey());
        // further: 东华街道 accepted; 区委编办 confirms the staffing (bianban)
        ProcessInstance staffing = delegation("WJ", "WJ-GF-002", "S01", "wj-off");
        completeAll(staffing, PowerDelegationProcess.REVIEW_CAPACITY, Map.of(
                PowerDelegationProcess.Vars.CAPACITY_DECISION, PowerDelegationProcess.CAPACITY_ACCEPT,
                PowerDelegationProcess.Vars.CAPACITY_COMMENT, "街道已有专人负责，可以承接"));
        seeded.add(staffing.getBusinessKey());
        // published (in the public catalog; the six-month report is still to come)
        ProcessInstance published = delegation("GA", "GA-XK-001", "S02", "ga-off");
        approveThrough(published, "APPROVE", "同意下放，按期报告运行情况");
        seeded.add(published.getBusinessKey());
        // ended: the district government did not approve
        ProcessInstance rejected = delegation("SCJG", "SCJG-QT-001", "S03", "scjg-off");
        approveThrough(rejected, "REJECT", "暂缓下放，待街道党建指导力量配齐后再议");
        seeded.add(rejected.getBusinessKey());
        return seeded;
    }

    private ProcessInstance delegation(String dept, String items, String streets, String user) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(PowerDelegationProcess.Vars.DEPT_CODE, dept);
        vars.put(PowerDelegationProcess.Vars.POWER_ITEM_CODES, items);
        vars.put(PowerDelegationProcess.Vars.TARGET_ORG_CODES, streets);
        vars.put(PowerDelegationProcess.Vars.DELEGATION_METHOD, "DEVOLVE");
        vars.put(PowerDelegationProcess.Vars.LEGAL_BASIS, "《中共中央关于加强基层治理体系和治理能力现代化建设的意见》");
        vars.put(PowerDelegationProcess.Vars.REASON, "直接面向群众、基层管理迫切需要，由街道承担更方便有效");
        vars.put(PowerDelegationProcess.Vars.STAFFING_TRANSFER, 1);
        vars.put(PowerDelegationProcess.Vars.EFFECTIVE_DATE, CaseClock.today().toString());
        return start(user, PowerDelegationProcess.KEY, vars);
    }

    private void approveThrough(ProcessInstance instance, String finalDecision, String comment) {
        completeAll(instance, PowerDelegationProcess.REVIEW_CAPACITY, Map.of(
                PowerDelegationProcess.Vars.CAPACITY_DECISION, PowerDelegationProcess.CAPACITY_ACCEPT,
                PowerDelegationProcess.Vars.CAPACITY_COMMENT, "人员和场地已落实，可以承接"));
        completeAll(instance, PowerDelegationProcess.REVIEW_LEGALITY, Map.of(
                PowerDelegationProcess.Vars.LEGAL_DECISION, PowerDelegationProcess.LEGAL_LAWFUL,
                PowerDelegationProcess.Vars.LEGAL_COMMENT, "下放依据充分，程序合法"));
        completeAll(instance, PowerDelegationProcess.CONFIRM_STAFFING, Map.of(
                PowerDelegationProcess.Vars.STAFFING_DECISION, "APPROVE",
                PowerDelegationProcess.Vars.STAFFING_COMMENT, "编随事转，划转编制 1 名"));
        completeAll(instance, PowerDelegationProcess.DECIDE_DELEGATION, Map.of(
                PowerDelegationProcess.Vars.FINAL_DECISION, finalDecision,
                PowerDelegationProcess.Vars.FINAL_COMMENT, comment));
    }

    // ---- 派驻机构负责人任免征求意见 ----

    private List<String> consultations() {
        List<String> seeded = new ArrayList<>();
        // early: 东华街道党工委 answers (s01-sec)
        seeded.add(consultation("S01-GA", "赵明远", "ga-off").getBusinessKey());
        // further: 西岭街道 agreed; the department decides (cgzf-off)
        ProcessInstance agreed = consultation("S02-CGZF", "钱立新", "cgzf-off");
        completeAll(agreed, ConsultationProcess.STREET_OPINION, streetOpinion(ConsultationProcess.AGREE, null));
        seeded.add(agreed.getBusinessKey());
        // ended: 南湖街道 disagreed and 组织部 upheld it
        ProcessInstance rejected = consultation("S03-SCJG", "孙启航", "scjg-off");
        completeAll(rejected, ConsultationProcess.STREET_OPINION,
                streetOpinion("DISAGREE", "拟任人选对本街道市场主体情况不熟悉，建议另选"));
        completeAll(rejected, ConsultationProcess.COORDINATE, Map.of(
                ConsultationProcess.COORDINATION_DECISION, "UPHOLD_STREET",
                ConsultationProcess.COORDINATION_COMMENT, "街道意见理由充分，建议部门另行推荐人选"));
        seeded.add(rejected.getBusinessKey());
        return seeded;
    }

    private ProcessInstance consultation(String agencyCode, String candidate, String user) {
        String agency = org.requireAgency(agencyCode).getName();
        Map<String, Object> vars = new HashMap<>();
        vars.put(ConsultationProcess.DEPT_CODE, agencyCode.substring(agencyCode.indexOf('-') + 1));
        vars.put(ConsultationProcess.AGENCY_CODE, agencyCode);
        vars.put(ConsultationProcess.ACTION, "APPOINT");
        vars.put(ConsultationProcess.CANDIDATE_NAME, candidate);
        vars.put(ConsultationProcess.POSITION_TITLE, agency + (agency.endsWith("中队") ? "中队长" : "所长"));
        vars.put(ConsultationProcess.POSITION_LEVEL, "SECTION");
        vars.put(ConsultationProcess.REASON, "原负责人到龄退休，拟任人选经考察符合任职条件");
        return start(user, ConsultationProcess.KEY, vars);
    }

    private static Map<String, Object> streetOpinion(String opinion, String comment) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(ConsultationProcess.STREET_OPINION_VAR, opinion);
        vars.put(ConsultationProcess.OPINION_COMMENT, comment);
        vars.put(ConsultationProcess.MEETING_DATE, CaseClock.today().toString());
        return vars;
    }

    // ---- 街道吹哨、部门报到 ----

    private List<String> whistles() {
        List<String> seeded = new ArrayList<>();
        // early: 东华街道's 城管执法中队 and 市场监管所 are to report (s01-cgzf-head, s01-scjg-head)
        seeded.add(whistle("S01", "CGZF,SCJG", "URGENT", "东华路夜市占道经营、油烟扰民，居民多次投诉",
                "东华路 88 号至 120 号", "s01-off").getBusinessKey());
        // further: 西岭派出所 reported; the street office handles it jointly (s02-off)
        ProcessInstance reported = whistle("S02", "GA", "NORMAL", "西岭小区周边电动车乱停放，堵塞消防通道",
                "西岭小区东门", "s02-off");
        completeAll(reported, WhistleProcess.Elements.REPORT,
                Map.of(WhistleProcess.Vars.REPORT_NOTE, "民警已到场，配合社区清理通道"));
        seeded.add(reported.getBusinessKey());
        // ended: reported, handled, confirmed and visited
        ProcessInstance closed = whistle("S03", "CGZF", "NORMAL", "南湖公园东侧建筑垃圾乱堆", "南湖公园东侧空地", "s03-off");
        completeAll(closed, WhistleProcess.Elements.REPORT, Map.of(WhistleProcess.Vars.REPORT_NOTE, "城管执法中队已到场"));
        completeAll(closed, WhistleProcess.Elements.HANDLE, Map.of(WhistleProcess.Vars.HANDLING_NOTE, "联合清运完毕，设置围挡"));
        completeAll(closed, WhistleProcess.Elements.CONFIRM, Map.of(WhistleProcess.Vars.RESOLVED, true));
        completeAll(closed, WhistleProcess.Elements.FOLLOW_UP, Map.of(WhistleProcess.Vars.SATISFACTION, 5));
        seeded.add(closed.getBusinessKey());
        return seeded;
    }

    private ProcessInstance whistle(String orgCode, String depts, String urgency, String summary, String location,
            String user) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(WhistleProcess.Vars.ORG_CODE, orgCode);
        vars.put(WhistleProcess.Vars.SUMMARY, summary);
        vars.put(WhistleProcess.Vars.LOCATION, location);
        vars.put(WhistleProcess.Vars.URGENCY, urgency);
        vars.put(WhistleProcess.Vars.DEPT_CODES, depts);
        return start(user, WhistleProcess.KEY, vars);
    }

    // ---- 街道对派驻机构考核 ----

    private List<String> assessment(String period) {
        if (assessments.campaignOf(period).isPresent()) {
            log.info("考核期 {} 已有考核，演示待办不再发起", period);
            return List.of();
        }
        ProcessInstance campaign = start("kaohe", AssessmentProcess.KEY,
                Map.of(AssessmentProcess.Vars.PERIOD, period, AssessmentProcess.Vars.ORG_CODES, "S01"));
        List<ProcessInstance> cases = openCases(campaign, 3);
        List<String> seeded = new ArrayList<>(List.of(campaign.getBusinessKey()));
        for (ProcessInstance c : cases) {
            String agency = (String) runtime.getVariable(c.getId(), AssessmentCaseProcess.Vars.AGENCY_CODE);
            seeded.add(c.getBusinessKey());
            if (agency.endsWith("-CGZF")) {
                continue; // early: the agency's self-evaluation (s01-cgzf-head)
            }
            completeAll(c, AssessmentCaseProcess.Elements.SELF_EVALUATE, Map.of(
                    AssessmentCaseProcess.Vars.SELF_SCORE, 90,
                    AssessmentCaseProcess.Vars.SELF_REPORT, "按照职责清单履职，积极响应街道吹哨，配合完成各项中心工作"));
            if (agency.endsWith("-SCJG")) {
                continue; // further: the street office scores (s01-off)
            }
            completeAll(c, AssessmentCaseProcess.Elements.SCORE, scores(c, 88));
            completeAll(c, AssessmentCaseProcess.Elements.COMMITTEE,
                    Map.of(AssessmentCaseProcess.Vars.COMMITTEE_DECISION, "CONFIRM"));
            // now in 公示: the agency may object until it ends
        }
        return seeded;
    }

    private Map<String, Object> scores(ProcessInstance c, int score) {
        Object prefilled = runtime.getVariable(c.getId(), AssessmentCaseProcess.Vars.PREFILLED_COMMAND);
        Map<String, Object> vars = new HashMap<>();
        vars.put(AssessmentCaseProcess.Vars.SCORE_COMMAND, prefilled instanceof Number n ? n.intValue() : score);
        vars.put(AssessmentCaseProcess.Vars.SCORE_DUTY, score);
        vars.put(AssessmentCaseProcess.Vars.SCORE_STYLE, score);
        vars.put(AssessmentCaseProcess.Vars.SCORE_COOPERATION, score);
        vars.put(AssessmentCaseProcess.Vars.SCORE_SATISFACTION, score);
        vars.put(AssessmentCaseProcess.Vars.VETO_ITEM, false);
        return vars;
    }

    /**
     * The campaign opens its cases in jobs: the job executor runs them (waited for here), or, where it
     * is off, they are run here.
     */
    private List<ProcessInstance> openCases(ProcessInstance campaign, int expected) {
        boolean executorRuns = engineConfiguration instanceof ProcessEngineConfigurationImpl impl
                && impl.getJobExecutor() != null && impl.getJobExecutor().isActive();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            List<ProcessInstance> cases = runtime.createProcessInstanceQuery()
                    .superProcessInstanceId(campaign.getId()).list();
            List<Job> due = management.createJobQuery().processInstanceId(campaign.getId()).executable().list();
            if (cases.size() >= expected && due.isEmpty()) {
                return cases;
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("考核 " + campaign.getBusinessKey() + " 的案件未能及时开启");
            }
            if (executorRuns) {
                sleep();
            } else {
                due.forEach(job -> management.executeJob(job.getId()));
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- as the demo users ----

    private ProcessInstance start(String user, String key, Map<String, Object> variables) {
        return as(user, () -> runtime.startProcessInstanceByKey(key, variables));
    }

    /** Completes every open task of the case at {@code taskKey}, each as a member of its candidate groups. */
    private void completeAll(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        for (Task task : tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list()) {
            String user = memberOf(task);
            as(user, () -> {
                tasks.claim(task.getId(), user);
                tasks.complete(task.getId(), variables);
                return null;
            });
        }
    }

    private String memberOf(Task task) {
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                // the demo login of the group first: people added later (by an administrator) do not act in the demo
                Optional<String> demoLogin = org.activeMembers(link.getGroupId()).stream()
                        .filter(Person::hasDemoCredentials).map(Person::getUsername).sorted().findFirst();
                if (demoLogin.isPresent()) {
                    return demoLogin.get();
                }
                List<User> users = identity.createUserQuery().memberOfGroup(link.getGroupId()).orderByUserId().asc()
                        .listPage(0, 1);
                if (!users.isEmpty()) {
                    return users.get(0).getId();
                }
            }
        }
        throw new IllegalStateException("任务 " + task.getName() + " 没有可办理的演示用户");
    }

    private <T> T as(String userId, Supplier<T> action) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        identity.setAuthentication(userId, groups);
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
