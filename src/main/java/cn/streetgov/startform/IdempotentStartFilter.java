package cn.streetgov.startform;

import cn.streetgov.common.CachedBodyRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;

import jakarta.servlet.ServletException;

import jakarta.servlet.http.HttpServletRequest;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Idempotent case starts. A start ({@code POST …/process-definition/{id|key/…}/start} or
 * {@code …/submit-form}, on /engine-rest and on Tasklist's engine API) sent with the header
 * {@value #HEADER} (1–100 visible ASCII characters) claims that key for the caller and the
 * process in the start's own transaction ({@code start_idempotency}); the same start sent again
 * with the same key — its answer lost, the client retrying — is answered 200 with the case the
 * first started (same process instance, same case number, header {@value #REPLAYED}) instead of
 * starting another. The same key with another body is 422; two starts with the same key at once
 * end in one case (the second waits on the key's unique row, then answers the first's case). A
 * start without the header is not touched; a refused start claims nothing.
 */
class IdempotentStartFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotency-Replayed";
    static final int MAX_KEY_LENGTH = 100;
    static final String KEY_INVALID = "请求头 Idempotency-Key 无效：须为 1 至 100 个可见的 ASCII 字符（字母、数字、连字符等）";
    static final String KEY_REUSED = "请求头 Idempotency-Key 已用于一次内容不同的启动申请：重试请原样发送，新的申请请换用新的键";
    static final String UNKNOWN_RESULT = "使用该 Idempotency-Key 的启动申请正在办理中，请稍后重试";

    private static final Logger log = LoggerFactory.getLogger(IdempotentStartFilter.class);
    private static final String ID = "[A-Za-z0-9_:.-]+";
    private static final Pattern START_PATH = Pattern.compile("(/engine-rest|/camunda/api/engine/engine/default)"
            + "/process-definition/(?:key/(" + ID + ")(?:/tenant-id/" + ID + ")?|(" + ID + "))/(?:start|submit-form)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final ObjectProvider<ProcessEngine> engine;
    private final ObjectProvider<StartIdempotency> store;
    private final ObjectProvider<PlatformTransactionManager> transactions;

    IdempotentStartFilter(ObjectProvider<ProcessEngine> engine, ObjectProvider<StartIdempotency> store,
            ObjectProvider<PlatformTransactionManager> transactions) {
        this.engine = engine;
        this.store = store;
        this.transactions = transactions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equalsIgnoreCase(request.getMethod()) || request.getHeader(HEADER) == null
                || !START_PATH.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String key = request.getHeader(HEADER);
        if (!validKey(key)) {
            error(response, 400, "InvalidRequestException", KEY_INVALID);
            return;
        }
        Matcher matcher = START_PATH.matcher(path(request));
        matcher.matches();
        String userId = caller(request, matcher.group(1).equals("/engine-rest"));
        String processKey = matcher.group(2) != null ? matcher.group(2) : keyOf(matcher.group(3));
        if (userId == null || processKey == null) {
            chain.doFilter(request, response); // no login, or no such definition: the engine answers
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        HttpServletRequest replayable = CachedBodyRequest.of(request, body);
        String hash = hash(body);

        Optional<StartIdempotency.Claim> earlier = store.getObject().find(userId, processKey, key);
        if (earlier.isPresent()) {
            answerEarlier(earlier.get(), hash, request, response);
            return;
        }
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        try {
            new TransactionTemplate(transactions.getObject()).executeWithoutResult(status -> {
                store.getObject().claim(userId, processKey, key, hash);
                try {
                    chain.doFilter(replayable, buffered);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (ServletException e) {
                    throw new IllegalStateException(e);
                }
                String instanceId = buffered.getStatus() / 100 == 2 ? startedId(buffered.getContentAsByteArray()) : null;
                if (instanceId == null) {
                    status.setRollbackOnly(); // a refused start claims nothing: the key may be used again
                } else {
                    store.getObject().started(userId, processKey, key, instanceId);
                }
            });
        } catch (DataIntegrityViolationException lost) {
            // another start with this key committed first: answer its case
            log.info("启动幂等键并发：{} {} 的键已由另一请求使用，答复其案件", userId, processKey);
            Optional<StartIdempotency.Claim> winner = store.getObject().find(userId, processKey, key);
            if (winner.isEmpty()) {
                throw lost;
            }
            answerEarlier(winner.get(), hash, request, response);
            return;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        buffered.copyBodyToResponse();
    }

    private void answerEarlier(StartIdempotency.Claim claim, String hash, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (!claim.requestHash().equals(hash)) {
            error(response, 422, "InvalidRequestException", KEY_REUSED);
            return;
        }
        if (claim.processInstanceId() == null) {
            error(response, 409, "InvalidRequestException", UNKNOWN_RESULT);
            return;
        }
        ObjectNode answer = firstAnswer(claim.processInstanceId(), request);
        response.setStatus(200);
        response.setHeader(REPLAYED, "true");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(answer));
    }

    /** The answer of the first start, as the engine's REST API gives it, from the case's history. */
    private ObjectNode firstAnswer(String processInstanceId, HttpServletRequest request) {
        HistoricProcessInstance instance = privileged(() -> engine.getObject().getHistoryService()
                .createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult());
        ObjectNode answer = JSON.createObjectNode();
        String base = request.getRequestURL().toString().replaceFirst("/process-definition/.*$", "");
        answer.putArray("links").addObject().put("method", "GET")
                .put("href", base + "/process-instance/" + processInstanceId).put("rel", "self");
        answer.put("id", processInstanceId);
        if (instance != null) {
            answer.put("definitionId", instance.getProcessDefinitionId());
            answer.put("businessKey", instance.getBusinessKey());
            answer.putNull("caseInstanceId");
            answer.put("ended", instance.getEndTime() != null);
            answer.put("suspended", HistoricProcessInstance.STATE_SUSPENDED.equals(instance.getState()));
            answer.put("tenantId", instance.getTenantId());
        }
        return answer;
    }

    static boolean validKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        return key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    /** SHA-256 of the body, the same for the same JSON whatever the order of its members. */
    static String hash(byte[] body) {
        byte[] canonical = body;
        try {
            JsonNode tree = JSON.readTree(body);
            if (tree != null) {
                canonical = CANONICAL.writeValueAsBytes(CANONICAL.convertValue(tree, Object.class));
            }
        } catch (IOException notJson) {
            // hashed as sent; the engine refuses it
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String startedId(byte[] answer) {
        try {
            JsonNode id = JSON.readTree(answer).get("id");
            return id != null && id.isTextual() ? id.asText() : null;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    private String keyOf(String processDefinitionId) {
        try {
            ProcessDefinition definition = privileged(() -> engine.getObject().getRepositoryService()
                    .getProcessDefinition(processDefinitionId));
            return definition.getKey();
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    private String caller(HttpServletRequest request, boolean engineRest) {
        if (engineRest) {
            Authentication auth = identity().getCurrentAuthentication();
            return auth == null ? null : auth.getUserId();
        }
        HttpSession session = request.getSession(false);
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        org.camunda.bpm.webapp.impl.security.auth.Authentication authentication = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine("default");
        return authentication == null ? null : authentication.getName();
    }

    /** Reads without the caller's authorizations (the caller's own case, or a definition's key). */
    private <T> T privileged(java.util.function.Supplier<T> read) {
        Authentication current = identity().getCurrentAuthentication();
        identity().clearAuthentication();
        try {
            return read.get();
        } finally {
            if (current != null) {
                identity().setAuthentication(current);
            }
        }
    }

    private IdentityService identity() {
        return engine.getObject().getIdentityService();
    }

    private static void error(HttpServletResponse response, int status, String type, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("type", type).put("message", message);
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
