package cn.streetgov.foundation;

import cn.streetgov.common.InvalidInputException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.stereotype.Component;

/**
 * A tiny process for the foundation tests: one task for {@code street-office-S01}; its start
 * listener refuses a start whose {@code summary} is "invalid", as a workflow's validation would.
 */
@Component("securityProbe")
public class SecurityProbe {

    public static final String KEY = "security-probe";
    public static final String TASK = "userTask_probe";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SecurityProbe.class);

    /** Counts every call of {@link #touch()} and every {@link Canary} built: proof that code ran. */
    public static final java.util.concurrent.atomic.AtomicInteger TOUCHED = new java.util.concurrent.atomic.AtomicInteger();

    /** What an attacker's expression would call: {@code ${securityProbe.touch()}}. */
    public String touch() {
        TOUCHED.incrementAndGet();
        log.warn("探针被调用: 表达式在服务器上执行了");
        return "touched";
    }

    /** A class an attacker names in an Object variable: building it (or setting a property) is code execution. */
    public static class Canary {
        public Canary() {
            TOUCHED.incrementAndGet();
        }

        public void setArmed(boolean armed) {
            TOUCHED.incrementAndGet();
        }

        public boolean isArmed() {
            return true;
        }
    }

    public void validate(Object summary) {
        log.info("探针校验: {}", summary);
        if ("invalid".equals(summary)) {
            throw new InvalidInputException("摘要无效");
        }
    }

    public static BpmnModelInstance model() {
        return Bpmn.createExecutableProcess(KEY).name("安全探针").camundaHistoryTimeToLive(1)
                .startEvent("startEvent_probe")
                    .camundaExecutionListenerExpression("start", "${securityProbe.validate(execution.getVariable('summary'))}")
                .userTask(TASK).name("探针任务").camundaCandidateGroups("street-office-S01")
                .endEvent("endEvent_probe")
                .done();
    }

    /** Deploys the probe and starts a case of it (its one task waits for street-office-S01). */
    public static org.camunda.bpm.engine.runtime.ProcessInstance startCase(RepositoryService repositoryService,
            org.camunda.bpm.engine.RuntimeService runtimeService) {
        deploy(repositoryService);
        return runtimeService.startProcessInstanceByKey(KEY, "PROBE-" + System.nanoTime(),
                java.util.Map.of("summary", "探针"));
    }

    /** Deploys the probe once (duplicate filtering keeps re-runs at version 1). */
    public static void deploy(RepositoryService repositoryService) {
        repositoryService.createDeployment().name("security-probe").enableDuplicateFiltering(false)
                .addModelInstance("security-probe.bpmn", model()).deploy();
    }
}
