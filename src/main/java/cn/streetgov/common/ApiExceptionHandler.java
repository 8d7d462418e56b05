package cn.streetgov.common;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Turns exceptions into JSON errors with a Chinese reason: {status, error, message, errors}. No
 * class name or stack trace reaches the client: anything unexpected is a 500 with a generic message
 * and a correlation id, logged here with the details.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** The file limit of uploads (the multipart limit; the server's exception does not always name it). */
    private final long maxFileSize;

    ApiExceptionHandler(@org.springframework.beans.factory.annotation.Value("${app.attachments.max-size:10MB}")
            org.springframework.util.unit.DataSize maxFileSize) {
        this.maxFileSize = maxFileSize.toBytes();
    }

    @ExceptionHandler(BusinessException.class)
    ResponseEntity<Map<String, Object>> refused(BusinessException e) {
        return body(HttpStatus.valueOf(e.getStatus()), e.getMessage(), e.getErrors());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
        String message = "缺少参数 " + e.getParameterName();
        return body(HttpStatus.BAD_REQUEST, message, List.of(message));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        String message = "参数 " + e.getName() + " 的取值无效: " + e.getValue();
        return body(HttpStatus.BAD_REQUEST, message, List.of(message));
    }

    /** Malformed JSON, the wrong shape, nested deeper than app.security.max-json-depth, or too large. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        RequestTooLargeException tooLarge = PublicErrors.cause(e, RequestTooLargeException.class);
        if (tooLarge != null) {
            return body(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), List.of(tooLarge.getMessage()));
        }
        return body(HttpStatus.BAD_REQUEST, PublicErrors.INVALID_JSON, List.of(PublicErrors.INVALID_JSON));
    }

    /** A file over the multipart limit (app.attachments.max-size), refused while it is read. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> fileTooLarge(MaxUploadSizeExceededException e) {
        long limit = e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() : maxFileSize;
        String message = "文件过大：单个附件不得超过 " + PublicErrors.humanSize(limit) + "，请压缩或拆分后上传";
        return body(HttpStatus.PAYLOAD_TOO_LARGE, message, List.of(message));
    }

    /** A multipart body that cannot be read: no boundary, cut short, not multipart at all (the file limit is above). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, Object>> unreadableMultipart(MultipartException e) {
        String message = "请求内容不是完整有效的 multipart/form-data（缺少分隔符或内容不完整），请重新选择文件上传";
        return body(HttpStatus.BAD_REQUEST, message, List.of(message));
    }

    /**
     * A Content-Type with a wildcard ({@code *}/{@code *}, {@code application/*}): Spring refuses to
     * read it with an IllegalArgumentException, which is the client's; any other is unexpected.
     */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> illegalArgument(IllegalArgumentException e, HttpServletRequest request)
            throws Exception {
        String contentType = request.getContentType();
        if (contentType != null && contentType.contains("*")) {
            String message = "请求内容类型 " + contentType + " 含有通配符，无法读取：请以 application/json（UTF-8）发送";
            return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, message, List.of(message));
        }
        return unexpected(e, request);
    }

    /** A value longer than its column is the client's (a 400); any other integrity failure is unexpected. */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ResponseEntity<Map<String, Object>> integrity(org.springframework.dao.DataIntegrityViolationException e,
            HttpServletRequest request) throws Exception {
        if (PublicErrors.isValueTooLong(e)) {
            return body(HttpStatus.BAD_REQUEST, PublicErrors.VALUE_TOO_LONG, List.of(PublicErrors.VALUE_TOO_LONG));
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        String message = "不支持的请求内容类型 " + (e.getContentType() == null ? "（未声明）" : e.getContentType())
                + "：请以 application/json（UTF-8）发送";
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, message, List.of(message), e.getHeaders());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> unsupportedMethod(HttpRequestMethodNotSupportedException e) {
        String message = "不支持的请求方法 " + e.getMethod();
        return body(HttpStatus.METHOD_NOT_ALLOWED, message, List.of(message), e.getHeaders());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NoResourceFoundException e) {
        String message = "未找到请求的地址 /" + e.getResourcePath();
        return body(HttpStatus.NOT_FOUND, message, List.of(message));
    }

    /** The engine refused an /api call for want of an authorization. */
    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Map<String, Object>> engineRefused(AuthorizationException e) {
        String message = "无权执行此操作";
        return body(HttpStatus.FORBIDDEN, message, List.of(message));
    }

    /** Lost a race with another official's step on the same data (possibly wrapped by the engine): retriable. */
    private static ResponseEntity<Map<String, Object>> conflict(Exception e, HttpServletRequest request) {
        log.info("并发修改冲突（409）：{} {}：{}", request.getMethod(), request.getRequestURI(), e.toString());
        return body(HttpStatus.CONFLICT, PublicErrors.CONCURRENT_UPDATE, List.of(PublicErrors.CONCURRENT_UPDATE));
    }

    /** The database is out of reach: nothing was saved, the client may retry after Retry-After seconds. */
    static ResponseEntity<Map<String, Object>> databaseUnavailable(Exception e, HttpServletRequest request) {
        log.warn("数据库暂时无法访问（503）：{} {}：{}", request.getMethod(), request.getRequestURI(), e.toString());
        HttpHeaders headers = new HttpHeaders();
        headers.set(PublicErrors.RETRY_AFTER_HEADER, String.valueOf(PublicErrors.RETRY_AFTER_SECONDS));
        return body(HttpStatus.SERVICE_UNAVAILABLE, PublicErrors.DATABASE_UNAVAILABLE,
                List.of(PublicErrors.DATABASE_UNAVAILABLE), headers);
    }

    /** Everything else: the status Spring gives it (a 4xx with a generic reason) or a 500 with an id. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            throw e; // nobody to answer: Spring's resolver logs it quietly
        }
        if (PublicErrors.isDatabaseUnavailable(e)) {
            return databaseUnavailable(e, request);
        }
        if (PublicErrors.isConcurrentUpdate(e)) {
            return conflict(e, request);
        }
        HttpStatusCode status = statusOf(e);
        if (status != null && status.is4xxClientError()) {
            String message = "请求无效（HTTP " + status.value() + "）";
            HttpHeaders headers = e instanceof ErrorResponse er ? er.getHeaders() : HttpHeaders.EMPTY;
            return body(HttpStatus.valueOf(status.value()), message, List.of(message), headers);
        }
        String errorId = PublicErrors.newErrorId();
        log.error("服务器内部错误（编号 {}）：{} {}", errorId, request.getMethod(), request.getRequestURI(), e);
        String message = PublicErrors.serverError(errorId);
        HttpHeaders headers = new HttpHeaders();
        headers.set(PublicErrors.ERROR_ID_HEADER, errorId);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, message, List.of(message), headers);
    }

    private static HttpStatusCode statusOf(Exception e) {
        if (e instanceof ErrorResponse errorResponse) {
            return errorResponse.getStatusCode();
        }
        ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
        return annotated == null ? null : annotated.code();
    }

    static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message, List<String> errors) {
        return body(status, message, errors, HttpHeaders.EMPTY);
    }

    static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message, List<String> errors,
            HttpHeaders headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", OffsetDateTime.now().toString());
        body.put("status", status.value());
        body.put("error", status.getReasonPhrase());
        body.put("message", message);
        body.put("errors", errors);
        return ResponseEntity.status(status).headers(headers).body(body);
    }
}
