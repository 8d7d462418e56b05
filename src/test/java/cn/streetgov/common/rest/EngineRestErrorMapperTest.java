package cn.streetgov.common.rest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.delegation.domain.DelegationCase;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * A completion or start that lost a race with another official's is 409 with a Chinese reason over
 * /engine-rest, whether the engine's own optimistic locking noticed it or a versioned aggregate did,
 * and however the engine's REST API wrapped the failure.
 */
class EngineRestErrorMapperTest {

    static Object[] concurrentUpdates() {
        OptimisticLockingException engine = new OptimisticLockingException(
                "ENGINE-03005 Execution of 'UPDATE VariableInstanceEntity[42]' failed. Entity was updated by another "
                        + "transaction concurrently.");
        ObjectOptimisticLockingFailureException aggregate =
                new ObjectOptimisticLockingFailureException(DelegationCase.class, 7L);
        return new Object[] {
            engine,
            new RestException(Response.Status.INTERNAL_SERVER_ERROR, engine, "Cannot complete task 42"),
            aggregate,
            new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                    new ProcessEngineException("Exception while invoking TaskListener", aggregate), "Cannot submit"),
            new ProcessEngineException("wrapped", new OptimisticLockException("Row was updated or deleted")),
            new CannotAcquireLockException("Deadlock found when trying to get lock"),
        };
    }

    @ParameterizedTest
    @MethodSource("concurrentUpdates")
    void shouldAnswer409WithAChineseReasonToAConcurrentUpdate(Throwable failure) {
        Response response = EngineRestErrorMapper.toResponse(failure, null);

        assertThat(response.getStatus()).isEqualTo(409);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) response.getEntity();
        assertThat(body.get("message").toString()).contains("已被他人修改，请刷新后重试");
        assertThat(body.toString()).doesNotContain("ENGINE-03005", "Entity", "org.", "Deadlock");
    }

    @org.junit.jupiter.api.Test
    void shouldAnswer503WithRetryAfterWhileTheDatabaseIsOutOfReach() {
        java.sql.SQLTransientConnectionException hikari = new java.sql.SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 5000ms.");
        Response response = EngineRestErrorMapper.toResponse(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new ProcessEngineException("Process engine persistence exception",
                        new org.apache.ibatis.exceptions.PersistenceException("### Error querying database.", hikari)),
                "Cannot submit task form 42"), null);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("10");
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) response.getEntity();
        assertThat(body.get("message")).isEqualTo("数据库暂时无法访问，本次操作未保存，请稍后重试");
        assertThat(body.toString()).doesNotContain("Hikari", "org.", "ENGINE");
    }

    @org.junit.jupiter.api.Test
    void shouldAnswer404WithAChineseReasonToASubmitOfATaskAlreadyDone() {
        // seen in TwoNodesTest: the task was completed on the other node (Camunda's REST API answers 500)
        Response response = EngineRestErrorMapper.toResponse(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new org.camunda.bpm.engine.exception.NullValueException("Cannot find task with id 42: task is null"),
                "Cannot submit task form 42: Cannot find task with id 42: task is null"), null);

        assertThat(response.getStatus()).isEqualTo(404);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) response.getEntity();
        assertThat(body.get("message")).isEqualTo("该任务不存在或已被办理，请刷新任务列表");
        assertThat(body.toString()).doesNotContain("null", "org.");
    }

    @Test
    void shouldGiveTheEnginesOwnEnglishRefusalAChineseReason() {
        Response response = EngineRestErrorMapper.toResponse(new InvalidRequestException(Response.Status.BAD_REQUEST,
                "Cannot complete task 42: Must provide 'null' or String value for value of SerializableValue type 'json'."),
                null);

        assertThat(response.getStatus()).isEqualTo(400);
        String message = ((ExceptionDto) response.getEntity()).getMessage();
        assertThat(message).startsWith("请求无效").contains("Must provide 'null' or String value");
    }
}
