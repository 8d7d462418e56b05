package cn.streetgov.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.streetgov.audit.AuditEventType;
import cn.streetgov.audit.AuditRecord;
import cn.streetgov.audit.AuditTrail;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.test.IntegrationTest;
import cn.streetgov.test.Officials;
import cn.streetgov.whistle.process.WhistleProcess;
import cn.streetgov.whistle.process.WhistleProcess.Elements;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The kernel's decision listener, on a real workflow: one actor policy for the record and the
 * audit trail, refusals from the declaration that write nothing, one row per completed task.
 */
@IntegrationTest
class DecisionRecordTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    DecisionRecord decisions;

    @Autowired
    AuditTrail audit;

    @Test
    void shouldNameTheSamePersonInTheRecordAndTheAuditTrailWhenSomeoneElseCompletesAnAssignedTask() {
        ProcessInstance pi = blow();
        Task report = task(pi, Elements.REPORT);
        // claimed by the agency's head, then completed by an administrator repairing the case
        Officials.as(engine, "s01-ga-head", () -> {
            engine.getTaskService().claim(report.getId(), "s01-ga-head");
            return null;
        });
        Officials.as(engine, "admin", () -> {
            engine.getTaskService().complete(report.getId(), Map.of(Vars.REPORT_NOTE, "已到场处置"));
            return null;
        });

        CaseDecision row = decisions.ofCase(pi.getBusinessKey()).get(0);
        assertThat(row.getActorUser()).isEqualTo("admin");
        // the administrator is in none of the task's groups: the record names the task's organisation
        assertThat(row.getActorGroup()).isEqualTo("agency-S01-GA");
        AuditRecord completed = audit.trail(pi.getId()).stream()
                .filter(r -> r.getEventType() == AuditEventType.TASK_COMPLETED).findFirst().orElseThrow();
        assertThat(completed.getActorId()).isEqualTo(row.getActorUser());
        assertThat(completed.getActorGroupId()).isNull();
    }

    @Test
    void shouldRefuseAValueTheDeclarationDoesNotAllowAndWriteNothing() {
        ProcessInstance pi = blow();
        Officials.complete(engine, "s01-ga-head", task(pi, Elements.REPORT), Map.of(Vars.REPORT_NOTE, "已到场"));
        Officials.complete(engine, "s01-off", task(pi, Elements.HANDLE), Map.of(Vars.HANDLING_NOTE, "处置完毕"));
        int before = decisions.ofCase(pi.getBusinessKey()).size();
        Task confirm = task(pi, Elements.CONFIRM);

        assertThatThrownBy(() -> Officials.complete(engine, "s01-off", confirm, Map.of(Vars.RESOLVED, "也许")))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("请选择问题是否已解决（已解决 / 未解决）");
        assertThatThrownBy(() -> Officials.complete(engine, "s01-off", task(pi, Elements.CONFIRM),
                Map.of(Vars.RESOLVED, true, Vars.CONFIRM_COMMENT, "长".repeat(TaskDecisions.TEXT_MAX + 1))))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("不能超过 4000 个字");

        assertThat(decisions.ofCase(pi.getBusinessKey())).hasSize(before);
        assertThat(engine.getTaskService().createTaskQuery().taskId(confirm.getId()).count()).isOne();
    }

    @Test
    void shouldRequireTheDeclaredReason() {
        ProcessInstance pi = blow();
        assertThatThrownBy(() -> Officials.complete(engine, "s01-ga-head", task(pi, Elements.REPORT),
                Map.of(Vars.REPORT_NOTE, "  ")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("请填写报到说明");
        assertThat(decisions.ofCase(pi.getBusinessKey())).isEmpty();
    }

    private ProcessInstance blow() {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.ORG_CODE, "S01");
        vars.put(Vars.SUMMARY, "占道经营，需城管与公安联合处置");
        vars.put(Vars.LOCATION, "和平路 3 号");
        vars.put(Vars.URGENCY, "NORMAL");
        vars.put(Vars.DEPT_CODES, "GA");
        return Officials.as(engine, "s01-off",
                () -> engine.getRuntimeService().startProcessInstanceByKey(WhistleProcess.KEY, vars));
    }

    private Task task(ProcessInstance pi, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
                .singleResult();
    }
}
