package cn.streetgov.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * While the database cannot be reached an /api call is 503 with Retry-After and a Chinese "nothing
 * saved, retry later", however deep in the cause chain the pool's or the driver's failure is; any
 * other server error stays a 500 with an error id.
 */
class DatabaseUnavailableMappingTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler(org.springframework.util.unit.DataSize.ofMegabytes(10));
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/tasks/42/urge");

    static Object[] databaseOutOfReach() {
        SQLTransientConnectionException hikari = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 5000ms.");
        return new Object[] {
            hikari,
            new CannotCreateTransactionException("Could not open JPA EntityManager for transaction", hikari),
            // what the engine throws: MyBatis around the driver's failure, around the engine's exception
            new ProcessEngineException("Process engine persistence exception",
                    new PersistenceException("### Error querying database.", hikari)),
            new ProcessEngineException("x", new SQLNonTransientConnectionException("(conn=12) Socket error")),
            new RuntimeException(new SQLException("Communications link failure", "08S01")),
            // seen in DatabaseCutTest: the connection broke mid-request, Hikari closed it, and the rollback
            // then failed on the closed proxy (the original failure is lost behind it)
            new org.springframework.orm.jpa.JpaSystemException(new org.hibernate.TransactionException(
                    "Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))),
        };
    }

    @ParameterizedTest
    @MethodSource("databaseOutOfReach")
    void shouldAnswer503WithRetryAfterAndAChineseReason(Throwable failure) throws Exception {
        assertThat(PublicErrors.isDatabaseUnavailable(failure)).isTrue();
        ResponseEntity<Map<String, Object>> response = handler.unexpected((Exception) failure, request);

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("10");
        assertThat(response.getBody().get("message")).isEqualTo("数据库暂时无法访问，本次操作未保存，请稍后重试");
        assertThat(response.getBody().toString()).doesNotContain("Hikari", "SQL", "org.", "Socket");
    }

    @Test
    void shouldKeepOtherServerErrorsA500WithAnErrorId() throws Exception {
        Exception other = new ProcessEngineException("x", new SQLException("Duplicate entry", "23000"));
        assertThat(PublicErrors.isDatabaseUnavailable(other)).isFalse();
        ResponseEntity<Map<String, Object>> response = handler.unexpected(other, request);
        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getHeaders().getFirst(PublicErrors.ERROR_ID_HEADER)).isNotBlank();
    }
}
