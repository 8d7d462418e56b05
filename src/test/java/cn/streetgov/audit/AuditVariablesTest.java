package cn.streetgov.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.foundation.SecurityProbe;
import cn.streetgov.test.ProcessTestSupport;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The audit listeners read variables without deserialising them: an {@code Object} variable names a
 * class, and building it may run that class's code (a data source whose setter opens a URL).
 */
class AuditVariablesTest extends ProcessTestSupport {

    /** Stands for a dangerous class: counts every instance built. */
    public static class Canary {

        static final AtomicInteger BUILT = new AtomicInteger();

        public String url;

        public Canary() {
            BUILT.incrementAndGet();
        }
    }

    @Autowired
    AuditTrail auditTrail;

    private ProcessInstance startWith(ObjectValue attachment) {
        SecurityProbe.deploy(repositoryService);
        return as("admin", () -> runtimeService.startProcessInstanceByKey(SecurityProbe.KEY,
                "VARS-" + System.nanoTime(), Variables.createVariables().putValue("summary", "对象变量")
                        .putValueTyped("attachment", attachment)));
    }

    private static ObjectValue json(String typeName) {
        return Variables.serializedObjectValue("{\"url\":\"jdbc:h2:mem:canary\"}").objectTypeName(typeName)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
    }

    private String startPayload(ProcessInstance instance) {
        List<AuditRecord> trail = auditTrail.trail(instance.getId());
        assertThat(trail).first().extracting(AuditRecord::getEventType).isEqualTo(AuditEventType.CASE_STARTED);
        return trail.get(0).getPayload();
    }

    @Test
    void anObjectVariableIsRecordedWithoutBuildingItsClass() {
        Canary.BUILT.set(0);
        ProcessInstance instance = startWith(json(Canary.class.getName()));

        assertThat(Canary.BUILT).hasValue(0);
        assertThat(startPayload(instance)).contains(Canary.class.getName(), "jdbc:h2:mem:canary", "对象变量");
    }

    @Test
    void anObjectVariableOfAnUnknownClassDoesNotStopTheStart() {
        ProcessInstance instance = startWith(json("com.example.NoSuchClass"));

        assertThat(startPayload(instance)).contains("com.example.NoSuchClass");
    }
}
