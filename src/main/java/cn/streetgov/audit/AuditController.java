package cn.streetgov.audit;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.casework.DecisionRecord;
import cn.streetgov.casework.CaseSearch;
import cn.streetgov.casework.IndexedCase;
import cn.streetgov.common.NotFoundException;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.security.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail of one case for auditors and administrators: JSON (chronological) or CSV for
 * export. The header {@code X-Audit-Chain} says whether the hash chain is intact
 * ({@code intact} or {@code broken; seq=N}); {@code /verify} says what is wrong. A case is named by its
 * engine id or by its case number (FQ-2026-0007).
 */
@RestController
class AuditController {

    static final String CHAIN_HEADER = "X-Audit-Chain";
    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final AuditTrail auditTrail;
    private final CaseSearch cases;
    private final DecisionRecord decisions;
    private final OrgDirectory orgs;

    AuditController(AuditTrail auditTrail, CaseSearch cases, DecisionRecord decisions, OrgDirectory orgs) {
        this.auditTrail = auditTrail;
        this.cases = cases;
        this.decisions = decisions;
        this.orgs = orgs;
    }

    /**
     * One record as stored, plus what a person reads: {@code localTime} in the district's zone
     * (+08:00), {@code actorName} (系统 for the engine), {@code decisionLabel} the decision in Chinese
     * as the case's record names it (null where it names none).
     */
    record AuditEntry(int seq, String occurredAt, String eventType, String eventLabel, String processInstanceId,
            String businessKey, String processKey, String activityId, String activityName, String taskId,
            String actorId, String actorGroupId, String actorGroupName, String decision, String comment,
            String payload, String prevHash, String hash, String localTime, String actorName, String decisionLabel) {

        static AuditEntry of(AuditRecord r, String actorName, String decisionLabel) {
            return new AuditEntry(r.getSeq(), r.getOccurredAt().toString(), r.getEventType().name(),
                    r.getEventType().label(), r.getProcessInstanceId(), r.getBusinessKey(), r.getProcessKey(),
                    r.getActivityId(), r.getActivityName(), r.getTaskId(), r.getActorId(), r.getActorGroupId(),
                    r.getActorGroupName(), r.getDecision(), r.getComment(), r.getPayload(), r.getPrevHash(),
                    r.getHash(), r.getOccurredAt().atZone(CaseClock.zone()).toOffsetDateTime().toString(), actorName,
                    decisionLabel);
        }
    }

    @GetMapping("/api/audit/{processInstanceId}")
    ResponseEntity<List<AuditEntry>> json(@PathVariable String processInstanceId, CurrentUser user) {
        user.requireAnyGroup(CurrentUser.AUDITOR);
        AuditTrail.CheckedTrail checked = load(processInstanceId);
        Map<String, String> labels = new HashMap<>();
        if (!checked.trail().isEmpty()) {
            for (CaseDecision d : decisions.ofProcessInstance(checked.trail().get(0).getProcessInstanceId())) {
                String label = d.getDecisionLabel();
                if (d.getType() == CaseDecision.Type.DECISION && d.getTaskId() != null && label != null
                        && !label.matches("[A-Z][A-Z0-9_]*")) {
                    labels.put(d.getTaskId(), label);
                }
            }
        }
        Map<String, String> people = new HashMap<>();
        return ResponseEntity.ok().header(CHAIN_HEADER, chainHeader(checked.check()))
                .body(checked.trail().stream().map(r -> AuditEntry.of(r, people.computeIfAbsent(
                        String.valueOf(r.getActorId()), id -> actorName(r.getActorId())),
                        r.getTaskId() == null ? null : labels.get(r.getTaskId()))).toList());
    }

    private String actorName(String actorId) {
        if (actorId == null) {
            return null;
        }
        return AuditEvent.SYSTEM_ACTOR.equals(actorId) ? "系统" : orgs.personName(actorId);
    }

    @GetMapping("/api/audit/{processInstanceId}/verify")
    ResponseEntity<AuditTrail.ChainCheck> verify(@PathVariable String processInstanceId, CurrentUser user) {
        user.requireAnyGroup(CurrentUser.AUDITOR);
        AuditTrail.ChainCheck check = load(processInstanceId).check();
        return ResponseEntity.ok().header(CHAIN_HEADER, chainHeader(check)).body(check);
    }

    @GetMapping("/api/audit/{processInstanceId}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String processInstanceId, CurrentUser user) {
        user.requireAnyGroup(CurrentUser.AUDITOR);
        AuditTrail.CheckedTrail checked = load(processInstanceId);
        List<AuditRecord> trail = checked.trail();
        StringBuilder out = new StringBuilder("\uFEFF"); // BOM: spreadsheet programs then read UTF-8 Chinese
        out.append("序号,时间,事件,案件编号,流程,环节,办理人,办理单位,决定,意见,详情,哈希\r\n");
        for (AuditRecord r : trail) {
            out.append(Stream.of(String.valueOf(r.getSeq()), LOCAL_TIME.withZone(CaseClock.zone()).format(r.getOccurredAt()),
                    r.getEventType().label(), r.getBusinessKey(), r.getProcessKey(), r.getActivityName(),
                    r.getActorId(), r.getActorGroupName(), r.getDecision(), r.getComment(), r.getPayload(),
                    r.getHash()).map(AuditController::csvField).collect(Collectors.joining(",")));
            out.append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-" + processInstanceId + ".csv\"")
                .header(CHAIN_HEADER, chainHeader(checked.check()))
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The trail and its check, of the case with that engine id or else that case number; 404 only when
     * neither a record nor the head of the case is stored.
     */
    private AuditTrail.CheckedTrail load(String processInstanceId) {
        AuditTrail.CheckedTrail checked = auditTrail.checkedTrail(processInstanceId);
        if (!checked.known()) {
            IndexedCase top = cases.byCaseNo(processInstanceId).orElse(null);
            if (top != null) {
                checked = auditTrail.checkedTrail(top.getProcessInstanceId());
            }
        }
        if (!checked.known()) {
            throw new NotFoundException("没有该案件的审计记录: " + processInstanceId);
        }
        return checked;
    }

    private static String chainHeader(AuditTrail.ChainCheck check) {
        return check.intact() ? "intact" : "broken; seq=" + check.firstBrokenSeq();
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is neutralised against formula injection. */
    static String csvField(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
