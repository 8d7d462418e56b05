package cn.streetgov.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.DeclaredVariables;
import cn.streetgov.casework.TaskDecisions;
import cn.streetgov.casework.TaskDecisions.TaskDecision;
import cn.streetgov.test.ProcessTestSupport;
import cn.streetgov.test.StartVariables;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input at scale: {@code badinput.count} (default 10,000) generated malformed requests from a
 * fixed seed ({@code badinput.seed}) against every case start, every task decision the generated
 * cases reach and every /api endpoint — wrong types, missing and extra fields, unknown codes, huge
 * and empty strings, Chinese and emoji, SQL, HTML/script, {@code ${…}}/{@code #{…}}, malformed JSON,
 * wrong content types, multipart where JSON is expected, bad paths. Each is answered 4xx with a
 * Chinese reason or accepted as valid; none is a 5xx. Afterwards no case is half-written (a case
 * in our tables without its process instance, or a process instance without its case) and no
 * process is stuck (no incident, no failed job, every due job runs).
 * <p>
 * {@code ./mvnw -B test -Preliability -Dtest=BadInputTest [-Dbadinput.count=… -Dbadinput.seed=…]}
 */
class BadInputTest extends ProcessTestSupport {

    static final int COUNT = Integer.getInteger("badinput.count", 10_000);
    static final long SEED = Long.getLong("badinput.seed", 20261203L);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Set<String> PROCESS_KEYS = Set.of("power-delegation", "power-revocation", "cadre-consultation",
            "street-suggestion", "whistle-dispatch", "agency-assessment", "agency-assessment-case",
            "major-matter-consultation", "duty-admission", "duty-exit");

    /** Strings that break things: empty, huge, Chinese and emoji, SQL, markup, expressions, paths, codes. */
    private static final String[] NASTY = {"", " ", "null", "undefined", "0", "-1", "3.14", "99999999999999999999",
            "1e309", "NaN", "true", "false", "[]", "{}", "中文内容", "街道吹哨部门报到", "😀🚀👍🏽", "𠀀𠀁𠀂", "\u202e反向",
            "' OR '1'='1", "1; DROP TABLE case_index; --", "\" OR 1=1 --", "admin'--", "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>", "${1+1}", "#{1+1}",
            "${execution.setVariable('outcome','PUBLISHED')}", "#{runtimeService.deleteProcessInstance('x','y')}",
            "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')}", "%00", "\u0000", "\r\n\t",
            "../../../etc/passwd", "..\\..\\windows", "S99", "XX-YY", "s01", "S01,S99", "CGZF-XK-999", "GA,GA,GA",
            "[\"S01\",", "[\"S01\",\"S99\"]", "[1,2,3]", "{\"a\":1}", "2026-13-45", "2026-02-30", "9999-12-31",
            "1900-01-01", "2026", "2026-H3", "-2026", "ACCEPT ", "accept", "APPROVE;REJECT", "MAYBE", "REJECT\u0000",
            "𝕬𝖉𝖒𝖎𝖓", "ｓ０１", "\ufeffS01", "null\u0000", "'; waitfor delay '0:0:5'--", "<!--", "]]>", "%s%s%n",
            "{{7*7}}", "__proto__", "constructor"};
    private static final String[] TYPES = {"String", "Integer", "Long", "Double", "Boolean", "Date", "Json", "Object",
            "Bytes", "File", "Null", "Xml", "Short", "Nonsense", "", "string", "json"};
    private static final String[] CONTENT_TYPES = {"text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz", "multipart/form-data", "application/json; charset=ISO-8859-1",
            "application/json; charset=GBK", "*/*", "application/*", "application/octet-stream", "text/html", "",
            "application/json;charset=UTF-8", "application/merge-patch+json", "image/png", "application/json, text/plain"};
    private static final String[] FIELD_NAMES = {"reason", "note", "userId", "userIds", "groupIds", "position",
            "targetActivityId", "version", "code", "name", "type", "districtCode", "deptCode", "orgCode", "role",
            "unitCode", "title", "username", "familyName", "givenName", "email", "mobile", "active",
            "processDefinitionKey", "fromVersion", "toVersion", "dryRun", "text", "opinion", "kind", "central",
            "period", "objectionReason", "__proto__", "${x}", "#{y}", "a".repeat(300), "", "中文字段"};
    private static final String[] QUERY_NAMES = {"period", "org", "dept", "page", "size", "unreadOnly", "caseNo",
            "processKey", "orgCode", "userId", "dates", "from", "to", "outcome", "state", "q", "sort", "kind"};

    /** A request: who sends it, what, where. */
    record Probe(String kind, String user, String method, String path, String contentType, byte[] body) {
        String describe() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8);
            return kind + " " + user + " " + method + " " + path + " [" + contentType + "] " + shown;
        }
    }

    record Answer(int status, String body) {
    }

    /** One way to start a case: who starts it and with what. */
    record Starter(String processKey, String user, Map<String, Object> valid) {
    }

    /** One /api endpoint: the method, the path with {placeholders}, who may call it, the JSON fields it takes. */
    record Endpoint(String method, String path, String user, List<String> fields, boolean multipart) {
    }

    record OpenTask(String id, String processKey, String taskKey, String user) {
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    List<TaskDecisions> decisions;
    @Autowired
    DeclaredVariables declared;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> userOfGroup = new HashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Integer> statuses = new TreeMap<>();
    private final Map<String, Integer> kinds = new TreeMap<>();
    private final Set<String> tasksReached = new TreeSet<>();
    private final List<String> caseIds = new ArrayList<>();
    private List<OpenTask> openTasks = new ArrayList<>();

    @Test
    void shouldAnswerEveryMalformedInputWithAReasonAndLeaveNoHalfWrittenOrStuckCase() {
        long started = System.nanoTime();
        jdbc.update("update dlg_delegated_power set status = 'REVOKED' where status = 'ACTIVE'");
        List<Starter> starters = starters();
        List<Endpoint> endpoints = endpoints();
        for (Starter starter : starters) {
            seedCase(starter);
        }
        // one assessment campaign: a case per street and agency, each with its self-evaluation
        Starter campaign = starters.stream().filter(s -> s.processKey().equals("agency-assessment")).findFirst().orElseThrow();
        Answer opened = send(new Probe("seed", campaign.user(), "POST",
                "/engine-rest/process-definition/key/agency-assessment/submit-form", "application/json",
                json(Map.of("variables", dtos(campaign.valid())))));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        // the campaign opens its cases in jobs, one after another (no job executor in the tests)
        for (int round = 0; round < 4 && runDueJobs() > 0; round++) {
            // until no job is due
        }
        refreshTasks();

        Random random = new Random(SEED);
        for (int i = 0; i < COUNT; i++) {
            if (i % 100 == 0) {
                refreshTasks();
                if (openTasks.size() < 6) {
                    seedCase(starters.get(random.nextInt(starters.size())));
                    refreshTasks();
                }
            }
            int choice = random.nextInt(10);
            Probe probe = choice < 3 ? startProbe(random, starters.get(random.nextInt(starters.size())))
                    : choice < 6 && !openTasks.isEmpty() ? taskProbe(random, openTasks.get(random.nextInt(openTasks.size())))
                    : apiProbe(random, endpoints.get(random.nextInt(endpoints.size())));
            check(probe, send(probe));
        }
        long sent = System.nanoTime();

        int jobsRun = runDueJobs();
        List<String> halfWritten = halfWrittenCases();
        long incidents = runtimeService.createIncidentQuery().count();
        long failedJobs = managementService.createJobQuery().withException().count();
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        System.out.printf("BadInputTest: %d inputs (seed %d) in %d s (requests %d s); statuses %s; kinds %s; "
                + "tasks reached %d %s; cases %d; due jobs run %d; incidents %d; failed jobs %d; half-written %d%n",
                COUNT, SEED, seconds, (sent - started) / 1_000_000_000L, statuses, kinds, tasksReached.size(),
                tasksReached, caseIds.size(), jobsRun, incidents, failedJobs, halfWritten.size());
        assertThat(failures).as("answers that are 5xx or a 4xx without a Chinese reason (first 30 of %d)",
                failures.size()).isEmpty();
        assertThat(halfWritten).as("half-written cases").isEmpty();
        assertThat(incidents).as("incidents").isZero();
        assertThat(failedJobs).as("failed jobs").isZero();
    }

    // ---- the answers ----

    private void check(Probe probe, Answer answer) {
        statuses.merge(String.valueOf(answer.status()), 1, Integer::sum);
        kinds.merge(probe.kind(), 1, Integer::sum);
        if (answer.status() >= 500 || answer.status() < 200) {
            fail(probe, answer);
        } else if (answer.status() >= 400 && !HAN.matcher(answer.body()).find()) {
            fail(probe, answer);
        }
    }

    private void fail(Probe probe, Answer answer) {
        if (failures.size() < 30) {
            String body = answer.body().length() > 300 ? answer.body().substring(0, 300) : answer.body();
            failures.add(answer.status() + " " + body + " ← " + probe.describe());
        } else {
            failures.add(String.valueOf(answer.status()));
        }
    }

    /**
     * Sends the probe; a request that got no answer at all is sent once more (the client may have
     * reused a connection the server had closed after refusing the previous request) and counts
     * as a failure only if it gets none again.
     */
    private Answer send(Probe probe) {
        Answer answer = sendOnce(probe);
        return answer.status() == 0 ? sendOnce(probe) : answer;
    }

    private Answer sendOnce(Probe probe) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + probe.path()))
                    .timeout(Duration.ofSeconds(60)).header("Accept", "application/json, */*");
            if (probe.user() != null) {
                // never a wrong password: the login throttle would block the address (and lock the user)
                builder.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((probe.user() + ":demo").getBytes(StandardCharsets.UTF_8)));
            }
            if (probe.contentType() != null && !probe.contentType().isEmpty()) {
                builder.header("Content-Type", probe.contentType());
            }
            builder.method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
            HttpResponse<String> response = client.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body() == null ? "" : response.body());
        } catch (IllegalArgumentException badUri) {
            return new Answer(400, "客户端无法发送该地址"); // the client refuses to send it: nothing reached the server
        } catch (IOException e) {
            return new Answer(0, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- case starts ----

    private List<Starter> starters() {
        String today = CaseClock.today().toString();
        Map<String, Object> consultation = new LinkedHashMap<>();
        consultation.put("deptCode", "GA");
        consultation.put("agencyCode", "S01-GA");
        consultation.put("action", "APPOINT");
        consultation.put("candidateName", "李明");
        consultation.put("positionTitle", "东华派出所所长");
        consultation.put("positionLevel", "SECTION");
        consultation.put("reason", "工作需要");
        Map<String, Object> suggestion = new LinkedHashMap<>();
        suggestion.put("agencyCode", "S01-GA");
        suggestion.put("action", "REMOVE");
        suggestion.put("reason", "群众反映强烈");
        Map<String, Object> nomination = new LinkedHashMap<>(); // 福田: a street's own post
        nomination.put("postType", "UNION_CHAIR");
        nomination.put("orgCode", "S01");
        nomination.put("deptCode", "GA");
        nomination.put("action", "APPOINT");
        nomination.put("candidateName", "李四");
        nomination.put("reason", "经街道党工委会议研究，提出人选意见");
        Map<String, Object> revocation = new LinkedHashMap<>();
        revocation.put("deptCode", "CGZF");
        revocation.put("itemCode", "CGZF-XK-001");
        revocation.put("orgCode", "S01");
        revocation.put("revocationReason", "街道承接不力");
        Map<String, Object> assessment = new LinkedHashMap<>();
        assessment.put("period", (CaseClock.today().getYear() + 5) + "-H1");
        return List.of(
                new Starter("whistle-dispatch", "s01-off", StartVariables.whistle("S01", "GA", "NORMAL", "占道经营", "东华路 8 号")),
                new Starter("whistle-dispatch", "s01-off", routedWhistle()),
                new Starter("power-delegation", "cgzf-off", StartVariables.delegation("CGZF", "CGZF-XK-001", "S01")),
                new Starter("cadre-consultation", "ga-off", consultation),
                new Starter("street-suggestion", "s01-sec", suggestion),
                new Starter("street-suggestion", "s01-sec", nomination),
                new Starter("power-revocation", "cgzf-off", revocation),
                new Starter("agency-assessment", "kaohe", assessment),
                new Starter("major-matter-consultation", "zrzy-off",
                        StartVariables.majorMatter("ZRZY", "S01,S02", "东华片区控制性详细规划")),
                new Starter("duty-admission", "cgzf-off", StartVariables.dutyAdmission("CGZF", "共享单车停放秩序巡查",
                        "每日巡查", "URBAN_MANAGEMENT", "S01,S02")),
                new Starter("duty-exit", "s01-off", StartVariables.dutyExit("S01", "CS-02", "街道无力承担")));
    }

    /** A 12345 hotline whistle routed by its category (whistle-routing.dmn), no departments chosen. */
    private static Map<String, Object> routedWhistle() {
        Map<String, Object> vars = StartVariables.whistle("S01", null, "URGENT", "餐馆疑似食物中毒", "和平路 3 号");
        vars.put("source", "HOTLINE");
        vars.put("hotlineTicketNo", "12345-0042");
        vars.put("category", "FOOD_SAFETY");
        vars.put("stopFirst", true); // and the street dissuades first: the dissuasion task is probed too
        vars.remove("deptCodes");
        return vars;
    }

    /** A valid start of the process, so that its tasks can be probed. */
    private void seedCase(Starter starter) {
        if (starter.processKey().equals("agency-assessment") || starter.processKey().equals("power-revocation")) {
            return; // a campaign opens a case per street and agency (one is enough, from the probes); a revocation needs a power in force
        }
        Probe probe = new Probe("seed", starter.user(), "POST",
                "/engine-rest/process-definition/key/" + starter.processKey() + "/submit-form", "application/json",
                json(Map.of("variables", dtos(starter.valid()))));
        Answer answer = send(probe);
        if (answer.status() != 200) {
            failures.add("a valid start failed: " + answer.status() + " " + answer.body() + " ← " + probe.describe());
        }
    }

    private Probe startProbe(Random random, Starter starter) {
        String path = "/engine-rest/process-definition/key/" + starter.processKey() + "/"
                + (random.nextBoolean() ? "submit-form" : "start");
        String user = random.nextInt(10) == 0 ? pick(random, "s02-off", "auditor", "ga-off", "kaohe", "legal") : starter.user();
        Map<String, Object> vars = new LinkedHashMap<>(dtos(starter.valid()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("variables", vars);
        switch (random.nextInt(12)) {
            case 0 -> vars.remove(pick(random, vars.keySet().toArray(String[]::new)));
            case 1 -> vars.put(pick(random, FIELD_NAMES), dto(random));
            case 2 -> vars.put("outcome", Map.of("value", "PUBLISHED", "type", "String"));
            case 3 -> body.put(pick(random, "businessKey", "startInstructions", "skipCustomListeners", "skipIoMappings",
                    "withVariablesInReturn", "caseInstanceId"), randomJsonValue(random));
            case 4 -> body.put("variables", randomJsonValue(random));
            case 5 -> {
                return raw(random, "start", user, "POST", path);
            }
            case 6 -> path = path.replace(starter.processKey(), pick(random, "no-such-process", "power-delegation:1:x",
                    "%24%7B1%2B1%7D", "a".repeat(300), "whistle-dispatch%00", "agency-assessment-timer",
                    "agency-assessment-case"));
            case 7 -> {
                // a free text or a code of the form with strange content: may well be accepted
                String field = pick(random, vars.keySet().toArray(String[]::new));
                vars.put(field, Map.of("value", nasty(random), "type", "String"));
            }
            default -> {
                String field = pick(random, vars.keySet().toArray(String[]::new));
                vars.put(field, dto(random));
            }
        }
        return new Probe("start " + starter.processKey(), user, "POST", path, "application/json", json(body));
    }

    // ---- task decisions ----

    private void refreshTasks() {
        List<OpenTask> tasks = new ArrayList<>();
        for (Task task : taskService.createTaskQuery().active().orderByTaskCreateTime().desc().listPage(0, 80)) {
            String key = engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId()).getKey();
            if (!PROCESS_KEYS.contains(key) || task.getDelegationState() != null) {
                continue;
            }
            String user = task.getAssignee() != null ? task.getAssignee() : candidate(task.getId());
            if (user != null) {
                tasks.add(new OpenTask(task.getId(), key, task.getTaskDefinitionKey(), user));
                if (!caseIds.contains(task.getProcessInstanceId())) {
                    caseIds.add(task.getProcessInstanceId());
                }
            }
        }
        openTasks = tasks;
    }

    private String candidate(String taskId) {
        for (IdentityLink link : taskService.getIdentityLinksForTask(taskId)) {
            if (link.getGroupId() != null && "candidate".equals(link.getType())) {
                String user = userOfGroup.computeIfAbsent(link.getGroupId(), group -> {
                    List<User> members = identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc()
                            .listPage(0, 1);
                    return members.isEmpty() ? "" : members.get(0).getId();
                });
                if (!user.isEmpty()) {
                    return user;
                }
            }
        }
        return null;
    }

    private Probe taskProbe(Random random, OpenTask task) {
        tasksReached.add(task.processKey() + "/" + task.taskKey());
        String path = "/engine-rest/task/" + task.id() + "/" + (random.nextBoolean() ? "complete" : "submit-form");
        String user = random.nextInt(12) == 0 ? pick(random, "s02-off", "auditor", "t01-sec", "wj-off") : task.user();
        Map<String, Object> vars = validDecision(task);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("variables", vars);
        String decision = decisionOf(task).map(TaskDecision::decision).orElse(null);
        switch (random.nextInt(12)) {
            case 0 -> {
                if (decision != null) {
                    vars.put(decision, Map.of("value", nasty(random), "type", "String"));
                }
            }
            case 1 -> {
                if (decision != null) {
                    vars.remove(decision);
                } else {
                    vars.clear();
                }
            }
            case 2 -> vars.put(pick(random, "outcome", "caseNo", "caseSummary", "deptCode", "orgCode", "totalScore",
                    "grade", "${x}", "initiator", pick(random, FIELD_NAMES)), dto(random));
            case 3 -> {
                String name = vars.isEmpty() ? "note" : pick(random, vars.keySet().toArray(String[]::new));
                vars.put(name, dto(random));
            }
            case 4 -> {
                String name = vars.isEmpty() ? "note" : pick(random, vars.keySet().toArray(String[]::new));
                vars.put(name, Map.of("value", nasty(random)));
            }
            case 5 -> {
                return raw(random, "task " + task.taskKey(), user, "POST", path);
            }
            case 6 -> body.put("variables", randomJsonValue(random));
            case 7 -> {
                String name = vars.isEmpty() ? "note" : pick(random, vars.keySet().toArray(String[]::new));
                vars.put(name, pick(random, "ACCEPT", "", "中文", "[1]"));
            }
            case 8 -> path = "/engine-rest/task/" + pick(random, "no-such-task", "%2e%2e", "1'%20or%20'1", "a".repeat(200),
                    task.id() + "x") + "/complete";
            default -> {
                // valid but for the text, which may be anything: accepted, the case moves on
                decisionOf(task).map(TaskDecision::comment).filter(vars::containsKey)
                        .ifPresent(comment -> vars.put(comment, Map.of("value", nasty(random) + "。同意", "type", "String")));
            }
        }
        return new Probe("task " + task.taskKey(), user, "POST", path, "application/json", json(body));
    }

    private java.util.Optional<TaskDecision> decisionOf(OpenTask task) {
        return decisions.stream().filter(d -> d.processKey().equals(task.processKey())).findFirst()
                .map(d -> d.byTask().get(task.taskKey()));
    }

    /** What a careful official would submit: the first allowed decision, a reason, plausible details. */
    private Map<String, Object> validDecision(OpenTask task) {
        Map<String, Object> vars = new LinkedHashMap<>();
        java.util.Optional<TaskDecision> decision = decisionOf(task);
        Set<String> inputs = declared.taskInputs(task.processKey(), task.taskKey());
        for (String name : inputs) {
            vars.put(name, plausible(name));
        }
        decision.ifPresent(d -> {
            if (d.decision() != null && !d.rules().allowed().isEmpty()) {
                vars.put(d.decision(), Map.of("value", d.rules().allowed().keySet().iterator().next(), "type", "String"));
            }
        });
        return vars;
    }

    private static Map<String, Object> plausible(String name) {
        String lower = name.toLowerCase();
        if (lower.contains("score") || lower.equals("satisfaction")) {
            return Map.of("value", lower.equals("satisfaction") ? 4 : 85, "type", "Integer");
        }
        if (lower.equals("resolved") || lower.startsWith("veto") && !lower.contains("reason")
                || lower.equals("usesuggestion")) {
            return Map.of("value", lower.equals("resolved"), "type", "Boolean");
        }
        if (lower.contains("date")) {
            return Map.of("value", CaseClock.today().toString(), "type", "String");
        }
        return Map.of("value", "已核实，同意。", "type", "String");
    }

    // ---- /api ----

    private List<Endpoint> endpoints() {
        List<String> none = List.of();
        return List.of(
                new Endpoint("GET", "/api/whistles/metrics", "kaohe", none, false),
                new Endpoint("GET", "/api/whistles/metrics/departments", "kaohe", none, false),
                new Endpoint("GET", "/api/whistles/metrics/categories", "kaohe", none, false),
                new Endpoint("POST", "/api/admin/process-migrations", "admin",
                        List.of("processDefinitionKey", "fromVersion", "toVersion", "dryRun"), false),
                new Endpoint("GET", "/api/notifications", "s01-off", none, false),
                new Endpoint("GET", "/api/notifications/unread-count", "s01-off", none, false),
                new Endpoint("POST", "/api/notifications/{id}/read", "s01-off", none, false),
                new Endpoint("POST", "/api/notifications/read-all", "s01-off", none, false),
                new Endpoint("GET", "/api/admin/org", "admin", none, false),
                new Endpoint("GET", "/api/admin/org/roles", "admin", none, false),
                new Endpoint("GET", "/api/admin/org/changes", "admin", none, false),
                new Endpoint("GET", "/api/admin/org/districts", "admin", none, false),
                new Endpoint("POST", "/api/admin/org/districts", "admin", List.of("code", "name"), false),
                new Endpoint("PUT", "/api/admin/org/districts/{code}", "admin", List.of("name", "version"), false),
                new Endpoint("GET", "/api/admin/org/units", "admin", none, false),
                new Endpoint("POST", "/api/admin/org/units", "admin", List.of("code", "name", "type", "districtCode", "central"), false),
                new Endpoint("PUT", "/api/admin/org/units/{code}", "admin", List.of("name", "type", "central", "version"), false),
                new Endpoint("POST", "/api/admin/org/units/{code}/deactivate", "admin", List.of("version"), false),
                new Endpoint("POST", "/api/admin/org/units/{code}/reactivate", "admin", List.of("version"), false),
                new Endpoint("GET", "/api/admin/org/departments", "admin", none, false),
                new Endpoint("POST", "/api/admin/org/departments", "admin", List.of("code", "name"), false),
                new Endpoint("PUT", "/api/admin/org/departments/{code}", "admin", List.of("name", "version"), false),
                new Endpoint("POST", "/api/admin/org/departments/{code}/deactivate", "admin", List.of("version"), false),
                new Endpoint("POST", "/api/admin/org/departments/{code}/reactivate", "admin", List.of("version"), false),
                new Endpoint("GET", "/api/admin/org/agencies", "admin", none, false),
                new Endpoint("POST", "/api/admin/org/agencies", "admin", List.of("code", "name", "orgCode", "deptCode"), false),
                new Endpoint("PUT", "/api/admin/org/agencies/{code}", "admin", List.of("name", "version"), false),
                new Endpoint("POST", "/api/admin/org/agencies/{code}/deactivate", "admin", List.of("version"), false),
                new Endpoint("POST", "/api/admin/org/agencies/{code}/reactivate", "admin", List.of("version"), false),
                new Endpoint("GET", "/api/admin/org/people", "admin", none, false),
                new Endpoint("GET", "/api/admin/org/people/{username}", "admin", none, false),
                new Endpoint("POST", "/api/admin/org/people", "admin", List.of("username", "familyName", "givenName", "email", "mobile"), false),
                new Endpoint("PUT", "/api/admin/org/people/{username}", "admin", List.of("familyName", "givenName", "email", "version"), false),
                new Endpoint("POST", "/api/admin/org/people/{username}/deactivate", "admin", List.of("version"), false),
                new Endpoint("POST", "/api/admin/org/people/{username}/reactivate", "admin", List.of("version"), false),
                new Endpoint("POST", "/api/admin/org/people/{username}/posts", "admin", List.of("role", "unitCode", "title"), false),
                new Endpoint("DELETE", "/api/admin/org/people/{username}/posts/{id}", "admin", none, false),
                new Endpoint("GET", "/api/assessments", "kaohe", none, false),
                new Endpoint("GET", "/api/assessments/periods", "kaohe", none, false),
                new Endpoint("GET", "/api/assessments/mine", "s01-ga-head", none, false),
                new Endpoint("POST", "/api/assessments/{caseNo}/objection", "s01-ga-head", List.of("reason"), false),
                new Endpoint("GET", "/api/clock", "s01-off", none, false),
                new Endpoint("GET", "/api/cases/{processInstanceId}/attachments", "s01-off", none, false),
                new Endpoint("POST", "/api/cases/{processInstanceId}/attachments", "s01-off", List.of("kind", "note"), true),
                new Endpoint("GET", "/api/attachments/{id}", "s01-off", none, false),
                new Endpoint("DELETE", "/api/attachments/{id}", "s01-off", none, false),
                new Endpoint("GET", "/api/audit/{processInstanceId}", "auditor", none, false),
                new Endpoint("GET", "/api/audit/{processInstanceId}/verify", "auditor", none, false),
                new Endpoint("GET", "/api/audit/{processInstanceId}.csv", "auditor", none, false),
                new Endpoint("GET", "/api/audit/cases", "auditor", none, false),
                new Endpoint("GET", "/api/audit/cases/options", "auditor", none, false),
                new Endpoint("GET", "/api/audit/by-case-no/{caseNo}", "auditor", none, false),
                new Endpoint("GET", "/api/cases/done", "s01-off", none, false),
                new Endpoint("GET", "/api/cases/started", "s01-off", none, false),
                new Endpoint("GET", "/api/cases/{processInstanceId}", "s01-off", none, false),
                new Endpoint("GET", "/api/cases/{processInstanceId}/record", "s01-off", none, false),
                new Endpoint("GET", "/api/cases/{processInstanceId}/diagram", "s01-off", none, false),
                new Endpoint("GET", "/api/power-items", "cgzf-off", none, false),
                new Endpoint("GET", "/api/catalog", null, none, false),
                new Endpoint("GET", "/api/duties", null, none, false),
                new Endpoint("GET", "/api/duties/versions", null, none, false),
                new Endpoint("GET", "/api/duties/not-admitted", "s01-sec", none, false),
                new Endpoint("GET", "/api/duty-admissions/{caseNo}", "cgzf-off", none, false),
                new Endpoint("GET", "/api/start-options/{processKey}", "cgzf-off", none, false),
                new Endpoint("GET", "/api/appointment/cases/{caseNo}", "ga-off", none, false),
                new Endpoint("GET", "/api/appointment/suggestions", "ga-off", none, false),
                new Endpoint("GET", "/api/tasks/{taskId}/operations", "task", none, false),
                new Endpoint("GET", "/api/tasks/{taskId}/return-targets", "task", none, false),
                new Endpoint("POST", "/api/tasks/{taskId}/return", "task", List.of("targetActivityId", "reason"), false),
                new Endpoint("POST", "/api/tasks/{taskId}/withdraw", "task", List.of("reason"), false),
                new Endpoint("GET", "/api/tasks/{taskId}/people", "task", none, false),
                new Endpoint("POST", "/api/tasks/{taskId}/transfer", "task", List.of("userId", "reason"), false),
                new Endpoint("POST", "/api/tasks/{taskId}/delegate", "task", List.of("userId", "reason"), false),
                new Endpoint("POST", "/api/tasks/{taskId}/resolve", "task", List.of("reason"), false),
                new Endpoint("POST", "/api/tasks/{taskId}/add-sign", "task", List.of("userIds", "position", "reason"), false),
                new Endpoint("POST", "/api/tasks/{taskId}/remove-sign", "task", List.of("userId", "reason"), false),
                new Endpoint("POST", "/api/tasks/{taskId}/sign", "task", List.of("opinion", "text", "reason"), false),
                new Endpoint("POST", "/api/tasks/{taskId}/copy", "task", List.of("userIds", "groupIds", "note"), false),
                new Endpoint("POST", "/api/tasks/{taskId}/urge", "task", List.of("note"), false),
                new Endpoint("GET", "/api/copies", "s01-off", none, false),
                new Endpoint("POST", "/api/copies/{id}/read", "s01-off", none, false),
                new Endpoint("GET", "/api/cases/{processInstanceId}/opinions", "s01-off", none, false),
                new Endpoint("GET", "/api/{junk}", "s01-off", none, false),
                new Endpoint("POST", "/api/{junk}/{junk}", "s01-off", List.of("reason"), false));
    }

    private Probe apiProbe(Random random, Endpoint endpoint) {
        OpenTask task = openTasks.isEmpty() ? null : openTasks.get(random.nextInt(openTasks.size()));
        String user = endpoint.user();
        if ("task".equals(user)) {
            user = task == null ? "s01-off" : task.user();
        }
        int who = random.nextInt(20);
        if (who == 0) {
            user = null;
        } else if (who == 1) {
            user = pick(random, "s02-off", "auditor", "t01-sec", "wj-off", "s01-ga-head");
        }
        String path = endpoint.path();
        path = path.replace("{processInstanceId}", random.nextBoolean() && !caseIds.isEmpty()
                ? caseIds.get(random.nextInt(caseIds.size())) : encoded(random));
        path = path.replace("{taskId}", random.nextInt(3) > 0 && task != null ? task.id() : encoded(random));
        for (String placeholder : List.of("{id}", "{caseNo}", "{code}", "{username}", "{processKey}")) {
            while (path.contains(placeholder)) {
                String value = placeholder.equals("{processKey}") && random.nextBoolean()
                        ? pick(random, PROCESS_KEYS.toArray(String[]::new))
                        : placeholder.equals("{id}") && random.nextBoolean() ? String.valueOf(random.nextInt(100_000) - 5)
                        : encoded(random);
                path = path.replaceFirst(Pattern.quote(placeholder), java.util.regex.Matcher.quoteReplacement(value));
            }
        }
        while (path.contains("{junk}")) {
            path = path.replaceFirst("\\{junk}", java.util.regex.Matcher.quoteReplacement(pick(random, "nope",
                    "cases/..%2F..%2F", "%2e%2e", "cases;jsessionid=1", "audit/x.json", "%00", "tasks//return",
                    "%E4%B8%AD%E6%96%87", "%F0%9F%98%80", "a".repeat(3000), "%ZZ", "cases/%25", "..;", "catalog.json")));
        }
        path = path + query(random);
        String method = random.nextInt(25) == 0 ? pick(random, "PUT", "PATCH", "DELETE", "OPTIONS", "POST", "GET", "TRACE")
                : endpoint.method();
        if (endpoint.multipart() && random.nextInt(3) > 0) {
            return multipart(random, "api " + endpoint.path(), user, method, path);
        }
        if (endpoint.fields().isEmpty() && !"POST".equals(method) && !"PUT".equals(method) || random.nextInt(6) == 0) {
            if (random.nextInt(4) == 0) {
                return raw(random, "api " + endpoint.path(), user, method, path);
            }
            return new Probe("api " + endpoint.path(), user, method, path, null, null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : endpoint.fields()) {
            if (random.nextInt(4) > 0) {
                body.put(field, randomJsonValue(random));
            }
        }
        if (random.nextInt(4) == 0) {
            body.put(pick(random, FIELD_NAMES), randomJsonValue(random));
        }
        if (body.containsKey("dryRun")) {
            body.put("dryRun", true); // never move the cases of the other probes to another version
        }
        if (random.nextInt(5) == 0) {
            return raw(random, "api " + endpoint.path(), user, method, path);
        }
        return new Probe("api " + endpoint.path(), user, method, path, "application/json", json(body));
    }

    private String query(Random random) {
        int n = random.nextInt(4);
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < n; i++) {
            query.append(i == 0 ? "?" : "&").append(pick(random, QUERY_NAMES)).append('=').append(encoded(random));
        }
        return query.toString();
    }

    // ---- malformed bodies ----

    /** A body that is not what the endpoint takes: malformed JSON, another content type, multipart, nothing. */
    private Probe raw(Random random, String kind, String user, String method, String path) {
        return switch (random.nextInt(10)) {
            case 0 -> new Probe(kind, user, method, path, "application/json", "{\"variables\": {".getBytes(StandardCharsets.UTF_8));
            case 1 -> new Probe(kind, user, method, path, "application/json", "[".repeat(5000).getBytes(StandardCharsets.UTF_8));
            case 2 -> new Probe(kind, user, method, path, "application/json", new byte[0]);
            case 3 -> new Probe(kind, user, method, path, pick(random, CONTENT_TYPES),
                    "{\"variables\":{}}".getBytes(StandardCharsets.UTF_8));
            case 4 -> multipart(random, kind, user, method, path);
            case 5 -> new Probe(kind, user, method, path, "application/json", randomBytes(random));
            case 6 -> new Probe(kind, user, method, path, "application/json",
                    ("{\"variables\":{\"a\":{\"value\":\"" + "长".repeat(random.nextBoolean() ? 100_000 : 400_000) + "\"}}}")
                            .getBytes(StandardCharsets.UTF_8));
            case 7 -> new Probe(kind, user, method, path, "application/x-www-form-urlencoded",
                    "variables=1&reason=%E4%B8%AD".getBytes(StandardCharsets.UTF_8));
            case 8 -> new Probe(kind, user, method, path, "application/json",
                    "{\"a\":1,\"a\":2,\"variables\":null}".getBytes(StandardCharsets.UTF_8));
            default -> new Probe(kind, user, method, path, "application/json",
                    "\"just a string\"".getBytes(StandardCharsets.UTF_8));
        };
    }

    private Probe multipart(Random random, String kind, String user, String method, String path) {
        String boundary = "----bad" + random.nextInt(1_000_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String contentType = "multipart/form-data; boundary=" + boundary;
        switch (random.nextInt(6)) {
            case 0 -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n"
                    + pick(random, "DOSSIER", "PHOTO", "NONSENSE", "") + "\r\n--" + boundary + "--\r\n")
                    .getBytes(StandardCharsets.UTF_8)); // no file
            case 1 -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + pick(random, "a.pdf", "../../x.pdf", "<script>.png", "中文.docx", "", "a".repeat(400) + ".pdf")
                    + "\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 " + nasty(random) + "\r\n--" + boundary
                    + "--\r\n").getBytes(StandardCharsets.UTF_8));
            case 2 -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.png\""
                    + "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8)); // cut short
            case 3 -> {
                contentType = "multipart/form-data"; // no boundary
                out.writeBytes("--x\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            }
            case 4 -> out.writeBytes(randomBytes(random));
            default -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.exe\""
                    + "\r\nContent-Type: application/x-msdownload\r\n\r\nMZ" + nasty(random) + "\r\n--" + boundary + "--\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return new Probe(kind, user, method, path, contentType, out.toByteArray());
    }

    // ---- values ----

    private static Map<String, Object> dtos(Map<String, Object> variables) {
        Map<String, Object> dtos = new LinkedHashMap<>();
        variables.forEach((name, value) -> dtos.put(name, value instanceof Integer
                ? Map.of("value", value, "type", "Integer") : Map.of("value", String.valueOf(value), "type", "String")));
        return dtos;
    }

    /** A variable as REST sends it, with a value and a type that may not go together. */
    private static Map<String, Object> dto(Random random) {
        Map<String, Object> dto = new LinkedHashMap<>();
        int shape = random.nextInt(8);
        if (shape != 0) {
            dto.put("value", randomJsonValue(random));
        }
        if (shape != 1) {
            dto.put("type", pick(random, TYPES));
        }
        if (shape == 2) {
            dto.put("valueInfo", Map.of("objectTypeName", pick(random, "java.lang.ProcessBuilder",
                    "java.util.HashMap", "cn.streetgov.casework.CaseClock", "${x}"), "serializationDataFormat",
                    pick(random, "application/json", "application/x-java-serialized-object", "text/xml")));
        }
        return dto;
    }

    private static Object randomJsonValue(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> random.nextInt();
            case 1 -> random.nextBoolean();
            case 2 -> random.nextDouble() * 1e12;
            case 3 -> null;
            case 4 -> List.of(nasty(random), nasty(random));
            case 5 -> Map.of(nasty(random), nasty(random));
            case 6 -> Long.MAX_VALUE;
            default -> nasty(random);
        };
    }

    private static String nasty(Random random) {
        return switch (random.nextInt(20)) {
            case 0 -> "长".repeat(random.nextInt(10_000) + 4000);
            case 1 -> "x".repeat(300);
            case 2 -> pick(random, NASTY) + pick(random, NASTY);
            default -> pick(random, NASTY);
        };
    }

    private static String encoded(Random random) {
        return URLEncoder.encode(nasty(random).length() > 500 ? "x".repeat(500) : nasty(random), StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(200) + 1];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- afterwards ----

    /** Runs the jobs that are due (async steps, timers): none may fail. */
    private int runDueJobs() {
        int run = 0;
        for (Job job : managementService.createJobQuery().executable().listPage(0, 500)) {
            try {
                managementService.executeJob(job.getId());
                run++;
            } catch (RuntimeException e) {
                failures.add("due job " + job.getId() + " failed: " + e);
            }
        }
        return run;
    }

    /**
     * Cases in our tables whose process instance the engine does not know, and process instances of
     * our processes without their row in the case index.
     */
    private List<String> halfWrittenCases() {
        List<String> tables = jdbc.execute((ConnectionCallback<List<String>>) connection -> {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> found = new ArrayList<>();
            try (ResultSet columns = meta.getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
                while (columns.next()) {
                    String table = columns.getString("TABLE_NAME");
                    if (columns.getString("COLUMN_NAME").equalsIgnoreCase("process_instance_id")
                            && !table.toLowerCase().startsWith("act_") && !found.contains(table)) {
                        found.add(table);
                    }
                }
            }
            return found;
        });
        assertThat(tables).as("our tables with a process_instance_id").isNotEmpty();
        List<String> half = new ArrayList<>();
        for (String table : tables) {
            List<String> orphans = jdbc.queryForList("select distinct t.process_instance_id from " + table + " t"
                    + " where t.process_instance_id is not null and not exists (select 1 from ACT_HI_PROCINST p"
                    + " where p.ID_ = t.process_instance_id)", String.class);
            orphans.forEach(id -> half.add(table + " without its process instance: " + id));
        }
        List<String> unindexed = jdbc.queryForList("select p.ID_ from ACT_HI_PROCINST p where p.PROC_DEF_KEY_ in ("
                + String.join(",", PROCESS_KEYS.stream().map(k -> "'" + k + "'").toList()) + ")"
                + " and not exists (select 1 from case_index c where c.process_instance_id = p.ID_)", String.class);
        unindexed.forEach(id -> half.add("process instance without its case: " + id));
        return half;
    }
}
