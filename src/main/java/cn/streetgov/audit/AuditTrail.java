package cn.streetgov.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends events to a case's tamper-evident trail and reads it back. Task completions, starts and
 * ends are recorded by the engine listeners of this package; workflows record their system events
 * (reminders, escalations, publications) with {@link #recordSystemEvent}.
 */
@Service
public class AuditTrail {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final AuditRecordRepository records;

    AuditTrail(AuditRecordRepository records) {
        this.records = records;
    }

    /** Appends the event after the case's last record, chaining its hash. */
    @Transactional
    public AuditRecord record(AuditEvent event) {
        AuditRecord last = records.findFirstByProcessInstanceIdOrderBySeqDesc(event.processInstanceId()).orElse(null);
        int seq = last == null ? 1 : last.getSeq() + 1;
        String prev = last == null ? AuditRecord.GENESIS : last.getHash();
        return records.save(new AuditRecord(event, seq, prev));
    }

    /**
     * Records a system event of the case the execution belongs to (a reminder sent, a deadline
     * passed, powers published …) at the execution's current activity.
     */
    @Transactional
    public AuditRecord recordSystemEvent(DelegateExecution execution, AuditEventType type, String message,
            Map<String, ?> details) {
        return record(new AuditEvent(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
                processKey(execution), type, execution.getCurrentActivityId(), execution.getCurrentActivityName(),
                null, AuditEvent.SYSTEM_ACTOR, null, null, null, message, toJson(details),
                ClockUtil.getCurrentTime().toInstant()));
    }

    @Transactional(readOnly = true)
    public List<AuditRecord> trail(String processInstanceId) {
        return records.findByProcessInstanceIdOrderBySeqAsc(processInstanceId);
    }

    /** The result of re-computing a case's hash chain. */
    public record ChainCheck(boolean intact, int records, Integer firstBrokenSeq) {
    }

    @Transactional(readOnly = true)
    public ChainCheck verify(String processInstanceId) {
        return verify(trail(processInstanceId));
    }

    static ChainCheck verify(List<AuditRecord> trail) {
        String prev = AuditRecord.GENESIS;
        int expectedSeq = 1;
        for (AuditRecord record : trail) {
            boolean linked = record.getSeq() == expectedSeq && prev.equals(record.getPrevHash());
            if (!linked || !record.computeHash().equals(record.getHash())) {
                return new ChainCheck(false, trail.size(), record.getSeq());
            }
            prev = record.getHash();
            expectedSeq++;
        }
        return new ChainCheck(true, trail.size(), null);
    }

    static String processKey(DelegateExecution execution) {
        if (execution instanceof ExecutionEntity entity && entity.getProcessDefinition() != null) {
            return entity.getProcessDefinition().getKey();
        }
        String id = execution.getProcessDefinitionId();
        return id == null ? "unknown" : id.split(":")[0];
    }

    /** A JSON object of the values, readable by people: dates ISO, Json variables as their text. */
    static String toJson(Map<String, ?> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        Map<String, Object> plain = new LinkedHashMap<>();
        values.forEach((key, value) -> plain.put(key, plainValue(value)));
        try {
            return JSON.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            return plain.toString();
        }
    }

    private static Object plainValue(Object value) {
        Object v = value instanceof TypedValue typed ? typed.getValue() : value;
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Date date) {
            return date.toInstant().toString();
        }
        return v.toString();
    }
}
