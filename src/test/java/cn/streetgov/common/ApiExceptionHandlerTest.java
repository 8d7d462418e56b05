package cn.streetgov.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.delegation.domain.DelegationCase;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/** An /api call that lost a race with another official's is 409 with a Chinese reason, not a 500. */
class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler(org.springframework.util.unit.DataSize.ofMegabytes(10));
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/assessments/KH-1/objection");

    @Test
    void shouldAnswer409ToAConcurrentUpdateOfAnAggregate() throws Exception {
        assertConflict(handler.unexpected(new ObjectOptimisticLockingFailureException(DelegationCase.class, 7L), request));
    }

    @Test
    void shouldAnswer409ToTheEnginesOptimisticLockingWrappedOrNot() throws Exception {
        OptimisticLockingException engine = new OptimisticLockingException("ENGINE-03005 ... updated by another transaction");
        assertConflict(handler.unexpected(engine, request));
        assertConflict(handler.unexpected(new ProcessEngineException("correlation failed", engine), request));
    }

    private static void assertConflict(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getBody().get("message").toString()).contains("已被他人修改，请刷新后重试");
        assertThat(response.getBody().toString()).doesNotContain("ENGINE-03005", "org.");
    }
}
