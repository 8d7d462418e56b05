package cn.streetgov.audit;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.common.NotFoundException;
import cn.streetgov.security.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
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
 * ({@code intact} or {@code broken; seq=N}); {@code /verify} says what is wrong.
 */
@RestController
class AuditController {

    static final String CHAIN_HEADER = "X-Audit-Chain";
    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final AuditTrail auditTrail;

    AuditController(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    record AuditEntry(int seq, String occurredAt, String eventType, String eventLabel, String processInstanceId,
            String businessKey, String processKey, String activityId, String activityName, String taskId,
            String actorId, String actorGroupId, String actorGroupName, String decision, String comment,
            String payload, String prevHash, String hash) {

        static AuditEntry of(AuditRecord r) {
            return new AuditEntry(r.getSeq(), r.getOccurredAt().toString(), r.getEventType().name(),
                    r.getEventType().label(), r.getProcessInstanceId(), r.getBusinessKey(), r.getProcessKey(),
                    r.getActivityId(), r.getActivityName(), r.getTaskId(), r.getActorId(), r.getActorGroupId(),
                    r.getActorGroupName(), r.getDecision(), r.getComment(), r.getPayload(), r.getPrevHash(),
                    r.getHash());
        }
    }

    @GetMapping("/api/audit/{processInstanceId}")
    ResponseEntity<List<AuditEntry>> json(@PathVariable String processInstanceId, CurrentUser user) {
        user.requireAnyGroup(CurrentUser.AUDITOR);
        AuditTrail.CheckedTrail checked = load(processInstanceId);
        return ResponseEntity.ok().header(CHAIN_HEADER, chainHeader(checked.check()))
                .body(checked.trail().stream().map(AuditEntry::of).toList());
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

    /** The trail and its check; 404 only when neither a record nor the head of the case is stored. */
    private AuditTrail.CheckedTrail load(String processInstanceId) {
        AuditTrail.CheckedTrail checked = auditTrail.checkedTrail(processInstanceId);
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
