package cn.streetgov.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.org.domain.Person;
import cn.streetgov.org.domain.PersonRepository;
import cn.streetgov.test.ProcessTestSupport;
import cn.streetgov.test.TestProfiles;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Chinese text survives the database both ways: through JPA and through a process variable and
 * its history. With -Pmariadb this is the MariaDB proof (utf8mb4), and it checks that it really
 * runs on MariaDB.
 */
class ChineseTextRoundTripTest extends ProcessTestSupport {

    static final String TEXT = "东华街道综合行政执法队——占道经营、噪声扰民（第3次）𠀀";

    @Autowired
    PersonRepository persons;
    @Autowired
    DataSource dataSource;

    @Test
    void theTestsRunOnTheDatabaseTheBuildAskedFor() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            String url = connection.getMetaData().getURL();
            if (TestProfiles.onMariaDb()) {
                assertThat(product + " " + url).containsIgnoringCase("mariadb").containsIgnoringCase("mysql");
                assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
            } else {
                assertThat(product).isEqualTo("H2");
            }
        }
    }

    @Test
    void chineseNamesRoundTripThroughJpa() {
        persons.save(new Person("tmp-hanzi", "欧阳", "东华𠀀", "ouyang@demo.invalid"));
        try {
            Person read = persons.findById("tmp-hanzi").orElseThrow();
            assertThat(read.getDisplayName()).isEqualTo("欧阳东华𠀀");
        } finally {
            persons.deleteById("tmp-hanzi");
        }
    }

    @Test
    void chineseTextRoundTripsThroughAProcessVariableAndItsHistory() {
        SecurityProbe.deploy(repositoryService);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(SecurityProbe.KEY, "HANZI-" + System.nanoTime(),
                Map.of("summary", TEXT));
        assertThat(runtimeService.getVariable(instance.getId(), "summary")).isEqualTo(TEXT);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("summary").singleResult().getValue()).isEqualTo(TEXT);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(SecurityProbe.KEY)
                .latestVersion().singleResult().getName()).isEqualTo("安全探针");
    }
}
