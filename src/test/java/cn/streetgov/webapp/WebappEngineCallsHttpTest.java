package cn.streetgov.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.Http;
import cn.streetgov.test.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The few calls of Tasklist and Cockpit that lie outside the plain reads and queries of the engine
 * API guard's allowlist, replayed over HTTP as the pages send them (found with the browser tests;
 * each was refused before it was added): the login pages' engine list, Tasklist's question which
 * filter actions the caller has, and two counts and lookups of Cockpit's dashboards.
 */
@IntegrationTest
class WebappEngineCallsHttpTest {

    private static final String API = "/camunda/api/engine/engine/default";

    @LocalServerPort
    int port;

    /** A webapp session as the page has it after the login: it asks for the engines and takes the fresh XSRF token. */
    private Http session(String user, String app) {
        Http http = Http.webappLogin(port, user, app);
        assertThat(http.get("/camunda/api/engine/engine/").status()).isEqualTo(200);
        if (http.cookie("XSRF-TOKEN") != null) {
            http.setXsrfToken(http.cookie("XSRF-TOKEN"));
        }
        return http;
    }

    @Test
    void everyLoginPageListsTheEnginesBeforeTheLoginAndNothingElseIsOpen() {
        Http anonymous = Http.anonymous(port);
        // the login page asks for this list (and gets its XSRF token with it) before it sends the password
        Http.Response engines = anonymous.get("/camunda/api/engine/engine/");
        assertThat(engines.status()).as(engines.body()).isEqualTo(200);
        assertThat(engines.json().findValuesAsText("name")).containsExactly("default");

        assertThat(anonymous.get("/camunda/api/engine/engine/?name=default").status()).isEqualTo(401);
        assertThat(anonymous.get(API + "/task").status()).isEqualTo(401);
        assertThat(anonymous.get(API + "/engine").status()).isEqualTo(401);
        assertThat(anonymous.sendBytes("POST", "/camunda/api/engine/engine/", "application/json", "{}".getBytes())
                .status()).isIn(401, 403);
    }

    @Test
    void tasklistAsksWhichFilterActionsAnOfficialHasAndIsToldNoneButReading() {
        Http tasklist = session("s01-off", "tasklist");
        Http.Response options = tasklist.sendBytes("OPTIONS", API + "/filter", null, null);
        assertThat(options.status()).as(options.body()).isEqualTo(200);
        assertThat(options.json().path("links").findValuesAsText("rel")).doesNotContain("create");
        // only the question is open: saving a filter stays with administrators
        Http.Response create = tasklist.postJson(API + "/filter/create",
                Map.of("resourceType", "Task", "name", "x", "query", Map.of()));
        assertThat(create.status()).isEqualTo(403);
        assertThat(tasklist.sendBytes("OPTIONS", API + "/task", null, null).status()).isEqualTo(403);
    }

    @Test
    void cockpitCountsCaseDefinitionsAndLooksUpCandidateGroupsForTheAuditor() {
        Http cockpit = session("auditor", "cockpit");
        Http.Response cases = cockpit.get(API + "/case-definition/count?latestVersion=true");
        assertThat(cases.status()).as(cases.body()).isEqualTo(200);
        assertThat(cases.json().path("count").asLong()).isZero();

        Http.Response groups = cockpit.postJson(API + "/group?maxResults=1",
                Map.of("idIn", List.of("agency-S01-GA"), "maxResults", 1));
        assertThat(groups.status()).as(groups.body()).isEqualTo(200);
        // the engine's authorizations still decide: the auditor may not read groups
        assertThat(groups.json()).isEmpty();

        // nothing beyond the count: case definitions, group writes and other group paths stay closed
        assertThat(cockpit.get(API + "/case-definition").status()).isEqualTo(403);
        assertThat(cockpit.postJson(API + "/group/create", Map.of("id", "x", "name", "x")).status()).isEqualTo(403);
        assertThat(cockpit.postJson(API + "/group/count", Map.of()).status()).isEqualTo(403);
    }
}
