package cn.streetgov.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.Http;
import cn.streetgov.test.ProcessTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the workspace tests share: reading the workspace over HTTP as a demo user. */
abstract class WorkspaceTestSupport extends ProcessTestSupport {

    /** A time as the workspace answers it: ISO-8601 in the district's zone (+08:00). */
    static final String BEIJING_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?\\+08:00";

    @LocalServerPort
    int port;

    JsonNode ok(String user, String path) {
        Http.Response response = Http.as(port, user).get(path);
        assertThat(response.status()).as("%s GET %s: %s", user, path, response.body()).isEqualTo(200);
        return response.json();
    }

    /** The case as the user's list shows it (searched by its case number), or null if it is not in the list. */
    JsonNode listed(String user, String list, ProcessInstance instance) {
        JsonNode page = ok(user, "/api/cases/" + list + "?size=100&q=" + encode(instance.getBusinessKey()));
        return items(page).stream().filter(i -> i.path("processInstanceId").asText().equals(instance.getId()))
                .findFirst().orElse(null);
    }

    static List<JsonNode> items(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false).toList();
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText(null)));
        return values;
    }

    /** The texts of a JSON array of strings. */
    static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    JsonNode caseOf(String user, ProcessInstance instance) {
        return ok(user, "/api/cases/" + instance.getId());
    }

    JsonNode record(String user, ProcessInstance instance) {
        return ok(user, "/api/cases/" + instance.getId() + "/record");
    }

    JsonNode diagram(String user, ProcessInstance instance) {
        return ok(user, "/api/cases/" + instance.getId() + "/diagram");
    }

    /** The steps of the record at a step name. */
    static List<JsonNode> steps(JsonNode record, String name) {
        return StreamSupport.stream(record.path("steps").spliterator(), false)
                .filter(s -> name.equals(s.path("name").asText())).toList();
    }

    /**
     * An official of another organisation reads nothing of the case: 403 with the Chinese reason on
     * the case, its record and its diagram, and the case is in none of their lists.
     */
    void assertRefused(String user, ProcessInstance instance) {
        for (String path : List.of("", "/record", "/diagram")) {
            Http.Response response = Http.as(port, user).get("/api/cases/" + instance.getId() + path);
            assertThat(response.status()).as("%s GET %s: %s", user, path, response.body()).isEqualTo(403);
            assertThat(response.json().path("message").asText()).contains("无权查阅案件 " + instance.getBusinessKey());
        }
        assertThat(listed(user, "done", instance)).as("%s's 已办", user).isNull();
        assertThat(listed(user, "started", instance)).as("%s's 我发起的", user).isNull();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
