package cn.streetgov.audit;

import cn.streetgov.common.RacePoints;
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
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
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

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditRecordRepository records;
    private final AuditChainHeadRepository heads;
    private final AuditSeal seal;

    AuditTrail(AuditRecordRepository records, AuditChainHeadRepository heads, AuditSeal seal) {
        this.records = records;
        this.heads = heads;
        this.seal = seal;
    }

    /**
     * Appends the event after the case's last record, chaining its hash, and moves the case's head
     * to it. The head row stays locked until the transaction ends, so appends to one case from
     * concurrent transactions take their turns. An altered or missing head is refused: re-sealing it
     * would cover what was done to the chain.
     */
    @Transactional
    public AuditRecord record(AuditEvent event) {
        String id = event.processInstanceId();
        AuditChainHead head = heads.lockForAppend(id).orElse(null);
        if (head == null) {
            AuditRecord last = records.findFirstByProcessInstanceIdOrderBySeqDesc(id).orElse(null);
            if (last != null && last.getHashVersion() == AuditRecord.KEYED) {
                throw refused(event, "链头记录缺失");
            }
            // a new case, or one whose records were all written before the chain had heads
            AuditRecord record = records.save(new AuditRecord(event, last == null ? 1 : last.getSeq() + 1,
                    last == null ? AuditRecord.GENESIS : last.getHash(), seal));
            heads.save(new AuditChainHead(record, seal));
            return record;
        }
        if (!head.sealedBy(seal)) {
            throw refused(event, "链头记录被改动");
        }
        AuditRecord record = records.save(new AuditRecord(event, head.getLastSeq() + 1, head.getLastHash(), seal));
        head.advance(record, seal);
        return record;
    }

    /** Where two commands on one case may collide (tests hold both there). */
    public static final String RACE_CASE_COMMAND = "audit.case-command";

    /**
     * Makes the calling transaction wait for its turn on the case: locks the case's chain head until
     * the transaction ends (select … for update; a case without a head has nothing to wait for).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void takeTurn(String processInstanceId) {
        RacePoints.reached(RACE_CASE_COMMAND);
        heads.lockForAppend(processInstanceId);
    }

    private static IllegalStateException refused(AuditEvent event, String reason) {
        String message = "审计链已被破坏（" + reason + "），拒绝追加审计记录；请管理员核查案件 " + event.processInstanceId()
                + "（GET /api/audit/" + event.processInstanceId() + "/verify）";
        log.error(message);
        return new IllegalStateException(message);
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

    /**
     * The result of re-computing a case's hash chain: intact, or the first seq that cannot be
     * vouched for, {@code problem} (e.g. {@code RECORD_ALTERED}, {@code LAST_RECORDS_DELETED}) and
     * what is wrong in Chinese.
     */
    public record ChainCheck(boolean intact, int records, Integer firstBrokenSeq, String problem, String message) {
    }

    /** A case's trail with the result of verifying it; {@code known} is false when nothing of the case is stored. */
    public record CheckedTrail(List<AuditRecord> trail, ChainCheck check, boolean known) {
    }

    @Transactional(readOnly = true)
    public ChainCheck verify(String processInstanceId) {
        return checkedTrail(processInstanceId).check();
    }

    @Transactional(readOnly = true)
    public CheckedTrail checkedTrail(String processInstanceId) {
        // the head first: appends committed in between then only lengthen the trail
        AuditChainHead head = heads.findById(processInstanceId).orElse(null);
        List<AuditRecord> trail = trail(processInstanceId);
        return new CheckedTrail(trail, AuditChain.verify(trail, head, seal), head != null || !trail.isEmpty());
    }

    static String processKey(DelegateExecution execution) {
        if (execution instanceof ExecutionEntity entity && entity.getProcessDefinition() != null) {
            return entity.getProcessDefinition().getKey();
        }
        String id = execution.getProcessDefinitionId();
        return id == null ? "unknown" : id.split(":")[0];
    }

    /**
     * A JSON object of the values, readable by people: dates ISO, Json variables as their text,
     * serialized objects (read without deserialising them) as their type and serialized text.
     */
    static String toJson(Map<String, ?> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        Map<String, Object> plain = new LinkedHashMap<>();
        if (values instanceof VariableMap variables) {
            // its entries hold the values themselves, which a serialized object cannot give
            variables.keySet().forEach(key -> plain.put(key, plainValue(variables.getValueTyped(key))));
        } else {
            values.forEach((key, value) -> plain.put(key, plainValue(value)));
        }
        try {
            return JSON.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            return plain.toString();
        }
    }

    /** The value as one line of text (a decision, a comment, an outcome), null for none. */
    static String plainText(TypedValue value) {
        Object plain = value == null ? null : plainValue(value);
        if (plain == null) {
            return null;
        }
        if (plain instanceof Map<?, ?>) {
            try {
                return JSON.writeValueAsString(plain);
            } catch (JsonProcessingException e) {
                return plain.toString();
            }
        }
        return plain.toString();
    }

    private static Object plainValue(Object value) {
        if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
            return serializedForm(serializable);
        }
        if (value instanceof FileValue file) {
            return file.getFilename();
        }
        Object v = value instanceof TypedValue typed ? typed.getValue() : value;
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Date date) {
            return date.toInstant().toString();
        }
        return v.toString();
    }

    /** Never builds the object: {@code Object} variables name a class, and building one may run its code. */
    private static Object serializedForm(SerializableValue value) {
        if (value instanceof ObjectValue object) {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("objectTypeName", object.getObjectTypeName());
            form.put("serializationDataFormat", object.getSerializationDataFormat());
            form.put("serialized", object.getValueSerialized());
            return form;
        }
        return value.getValueSerialized(); // Json and Xml variables: their text
    }
}
