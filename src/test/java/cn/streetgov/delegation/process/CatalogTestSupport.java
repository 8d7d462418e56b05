package cn.streetgov.delegation.process;

import cn.streetgov.delegation.domain.PowerCatalog;
import cn.streetgov.test.ProcessTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tests that publish and revoke powers: each starts on an empty catalog and leaves none behind,
 * with the cases it started deleted.
 */
abstract class CatalogTestSupport extends ProcessTestSupport {

    @Autowired
    protected PowerCatalog catalog;
    @Autowired
    protected JdbcTemplate jdbc;

    private final List<ProcessInstance> started = new ArrayList<>();

    /** Remembers a case to delete after the test. */
    protected ProcessInstance started(ProcessInstance instance) {
        started.add(instance);
        return instance;
    }

    @BeforeEach
    void clearCatalog() {
        DelegationTestData.clearCatalog(jdbc);
    }

    @AfterEach
    void deleteStartedCasesAndClearCatalog() {
        for (ProcessInstance instance : started) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
                runtimeService.deleteProcessInstance(instance.getId(), "test clean-up", true, true);
            }
        }
        DelegationTestData.clearCatalog(jdbc);
    }
}
