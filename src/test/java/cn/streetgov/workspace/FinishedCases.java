package cn.streetgov.workspace;

import static cn.streetgov.delegation.process.PowerDelegationProcess.*;

import cn.streetgov.delegation.process.DelegationTestData;
import cn.streetgov.delegation.process.PowerDelegationProcess;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import cn.streetgov.test.Officials;
import cn.streetgov.whistle.process.WhistleProcess;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Cases run to their end by the demo officials, for the tests of what auditors and printers read of them. */
public final class FinishedCases {

    private FinishedCases() {
    }

    /**
     * 东华街道 blows the whistle (the police and 城管 summoned), both report, the street handles,
     * confirms and visits: ended 已办结.
     */
    public static ProcessInstance whistle(ProcessEngine engine, String summary) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(WhistleProcess.Vars.ORG_CODE, "S01");
        vars.put(WhistleProcess.Vars.SUMMARY, summary);
        vars.put(WhistleProcess.Vars.LOCATION, "和平路 12 号");
        vars.put(WhistleProcess.Vars.URGENCY, "URGENT");
        vars.put(WhistleProcess.Vars.DEPT_CODES, "GA,CGZF");
        ProcessInstance instance = Officials.as(engine, "s01-off",
                () -> engine.getRuntimeService().startProcessInstanceByKey(WhistleProcess.KEY, vars));
        for (Task report : open(engine, instance, WhistleProcess.Elements.REPORT)) {
            String dept = String.valueOf(engine.getTaskService().getVariable(report.getId(), WhistleProcess.Vars.DEPT_CODE));
            Officials.complete(engine, "s01-" + dept.toLowerCase() + "-head", report,
                    Map.of(WhistleProcess.Vars.REPORT_NOTE, "已派员到场处置"));
        }
        Officials.complete(engine, "s01-off", one(engine, instance, WhistleProcess.Elements.HANDLE),
                Map.of(WhistleProcess.Vars.HANDLING_NOTE, "积水已排除，道路恢复通行"));
        Officials.complete(engine, "s01-off", one(engine, instance, WhistleProcess.Elements.CONFIRM),
                Map.of(WhistleProcess.Vars.RESOLVED, true));
        Officials.complete(engine, "s01-off", one(engine, instance, WhistleProcess.Elements.FOLLOW_UP),
                Map.of(WhistleProcess.Vars.SATISFACTION, 5));
        return instance;
    }

    /**
     * 城管 devolves two powers to 东华街道 and 南湖街道: both streets accept, the legal review finds it
     * lawful, 编办 and the government approve, the powers are published, and after the review period
     * each street reports on them: ended 已公布. Moves the engine clock (the caller resets it).
     */
    public static ProcessInstance delegation(ProcessEngine engine, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        DelegationTestData.clearCatalog(jdbc);
        Map<String, Object> vars = DelegationTestData.proposal(List.of("S01", "S03"));
        ProcessInstance instance = Officials.as(engine, "cgzf-off",
                () -> engine.getRuntimeService().startProcessInstanceByKey(PowerDelegationProcess.KEY, vars));
        Officials.complete(engine, "s01-off", capacity(engine, instance, "S01"),
                Map.of(Vars.CAPACITY_DECISION, CAPACITY_ACCEPT_WITH_CONDITIONS, Vars.CAPACITY_COMMENT, "需派员带教"));
        Officials.complete(engine, "s03-off", capacity(engine, instance, "S03"),
                Map.of(Vars.CAPACITY_DECISION, CAPACITY_ACCEPT));
        Officials.complete(engine, "legal", one(engine, instance, REVIEW_LEGALITY), Map.of(Vars.LEGAL_DECISION, LEGAL_LAWFUL));
        Officials.complete(engine, "bianban", one(engine, instance, CONFIRM_STAFFING), Map.of(Vars.STAFFING_DECISION, "APPROVE"));
        Officials.complete(engine, "govt", one(engine, instance, DECIDE_DELEGATION), Map.of(Vars.FINAL_DECISION, "APPROVE"));
        for (int round = 0; round < 10 && open(engine, instance, REPORT_OPERATION).isEmpty(); round++) {
            ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 40L * 24 * 3_600_000L));
            for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                    .executable().list()) {
                engine.getManagementService().executeJob(job.getId());
            }
        }
        for (Task report : open(engine, instance, REPORT_OPERATION)) {
            // each receiving street's office reports on its own powers
            String office = engine.getTaskService().getIdentityLinksForTask(report.getId()).stream()
                    .map(link -> link.getGroupId()).filter(g -> g != null && g.startsWith("street-office-")).findFirst()
                    .orElseThrow().substring("street-office-".length()).toLowerCase() + "-off";
            Officials.complete(engine, office, report,
                    Map.of(Vars.REPORT_ASSESSMENT, "WORKING", Vars.REPORT_NOTE, "半年办件 126 件，群众满意"));
        }
        return instance;
    }

    private static Task capacity(ProcessEngine engine, ProcessInstance instance, String orgCode) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(REVIEW_CAPACITY).taskCandidateGroup("street-office-" + orgCode)
                .includeAssignedTasks().singleResult();
    }

    private static List<Task> open(ProcessEngine engine, ProcessInstance instance, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey).list();
    }

    private static Task one(ProcessEngine engine, ProcessInstance instance, String taskKey) {
        List<Task> tasks = open(engine, instance, taskKey);
        if (tasks.size() != 1) {
            throw new IllegalStateException(tasks.size() + " open tasks " + taskKey + " of " + instance.getBusinessKey());
        }
        return tasks.get(0);
    }
}
