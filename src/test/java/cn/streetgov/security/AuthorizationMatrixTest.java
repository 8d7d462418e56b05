package cn.streetgov.security;

import cn.streetgov.admission.process.DutyAdmissionProcess;
import cn.streetgov.admission.process.DutyExitProcess;
import cn.streetgov.casework.ProcessStarters;
import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.appointment.process.ConsultationProcess;
import cn.streetgov.appointment.process.SuggestionProcess;
import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.process.AssessmentCaseProcess;
import cn.streetgov.assessment.process.AssessmentProcess;
import cn.streetgov.assessment.process.AssessmentTimerProcess;
import cn.streetgov.delegation.process.PowerDelegationProcess;
import cn.streetgov.delegation.process.PowerRevocationProcess;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.security.AuthorizationMatrixFixture.OpenTask;
import cn.streetgov.test.Http;
import cn.streetgov.test.ProcessTestSupport;
import cn.streetgov.test.TestProfiles;
import cn.streetgov.majormatter.process.MajorMatterProcess;
import cn.streetgov.whistle.process.WhistleProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may do what over {@code /engine-rest} (HTTP Basic, the demo users): every demo role × one real
 * open task of every user-task type of every workflow × list, read, read variables, read history,
 * claim (for oneself, for another), complete, set variables, comment, attachment; and every role ×
 * every process × start.
 *
 * <p>The expected answer of each cell comes from one rule ({@link #expected}) over the task's
 * candidate groups as the engine has them, the role's groups, and each workflow's declared starter
 * groups ({@link ProcessStarters}) — not from a typed table. One dynamic test per task type and per
 * process names every cell that differs. The matrix is also written to
 * {@code target/authorization-matrix.md} (rows: task types, columns: operations, cells: who may).
 *
 * <p>Every cell starts from the same state: an allowed claim is undone, a written variable, comment
 * or attachment removed again, and the user-level authorizations a claim creates are deleted.
 */
class AuthorizationMatrixTest extends ProcessTestSupport {

    /** One demo user per role (README "Demo logins"), another street, department and agency included. */
    static final List<String> ROLES = List.of("admin", "auditor", "s01-sec", "s01-off", "s02-sec", "s02-off",
            "ga-off", "cgzf-off", "s01-ga-head", "s02-ga-head", "legal", "bianban", "orgdept", "govt", "standing",
            "kaohe");

    /** Every process of processes/*.bpmn. */
    static final List<String> PROCESS_KEYS = List.of(PowerDelegationProcess.KEY, PowerRevocationProcess.KEY,
            ConsultationProcess.KEY, SuggestionProcess.KEY, WhistleProcess.KEY, AssessmentProcess.KEY,
            AssessmentCaseProcess.KEY, AssessmentTimerProcess.KEY, MajorMatterProcess.KEY, DutyAdmissionProcess.KEY,
            DutyExitProcess.KEY);

    /** Claimed for when a task has no candidate but the caller: a user of another town, in no role above. */
    static final String OUTSIDER = "t01-off";

    static final String ADMIN_GROUP = "camunda-admin";
    static final String AUDITOR_GROUP = "auditor";
    static final Path REPORT = Path.of("target", "authorization-matrix.md");
    /** Every cell with the engine's answer, for whoever wants the detail behind the table. */
    static final Path CELLS = Path.of("target", "authorization-matrix-cells.csv");

    enum Op {
        LIST("list"), READ("read"), READ_VARIABLES("read variables"), READ_HISTORY("read history"),
        CLAIM_SELF("claim for oneself"), UNCLAIM("unclaim own claim"), CLAIM_OTHER("claim for another"),
        SET_VARIABLES("set variables"), COMMENT("comment"), ATTACHMENT("attachment"), COMPLETE("complete"),
        START("start");

        final String label;

        Op(String label) {
            this.label = label;
        }
    }

    /** The task operations in the order they run on each task (complete last: it may consume the task). */
    static final List<Op> TASK_OPS = List.of(Op.LIST, Op.READ, Op.READ_VARIABLES, Op.READ_HISTORY, Op.CLAIM_SELF,
            Op.CLAIM_OTHER, Op.SET_VARIABLES, Op.COMMENT, Op.ATTACHMENT, Op.COMPLETE);

    enum Expect {
        ALLOWED, REFUSED,
        /** the engine's answer is recorded, not asserted */
        RECORDED,
        /** not tried here (see the comment at {@link Op#COMPLETE}) */
        NOT_RUN
    }

    record Role(String user, Set<String> groups) {
        boolean admin() {
            return groups.contains(ADMIN_GROUP);
        }

        boolean auditor() {
            return groups.contains(AUDITOR_GROUP);
        }

        boolean candidateOf(OpenTask task) {
            return task.candidateUsers().contains(user) || groups.stream().anyMatch(task.candidateGroups()::contains);
        }

        boolean official() {
            return !admin() && !auditor();
        }
    }

    record Cell(String row, Role role, Op op, Expect expected, String actual, boolean ok) {
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrgDirectory directory;
    @Autowired
    AssessmentService assessments;
    @Autowired
    List<ProcessStarters> starters;

    private final Map<String, Http> clients = new LinkedHashMap<>();
    /** Per task id: the authorizations on it before any cell ran, and the users of its candidate groups. */
    private final Map<String, Set<String>> baselineAuthorizations = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> candidateMembers = new ConcurrentHashMap<>();
    private final HttpClient multipartClient = HttpClient.newHttpClient();
    private AuthorizationService authorizations;

    // ------------------------------------------------------------------ the rule

    /**
     * The intended rule, for every cell:
     * <ul>
     *   <li>list, read, read variables: the task's candidates, auditors, administrators;</li>
     *   <li>read history: auditors and administrators; officials who cannot read the task see no history
     *       of it; what candidates see is recorded;</li>
     *   <li>claim for oneself: candidates and administrators (auditors write nothing);</li>
     *   <li>claim for another user, set variables, comment, attachment: administrators only;</li>
     *   <li>complete: refused to everyone else; candidates and administrators are not tried here;</li>
     *   <li>start: the process's declared starter groups and administrators.</li>
     * </ul>
     */
    static Expect expected(Role role, OpenTask task, Op op) {
        boolean candidate = role.candidateOf(task);
        boolean reader = candidate || role.auditor() || role.admin();
        return switch (op) {
            case LIST, READ, READ_VARIABLES -> reader ? Expect.ALLOWED : Expect.REFUSED;
            case READ_HISTORY -> role.admin() || role.auditor() ? Expect.ALLOWED
                    : candidate ? Expect.RECORDED : Expect.REFUSED;
            case CLAIM_SELF -> candidate || role.admin() ? Expect.ALLOWED : Expect.REFUSED;
            case UNCLAIM -> Expect.RECORDED;
            case CLAIM_OTHER, SET_VARIABLES, COMMENT, ATTACHMENT -> role.admin() ? Expect.ALLOWED : Expect.REFUSED;
            // Candidates (and administrators) are not made to complete here: that would consume the
            // task. That they can complete it with a valid decision is what every workflow process
            // test shows (PowerDelegationProcessTest, CadreConsultationProcessTest, ...).
            case COMPLETE -> candidate || role.admin() ? Expect.NOT_RUN : Expect.REFUSED;
            case START -> throw new IllegalArgumentException("start is per process");
        };
    }

    static Expect expectedStart(Role role, Set<String> starterGroups) {
        return role.admin() || role.groups().stream().anyMatch(starterGroups::contains) ? Expect.ALLOWED
                : Expect.REFUSED;
    }

    static boolean refused(int status) {
        return status == 403 || status == 404;
    }

    // ------------------------------------------------------------------ the test

    @TestFactory
    Stream<DynamicTest> everyRoleOnEveryTaskTypeAndProcess() throws Exception {
        authorizations = engine.getAuthorizationService();
        List<Role> roles = ROLES.stream().map(this::role).toList();
        roles.forEach(role -> clients.put(role.user(), Http.as(port, role.user())));

        long fixtureBegan = System.nanoTime();
        List<OpenTask> tasks = new AuthorizationMatrixFixture(engine, jdbc, directory, assessments).build();
        Map<String, Set<String>> starterGroups = starterGroups();

        long began = System.nanoTime();
        long cpuBegan = processCpuNanos();
        Map<OpenTask, List<Cell>> taskCells = runTaskCells(tasks, roles);
        Map<String, List<Cell>> startCells = new LinkedHashMap<>();
        for (String key : PROCESS_KEYS) {
            startCells.put(key, startCells(key, starterGroups.getOrDefault(key, Set.of()), roles));
        }
        long millis = (System.nanoTime() - began) / 1_000_000;
        System.out.printf("authorization matrix: fixture %d s, cells %d s (%d s CPU of this JVM)%n",
                (began - fixtureBegan) / 1_000_000_000L, millis / 1000, (processCpuNanos() - cpuBegan) / 1_000_000_000L);

        String markdown = markdown(tasks, taskCells, startCells, starterGroups, roles);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, markdown, StandardCharsets.UTF_8);
        Files.writeString(CELLS, csv(taskCells, startCells), StandardCharsets.UTF_8);
        System.out.println(markdown);

        List<DynamicTest> tests = new ArrayList<>();
        Set<String> fixtureTypes = tasks.stream().map(OpenTask::type).collect(Collectors.toCollection(TreeSet::new));
        tests.add(DynamicTest.dynamicTest("the fixture has an open task of every user task of every process",
                () -> assertThat(fixtureTypes).isEqualTo(modelledUserTasks())));
        List<String> leftovers = leftovers(tasks);
        tests.add(DynamicTest.dynamicTest("every cell left its task as it found it",
                () -> assertThat(leftovers).isEmpty()));
        taskCells.forEach((task, cells) -> tests.add(DynamicTest.dynamicTest(task.type(),
                () -> assertCells(task.type(), cells))));
        startCells.forEach((key, cells) -> tests.add(DynamicTest.dynamicTest("start " + key,
                () -> assertCells("start " + key, cells))));
        return tests.stream();
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    private static void assertCells(String row, List<Cell> cells) {
        List<Cell> wrong = cells.stream().filter(c -> !c.ok()).toList();
        if (!wrong.isEmpty()) {
            throw new AssertionError(row + ": " + wrong.size() + " cell(s) differ from the rule:\n"
                    + mismatchTable(wrong));
        }
    }

    /** What the cells left behind on the fixture's tasks: they must all be open, unclaimed and unchanged. */
    private List<String> leftovers(List<OpenTask> tasks) {
        List<String> problems = new ArrayList<>();
        for (OpenTask task : tasks) {
            Task current = taskService.createTaskQuery().taskId(task.taskId()).singleResult();
            if (current == null) {
                problems.add(task.type() + ": completed");
                continue;
            }
            if (current.getAssignee() != null) {
                problems.add(task.type() + ": assigned to " + current.getAssignee());
            }
            if (taskService.getVariable(task.taskId(), "x") != null) {
                problems.add(task.type() + ": variable x");
            }
            if (!commentIds(task).isEmpty() || !attachmentIds(task).isEmpty()) {
                problems.add(task.type() + ": comments or attachments");
            }
            if (!taskAuthorizationIds(task).equals(baselineAuthorizations.get(task.taskId()))) {
                problems.add(task.type() + ": authorizations changed");
            }
        }
        return problems;
    }

    /** Every user task the BPMN models of the eight processes declare, as "key / task id". */
    private Set<String> modelledUserTasks() {
        Set<String> types = new TreeSet<>();
        for (String key : PROCESS_KEYS) {
            ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                    .latestVersion().singleResult();
            repositoryService.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)
                    .forEach(t -> types.add(key + " / " + t.getId()));
        }
        return types;
    }

    private Role role(String user) {
        Set<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(groups).as("groups of demo user %s", user).isNotEmpty();
        return new Role(user, groups);
    }

    private Map<String, Set<String>> starterGroups() {
        Map<String, Set<String>> byKey = new LinkedHashMap<>();
        for (ProcessStarters starter : starters) {
            byKey.computeIfAbsent(starter.processKey(), k -> new TreeSet<>()).addAll(starter.starterGroups());
        }
        return byKey;
    }

    // ------------------------------------------------------------------ task cells

    /** Tasks of different process instances run in parallel; the cells of one task one after another. */
    private Map<OpenTask, List<Cell>> runTaskCells(List<OpenTask> tasks, List<Role> roles) throws Exception {
        Map<String, List<OpenTask>> byInstance = tasks.stream()
                .collect(Collectors.groupingBy(OpenTask::processInstanceId, LinkedHashMap::new, Collectors.toList()));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Map<OpenTask, List<Cell>>>> futures = new ArrayList<>();
            for (List<OpenTask> unit : byInstance.values()) {
                futures.add(pool.submit(() -> {
                    Map<OpenTask, List<Cell>> cells = new LinkedHashMap<>();
                    for (OpenTask task : unit) {
                        cells.put(task, taskCells(task, roles));
                    }
                    return cells;
                }));
            }
            Map<OpenTask, List<Cell>> all = new LinkedHashMap<>();
            for (Future<Map<OpenTask, List<Cell>>> future : futures) {
                all.putAll(future.get());
            }
            Map<OpenTask, List<Cell>> ordered = new LinkedHashMap<>();
            tasks.forEach(task -> ordered.put(task, all.get(task)));
            return ordered;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Cell> taskCells(OpenTask task, List<Role> roles) {
        baselineAuthorizations.put(task.taskId(), taskAuthorizationIds(task));
        candidateMembers.put(task.taskId(), candidateMembers(task));
        List<Cell> cells = new ArrayList<>();
        for (Op op : TASK_OPS) {
            for (Role role : roles) {
                cells.addAll(taskCell(task, role, op));
            }
        }
        return cells;
    }

    private List<Cell> taskCell(OpenTask task, Role role, Op op) {
        Expect expect = expected(role, task, op);
        Http http = clients.get(role.user());
        String path = "/engine-rest/task/" + task.taskId();
        switch (op) {
            case LIST -> {
                Http.Response r = http.get("/engine-rest/task?processInstanceId=" + task.processInstanceId());
                boolean listed = r.status() == 200 && ids(r).contains(task.taskId());
                String actual = r.status() != 200 ? "HTTP " + r.status() : listed ? "listed" : "not listed";
                boolean ok = expect == Expect.ALLOWED ? listed : !listed && (r.status() == 200 || refused(r.status()));
                return List.of(cell(task, role, op, expect, actual, ok));
            }
            case READ, READ_VARIABLES -> {
                int status = http.get(op == Op.READ ? path : path + "/variables").status();
                boolean ok = expect == Expect.ALLOWED ? status == 200 : refused(status);
                return List.of(cell(task, role, op, expect, "HTTP " + status, ok));
            }
            case READ_HISTORY -> {
                Http.Response r = http.get("/engine-rest/history/task?taskId=" + task.taskId());
                boolean seen = r.status() == 200 && ids(r).contains(task.taskId());
                String actual = r.status() != 200 ? "HTTP " + r.status() : seen ? "sees it" : "empty list";
                boolean ok = switch (expect) {
                    case ALLOWED -> seen;
                    case REFUSED -> !seen && (r.status() == 200 || refused(r.status()));
                    default -> true;
                };
                return List.of(cell(task, role, op, expect, actual, ok));
            }
            case CLAIM_SELF -> {
                return claim(task, role, expect, role.user(), true);
            }
            case CLAIM_OTHER -> {
                return claim(task, role, expect, anotherUser(task, role), false);
            }
            case SET_VARIABLES -> {
                int post = http.postJson(path + "/variables", Map.of("modifications",
                        Map.of("x", Map.of("value", "1", "type", "String")))).status();
                boolean postWritten = removeVariableX(task);
                int put = http.putJson(path + "/variables/x", Map.of("value", "1", "type", "String")).status();
                boolean putWritten = removeVariableX(task);
                String actual = "POST " + post + (postWritten ? " (written)" : "") + ", PUT " + put
                        + (putWritten ? " (written)" : "");
                boolean ok = expect == Expect.ALLOWED ? post == 204 && put == 204 && postWritten && putWritten
                        : refused(post) && refused(put) && !postWritten && !putWritten;
                return List.of(cell(task, role, op, expect, actual, ok));
            }
            case COMMENT -> {
                Set<String> before = commentIds(task);
                Http.Response r = http.postJson(path + "/comment/create", Map.of("message", "x"));
                int written = 0;
                for (Comment comment : taskService.getTaskComments(task.taskId())) {
                    if (!before.contains(comment.getId())) {
                        taskService.deleteTaskComment(task.taskId(), comment.getId());
                        written++;
                    }
                }
                return List.of(writeCell(task, role, op, expect, r, written));
            }
            case ATTACHMENT -> {
                Set<String> before = attachmentIds(task);
                Http.Response r = postAttachment(role.user(), path + "/attachment/create");
                int written = 0;
                for (Attachment attachment : taskService.getTaskAttachments(task.taskId())) {
                    if (!before.contains(attachment.getId())) {
                        taskService.deleteTaskAttachment(task.taskId(), attachment.getId());
                        written++;
                    }
                }
                return List.of(writeCell(task, role, op, expect, r, written));
            }
            case COMPLETE -> {
                if (expect == Expect.NOT_RUN) {
                    return List.of(cell(task, role, op, expect, "not run", true));
                }
                int status = http.postJson(path + "/complete", Map.of("variables", Map.of())).status();
                boolean open = taskService.createTaskQuery().taskId(task.taskId()).count() == 1;
                String actual = "HTTP " + status + (open ? "" : " (task completed)");
                return List.of(cell(task, role, op, expect, actual, refused(status) && open));
            }
            default -> throw new IllegalArgumentException(op.name());
        }
    }

    /**
     * Claims the task for {@code userId} as {@code role}; undoes an allowed claim (unclaim over REST as
     * the claimer, recorded; then through the engine if that did not work) and deletes the
     * authorizations the engine created for the new assignee.
     */
    private List<Cell> claim(OpenTask task, Role role, Expect expect, String userId, boolean self) {
        Op op = self ? Op.CLAIM_SELF : Op.CLAIM_OTHER;
        Http http = clients.get(role.user());
        String path = "/engine-rest/task/" + task.taskId();
        int status = http.postJson(path + "/claim", Map.of("userId", userId)).status();
        String assignee = assignee(task);
        List<Cell> cells = new ArrayList<>();
        if (assignee != null) {
            int unclaim = http.postJson(path + "/unclaim", Map.of()).status();
            if (self) {
                cells.add(cell(task, role, Op.UNCLAIM, Expect.RECORDED, "HTTP " + unclaim, true));
            }
            if (assignee(task) != null) {
                taskService.setAssignee(task.taskId(), null);
            }
            // the engine grants the new assignee access to the task; no later cell may inherit that
            Set<String> baseline = baselineAuthorizations.get(task.taskId());
            for (Authorization authorization : taskAuthorizations(task)) {
                if (!baseline.contains(authorization.getId())) {
                    authorizations.deleteAuthorization(authorization.getId());
                }
            }
        }
        String actual = "HTTP " + status + (assignee != null ? " → assigned to " + assignee : "");
        boolean ok = expect == Expect.ALLOWED ? status == 204 && userId.equals(assignee)
                : refused(status) && assignee == null;
        cells.add(0, cell(task, role, op, expect, actual, ok));
        return cells;
    }

    /** Another candidate of the task than the caller; {@link #OUTSIDER} where there is none. */
    private String anotherUser(OpenTask task, Role role) {
        return candidateMembers.get(task.taskId()).stream().filter(u -> !u.equals(role.user())).findFirst()
                .orElse(OUTSIDER);
    }

    private Set<String> candidateMembers(OpenTask task) {
        Set<String> candidates = new TreeSet<>(task.candidateUsers());
        for (String group : task.candidateGroups()) {
            identityService.createUserQuery().memberOfGroup(group).list().stream().map(User::getId)
                    .forEach(candidates::add);
        }
        return candidates;
    }

    /**
     * A comment or an attachment. Camunda's REST first looks the task up in the history, so a caller
     * who may not read the task's history gets 400 "No task found": that is a refusal too.
     */
    private Cell writeCell(OpenTask task, Role role, Op op, Expect expect, Http.Response r, int written) {
        boolean notFound = r.status() == 400 && message(r).startsWith("No task found");
        String actual = "HTTP " + r.status() + (notFound ? " (no task found)" : "") + (written > 0 ? " (written)" : "");
        boolean ok = expect == Expect.ALLOWED ? r.status() == 200 && written == 1
                : (refused(r.status()) || notFound) && written == 0;
        return cell(task, role, op, expect, actual, ok);
    }

    private static String message(Http.Response r) {
        try {
            return r.json().path("message").asText("");
        } catch (IllegalStateException notJson) {
            return "";
        }
    }

    private static Cell cell(OpenTask task, Role role, Op op, Expect expect, String actual, boolean ok) {
        return new Cell(task.type(), role, op, expect, actual, ok);
    }

    private String assignee(OpenTask task) {
        Task current = taskService.createTaskQuery().taskId(task.taskId()).singleResult();
        return current == null ? null : current.getAssignee();
    }

    /** Whether variable x reached the task or any scope above it; removes it everywhere again. */
    private boolean removeVariableX(OpenTask task) {
        boolean written = false;
        while (taskService.getVariable(task.taskId(), "x") != null) {
            taskService.removeVariable(task.taskId(), "x");
            written = true;
        }
        return written;
    }

    private Set<String> commentIds(OpenTask task) {
        return taskService.getTaskComments(task.taskId()).stream().map(Comment::getId).collect(Collectors.toSet());
    }

    private Set<String> attachmentIds(OpenTask task) {
        return taskService.getTaskAttachments(task.taskId()).stream().map(Attachment::getId)
                .collect(Collectors.toSet());
    }

    private List<Authorization> taskAuthorizations(OpenTask task) {
        List<Authorization> list = new ArrayList<>(authorizations.createAuthorizationQuery()
                .resourceType(Resources.TASK).resourceId(task.taskId()).list());
        list.addAll(authorizations.createAuthorizationQuery().resourceType(Resources.HISTORIC_TASK)
                .resourceId(task.taskId()).list());
        return list;
    }

    private Set<String> taskAuthorizationIds(OpenTask task) {
        return taskAuthorizations(task).stream().map(Authorization::getId).collect(Collectors.toSet());
    }

    private static Set<String> ids(Http.Response response) {
        Set<String> ids = new HashSet<>();
        JsonNode json = response.json();
        json.forEach(node -> ids.add(node.path("id").asText()));
        return ids;
    }

    /** POST /task/{id}/attachment/create as Camunda expects it: multipart/form-data with the content as a file. */
    private Http.Response postAttachment(String user, String path) {
        String boundary = "----matrix" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> field : Map.of("attachment-name", "x.txt", "attachment-description", "x",
                "attachment-type", "text/plain").entrySet()) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                    .append(field.getKey()).append("\"\r\n\r\n").append(field.getValue()).append("\r\n");
        }
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"content\"; ")
                .append("filename=\"x.txt\"\r\nContent-Type: text/plain\r\n\r\nx\r\n--").append(boundary).append("--\r\n");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = multipartClient.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http.Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ start cells

    /**
     * {@code POST /process-definition/key/{key}/start} with {@code {}} as every role. A refusal must
     * leave no process instance behind; an instance a starter did create is removed again.
     */
    private List<Cell> startCells(String key, Set<String> starterGroups, List<Role> roles) {
        List<Cell> cells = new ArrayList<>();
        boolean timer = AssessmentTimerProcess.KEY.equals(key);
        if (timer) {
            // what the timer opens is the previous year's campaign: put the clock where that period was
            // opened already by the fixture, so that an allowed start ends at "already opened"
            ClockUtil.setCurrentTime(dateInTheYearAfterAnOpenedPeriod());
        }
        try {
            for (Role role : roles) {
                Expect expect = expectedStart(role, starterGroups);
                Set<String> before = instanceIds(key);
                Http.Response r = clients.get(role.user()).postJson(
                        "/engine-rest/process-definition/key/" + key + "/start", Map.of());
                Set<String> created = instanceIds(key);
                created.removeAll(before);
                created.forEach(this::removeInstance);
                String actual = "HTTP " + r.status() + (created.isEmpty() ? "" : " (instance started, removed again)");
                boolean ok = expect == Expect.ALLOWED ? r.status() != 401 && r.status() != 403
                        : r.status() == 403 && created.isEmpty();
                cells.add(new Cell("start " + key, role, Op.START, expect, actual, ok));
            }
        } finally {
            if (timer) {
                ClockUtil.reset();
            }
        }
        return cells;
    }

    private Date dateInTheYearAfterAnOpenedPeriod() {
        for (int year = 2000; year < 2038; year++) {
            if (assessments.periodOpened(String.valueOf(year))) {
                return Date.from(LocalDateTime.of(year + 1, 1, 10, 9, 0).atZone(ZoneId.systemDefault()).toInstant());
            }
        }
        throw new IllegalStateException("the fixture opened no yearly assessment period");
    }

    private Set<String> instanceIds(String key) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(key).list().stream()
                .map(h -> h.getId()).collect(Collectors.toCollection(HashSet::new));
    }

    private void removeInstance(String id) {
        if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
            runtimeService.deleteProcessInstance(id, "authorization matrix", true, true);
        }
        historyService.deleteHistoricProcessInstanceIfExists(id);
    }

    // ------------------------------------------------------------------ the report

    private static final List<Op> REPORT_OPS = List.of(Op.LIST, Op.READ, Op.READ_VARIABLES, Op.READ_HISTORY,
            Op.CLAIM_SELF, Op.CLAIM_OTHER, Op.COMPLETE, Op.SET_VARIABLES, Op.COMMENT, Op.ATTACHMENT);

    private String markdown(List<OpenTask> tasks, Map<OpenTask, List<Cell>> taskCells,
            Map<String, List<Cell>> startCells, Map<String, Set<String>> starterGroups, List<Role> roles) {
        StringBuilder md = new StringBuilder();
        md.append("# Authorization matrix over /engine-rest\n\n");
        md.append("Written by `AuthorizationMatrixTest` (database: ").append(TestProfiles.onMariaDb() ? "MariaDB" : "H2")
                .append(", ").append(tasks.size()).append(" task types × ").append(roles.size())
                .append(" roles). HTTP Basic as the demo users ")
                .append(roles.stream().map(Role::user).map(u -> "`" + u + "`").collect(Collectors.joining(", ")))
                .append(". Each cell names who may; everyone else is refused (403, or 404 for a task they may not see, "
                        + "or a list without the task).\n\n");
        md.append("Candidates = the members of the task's candidate groups (read from the engine); `auditor` reads "
                + "everything and writes nothing; `admin` (`camunda-admin`) may do everything. "
                + "*claim for another*: `{\"userId\": <another candidate>}`, or `" + OUTSIDER + "` (a user of another "
                + "town) where the task has no other candidate. "
                + "*complete*: the candidates' completion is covered by the workflow process tests and is not tried "
                + "here; every other role is refused and the task stays open. *read history*: officials who cannot "
                + "read a task see no history of it; what candidates see today is noted in brackets.\n\n");
        md.append("| task type | candidate groups |");
        REPORT_OPS.forEach(op -> md.append(' ').append(op.label).append(" |"));
        md.append("\n|---|---|");
        REPORT_OPS.forEach(op -> md.append("---|"));
        md.append('\n');
        for (OpenTask task : tasks) {
            Map<Op, List<Cell>> byOp = new EnumMap<>(Op.class);
            taskCells.get(task).forEach(c -> byOp.computeIfAbsent(c.op(), k -> new ArrayList<>()).add(c));
            md.append("| ").append(task.type()).append(" (").append(task.taskName()).append(") | ")
                    .append(String.join(", ", task.candidateGroups())).append(" |");
            for (Op op : REPORT_OPS) {
                md.append(' ').append(whoMay(byOp.get(op), op)).append(" |");
            }
            md.append('\n');
        }
        md.append("\n*start*: `POST /process-definition/key/{key}/start` with `{}`; the starters' start is not refused "
                + "(400 for the missing input; " + AssessmentTimerProcess.KEY + ", which needs none, starts and is removed "
                + "again), everyone else gets 403 and no instance is left behind.\n");
        md.append("\n| process | starter groups (ProcessStarters) | start |\n|---|---|---|\n");
        startCells.forEach((key, cells) -> md.append("| ").append(key).append(" | ")
                .append(groupsSummary(starterGroups.getOrDefault(key, Set.of()))).append(" | ")
                .append(whoMay(cells, Op.START)).append(" |\n"));

        List<Cell> wrong = Stream.concat(taskCells.values().stream().flatMap(List::stream),
                startCells.values().stream().flatMap(List::stream)).filter(c -> !c.ok()).toList();
        md.append("\n## Cells that differ from the rule (").append(wrong.size()).append(")\n\n");
        md.append(wrong.isEmpty() ? "None.\n" : mismatchTable(wrong));
        if (!wrong.isEmpty()) {
            md.append("\nBy operation: ").append(wrong.stream().collect(Collectors.groupingBy(c -> c.op().label,
                    LinkedHashMap::new, Collectors.counting())).entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append(".\n");
        }

        md.append("\n## Recorded, not asserted\n\n");
        md.append("- unclaim of one's own claim (`POST /task/{id}/unclaim` right after an allowed claim): ")
                .append(recorded(taskCells, Op.UNCLAIM)).append('\n');
        md.append("- read history by the task's candidates: ").append(recorded(taskCells, Op.READ_HISTORY))
                .append('\n');
        return md.toString();
    }

    private static String csv(Map<OpenTask, List<Cell>> taskCells, Map<String, List<Cell>> startCells) {
        StringBuilder csv = new StringBuilder("row,role,operation,expected,actual,ok\n");
        Stream.concat(taskCells.values().stream().flatMap(List::stream), startCells.values().stream().flatMap(List::stream))
                .forEach(c -> csv.append(c.row()).append(',').append(c.role().user()).append(',').append(c.op().label)
                        .append(',').append(c.expected()).append(",\"").append(c.actual().replace("\"", "'"))
                        .append("\",").append(c.ok()).append('\n'));
        return csv.toString();
    }

    /** The roles a cell expects to be allowed, e.g. "s01-off, auditor, admin". */
    private static String whoMay(List<Cell> cells, Op op) {
        // officials first, then the auditor, then the administrator
        List<String> allowed = cells.stream().filter(c -> c.expected() == Expect.ALLOWED || c.expected() == Expect.NOT_RUN)
                .sorted(java.util.Comparator.comparingInt(c -> c.role().admin() ? 2 : c.role().auditor() ? 1 : 0))
                .map(c -> c.role().user()).toList();
        String who = allowed.isEmpty() ? "nobody" : String.join(", ", allowed);
        if (op == Op.COMPLETE) {
            return who + " (not run)";
        }
        if (op == Op.READ_HISTORY) {
            List<String> recorded = cells.stream().filter(c -> c.expected() == Expect.RECORDED)
                    .map(c -> c.role().user() + ": " + c.actual()).toList();
            return recorded.isEmpty() ? who : who + " (" + String.join(", ", recorded) + ")";
        }
        return who;
    }

    private static String recorded(Map<OpenTask, List<Cell>> taskCells, Op op) {
        Map<String, Long> answers = taskCells.values().stream().flatMap(List::stream)
                .filter(c -> c.op() == op && c.expected() == Expect.RECORDED)
                .collect(Collectors.groupingBy(c -> (c.role().admin() ? "admin" : "candidates") + " " + c.actual(),
                        TreeMap::new, Collectors.counting()));
        return answers.entrySet().stream().map(e -> e.getKey() + " × " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private static String groupsSummary(Collection<String> groups) {
        if (groups.isEmpty()) {
            return "none (administrators only)";
        }
        Map<String, List<String>> byPrefix = groups.stream().collect(Collectors.groupingBy(
                g -> g.matches("(dept|street-committee|street-office|agency)-.*") ? g.replaceAll("^((?:street-)?[a-z]+-).*", "$1*")
                        : g, TreeMap::new, Collectors.toList()));
        return byPrefix.entrySet().stream().map(e -> e.getKey().endsWith("*")
                ? "`" + e.getKey() + "` (" + e.getValue().size() + ")" : "`" + e.getKey() + "`")
                .collect(Collectors.joining(", "));
    }

    private static String mismatchTable(List<Cell> cells) {
        StringBuilder table = new StringBuilder("| role | task type | operation | expected | actual |\n|---|---|---|---|---|\n");
        for (Cell c : cells) {
            table.append("| ").append(c.role().user()).append(" | ").append(c.row()).append(" | ").append(c.op().label)
                    .append(" | ").append(describe(c.op(), c.expected())).append(" | ").append(c.actual()).append(" |\n");
        }
        return table.toString();
    }

    /** What the rule expects, in the words of the actual answers. */
    private static String describe(Op op, Expect expect) {
        boolean allowed = expect == Expect.ALLOWED;
        return switch (op) {
            case LIST -> allowed ? "listed" : "not listed";
            case READ, READ_VARIABLES -> allowed ? "HTTP 200" : "HTTP 403/404";
            case READ_HISTORY -> allowed ? "sees it" : "empty list or HTTP 403/404";
            case CLAIM_SELF, CLAIM_OTHER -> allowed ? "HTTP 204, assigned" : "HTTP 403/404, not assigned";
            case SET_VARIABLES -> allowed ? "POST 204 (written), PUT 204 (written)" : "POST 403/404, PUT 403/404, nothing written";
            case COMMENT, ATTACHMENT -> allowed ? "HTTP 200 (written)" : "HTTP 403/404 (or 400 no task found), nothing written";
            case COMPLETE -> "HTTP 403/404, task still open";
            case START -> allowed ? "not 401/403" : "HTTP 403, no instance";
            case UNCLAIM -> "recorded";
        };
    }
}
