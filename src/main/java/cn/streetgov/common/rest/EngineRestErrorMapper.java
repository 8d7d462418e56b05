package cn.streetgov.common.rest;

import cn.streetgov.common.BusinessException;
import cn.streetgov.common.PublicErrors;
import cn.streetgov.common.RequestTooLargeException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers of /engine-rest to failures:
 * <ul>
 * <li>our business refusals raised inside the engine (a start listener refusing bad input, a task
 * listener refusing an incomplete decision) are 400/403/404 with the Chinese reason, instead of the
 * 500 that the engine's REST API gives any failed start or completion;</li>
 * <li>a step that lost a race with another official's on the same case — the engine's optimistic
 * locking, a versioned aggregate, a lock wait or deadlock — is 409 with a Chinese "refresh and retry"
 * (Camunda's REST API answers 500), however the engine wrapped it; a step on a task another official
 * has just completed is 409 "该任务已被他人处理" ({@link FinishedTaskAnswers});</li>
 * <li>a body that Jackson or Spin cannot read (malformed, wrong shape, nested too deeply, a
 * malformed {@code Json} variable sent by the client) is 400, a body over the size limit 413 (a
 * stored value that cannot be read on a GET is a server error);</li>
 * <li>a step on a task that no longer exists (done meanwhile, on this node or another) is 404 with a
 * Chinese reason (Camunda answers 500);</li>
 * <li>a claim of a task someone else claimed meanwhile is 409 with a Chinese reason (Camunda answers
 * 500); a missing authorization stays 403 with its {@code type} and details, its message in Chinese;</li>
 * <li>Camunda's other 4xx answers stay as they are (Tasklist relies on their {@code type}), with
 * qualified class names in the message reduced to simple names;</li>
 * <li>a database out of reach (no connection in time, a connection lost) is 503 with
 * {@code Retry-After} and a Chinese "nothing saved, retry later";</li>
 * <li>anything that would be a 500 is a generic Chinese message with a correlation id
 * ({@link PublicErrors#ERROR_ID_HEADER}), logged here with the exception.</li>
 * </ul>
 */
final class EngineRestErrorMapper {

    private static final Logger log = LoggerFactory.getLogger(EngineRestErrorMapper.class);
    /** The engine's refusal for a missing authorization (its English names the permission and resource). */
    static final String NOT_ALLOWED = "您无权进行此操作";
    /** A claim of a task someone else claimed meanwhile (the engine's REST API answers 500). */
    static final String ALREADY_CLAIMED = "该任务已被他人认领，请刷新任务列表";
    /** A step on a task that no longer exists: done meanwhile, here or on another node (Camunda answers 500). */
    static final String TASK_GONE = "该任务不存在或已被办理，请刷新任务列表";

    private EngineRestErrorMapper() {
    }

    static Response toResponse(Throwable exception, HttpServletRequest request) {
        String method = request == null ? null : request.getMethod();
        BusinessException refused = PublicErrors.cause(exception, BusinessException.class);
        if (refused != null) {
            return body(Response.Status.fromStatusCode(refused.getStatus()), refused.getClass().getSimpleName(),
                    refused.getMessage(), refused.getErrors());
        }
        RequestTooLargeException tooLarge = PublicErrors.cause(exception, RequestTooLargeException.class);
        if (tooLarge != null) {
            return body(Response.Status.REQUEST_ENTITY_TOO_LARGE, "RequestTooLargeException", tooLarge.getMessage(),
                    List.of(tooLarge.getMessage()));
        }
        if (PublicErrors.isDatabaseUnavailable(exception)) {
            log.warn("数据库暂时无法访问（503）：{} {}：{}", method,
                    request == null ? "/engine-rest" : request.getRequestURI(), exception.toString());
            return Response.fromResponse(body(Response.Status.SERVICE_UNAVAILABLE, "DatabaseUnavailable",
                    PublicErrors.DATABASE_UNAVAILABLE, List.of(PublicErrors.DATABASE_UNAVAILABLE)))
                    .header(PublicErrors.RETRY_AFTER_HEADER, String.valueOf(PublicErrors.RETRY_AFTER_SECONDS)).build();
        }
        if (PublicErrors.isValueTooLong(exception)) {
            return body(Response.Status.BAD_REQUEST, "InvalidRequestException", PublicErrors.VALUE_TOO_LONG,
                    List.of(PublicErrors.VALUE_TOO_LONG));
        }
        Response taskGone = FinishedTaskAnswers.answer(exception, request);
        if (taskGone != null) {
            return taskGone;
        }
        if (PublicErrors.isConcurrentUpdate(exception)) {
            log.info("并发修改冲突（409）：{} {}：{}", method, request == null ? "/engine-rest" : request.getRequestURI(),
                    exception.toString());
            return body(Response.Status.CONFLICT, "OptimisticLockingException", PublicErrors.CONCURRENT_UPDATE,
                    List.of(PublicErrors.CONCURRENT_UPDATE));
        }
        boolean readsOnly = "GET".equals(method) || "HEAD".equals(method);
        if (PublicErrors.isUnreadableJson(exception) && !readsOnly) {
            return body(Response.Status.BAD_REQUEST, "InvalidRequestException", PublicErrors.INVALID_JSON,
                    List.of(PublicErrors.INVALID_JSON));
        }
        org.camunda.bpm.engine.exception.NullValueException missing =
                PublicErrors.cause(exception, org.camunda.bpm.engine.exception.NullValueException.class);
        if (missing != null && missing.getMessage() != null && missing.getMessage().startsWith("Cannot find task with id")) {
            return body(Response.Status.NOT_FOUND, "TaskNotFound", TASK_GONE, List.of(TASK_GONE));
        }
        if (PublicErrors.cause(exception, TaskAlreadyClaimedException.class) != null) {
            return body(Response.Status.CONFLICT, "TaskAlreadyClaimedException", ALREADY_CLAIMED,
                    List.of(ALREADY_CLAIMED));
        }
        ExceptionHandlerHelper helper = ExceptionHandlerHelper.getInstance();
        Response.Status status = helper.getStatus(exception);
        if (status.getStatusCode() >= 500) {
            String errorId = PublicErrors.newErrorId();
            log.error("服务器内部错误（编号 {}）：{} {}", errorId, method,
                    request == null ? "/engine-rest" : request.getRequestURI(), exception);
            return Response.status(status).header(PublicErrors.ERROR_ID_HEADER, errorId)
                    .entity(Map.of("type", "ServerError", "message", PublicErrors.serverError(errorId)))
                    .type(MediaType.APPLICATION_JSON_TYPE).build();
        }
        Response camunda = helper.getResponse(exception);
        if (camunda.getEntity() instanceof ExceptionDto dto) {
            // the engine's own refusal of a missing right, in Chinese (its type and details stay)
            dto.setMessage(PublicErrors.cause(exception, AuthorizationException.class) != null ? NOT_ALLOWED
                    : inChinese(camunda.getStatus(), PublicErrors.scrub(dto.getMessage())));
        }
        return camunda;
    }

    /**
     * Camunda's own refusals (a value that does not fit its type, an unknown definition …) are in
     * English: they keep their text, after a Chinese reason of their status.
     */
    static String inChinese(int status, String message) {
        if (message != null && message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return message;
        }
        String reason = switch (status) {
            case 401 -> "请先登录";
            case 403 -> NOT_ALLOWED;
            case 404 -> "未找到请求的对象";
            case 405 -> "不支持的请求方法";
            case 409 -> "与当前状态冲突，请刷新后重试";
            case 415 -> "不支持的请求内容类型";
            default -> "请求无效";
        };
        return message == null || message.isBlank() ? reason : reason + "：" + message;
    }

    private static Response body(Response.Status status, String type, String message, List<String> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        body.put("errors", errors);
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Base of the mappers: the method of the request decides whether Spin's parse errors are the client's. */
    abstract static class Mapper<E extends Throwable> implements ExceptionMapper<E> {
        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(E exception) {
            return EngineRestErrorMapper.toResponse(exception, request);
        }
    }

    /** Failed starts and completions: the engine's REST API wraps the cause in a RestException. */
    @Priority(1)
    static class ForRestException extends Mapper<RestException> {
    }

    /** Exceptions of task listeners arrive wrapped in a ProcessEngineException. */
    @Priority(1)
    static class ForProcessEngineException extends Mapper<ProcessEngineException> {
    }

    /** Our refusals thrown directly (not wrapped by the engine). */
    @Priority(1)
    static class ForBusinessException extends Mapper<BusinessException> {
    }

    /** Malformed JSON (Camunda's and Jackson's own mappers would echo the parser's message). */
    @Priority(1)
    static class ForJsonParseException extends Mapper<JsonParseException> {
    }

    /** JSON of the wrong shape (Jackson's own mapper answers text/plain with Java type names). */
    @Priority(1)
    static class ForJsonMappingException extends Mapper<JsonMappingException> {
    }

    /** Other Jackson failures, e.g. a nesting depth over the parser's limit. */
    @Priority(1)
    static class ForJsonProcessingException extends Mapper<JsonProcessingException> {
    }

    /** Everything else (Camunda's catch-all mapper would answer the message of any exception). */
    @Priority(1)
    static class ForThrowable extends Mapper<Throwable> {
    }
}
