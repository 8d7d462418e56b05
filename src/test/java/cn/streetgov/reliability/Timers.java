package cn.streetgov.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A test-only process deployed over REST by the administrator: a timer that fires at the instant
 * the start names ({@code fireAt}), then a step {@code fired} whose history row is the timer's one
 * side effect. Every firing that commits writes exactly one such row, so one row per instance proves
 * that the timer fired once, none that it was lost, two that it fired twice.
 */
final class Timers {

    static final String KEY = "reliability-timer";
    private static final DateTimeFormatter REST_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    static final String BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                id="reliability-timer-definitions" targetNamespace="http://streetgov.cn/reliability">
              <bpmn:process id="reliability-timer" name="故障测试定时器" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="toWait" sourceRef="start" targetRef="wait" />
                <bpmn:intermediateCatchEvent id="wait" name="到时">
                  <bpmn:timerEventDefinition>
                    <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${fireAt}</bpmn:timeDate>
                  </bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
                <bpmn:sequenceFlow id="toFired" sourceRef="wait" targetRef="fired" />
                <bpmn:intermediateThrowEvent id="fired" name="已触发" />
                <bpmn:sequenceFlow id="toEnd" sourceRef="fired" targetRef="end" />
                <bpmn:endEvent id="end" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    private Timers() {
    }

    static void deploy(RestClient rest) {
        RestClient.Response deployed = rest.deploy("admin", "reliability-timer", "reliability-timer.bpmn",
                BPMN.getBytes(StandardCharsets.UTF_8));
        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
    }

    /** Starts one timer instance as the administrator; its id, or null when the call failed. */
    static String start(RestClient rest, Instant fireAt) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("fireAt", Workload.value(REST_DATE.format(fireAt), "Date"));
        RestClient.Response r = rest.post("admin", "/engine-rest/process-definition/key/" + KEY + "/start",
                Map.of("variables", vars));
        return r.ok() ? r.json().path("id").asText() : null;
    }

    /** Firings per instance: instance id → number of rows of the step after the timer. */
    static Map<String, Integer> firings(Connection jdbc) throws SQLException {
        Map<String, Integer> firings = new LinkedHashMap<>();
        try (Statement s = jdbc.createStatement(); ResultSet rs = s.executeQuery(
                "select p.ID_, (select count(*) from ACT_HI_ACTINST a where a.PROC_INST_ID_ = p.ID_ and a.ACT_ID_ = 'fired')"
                        + " from ACT_HI_PROCINST p where p.PROC_DEF_KEY_ = '" + KEY + "'")) {
            while (rs.next()) {
                firings.put(rs.getString(1), rs.getInt(2));
            }
        }
        return firings;
    }

    /** Successful timer job executions per node (the engine's job log names the node). */
    static Map<String, Integer> firedByNode(Connection jdbc) throws SQLException {
        Map<String, Integer> byNode = new LinkedHashMap<>();
        try (Statement s = jdbc.createStatement(); ResultSet rs = s.executeQuery(
                "select HOSTNAME_, count(*) from ACT_HI_JOB_LOG where PROCESS_DEF_KEY_ = '" + KEY + "'"
                        + " and JOB_STATE_ = 2 group by HOSTNAME_")) {
            while (rs.next()) {
                byNode.put(rs.getString(1), rs.getInt(2));
            }
        }
        return byNode;
    }

    /** Failed attempts (e.g. a node that lost the race for the same job, or the database cut away). */
    static int failedAttempts(Connection jdbc) throws SQLException {
        return Consistency.count(jdbc, "select count(*) from ACT_HI_JOB_LOG where PROCESS_DEF_KEY_ = '" + KEY
                + "' and JOB_STATE_ = 1");
    }
}
