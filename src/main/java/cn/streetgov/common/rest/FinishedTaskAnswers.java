package cn.streetgov.common.rest;

import cn.streetgov.common.PublicErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A step on a task that is no longer open — another official completed it a moment before, or
 * both worked on it at once and the other's commit came first. The engine answers that with its
 * optimistic locking, with "Cannot find task" (Camunda's REST API: 500) or, once the task's
 * authorizations are gone with it, with a missing authorization (403). For the official all three
 * mean the same: 409 and, in Chinese, that someone else has dealt with the task. A task that never
 * existed is 404.
 */
final class FinishedTaskAnswers {

    private static final Logger log = LoggerFactory.getLogger(FinishedTaskAnswers.class);
    static final String TASK_TAKEN = "该任务已被他人处理（或已不在待办中），请刷新任务列表";
    static final String TASK_UNKNOWN = "任务不存在，请刷新任务列表";
    private static final Pattern TASK_STEP = Pattern.compile(
            "(?:/engine-rest|/camunda/api/engine/engine/default)/task/([A-Za-z0-9_:.-]+)/(?:complete|submit-form|claim|resolve)");

    private FinishedTaskAnswers() {
    }

    /** The answer for a failed step on a task that is no longer open, or null when that is not what happened. */
    static Response answer(Throwable exception, HttpServletRequest request) {
        if (request == null || !"POST".equals(request.getMethod())) {
            return null;
        }
        Matcher matcher = TASK_STEP.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!matcher.matches()) {
            return null;
        }
        boolean missing = PublicErrors.cause(exception, NullValueException.class) != null;
        if (!missing && !PublicErrors.isConcurrentUpdate(exception)
                && PublicErrors.cause(exception, AuthorizationException.class) == null) {
            return null;
        }
        String taskId = matcher.group(1);
        ProcessEngine engine;
        try {
            engine = EngineUtil.lookupProcessEngine(null);
        } catch (RuntimeException noEngine) {
            return null;
        }
        IdentityService identity = engine.getIdentityService();
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        boolean open;
        boolean known;
        try {
            open = engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0;
            known = !open && engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
        } catch (RuntimeException unreadable) {
            return null; // e.g. the database out of reach: the failure is answered as it is
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
        if (open) {
            return null; // the task is there: the failure is something else
        }
        if (known) {
            log.info("任务已不在待办中（409）：{} {}：{}", request.getMethod(), request.getRequestURI(), exception.toString());
            return body(Response.Status.CONFLICT, TASK_TAKEN);
        }
        return missing ? body(Response.Status.NOT_FOUND, TASK_UNKNOWN) : null;
    }

    private static Response body(Response.Status status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "InvalidRequestException");
        body.put("message", message);
        body.put("errors", List.of(message));
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
