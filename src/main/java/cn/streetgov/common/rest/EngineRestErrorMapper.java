package cn.streetgov.common.rest;

import cn.streetgov.common.BusinessException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Business errors raised inside the engine while it serves /engine-rest (a start listener refusing
 * bad input, a task listener refusing an incomplete decision) reach the client as 400/403/404 with
 * the Chinese reason, instead of the 500 that the engine's REST API gives any failed start or
 * completion. Everything else is answered exactly as Camunda answers it.
 */
final class EngineRestErrorMapper {

    private EngineRestErrorMapper() {
    }

    static Response toResponse(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BusinessException refused) {
                return body(Response.Status.fromStatusCode(refused.getStatus()), t.getClass().getSimpleName(),
                        refused.getMessage(), refused.getErrors());
            }
        }
        return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }

    private static Response body(Response.Status status, String type, String message, List<String> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        body.put("errors", errors);
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Failed starts and completions: the engine's REST API wraps the cause in a RestException. */
    @Priority(1)
    static class ForRestException implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException exception) {
            return EngineRestErrorMapper.toResponse(exception);
        }
    }

    /** Exceptions of task listeners arrive wrapped in a ProcessEngineException. */
    @Priority(1)
    static class ForProcessEngineException implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException exception) {
            return EngineRestErrorMapper.toResponse(exception);
        }
    }

    /** Our refusals thrown directly (not wrapped by the engine). */
    @Priority(1)
    static class ForBusinessException implements ExceptionMapper<BusinessException> {
        @Override
        public Response toResponse(BusinessException exception) {
            return EngineRestErrorMapper.toResponse(exception);
        }
    }
}
