package cn.streetgov.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.Http;
import cn.streetgov.test.ProcessTestSupport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Web hardening over HTTP: security headers on every response, the actuator index closed, request
 * size and JSON depth limits answered with 4xx, no class names or stack traces in any error body,
 * XSRF on unsafe /api methods of a webapp session, and live group membership for /api.
 */
class WebHardeningHttpTest extends ProcessTestSupport {

    private static final String PROBE_KEY = "web-hardening-probe";
    /** A fully qualified Java class name of the platform, the engine, the libraries or our code, or a stack frame. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "(?:org\\.camunda|com\\.fasterxml|java\\.|javax\\.|jakarta\\.|org\\.springframework|org\\.apache"
                    + "|org\\.glassfish|org\\.hibernate|org\\.h2|org\\.mariadb|cn\\.streetgov)[\\w.$]*"
                    + "|\\bat [\\w.$]+\\([\\w.]*(?::\\d+)?\\)");
    private static final Pattern SERVER_ERROR = Pattern.compile("服务器内部错误，请联系管理员（编号 ([A-Za-z0-9-]+)）");
    private static final int ONE_MB = 1024 * 1024;

    @LocalServerPort
    int port;

    private Deployment deployment;
    private ProcessInstance probe;

    @BeforeEach
    void startProbe() {
        deployment = repositoryService.createDeployment().name(PROBE_KEY).addModelInstance(PROBE_KEY + ".bpmn",
                Bpmn.createExecutableProcess(PROBE_KEY).name("网页加固探针").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("userTask_probe").camundaCandidateGroups("street-office-S01")
                        .endEvent().done()).deploy();
        probe = runtimeService.startProcessInstanceByKey(PROBE_KEY, Map.of("note", "探针"));
    }

    @AfterEach
    void removeProbe() {
        repositoryService.deleteDeployment(deployment.getId(), true);
    }

    // ---- 1. security headers -------------------------------------------------------------------

    private enum Kind { API, APP, CAMUNDA }

    private record Call(String label, Http.Response response, int status, Kind kind) {
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersErrorsIncluded() {
        Http anonymous = Http.anonymous(port);
        Http official = Http.as(port, "s01-off");
        List<Call> calls = List.of(
                new Call("engine-rest task list", official.get("/engine-rest/task"), 200, Kind.API),
                new Call("public catalog", anonymous.get("/api/catalog"), 200, Kind.API),
                new Call("authenticated /api", Http.as(port, "kaohe").get("/api/assessments/periods"), 200, Kind.API),
                new Call("results page", Http.as(port, "kaohe").get("/app/assessments"), 200, Kind.APP),
                new Call("tasklist", anonymous.get("/camunda/app/tasklist/default/"), 200, Kind.CAMUNDA),
                new Call("tasklist redirect", anonymous.get("/camunda/app/tasklist/"), 302, Kind.CAMUNDA),
                new Call("401 /api", anonymous.get("/api/assessments/periods"), 401, Kind.API),
                new Call("401 engine-rest", anonymous.get("/engine-rest/task"), 401, Kind.API),
                new Call("401 app", anonymous.get("/app/assessments"), 401, Kind.APP),
                new Call("403 actuator", official.get("/actuator/metrics"), 403, Kind.API),
                new Call("403 app", official.get("/app/assessments"), 403, Kind.APP),
                new Call("404 /api", official.get("/api/no-such-endpoint"), 404, Kind.API),
                new Call("404 engine-rest", official.get("/engine-rest/task/no-such-task"), 404, Kind.API),
                new Call("404 static", anonymous.get("/_static/no-such-file.js"), 404, Kind.API));
        for (Call call : calls) {
            Http.Response r = call.response();
            assertThat(r.status()).as("%s: %s", call.label(), r.body()).isEqualTo(call.status());
            assertThat(r.header("X-Content-Type-Options")).as(call.label()).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).as(call.label()).isEqualTo("DENY");
            assertThat(r.header("Referrer-Policy")).as(call.label()).isEqualTo("same-origin");
            assertThat(r.header("Strict-Transport-Security")).as("%s: no HSTS over plain HTTP", call.label()).isNull();
            List<String> csp = r.headers().allValues("Content-Security-Policy");
            assertThat(csp).as("%s: exactly one CSP", call.label()).hasSize(1);
            assertThat(csp.get(0)).as(call.label()).contains("frame-ancestors 'none'");
            switch (call.kind()) {
                case API -> assertThat(csp.get(0)).as(call.label()).startsWith("default-src 'none'");
                case APP -> assertThat(directive(csp.get(0), "script-src")).as(call.label())
                        .startsWith("script-src 'self'").doesNotContain("unsafe");
                case CAMUNDA -> assertThat(csp.get(0)).as("%s: Camunda's own policy", call.label())
                        .contains("'strict-dynamic'", "sandbox");
            }
        }
    }

    @Test
    void theClosedAdminSetupAnswersWithTheHeadersToo() {
        Http.Response setup = Http.anonymous(port).postJson("/camunda/api/admin/setup/default/user/create",
                Map.of("profile", Map.of("id", "intruder")));
        assertThat(setup.status()).isEqualTo(403);
        assertThat(setup.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(setup.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void theResultsPageMayRunExactlyItsOwnInlineScript() throws Exception {
        Http.Response page = Http.as(port, "kaohe").get("/app/assessments");
        Matcher inline = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(page.body());
        assertThat(inline.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(inline.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(directive(page.header("Content-Security-Policy"), "script-src"))
                .isEqualTo("script-src 'self' 'sha256-" + hash + "'");
    }

    @Test
    void overTlsHstsIsSentAndEveryCookieIsSecure() throws Exception {
        SecurityHeadersFilter filter = new SecurityHeadersFilter("/camunda", AppPagePolicy.fromOwnPages(),
                "max-age=31536000");
        jakarta.servlet.FilterChain setsCookies = (req, res) -> {
            jakarta.servlet.http.HttpServletResponse response = (jakarta.servlet.http.HttpServletResponse) res;
            response.addHeader("Set-Cookie", "XSRF-TOKEN=abc;Path=/camunda;SameSite=Lax");
            response.addCookie(new jakarta.servlet.http.Cookie("other", "x"));
        };
        for (boolean secure : List.of(true, false)) {
            org.springframework.mock.web.MockHttpServletRequest request =
                    new org.springframework.mock.web.MockHttpServletRequest("GET", "/camunda/app/tasklist/");
            request.setSecure(secure);
            org.springframework.mock.web.MockHttpServletResponse response =
                    new org.springframework.mock.web.MockHttpServletResponse();
            filter.doFilter(request, response, setsCookies);
            assertThat(response.getHeader("Strict-Transport-Security")).as("secure=%s", secure)
                    .isEqualTo(secure ? "max-age=31536000" : null);
            assertThat(response.getHeaders("Set-Cookie")).as("secure=%s", secure)
                    .allMatch(c -> c.contains("Secure") == secure).hasSize(2);
            assertThat(response.getHeader("Content-Security-Policy")).as("Camunda sends its own").isNull();
            assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        }
    }

    private static String directive(String policy, String name) {
        return Arrays.stream(policy.split(";")).map(String::trim).filter(d -> d.startsWith(name + " ")).findFirst()
                .orElse("");
    }

    // ---- 2. actuator -----------------------------------------------------------------------------

    @Test
    void theActuatorIndexIsForAdministratorsOnly() {
        Http anonymous = Http.anonymous(port);
        assertThat(anonymous.get("/actuator").status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/").status()).isEqualTo(401);
        Http.Response official = Http.as(port, "s01-off").get("/actuator");
        assertThat(official.status()).as(official.body()).isEqualTo(403);
        assertThat(official.json().path("message").asText()).contains("管理员");
        assertThat(Http.as(port, "auditor").get("/actuator").status()).isEqualTo(403);
        assertThat(Http.as(port, "admin").get("/actuator").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/info").status()).isEqualTo(200);
    }

    // ---- 3. error bodies -------------------------------------------------------------------------

    private static void assertNoClassNames(String label, Http.Response r) {
        assertThat(CLASS_NAME.matcher(r.body()).find()).as("%s: class name or stack frame in %s", label, r.body())
                .isFalse();
        r.headers().map().forEach((name, values) -> values.forEach(v -> assertThat(CLASS_NAME.matcher(v).find())
                .as("%s: class name in header %s: %s", label, name, v).isFalse()));
    }

    private static void assertInvalidJson(String label, Http.Response r) {
        assertThat(r.status()).as("%s: %s", label, r.body()).isEqualTo(400);
        assertNoClassNames(label, r);
        assertThat(r.json().path("message").asText()).as(label).contains("请求内容不是有效的 JSON");
    }

    @Test
    void deepOrMalformedJsonIsA400WithoutClassNames() {
        String deep = "{\"reason\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        Http agency = Http.as(port, "s01-ga-head");
        assertInvalidJson("/api deep", agency.postJson("/api/assessments/KH-NONE/objection", deep));
        assertInvalidJson("/api malformed", agency.postJson("/api/assessments/KH-NONE/objection", "{bad"));
        assertInvalidJson("/api wrong shape", agency.postJson("/api/assessments/KH-NONE/objection", "{\"reason\":[1]}"));
        // a JSON nesting that Jackson's default would still accept (1,000) is refused on /api well before
        String hundred = "{\"reason\":\"x\",\"more\":" + "[".repeat(100) + "]".repeat(100) + "}";
        assertInvalidJson("/api depth 100", agency.postJson("/api/assessments/KH-NONE/objection", hundred));
        Http.Response text = agency.sendBytes("POST", "/api/assessments/KH-NONE/objection", "text/plain",
                "{\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.json().path("message").asText()).contains("application/json");
        assertNoClassNames("/api text/plain", text);

        Http official = Http.as(port, "s01-off");
        assertInvalidJson("engine-rest deep", official.postJson("/engine-rest/task", "{\"a\":" + deep + "}"));
        assertInvalidJson("engine-rest malformed", official.postJson("/engine-rest/task", "{bad"));
        assertInvalidJson("engine-rest wrong type", official.postJson("/engine-rest/task", "{\"maxPriority\":\"abc\"}"));
        Http session = Http.webappLogin(port, "s01-off", "tasklist");
        assertInvalidJson("webapp engine API deep",
                session.postJson("/camunda/api/engine/engine/default/task", "{\"a\":" + deep + "}"));
    }

    @Test
    void malformedJsonVariablesAreA400WithoutClassNames() {
        Http admin = Http.as(port, "admin");
        Map<String, Object> bad = Map.of("type", "Json", "value", "{bad");
        assertInvalidJson("start with a malformed Json variable", admin.postJson(
                "/engine-rest/process-definition/key/" + PROBE_KEY + "/start", Map.of("variables", Map.of("x", bad))));
        Http.Response put = admin.putJson("/engine-rest/process-instance/" + probe.getId() + "/variables/x", bad);
        assertNoClassNames("put a malformed Json variable", put);
        // Camunda's own 4xx answers keep their type, without Java type names in the message
        Map<String, Object> notADate = Map.of("variables", Map.of("x", Map.of("type", "Date", "value", "nope")));
        Http.Response viaRest = admin.postJson("/engine-rest/process-definition/key/" + PROBE_KEY + "/start", notADate);
        assertThat(viaRest.status()).isEqualTo(400);
        assertThat(viaRest.json().path("type").asText()).isEqualTo("InvalidRequestException");
        assertNoClassNames("engine-rest: not a date", viaRest);
        Http session = Http.webappLogin(port, "admin", "cockpit");
        Http.Response viaWebapp = session.postJson(
                "/camunda/api/engine/engine/default/process-definition/key/" + PROBE_KEY + "/start", notADate);
        assertThat(viaWebapp.status()).as(viaWebapp.body()).isEqualTo(400);
        assertThat(viaWebapp.json().path("type").asText()).isEqualTo("InvalidRequestException");
        assertNoClassNames("webapp engine API: not a date", viaWebapp);
        // whatever was stored, reading it back shows no engine internals either
        Http.Response read = admin.get("/engine-rest/process-instance/" + probe.getId() + "/variables/x");
        assertNoClassNames("read a malformed Json variable", read);
        assertThat(read.status()).isNotEqualTo(200);
    }

    @Test
    void serverErrorsAreAGenericChineseMessageWithTheLogCorrelationId() {
        // deleting a deployment that still has a running instance fails inside the engine (a 500)
        Http.Response viaRest = Http.as(port, "admin").delete("/engine-rest/deployment/" + deployment.getId());
        assertServerError("engine-rest", viaRest);
        Http session = Http.webappLogin(port, "admin", "cockpit");
        Http.Response viaWebapp = session.delete("/camunda/api/engine/engine/default/deployment/" + deployment.getId());
        assertServerError("webapp engine API", viaWebapp);
    }

    private static void assertServerError(String label, Http.Response r) {
        assertThat(r.status()).as("%s: %s", label, r.body()).isEqualTo(500);
        assertNoClassNames(label, r);
        assertThat(r.body()).as(label).doesNotContain("ENGINE-");
        Matcher m = SERVER_ERROR.matcher(r.json().path("message").asText());
        assertThat(m.matches()).as("%s: %s", label, r.body()).isTrue();
        assertThat(r.header("X-Error-Id")).as(label).isEqualTo(m.group(1));
    }

    // ---- 4. request size ----------------------------------------------------------------------------

    private static byte[] jsonOfSize(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        byte[] head = "{\"reason\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, body, 0, head.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    private static void assertTooLarge(String label, Http.Response r) {
        assertThat(r.status()).as("%s: %s", label, r.body()).isEqualTo(413);
        assertThat(r.json().path("message").asText()).as(label).contains("请求内容过大");
        assertNoClassNames(label, r);
    }

    @Test
    void bodiesOverTheLimitAreA413DeclaredOrChunked() {
        byte[] tooLarge = jsonOfSize(ONE_MB + 1);
        byte[] muchTooLarge = jsonOfSize(ONE_MB + ONE_MB / 2);
        Http agency = Http.as(port, "s01-ga-head");
        assertTooLarge("/api declared", agency.sendBytes("POST", "/api/assessments/KH-NONE/objection",
                "application/json", tooLarge));
        assertTooLarge("/api chunked", agency.sendChunked("POST", "/api/assessments/KH-NONE/objection",
                "application/json", muchTooLarge));
        Http official = Http.as(port, "s01-off");
        assertTooLarge("engine-rest declared", official.sendBytes("POST", "/engine-rest/task", "application/json",
                tooLarge));
        assertTooLarge("engine-rest chunked", official.sendChunked("POST", "/engine-rest/task", "application/json",
                muchTooLarge));
        assertTooLarge("webapp login form declared", Http.anonymous(port).sendBytes("POST",
                "/camunda/api/admin/auth/user/default/login/tasklist", "application/x-www-form-urlencoded", tooLarge));
        // a body just under the limit still reaches the endpoint
        Http.Response under = agency.sendBytes("POST", "/api/assessments/KH-NONE/objection", "application/json",
                jsonOfSize(ONE_MB - 1024));
        assertThat(under.status()).as(under.body()).isEqualTo(404);
    }

    @Test
    void administratorsMayDeployMoreThanTheGeneralLimit() {
        String resource = "x".repeat(2 * ONE_MB);
        Http.Response deployed = Http.as(port, "admin").postMultipart("/engine-rest/deployment/create",
                "large.txt", "large.txt", resource);
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        repositoryService.deleteDeployment(deployed.json().path("id").asText(), true);
        Http.Response official = Http.as(port, "s01-off").postMultipart("/engine-rest/task/"
                + taskService.createTaskQuery().processInstanceId(probe.getId()).singleResult().getId()
                + "/attachment/create", "content", "large.txt", "x".repeat(ONE_MB + ONE_MB / 2));
        assertTooLarge("a large attachment is not a deployment", official);
    }

    // ---- 5. XSRF on /api with the webapp session -------------------------------------------------

    @Test
    void unsafeApiMethodsOnTheWebappSessionNeedTheXsrfToken() {
        Http session = Http.webappLogin(port, "s01-ga-head", "tasklist");
        Http.Response safe = session.get("/api/assessments/periods");
        assertThat(safe.status()).as("safe methods need no token").isEqualTo(200);
        String token = safe.header("X-XSRF-TOKEN");
        assertThat(token).as("our pages read the token from this header").isEqualTo(session.cookie("XSRF-TOKEN"));
        assertThat(session.postJson("/api/assessments/KH-NONE/objection", Map.of("reason", "x")).status())
                .as("with the token the request reaches the endpoint").isEqualTo(404);
        session.setXsrfToken(null);
        Http.Response without = session.postJson("/api/assessments/KH-NONE/objection", Map.of("reason", "x"));
        assertThat(without.status()).as(without.body()).isEqualTo(403);
        assertThat(without.json().path("message").asText()).contains("X-XSRF-TOKEN");
        session.setXsrfToken(token + "0");
        assertThat(session.postJson("/api/assessments/KH-NONE/objection", Map.of("reason", "x")).status())
                .isEqualTo(403);
        assertThat(session.delete("/api/assessments/KH-NONE").status()).as("any unsafe method").isEqualTo(403);
        // HTTP Basic is not a browser's ambient credential: no token needed
        assertThat(Http.as(port, "s01-ga-head").postJson("/api/assessments/KH-NONE/objection", Map.of("reason", "x"))
                .status()).isEqualTo(404);
    }

    // ---- 6. live group membership ------------------------------------------------------------------

    @Test
    void aRemovedMembershipTakesEffectOnTheNextApiRequestOfAWebappSession() {
        Http session = Http.webappLogin(port, "kaohe", "tasklist");
        assertThat(session.get("/api/assessments/periods").status()).isEqualTo(200);
        identityService.deleteMembership("kaohe", "assessment-office");
        try {
            Http.Response after = session.get("/api/assessments/periods");
            assertThat(after.status()).as(after.body()).isEqualTo(403);
            assertThat(session.get("/app/assessments").status()).isEqualTo(403);
        } finally {
            identityService.createMembership("kaohe", "assessment-office");
        }
        assertThat(session.get("/api/assessments/periods").status()).isEqualTo(200);
    }
}
