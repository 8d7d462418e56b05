package cn.streetgov.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.common.PublicErrors;
import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** What leaves the application when a handler failed: no class names, and a lost race is a 409. */
class ErrorResponseFilterTest {

    final ErrorResponseFilter filter = new ErrorResponseFilter();

    @Test
    void shouldAnswer409WhenTheWebappsEngineApiReportsALostOptimisticLockRace() throws Exception {
        // what the webapps' engine API (Tasklist) answers when two changes of one case collide
        MockHttpServletResponse response = run((request, res) -> {
            var http = (jakarta.servlet.http.HttpServletResponse) res;
            http.setStatus(500);
            http.setContentType("application/json");
            http.getOutputStream().write(("{\"type\":\"OptimisticLockingException\",\"message\":\"ENGINE-03005 "
                    + "Execution of 'UPDATE TaskEntity[42]' failed. Entity was updated by another transaction "
                    + "concurrently.\"}").getBytes(StandardCharsets.UTF_8));
        });
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains(PublicErrors.CONCURRENT_UPDATE)
                .doesNotContain("ENGINE-03005").doesNotContain("TaskEntity");
    }

    @Test
    void shouldAnswer409ForAConcurrentUpdateThrownThroughTheFilterChain() throws Exception {
        MockHttpServletResponse response = run((request, res) -> {
            throw new IllegalStateException("wrapped", new OptimisticLockingException("ENGINE-03005 x"));
        });
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains(PublicErrors.CONCURRENT_UPDATE);
    }

    @Test
    void shouldStillHideOtherServerErrorsBehindAnErrorId() throws Exception {
        MockHttpServletResponse response = run((request, res) -> {
            var http = (jakarta.servlet.http.HttpServletResponse) res;
            http.setStatus(500);
            http.setContentType("application/json");
            http.getOutputStream().write("{\"type\":\"NullPointerException\",\"message\":\"at org.x.Y\"}"
                    .getBytes(StandardCharsets.UTF_8));
        });
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getHeader(PublicErrors.ERROR_ID_HEADER)).isNotBlank();
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("NullPointerException");
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenTheDatabaseIsOutOfReachInAFilter() throws Exception {
        // e.g. the login check of a security filter, before any handler
        MockHttpServletResponse response = run((request, res) -> {
            throw new IllegalStateException("login failed", new java.sql.SQLTransientConnectionException(
                    "HikariPool-1 - Connection is not available, request timed out after 5000ms."));
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .contains("数据库暂时无法访问，本次操作未保存，请稍后重试").doesNotContain("Hikari");
    }

    @Test
    void shouldLetTheHealthEndpointsDownAnswerThroughUnchanged() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            var http = (jakarta.servlet.http.HttpServletResponse) res;
            http.setStatus(503);
            http.setContentType("application/json");
            http.getOutputStream().write("{\"status\":\"DOWN\",\"components\":{\"db\":{\"status\":\"DOWN\"}}}"
                    .getBytes(StandardCharsets.UTF_8));
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("{\"status\":\"DOWN\",\"components\":{\"db\":{\"status\":\"DOWN\"}}}");
    }

    private MockHttpServletResponse run(FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/camunda/api/engine/engine/default/task/42/complete");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }
}
