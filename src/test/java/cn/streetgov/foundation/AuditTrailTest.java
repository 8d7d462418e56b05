package cn.streetgov.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.Http;
import cn.streetgov.test.ProcessTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit trail of a case: who did what, for which organisation, when; export; tamper evidence. */
class AuditTrailTest extends ProcessTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private ProcessInstance completedProbeCase() {
        SecurityProbe.deploy(repositoryService);
        ProcessInstance instance = as("admin", () -> runtimeService.startProcessInstanceByKey(SecurityProbe.KEY,
                "AUDIT-" + System.nanoTime(), Map.of("summary", "东华街道占道经营")));
        complete("s01-off", task(instance, SecurityProbe.TASK), Map.of("handlingNote", "已处理"));
        return instance;
    }

    @Test
    void recordsStartCompletionAndEndWithActorAndOrganisation() {
        ProcessInstance instance = completedProbeCase();
        Http.Response response = Http.as(port, "auditor").get("/api/audit/" + instance.getId());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Audit-Chain")).isEqualTo("intact");
        JsonNode trail = response.json();
        assertThat(trail).hasSize(3);
        assertThat(trail.get(0).get("eventType").asText()).isEqualTo("CASE_STARTED");
        assertThat(trail.get(0).get("actorId").asText()).isEqualTo("admin");
        assertThat(trail.get(0).get("businessKey").asText()).isEqualTo(instance.getBusinessKey());
        assertThat(trail.get(0).get("payload").asText()).contains("东华街道占道经营");
        JsonNode completion = trail.get(1);
        assertThat(completion.get("eventType").asText()).isEqualTo("TASK_COMPLETED");
        assertThat(completion.get("activityId").asText()).isEqualTo(SecurityProbe.TASK);
        assertThat(completion.get("activityName").asText()).isEqualTo("探针任务");
        assertThat(completion.get("actorId").asText()).isEqualTo("s01-off");
        assertThat(completion.get("actorGroupId").asText()).isEqualTo("street-office-S01");
        assertThat(completion.get("actorGroupName").asText()).isEqualTo("东华街道办事处");
        assertThat(trail.get(2).get("eventType").asText()).isEqualTo("CASE_ENDED");
        assertThat(trail.get(1).get("prevHash").asText()).isEqualTo(trail.get(0).get("hash").asText());
    }

    @Test
    void exportsCsvForSpreadsheets() {
        ProcessInstance instance = completedProbeCase();
        Http.Response csv = Http.as(port, "auditor").get("/api/audit/" + instance.getId() + ".csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("\uFEFF序号,时间,事件");
        assertThat(lines[2]).contains("办理", "探针任务", "s01-off", "东华街道办事处");
    }

    @Test
    void onlyAuditorsAndAdministratorsReadTheTrail() {
        ProcessInstance instance = completedProbeCase();
        assertThat(Http.as(port, "s01-off").get("/api/audit/" + instance.getId()).status()).isEqualTo(403);
        assertThat(Http.anonymous(port).get("/api/audit/" + instance.getId()).status()).isEqualTo(401);
        assertThat(Http.as(port, "admin").get("/api/audit/" + instance.getId()).status()).isEqualTo(200);
        Http.Response unknown = Http.as(port, "auditor").get("/api/audit/no-such-case");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).contains("没有该案件的审计记录");
    }

    @Test
    void aChangedRecordBreaksTheChain() {
        ProcessInstance instance = completedProbeCase();
        jdbc.update("update audit_record set actor_id = 'someone-else' where process_instance_id = ? and seq = 2",
                instance.getId());
        Http.Response response = Http.as(port, "auditor").get("/api/audit/" + instance.getId());
        assertThat(response.header("X-Audit-Chain")).isEqualTo("broken; seq=2");
        JsonNode check = Http.as(port, "auditor").get("/api/audit/" + instance.getId() + "/verify").json();
        assertThat(check.get("intact").asBoolean()).isFalse();
        assertThat(check.get("firstBrokenSeq").asInt()).isEqualTo(2);
        assertThat(check.get("message").asText()).contains("第 2 条记录被改动");
    }

    @Test
    void anUntouchedCaseVerifiesAsIntact() {
        ProcessInstance instance = completedProbeCase();
        Http.Response response = Http.as(port, "auditor").get("/api/audit/" + instance.getId() + "/verify");
        assertThat(response.header("X-Audit-Chain")).isEqualTo("intact");
        JsonNode check = response.json();
        assertThat(check.get("intact").asBoolean()).isTrue();
        assertThat(check.get("records").asInt()).isEqualTo(3);
        assertThat(check.get("message").asText()).contains("审计链完整");
        // the head of the case points at its last record
        assertThat(jdbc.queryForObject("select last_seq from audit_chain_head where process_instance_id = ?",
                Integer.class, instance.getId())).isEqualTo(3);
    }

    @Test
    void aDeletedRecordBreaksTheChain() {
        ProcessInstance instance = completedProbeCase();
        jdbc.update("delete from audit_record where process_instance_id = ? and seq = 2", instance.getId());
        JsonNode check = Http.as(port, "auditor").get("/api/audit/" + instance.getId() + "/verify").json();
        assertThat(check.get("intact").asBoolean()).isFalse();
        assertThat(check.get("firstBrokenSeq").asInt()).isEqualTo(3);
        assertThat(check.get("message").asText()).contains("审计链在第 3 条记录处断开");
    }
}
