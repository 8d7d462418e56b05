package cn.streetgov.workspace;

import static cn.streetgov.appointment.process.ConsultationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.appointment.process.ConsultationTestData;
import cn.streetgov.appointment.process.SuggestionProcess;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.org.OrgDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The workspace on {@code cadre-consultation} (and the street's {@code street-suggestion}): the
 * subject names the post, the action and the person; 已办 of the street committee that answered,
 * 我发起的 of the department; nothing for another street or another agency.
 */
class AppointmentWorkspaceHttpTest extends WorkspaceTestSupport {

    static final String AGENCY = "S01-GA";

    @Autowired
    OrgDirectory directory;

    @Test
    void shouldFollowAConsultationThroughTheStreetsAnswerAndTheDepartmentsDecision() {
        String candidate = "任" + "伟芳磊静敏强洁涛".charAt((int) (System.nanoTime() % 8)) + (System.nanoTime() % 1000);
        ProcessInstance instance = start(candidate);
        complete("s01-sec", task(instance, STREET_OPINION), Map.of(STREET_OPINION_VAR, AGREE,
                MEETING_DATE, CaseClock.today().toString()));
        complete("ga-off", task(instance, DEPT_DECISION), Map.of(DEPT_DECISION_VAR, APPROVE));

        JsonNode started = listed("ga-off", "started", instance);
        assertThat(started.path("subject").asText()).isEqualTo("东华派出所所长 任职 " + candidate);
        // searched by the person's name, a part of the subject
        assertThat(items(ok("ga-off", "/api/cases/started?size=100&q=" + encode(candidate))))
                .extracting(i -> i.path("processInstanceId").asText()).containsExactly(instance.getId());
        JsonNode done = listed("s01-sec", "done", instance);
        assertThat(done.path("myLastStep").path("name").asText()).isEqualTo("街道党(工)委会议答复意见");
        assertThat(done.path("starterName").asText()).isEqualTo("孙浩");
        assertThat(listed("ga-off", "done", instance).path("myLastStep").path("name").asText()).isEqualTo("部门决定");

        JsonNode record = record("s01-sec", instance);
        JsonNode street = steps(record, "街道党(工)委会议答复意见").get(0);
        assertThat(street.path("userName").asText()).isEqualTo("李秀英");
        assertThat(street.path("orgName").asText()).isEqualTo("东华街道党工委");
        assertThat(street.path("post").asText()).isEqualTo("东华街道党工委书记");
        assertThat(street.path("decisionLabel").asText()).isEqualTo("同意");
        assertThat(street.path("typeLabel").asText()).isEqualTo("同意");
        assertThat(steps(record, "部门决定").get(0).path("orgName").asText()).isEqualTo("公安分局");
        assertThat(texts(record.path("opinions"), "userId")).containsExactly("s01-sec", "ga-off");

        List<String> open = taskService.createTaskQuery().processInstanceId(instance.getId()).list().stream()
                .map(Task::getTaskDefinitionKey).distinct().sorted().toList();
        JsonNode diagram = diagram("ga-off", instance);
        assertThat(values(diagram.path("completed"))).contains(START, STREET_OPINION, DEPT_DECISION);
        assertThat(values(diagram.path("active"))).containsExactlyInAnyOrderElementsOf(open);

        assertRefused("s02-sec", instance);
        assertRefused("s01-cgzf-head", instance);
        assertRefused("scjg-off", instance);
        assertThat(caseOf("s01-ga-head", instance).path("subject").asText()).contains(candidate);
    }

    @Test
    void shouldListTheStreetsSuggestionWithItsAnswerInChinese() {
        ProcessInstance instance = as("s01-sec", () -> runtimeService.startProcessInstanceByKey(SuggestionProcess.KEY,
                Map.of(SuggestionProcess.AGENCY_CODE, AGENCY, SuggestionProcess.ACTION, "REMOVE",
                        SuggestionProcess.REASON, "考核不合格，建议调整")));
        complete("ga-off", task(instance, SuggestionProcess.ANSWER), Map.of(SuggestionProcess.DECISION,
                SuggestionProcess.DECLINE, SuggestionProcess.COMMENT, "人选正在考察中，暂不调整"));
        complete("s01-sec", task(instance, SuggestionProcess.READ_DECLINE), Map.of());

        JsonNode started = listed("s01-sec", "started", instance);
        assertThat(started.path("subject").asText()).isEqualTo("东华街道 建议 东华派出所负责人 免职");
        assertThat(started.path("stateLabel").asText()).isEqualTo("已办结");
        assertThat(started.path("outcomeLabel").asText()).isEqualTo("建议未采纳");
        assertThat(listed("ga-off", "done", instance)).isNotNull();
        assertRefused("s02-sec", instance);
    }

    // ---------------------------------------------------------------- helpers

    private ProcessInstance start(String candidate) {
        directory.appointHead(AGENCY, "原所长", "东华派出所所长", LocalDate.of(2024, 1, 1));
        Map<String, Object> vars = ConsultationTestData.appointment(candidate);
        return as("ga-off", () -> runtimeService.startProcessInstanceByKey(KEY, vars));
    }
}
