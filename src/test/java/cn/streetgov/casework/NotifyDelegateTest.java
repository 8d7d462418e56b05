package cn.streetgov.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.streetgov.audit.AuditEventType;
import cn.streetgov.audit.AuditTrail;
import cn.streetgov.test.ProcessTestSupport;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The 发送通知 step an administrator adds with its element template: a notice with its audit record. */
class NotifyDelegateTest extends ProcessTestSupport {

    private static final String KEY = "notify-probe";

    @Autowired
    Notifications notifications;
    @Autowired
    AuditTrail audit;

    private String deployment;

    @AfterEach
    void removeTheProbe() {
        if (deployment != null) {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    @Test
    void shouldTellTheGroupTheModelNamesWithTheCaseVariablesFilledIn() {
        deploy("street-office-${orgCode}", null, "OVERDUE", "案件 ${execution.processBusinessKey} 请尽快办理");
        String caseNo = "TZ-" + System.nanoTime();

        ProcessInstance instance = runtimeService.startProcessInstanceByKey(KEY, caseNo, Map.of("orgCode", "S02"));

        assertThat(notifications.ofCase(caseNo)).filteredOn(n -> n.getKind() != NoticeKind.NEW_TASK).extracting(CaseNotification::getKind,
                CaseNotification::getRecipientGroup, CaseNotification::getMessage)
                .containsExactly(tuple(NoticeKind.OVERDUE, "street-office-S02", "案件 " + caseNo + " 请尽快办理"));
        assertThat(audit.trail(instance.getId())).anySatisfy(r -> {
            assertThat(r.getEventType()).isEqualTo(AuditEventType.SYSTEM);
            assertThat(r.getComment()).isEqualTo("逾期督办：案件 " + caseNo + " 请尽快办理");
        });
    }

    @Test
    void shouldRefuseAStepWithoutARecipient() {
        deploy(null, null, "INFO", "没有收件人");

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(KEY, "TZ-" + System.nanoTime()))
                .hasMessageContaining("noticeGroup");
    }

    private void deploy(String group, String user, String kind, String message) {
        var task = Bpmn.createExecutableProcess(KEY).name("通知探针").camundaHistoryTimeToLive(1)
                .startEvent("startEvent_probe")
                .serviceTask("serviceTask_notify").name("通知街道").camundaDelegateExpression("#{notifyDelegate}");
        if (group != null) {
            task = task.camundaInputParameter(NotifyDelegate.GROUP, group);
        }
        if (user != null) {
            task = task.camundaInputParameter(NotifyDelegate.USER, user);
        }
        BpmnModelInstance model = task.camundaInputParameter(NotifyDelegate.KIND, kind)
                .camundaInputParameter(NotifyDelegate.MESSAGE, message)
                .userTask("userTask_wait").name("等待").camundaCandidateGroups("street-office-S01")
                .endEvent("endEvent_probe").done();
        deployment = repositoryService.createDeployment().addModelInstance(KEY + ".bpmn", model).deploy().getId();
    }
}
