package cn.streetgov.startform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.common.RacePoints;
import cn.streetgov.test.Http;
import cn.streetgov.test.ProcessTestSupport;
import cn.streetgov.test.Race;
import cn.streetgov.whistle.process.WhistleProcess;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A start sent again with the same {@code Idempotency-Key} (its answer was lost, the client retries)
 * returns the first case instead of starting a second: on /engine-rest and on Tasklist's engine API,
 * by start and by submit-form, also when both arrive at once. The same key with another body is
 * refused; another user's or another process's key is their own.
 */
class IdempotentStartHttpTest extends ProcessTestSupport {

    private static final String SUBMIT = "/engine-rest/process-definition/key/whistle-dispatch/submit-form";
    private static final String START = "/engine-rest/process-definition/key/whistle-dispatch/start";
    private static final String TASKLIST_SUBMIT =
            "/camunda/api/engine/engine/default/process-definition/key/whistle-dispatch/submit-form";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeCases() {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(WhistleProcess.KEY).list()
                .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test clean-up", true, true));
    }

    @Test
    void shouldReturnTheFirstCaseToARetriedStart() {
        Http office = Http.as(port, "s01-off");
        String key = UUID.randomUUID().toString();
        long before = whistles();

        Http.Response first = office.postJson(SUBMIT, whistle("夜间施工噪音"), Map.of("Idempotency-Key", key));
        Http.Response retried = office.postJson(SUBMIT, whistle("夜间施工噪音"), Map.of("Idempotency-Key", key));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(retried.json().get("businessKey").asText()).isEqualTo(first.json().get("businessKey").asText())
                .startsWith("CS-");
        assertThat(retried.json().get("definitionId").asText()).isEqualTo(first.json().get("definitionId").asText());
        assertThat(whistles()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select count(*) from start_idempotency where idempotency_key = ?", Long.class, key))
                .isEqualTo(1);
    }

    @Test
    void shouldTreatStartAndTasklistsSubmitFormAlike() {
        Http office = Http.as(port, "s01-off");
        String key = UUID.randomUUID().toString();
        long before = whistles();
        Http.Response first = office.postJson(START, whistle("占道经营"), Map.of("Idempotency-Key", key));
        Http.Response retried = office.postJson(START, whistle("占道经营"), Map.of("Idempotency-Key", key));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(retried.json().get("id").asText()).isEqualTo(first.json().get("id").asText());

        Http tasklist = Http.webappLogin(port, "s01-off", "tasklist");
        String other = UUID.randomUUID().toString();
        Http.Response viaTasklist = tasklist.postJson(TASKLIST_SUBMIT, whistle("占道经营"), Map.of("Idempotency-Key", other));
        Http.Response again = tasklist.postJson(TASKLIST_SUBMIT, whistle("占道经营"), Map.of("Idempotency-Key", other));
        assertThat(viaTasklist.status()).as(viaTasklist.body()).isEqualTo(200);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("id").asText()).isEqualTo(viaTasklist.json().get("id").asText());
        assertThat(whistles()).isEqualTo(before + 2);
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherBody() {
        Http office = Http.as(port, "s01-off");
        String key = UUID.randomUUID().toString();
        long before = whistles();
        assertThat(office.postJson(SUBMIT, whistle("井盖缺失"), Map.of("Idempotency-Key", key)).status()).isEqualTo(200);

        Http.Response changed = office.postJson(SUBMIT, whistle("井盖缺失，已有行人受伤"), Map.of("Idempotency-Key", key));

        assertThat(changed.status()).as(changed.body()).isEqualTo(422);
        assertThat(changed.json().get("message").asText()).contains("Idempotency-Key").contains("不同");
        assertThat(whistles()).isEqualTo(before + 1);
    }

    @Test
    void shouldKeepEachUsersKeysToThemselves() {
        String key = UUID.randomUUID().toString();
        long before = whistles();
        Http.Response s01 = Http.as(port, "s01-off").postJson(SUBMIT, whistle("垃圾堆放"), Map.of("Idempotency-Key", key));
        Http.Response s02 = Http.as(port, "s02-off").postJson(SUBMIT, whistle("S02", "垃圾堆放"),
                Map.of("Idempotency-Key", key));
        assertThat(s01.status()).as(s01.body()).isEqualTo(200);
        assertThat(s02.status()).as(s02.body()).isEqualTo(200);
        assertThat(s02.json().get("id").asText()).isNotEqualTo(s01.json().get("id").asText());
        assertThat(whistles()).isEqualTo(before + 2);
    }

    @Test
    void shouldRefuseAKeyTooLongOrEmpty() {
        Http office = Http.as(port, "s01-off");
        long before = whistles();
        Http.Response tooLong = office.postJson(SUBMIT, whistle("路灯损坏"), Map.of("Idempotency-Key", "k".repeat(101)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("message").asText()).contains("Idempotency-Key");
        Http.Response blank = office.postJson(SUBMIT, whistle("路灯损坏"), Map.of("Idempotency-Key", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(office.postJson(SUBMIT, whistle("路灯损坏"), Map.of("Idempotency-Key", "k".repeat(100))).status())
                .isEqualTo(200);
        assertThat(whistles()).isEqualTo(before + 1);
    }

    @Test
    void shouldStartOneCaseForTwoStartsWithTheSameKeyAtOnce() {
        Http first = Http.as(port, "s01-off");
        Http second = Http.as(port, "s01-off");
        String key = UUID.randomUUID().toString();
        long before = whistles();

        List<Race.Outcome<Http.Response>> answers;
        // both have found no earlier start of the key before either writes its own
        try (var meeting = RacePoints.onReach(StartIdempotency.RACE_CLAIM, Race.meetingOfTwo())) {
            answers = Race.twoAtOnce(
                    () -> first.postJson(SUBMIT, whistle("消防通道堵塞"), Map.of("Idempotency-Key", key)),
                    () -> second.postJson(SUBMIT, whistle("消防通道堵塞"), Map.of("Idempotency-Key", key)));
        }

        assertThat(answers).allMatch(Race.Outcome::succeeded);
        assertThat(answers).extracting(a -> a.result().status()).as(answers.toString()).containsExactly(200, 200);
        assertThat(answers.get(1).result().json().get("id").asText())
                .isEqualTo(answers.get(0).result().json().get("id").asText());
        assertThat(whistles()).isEqualTo(before + 1);
    }

    private long whistles() {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(WhistleProcess.KEY).count();
    }

    private static Map<String, Object> whistle(String summary) {
        return whistle("S01", summary);
    }

    private static Map<String, Object> whistle(String org, String summary) {
        return Map.of("variables", Map.of(
                "orgCode", Map.of("value", org),
                "summary", Map.of("value", summary),
                "location", Map.of("value", "东华路 8 号"),
                "urgency", Map.of("value", "NORMAL"),
                "deptCodes", Map.of("value", "[\"GA\"]", "type", "Json")));
    }
}
