package cn.streetgov.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.ProcessTestSupport;
import cn.streetgov.whistle.process.WhistleProcess;
import cn.streetgov.whistle.process.WhistleProcess.Elements;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The kernel's case index: kept by the engine's listeners, re-built from the history for cases it
 * does not hold, and a describer for every process officials work on.
 */
class CaseIndexTest extends ProcessTestSupport {

    @Autowired
    CaseIndex index;
    @Autowired
    CaseIndexBackfill backfill;
    @Autowired
    List<CaseDescriber> describers;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldIndexACaseFromItsStartToItsEnd() {
        ProcessInstance instance = blow();

        IndexedCase started = index.find(instance.getId()).orElseThrow();
        assertThat(started.getCaseNo()).isEqualTo(instance.getBusinessKey());
        assertThat(started.getProcessKey()).isEqualTo(WhistleProcess.KEY);
        assertThat(started.getSubject()).isEqualTo("井盖缺失，需多部门处置");
        assertThat(started.orgCodes()).containsExactlyInAnyOrder("S03", "GA", "S03-GA");
        assertThat(started.getStarterUser()).isEqualTo("s03-off");
        assertThat(started.isRunning()).isTrue();
        assertThat(index.lastDone(instance.getId(), "s03-ga-head")).isEmpty();

        complete("s03-ga-head", task(instance, Elements.REPORT), Map.of(Vars.REPORT_NOTE, "已到场"));
        assertThat(index.lastDone(instance.getId(), "s03-ga-head").orElseThrow().getStepName()).isEqualTo("部门报到");
        runtimeService.deleteProcessInstance(instance.getId(), "测试终止");

        IndexedCase ended = index.find(instance.getId()).orElseThrow();
        assertThat(ended.isRunning()).isFalse();
        assertThat(ended.getOutcome()).isEqualTo(CaseIndex.CANCELLED);
        assertThat(index.outcomeLabel(WhistleProcess.KEY, ended.getOutcome())).isEqualTo("已终止");
        assertThat(index.outcomeLabel(WhistleProcess.KEY, "CLOSED")).isEqualTo("已办结");
    }

    @Test
    void shouldAddCasesBegunBeforeTheIndexExistedFromTheHistory() {
        ProcessInstance instance = blow();
        complete("s03-ga-head", task(instance, Elements.REPORT), Map.of(Vars.REPORT_NOTE, "已到场"));
        jdbc.update("delete from case_index where process_instance_id = ?", instance.getId());
        jdbc.update("delete from case_index_done where process_instance_id = ?", instance.getId());
        assertThat(index.find(instance.getId())).isEmpty();

        assertThat(backfill.run()).isGreaterThanOrEqualTo(1);

        IndexedCase again = index.find(instance.getId()).orElseThrow();
        assertThat(again.getCaseNo()).isEqualTo(instance.getBusinessKey());
        assertThat(again.getSubject()).isEqualTo("井盖缺失，需多部门处置");
        assertThat(again.getStarterUser()).isEqualTo("s03-off");
        assertThat(again.orgCodes()).contains("S03");
        assertThat(index.lastDone(instance.getId(), "s03-ga-head").orElseThrow().getTaskId())
                .isEqualTo(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                        .finished().singleResult().getId());
        assertThat(backfill.run()).isZero();
    }

    @Test
    void everyProcessWithUserTasksDescribesItsCases() {
        int checked = 0;
        for (File file : new File("processes").listFiles((dir, name) -> name.endsWith(".bpmn"))) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file);
            if (model.getModelElementsByType(UserTask.class).isEmpty()) {
                continue;
            }
            String key = model.getModelElementsByType(Process.class).iterator().next().getId();
            assertThat(describers).as("a CaseDescriber for %s", key).anyMatch(d -> d.processKey().equals(key));
            checked++;
        }
        assertThat(checked).isEqualTo(10);
    }

    private ProcessInstance blow() {
        return as("s03-off", () -> runtimeService.startProcessInstanceByKey(WhistleProcess.KEY,
                Map.of(Vars.ORG_CODE, "S03", Vars.SUMMARY, "井盖缺失，需多部门处置", Vars.URGENCY, "NORMAL",
                        Vars.DEPT_CODES, "GA")));
    }
}
