package cn.streetgov.webapp;

import cn.streetgov.test.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of the browser walks: one {@link TasklistWalk} per test, its screenshots under target/user-guide/{@link #workflow()}. */
@IntegrationTest
abstract class WalkBrowserTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    TasklistWalk walk;

    /** The workflow's process key: the folder of its screenshots. */
    abstract String workflow();

    @BeforeEach
    void openBrowser() {
        walk = new TasklistWalk(workflow(), port, engine);
    }

    @AfterEach
    void closeBrowser() {
        if (walk != null) {
            walk.close();
        }
    }
}
