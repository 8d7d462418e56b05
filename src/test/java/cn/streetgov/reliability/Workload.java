package cn.streetgov.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Several concurrent clients starting cases of the workflows over /engine-rest and completing their
 * tasks as the demo users would (task list of the case, claim, submit-form as a member of the
 * task's candidate group). Two of three cases are whistles (street office S01…T01, one to three
 * summoned departments), one of three a power delegation to S02 and S03. Records every start and
 * every completion the server acknowledged (2xx); anything that did not reach a server, a 503, or a
 * 401/404 while a node is still coming up, is retried.
 */
final class Workload {

    /** Runs the workload in a thread of that name, started. */
    Thread startInBackground(String name) {
        Thread load = new Thread(() -> {
            try {
                run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        load.start();
        return load;
    }


    static final List<String> KEYS = List.of("whistle-dispatch", "power-delegation");
    private static final String[] ORGS = {"S01", "S02", "S03", "T01"};
    private static final String[][] DEPTS = {{"GA"}, {"GA", "SCJG"}, {"WJ"}, {"CGZF", "GA", "SCJG"}};

    private final Supplier<RestClient> rest;
    private final int cases;
    private final int clients;
    private final Instant deadline;
    private final AtomicInteger next = new AtomicInteger();

    /** Process instance id → definition key, of every start acknowledged with 2xx. */
    final Map<String, String> acknowledgedStarts = new ConcurrentHashMap<>();
    /** How often the same instance id was acknowledged (more than once would be a duplicate). */
    final AtomicInteger duplicateAcknowledgements = new AtomicInteger();
    /** Task ids whose completion was acknowledged with 2xx. */
    final Set<String> acknowledgedCompletions = ConcurrentHashMap.newKeySet();
    final AtomicInteger finishedCases = new AtomicInteger();
    final AtomicLong transientFailures = new AtomicLong();
    /** Answers that are neither success nor one of the expected transient ones. */
    final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    /** Status codes of failed calls while transient (for the report). */
    final Map<Integer, AtomicInteger> failedStatuses = new ConcurrentHashMap<>();

    Workload(Supplier<RestClient> rest, int cases, int clients, Instant deadline) {
        this.rest = rest;
        this.cases = cases;
        this.clients = clients;
        this.deadline = deadline;
    }

    /** Runs the clients until every case is started and finished, or the deadline passes. */
    void run() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(this::client, "workload-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join(Math.max(1, deadline.toEpochMilli() - System.currentTimeMillis() + 5_000));
        }
    }

    private void client() {
        int i;
        while ((i = next.getAndIncrement()) < cases && Instant.now().isBefore(deadline)) {
            String id = start(i);
            if (id != null && drive(id)) {
                finishedCases.incrementAndGet();
            }
        }
    }

    /** Starts case i until a start is acknowledged; its id. */
    String start(int i) {
        boolean delegation = i % 3 == 2;
        String key = delegation ? "power-delegation" : "whistle-dispatch";
        String user;
        String path;
        Map<String, Object> vars = new LinkedHashMap<>();
        if (delegation) {
            user = "cgzf-off";
            path = "/engine-rest/process-definition/key/power-delegation/start";
            vars.put("deptCode", value("CGZF", "String"));
            vars.put("powerItemCodes", value("[\"CGZF-QT-001\",\"CGZF-JC-001\"]", "Json"));
            vars.put("targetOrgCodes", value("[\"S02\",\"S03\"]", "Json"));
            vars.put("delegationMethod", value("ENTRUST", "String"));
            vars.put("legalBasis", value("《城市市容和环境卫生管理条例》第十条", "String"));
            vars.put("reason", value("故障测试 " + i + "：街道就近处置更及时", "String"));
            vars.put("staffingTransfer", value(1, "Integer"));
            vars.put("effectiveDate", value(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), "String"));
        } else {
            String org = ORGS[i % ORGS.length];
            user = org.toLowerCase(Locale.ROOT) + "-off";
            path = "/engine-rest/process-definition/key/whistle-dispatch/submit-form";
            String depts = String.join("\",\"", DEPTS[(i / ORGS.length) % DEPTS.length]);
            vars.put("orgCode", value(org, "String"));
            vars.put("summary", value("故障测试 " + i + "：占道经营，夜间噪音扰民", "String"));
            vars.put("location", value("测试路 " + i + " 号", "String"));
            vars.put("urgency", value(i % 2 == 0 ? "NORMAL" : "URGENT", "String"));
            vars.put("deptCodes", value("[\"" + depts + "\"]", "Json"));
        }
        while (Instant.now().isBefore(deadline)) {
            RestClient.Response r = call(() -> rest.get().post(user, path, Map.of("variables", vars)));
            if (r == null) {
                continue;
            }
            if (r.ok()) {
                String id = r.json().path("id").asText();
                if (acknowledgedStarts.put(id, key) != null) {
                    duplicateAcknowledgements.incrementAndGet();
                }
                return id;
            }
            if (!transientStatus(r)) {
                errors.add("start " + key + " #" + i + ": " + r);
                return null;
            }
        }
        return null;
    }

    /** Completes the tasks of one case until it has ended; false at the deadline or on an error. */
    boolean drive(String instanceId) {
        while (Instant.now().isBefore(deadline)) {
            RestClient.Response tasks = call(() -> rest.get().get("admin", "/engine-rest/task?processInstanceId=" + instanceId));
            if (tasks == null) {
                continue;
            }
            if (!tasks.ok()) {
                if (!transientStatus(tasks)) {
                    errors.add("tasks of " + instanceId + ": " + tasks);
                    return false;
                }
                continue;
            }
            if (tasks.json().isEmpty()) {
                RestClient.Response hist = call(() -> rest.get().get("admin", "/engine-rest/history/process-instance/" + instanceId));
                if (hist != null && hist.ok() && !hist.json().path("endTime").isNull()
                        && !hist.json().path("endTime").isMissingNode()) {
                    return true;
                }
                AppProcess.sleep(200); // an asynchronous step or a job still running
                continue;
            }
            for (JsonNode task : tasks.json()) {
                if (!complete(task)) {
                    return false;
                }
            }
        }
        errors.add("case " + instanceId + " not finished before the deadline");
        return false;
    }

    /** One completion attempt (claim, submit-form); false only on a non-transient refusal. */
    private boolean complete(JsonNode task) {
        String taskId = task.path("id").asText();
        String key = task.path("taskDefinitionKey").asText();
        Map<String, Object> variables = decision(key);
        if (variables == null) {
            errors.add("no decision known for task " + key + " (" + task.path("name").asText() + ")");
            return false;
        }
        String user = task.path("assignee").isTextual() ? task.path("assignee").asText() : null;
        if (user == null) {
            RestClient.Response links = call(() -> rest.get().get("admin", "/engine-rest/task/" + taskId + "/identity-links?type=candidate"));
            if (links == null || !links.ok()) {
                return links == null || transientStatus(links) || links.status() == 404 || record("links of " + key, links);
            }
            for (JsonNode link : links.json()) {
                if (link.path("groupId").isTextual()) {
                    user = userOf(link.path("groupId").asText());
                    if (user != null) {
                        break;
                    }
                }
            }
            if (user == null) {
                errors.add("no demo user for the groups of " + key + ": " + links.body());
                return false;
            }
            String claimer = user;
            RestClient.Response claim = call(() -> rest.get().post(claimer, "/engine-rest/task/" + taskId + "/claim",
                    Map.of("userId", claimer)));
            if (claim == null || !claim.ok()) {
                return claim == null || transientStatus(claim) || claim.status() == 404 || claim.status() == 409
                        || record("claim " + key, claim);
            }
        }
        String submitter = user;
        RestClient.Response submit = call(() -> rest.get().post(submitter, "/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", variables)));
        if (submit == null) {
            return true;
        }
        if (submit.ok()) {
            acknowledgedCompletions.add(taskId);
            return true;
        }
        // 404: completed by an earlier attempt whose answer was lost; 409: lost a race; both re-read
        return transientStatus(submit) || submit.status() == 404 || submit.status() == 409 || record("submit " + key, submit);
    }

    private boolean record(String what, RestClient.Response r) {
        errors.add(what + ": " + r);
        return false;
    }

    /** A call; null when it reached no server (counted, after a short pause). */
    private RestClient.Response call(Supplier<RestClient.Response> request) {
        try {
            RestClient.Response r = request.get();
            if (!r.ok() && transientStatus(r)) {
                failedStatuses.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
                transientFailures.incrementAndGet();
                AppProcess.sleep(500);
            }
            return r;
        } catch (UncheckedIOException unreachable) {
            transientFailures.incrementAndGet();
            failedStatuses.computeIfAbsent(0, s -> new AtomicInteger()).incrementAndGet();
            AppProcess.sleep(500);
            return null;
        }
    }

    /** 503 (database or node out of reach), 401 (a restarted node still synchronising its users). */
    private static boolean transientStatus(RestClient.Response r) {
        return r.status() == 503 || r.status() == 401 || r.status() == 502;
    }

    static Map<String, Object> decision(String taskKey) {
        return switch (taskKey) {
            case "userTask_reportToStreet" -> Map.of("reportNote", value("已到场处置", "String"));
            case "userTask_handleJointly" -> Map.of("handlingNote", value("联合处置完毕", "String"));
            case "userTask_confirmResult" -> Map.of("resolved", value("true", "String"));
            case "userTask_followUpVisit" -> Map.of("satisfaction", value("4", "String"),
                    "followUpComment", value("居民表示满意", "String"));
            case "userTask_reviewCapacity" -> Map.of("capacityDecision", value("ACCEPT", "String"));
            case "userTask_reviewLegality" -> Map.of("legalDecision", value("LAWFUL", "String"));
            case "userTask_confirmStaffing" -> Map.of("staffingDecision", value("APPROVE", "String"));
            // rejected at the end: no power is published, so every case of the run is eligible alike
            case "userTask_decideDelegation" -> Map.of("finalDecision", value("REJECT", "String"),
                    "finalComment", value("故障测试：本轮不予批准", "String"));
            default -> null;
        };
    }

    /** The demo user (CONTRACT.md) who works for a candidate group. */
    static String userOf(String group) {
        String g = group.toLowerCase(Locale.ROOT);
        if (g.startsWith("street-office-")) {
            return g.substring("street-office-".length()) + "-off";
        }
        if (g.startsWith("street-committee-")) {
            return g.substring("street-committee-".length()) + "-sec";
        }
        if (g.startsWith("agency-")) {
            return g.substring("agency-".length()) + "-head";
        }
        if (g.startsWith("dept-")) {
            return g.substring("dept-".length()) + "-off";
        }
        return switch (g) {
            case "legal-review" -> "legal";
            case "bianban" -> "bianban";
            case "district-government" -> "govt";
            case "org-dept" -> "orgdept";
            case "standing-committee" -> "standing";
            case "assessment-office" -> "kaohe";
            default -> null;
        };
    }

    static Map<String, Object> value(Object value, String type) {
        return Map.of("value", value, "type", type);
    }
}
