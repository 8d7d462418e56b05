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

    private MockHttpServletResponse run(FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/camunda/api/engine/engine/default/task/42/complete");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }
}
