package cn.streetgov.security.web;

import cn.streetgov.common.CachedBodyRequest;
import cn.streetgov.casework.DeclaredVariables;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.Person;
import cn.streetgov.security.CurrentUser;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;

import jakarta.servlet.ServletException;

import jakarta.servlet.http.HttpServletRequest;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.io.InputStream;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The closed world of the engine APIs ({@code /engine-rest} and the webapps' {@code /camunda/api/engine}).
 *
 * <p>For everyone: no expression parameter anywhere in a query (Camunda 7.24 CE evaluates
 * expressions inside {@code orQueries}); a JSON body must be UTF-8, parse, and stay within the
 * depth limit. Only saving a filter (an administrator's right) may carry expressions.
 *
 * <p>For everyone but administrators, in addition: only the endpoints and methods Tasklist, Cockpit
 * (read-only) and our documented integrations need ({@link #RULES}); any other request is 403.
 * Request bodies must be {@code application/json} in UTF-8. A start carries only the process's
 * declared start variables and none of the options that change its path
 * ({@code startInstructions}, {@code skip*}); a completion only the task's declared inputs; no
 * variable is an {@code Object}, file or byte array; a claim names the caller. Administrators keep
 * the full API.
 *
 * <p>Without a login: only the webapps' list of engine names, which every login page asks for
 * before it sends the password (anything else is 401).
 */
class EngineApiGuardFilter extends OncePerRequestFilter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EngineApiGuardFilter.class);

    static final String ENGINE_REST = "/engine-rest";
    static final String WEBAPP_ENGINE_API = "/camunda/api/engine";
    private static final String DEFAULT_ENGINE = "/engine/default";
    static final int MAX_JSON_DEPTH = 40;
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build()).build());

    /** The variable types officials may send (REST type names, compared without case). */
    static final Set<String> ALLOWED_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double",
            "date", "json", "null");

    private enum Check { QUERY, NO_BODY, CLAIM, START, SUBMIT_START, COMPLETE, SUBMIT_TASK }

    private record Rule(String method, Pattern path, Check check) {
        static Rule of(String method, String regex, Check check) {
            return new Rule(method, Pattern.compile(regex), check);
        }
    }

    private static final String ID = "[A-Za-z0-9_:.-]+";

    /** What non-administrators may do, besides reading (GET on {@link #READABLE}). */
    static final List<Rule> RULES = List.of(
            // queries Tasklist and Cockpit send as POST bodies
            Rule.of("POST", "/task(/count)?", Check.QUERY),
            Rule.of("POST", "/filter/" + ID + "/(list|count|singleResult)", Check.QUERY),
            Rule.of("POST", "/(process-instance|execution|variable-instance|job|external-task|incident)(/count)?",
                    Check.QUERY),
            Rule.of("POST", "/history/(process-instance|task|activity-instance|variable-instance|detail"
                    + "|decision-instance|incident|job-log|identity-link-log|user-operation|external-task-log"
                    + "|batch)(/count)?", Check.QUERY),
            // Cockpit's human-task dashboard names the candidate groups it counts (the same as GET /group)
            Rule.of("POST", "/group", Check.QUERY),
            // Cockpit's dashboard counts case definitions beside process and decision definitions
            Rule.of("GET", "/case-definition/count", Check.NO_BODY),
            // Tasklist asks which filter actions the caller has (the engine answers from its authorizations)
            Rule.of("OPTIONS", "/filter", Check.NO_BODY),
            // working on a task of one's own organisation (the engine checks TASK_WORK)
            Rule.of("POST", "/task/" + ID + "/(claim|assignee)", Check.CLAIM),
            Rule.of("POST", "/task/" + ID + "/unclaim", Check.NO_BODY),
            Rule.of("POST", "/task/" + ID + "/complete", Check.COMPLETE),
            Rule.of("POST", "/task/" + ID + "/submit-form", Check.SUBMIT_TASK),
            // starting a case (the engine checks CREATE_INSTANCE)
            Rule.of("POST", "/process-definition/(key/" + ID + "|" + ID + ")/start", Check.START),
            Rule.of("POST", "/process-definition/(key/" + ID + "|" + ID + ")/submit-form", Check.SUBMIT_START));

    /** Resources non-administrators may read with GET; the engine's authorizations decide what they see. */
    static final Pattern READABLE = Pattern.compile("/(engine|version|task|filter|process-definition"
            + "|process-instance|execution|variable-instance|history|decision-definition"
            + "|decision-requirements-definition|deployment|user|group|identity|incident|job|job-definition"
            + "|external-task|metrics|authorization|batch|tenant|event-subscription)(/[A-Za-z0-9_:.-]+)*/?");

    private static final Pattern KEY_PATH = Pattern.compile("/process-definition/key/(" + ID + ")/.*");
    private static final Pattern ID_PATH = Pattern.compile("/(?:process-definition|task)/(" + ID + ")/.*");

    private final ObjectProvider<ProcessEngine> engine;
    private final ObjectProvider<DeclaredVariables> declared;
    private final ObjectProvider<OrgDirectory> directory;

    EngineApiGuardFilter(ObjectProvider<ProcessEngine> engine, ObjectProvider<DeclaredVariables> declared,
            ObjectProvider<OrgDirectory> directory) {
        this.engine = engine;
        this.declared = declared;
        this.directory = directory;
    }

    /** A refusal with its HTTP status and Chinese reason. */
    static final class Refusal extends Exception {
        final int status;

        Refusal(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            HttpServletRequest checked = check(request);
            chain.doFilter(checked, response);
        } catch (Refusal refusal) {
            log.warn("引擎接口拒绝请求: {} {} → {} {}", request.getMethod(), request.getRequestURI(), refusal.status,
                    refusal.getMessage());
            String type = switch (refusal.status) {
                case 401 -> "AuthenticationException";
                case 403 -> "AuthorizationException";
                default -> "InvalidRequestException";
            };
            JsonErrors.write(response, refusal.status, type, refusal.getMessage());
        }
    }

    private HttpServletRequest check(HttpServletRequest request) throws Refusal, IOException {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        boolean webapp = uri.startsWith(WEBAPP_ENGINE_API);
        String user = webapp ? webappUser(request) : restUser();
        if (user == null) {
            if (webapp && isEngineList(request, uri)) {
                return request;
            }
            throw new Refusal(401, "请先登录");
        }
        // over /engine-rest the authentication filter has just set the user's groups (from the login
        // cache, emptied at every membership change); a webapp session's are Camunda's and may be older
        boolean admin = webapp ? isAdmin(user) : restGroups().contains(CurrentUser.ADMIN);
        String path = relativePath(uri, webapp, admin);
        for (String name : request.getParameterMap().keySet()) {
            if (isExpressionKey(name)) {
                throw expressionRefused(name);
            }
        }
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        Check check = admin ? null : allowed(method, path);
        boolean body = hasBody(request);
        if (!body) {
            return request;
        }
        if (admin && !isJson(request.getContentType())) {
            return request; // deployments (multipart) and whatever else the full API takes
        }
        if (!admin) {
            requireJsonUtf8(request.getContentType());
        }
        byte[] bytes = readBody(request, admin ? Integer.MAX_VALUE : MAX_BODY_BYTES);
        JsonNode node = parse(bytes);
        if (!(admin && isFilterSave(method, path))) {
            Optional<String> expression = findExpressionKey(node);
            if (expression.isPresent()) {
                throw expressionRefused(expression.get());
            }
        }
        Optional<String> malformed = findMalformedJsonValue(node);
        if (malformed.isPresent()) {
            throw new Refusal(400, "请求内容不是有效的 JSON：Json 变量" + malformed.get() + "的值无法解析");
        }
        if (check != null) {
            checkBody(check, path, node, user);
        }
        return CachedBodyRequest.utf8(request, bytes);
    }

    /**
     * The webapps' list of engine names, which Camunda serves without a login: every login page
     * asks for it (and receives its XSRF token with the answer) before it sends the password.
     */
    static boolean isEngineList(HttpServletRequest request, String uri) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        return ("GET".equals(method) || "HEAD".equals(method))
                && (uri.equals(WEBAPP_ENGINE_API + "/engine") || uri.equals(WEBAPP_ENGINE_API + "/engine/"))
                && request.getQueryString() == null && !hasBody(request);
    }

    // ---- who is asking ----

    private String restUser() {
        org.camunda.bpm.engine.impl.identity.Authentication auth = identity().getCurrentAuthentication();
        return auth == null ? null : auth.getUserId();
    }

    private java.util.List<String> restGroups() {
        org.camunda.bpm.engine.impl.identity.Authentication auth = identity().getCurrentAuthentication();
        return auth == null || auth.getGroupIds() == null ? java.util.List.of() : auth.getGroupIds();
    }

    private static String webappUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication authentication = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine("default");
        return authentication == null ? null : authentication.getName();
    }

    /** Live membership: a removed administrator loses the full API at the next request. */
    private boolean isAdmin(String userId) {
        return identity().createGroupQuery().groupMember(userId).groupId(CurrentUser.ADMIN).count() > 0;
    }

    private IdentityService identity() {
        return engine.getObject().getIdentityService();
    }

    // ---- paths and rules ----

    private static String relativePath(String uri, boolean webapp, boolean admin) throws Refusal {
        String path;
        if (webapp) {
            String rest = uri.substring(WEBAPP_ENGINE_API.length());
            if (rest.isEmpty() || rest.equals("/") || rest.equals("/engine") || rest.equals("/engine/")) {
                path = "/engine";
            } else if (rest.startsWith(DEFAULT_ENGINE + "/") || rest.equals(DEFAULT_ENGINE)) {
                path = rest.substring(DEFAULT_ENGINE.length());
            } else if (admin) {
                path = rest;
            } else {
                throw new Refusal(404, "没有这个流程引擎");
            }
        } else {
            path = uri.substring(ENGINE_REST.length());
        }
        if (path.isEmpty()) {
            path = "/";
        }
        if (!admin && (path.contains(";") || path.contains("%") || path.contains("\\") || path.contains("//")
                || path.contains("/./") || path.contains("/../") || path.endsWith("/.") || path.endsWith("/.."))) {
            throw new Refusal(400, "请求路径不合规范");
        }
        return path;
    }

    private static Check allowed(String method, String path) throws Refusal {
        for (Rule rule : RULES) {
            if (rule.method().equals(method) && rule.path().matcher(path).matches()) {
                return rule.check();
            }
        }
        if (("GET".equals(method) || "HEAD".equals(method)) && READABLE.matcher(path).matches()) {
            return Check.NO_BODY;
        }
        throw new Refusal(403, "无权执行此操作：" + method + " " + path + " 仅限系统管理员");
    }

    private static boolean isFilterSave(String method, String path) {
        return ("POST".equals(method) && path.equals("/filter/create"))
                || ("PUT".equals(method) && path.matches("/filter/" + ID));
    }

    // ---- bodies ----

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json");
    }

    /** application/json, with no charset or UTF-8 only. */
    static void requireJsonUtf8(String contentType) throws Refusal {
        if (!isJson(contentType)) {
            throw new Refusal(415, "请求内容须为 application/json（UTF-8）");
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].trim().split("=", 2);
            if (param[0].trim().equalsIgnoreCase("charset")) {
                String charset = param.length < 2 ? "" : param[1].trim().replace("\"", "");
                if (!charset.equalsIgnoreCase("UTF-8") && !charset.equalsIgnoreCase("utf8")) {
                    throw new Refusal(415, "请求内容须为 UTF-8 编码的 JSON，不接受 " + charset);
                }
            }
        }
    }

    private static byte[] readBody(HttpServletRequest request, int limit) throws IOException, Refusal {
        if (request.getContentLengthLong() > limit) {
            throw new Refusal(413, "请求内容过大（上限 " + (limit / 1024) + " KB）");
        }
        InputStream in = request.getInputStream();
        byte[] bytes = in.readNBytes(limit == Integer.MAX_VALUE ? Integer.MAX_VALUE - 8 : limit + 1);
        if (bytes.length > limit) {
            throw new Refusal(413, "请求内容过大（上限 " + (limit / 1024) + " KB）");
        }
        return bytes;
    }

    /** Strict UTF-8, then JSON within the depth limit; anything else is a 400. */
    static JsonNode parse(byte[] bytes) throws Refusal {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Refusal(400, "请求内容不是有效的 UTF-8 文本");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new Refusal(400, "请求内容为空或不是有效的 JSON");
            }
            return node;
        } catch (IOException e) {
            throw new Refusal(400, "请求内容不是有效的 JSON（或嵌套超过 " + MAX_JSON_DEPTH + " 层）");
        }
    }

    static boolean isExpressionKey(String key) {
        return key != null && key.toLowerCase(Locale.ROOT).endsWith("expression");
    }

    /** The first field name anywhere in the tree that names an expression parameter. */
    static Optional<String> findExpressionKey(JsonNode node) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (isExpressionKey(field.getKey())) {
                    return Optional.of(field.getKey());
                }
                Optional<String> inner = findExpressionKey(field.getValue());
                if (inner.isPresent()) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                Optional<String> inner = findExpressionKey(item);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A variable value of type Json whose text does not parse (stored, it would break every later
     * read of the case): the name of the variable (or "" inside a single-variable body).
     */
    static Optional<String> findMalformedJsonValue(JsonNode node) {
        return findMalformedJsonValue(node, "");
    }

    private static Optional<String> findMalformedJsonValue(JsonNode node, String name) {
        if (node.isObject()) {
            JsonNode type = node.get("type");
            JsonNode value = node.get("value");
            if (type != null && type.isTextual() && type.asText().equalsIgnoreCase("json") && value != null
                    && value.isTextual()) {
                try {
                    JSON.readTree(value.asText());
                } catch (IOException e) {
                    return Optional.of(name.isEmpty() ? "" : "「" + name + "」");
                }
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                Optional<String> inner = findMalformedJsonValue(field.getValue(), field.getKey());
                if (inner.isPresent()) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                Optional<String> inner = findMalformedJsonValue(item, name);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    private static Refusal expressionRefused(String key) {
        return new Refusal(400, "出于安全原因，查询中不允许使用表达式参数: " + key);
    }

    // ---- per-endpoint body checks ----

    private void checkBody(Check check, String path, JsonNode body, String user) throws Refusal {
        if (!body.isObject() && check != Check.QUERY) {
            throw new Refusal(400, "请求内容须为 JSON 对象");
        }
        switch (check) {
            case QUERY -> {
                // any query fields; expression keys were refused above
            }
            case NO_BODY -> {
                if (!body.isEmpty()) {
                    throw new Refusal(400, "此操作不接受请求内容");
                }
            }
            case CLAIM -> {
                onlyFields(body, Set.of("userId"));
                JsonNode userId = body.get("userId");
                if (userId == null || !userId.isTextual() || !userId.asText().equals(user)) {
                    throw new Refusal(403, "只能由本人认领任务（userId 须为当前登录用户）；转交他人请使用转办或委派");
                }
            }
            case START, SUBMIT_START -> checkStart(check, path, body);
            case COMPLETE, SUBMIT_TASK -> checkCompletion(check, path, body);
            default -> throw new IllegalStateException(check.name());
        }
    }

    private void checkStart(Check check, String path, JsonNode body) throws Refusal {
        for (String option : List.of("startInstructions", "skipCustomListeners", "skipIoMappings",
                "caseInstanceId")) {
            JsonNode value = body.get(option);
            boolean set = value != null && !value.isNull() && !(value.isBoolean() && !value.asBoolean())
                    && !(value.isContainerNode() && value.isEmpty());
            if (set) {
                throw new Refusal(403, "启动选项 " + option + " 会改变或跳过流程的检查，仅限系统管理员使用");
            }
        }
        JsonNode businessKey = body.get("businessKey");
        if (businessKey != null && !businessKey.isNull() && !businessKey.asText().isEmpty()) {
            throw new Refusal(400, "案件编号由系统生成，启动时不可指定 businessKey");
        }
        onlyFields(body, check == Check.START
                ? Set.of("variables", "businessKey", "withVariablesInReturn", "startInstructions",
                        "skipCustomListeners", "skipIoMappings", "caseInstanceId")
                : Set.of("variables", "businessKey"));
        String processKey = processKeyOf(path);
        if (processKey == null) {
            return; // unknown definition: the engine answers 404
        }
        Optional<Set<String>> declaredStart = declared.getObject().startVariables(processKey);
        if (declaredStart.isEmpty()) {
            throw new Refusal(403, "流程 " + processKey + " 不能由用户直接启动");
        }
        checkVariables(body.get("variables"), declaredStart.get(), "启动流程");
    }

    /** A person as a refusal names them: their name (family name first), else the user id. */
    private String personName(String userId) {
        return directory.getObject().findPerson(userId).map(Person::getDisplayName).orElse(userId);
    }

    private void checkCompletion(Check check, String path, JsonNode body) throws Refusal {
        onlyFields(body, check == Check.COMPLETE ? Set.of("variables", "withVariablesInReturn") : Set.of("variables"));
        var matcher = ID_PATH.matcher(path);
        if (!matcher.matches()) {
            return;
        }
        Task task = anyTask(matcher.group(1));
        if (task == null) {
            // no such task (or no longer): the engine answers 404 or 409, but reads the variables first
            checkValues(body.get("variables"));
            return;
        }
        if (task.getProcessDefinitionId() == null) {
            // the only tasks outside a process are added approvers' sign tasks (加签): signed with an opinion
            throw new Refusal(400, "「" + task.getName() + "」是加签任务，请在任务的「审批操作」中签署意见");
        }
        if (task.getDelegationState() == org.camunda.bpm.engine.task.DelegationState.PENDING) {
            throw new Refusal(400, "「" + task.getName() + "」是委派给您的任务，办完后请在「审批操作」中点击「处理完毕交还」，由 "
                    + personName(task.getOwner()) + " 作出决定");
        }
        Set<String> inputs = Set.of();
        if (task.getProcessDefinitionId() != null) {
            ProcessDefinition definition = engine.getObject().getRepositoryService()
                    .getProcessDefinition(task.getProcessDefinitionId());
            inputs = declared.getObject().taskInputs(definition.getKey(), task.getTaskDefinitionKey());
        }
        checkVariables(body.get("variables"), inputs, "办理「" + task.getName() + "」");
    }

    /**
     * The task whatever the caller may read of it: a candidate may work on a task (TASK_WORK) that
     * they cannot read, and its variables are checked all the same before the engine sees them.
     */
    private Task anyTask(String taskId) {
        org.camunda.bpm.engine.impl.identity.Authentication caller = identity().getCurrentAuthentication();
        identity().clearAuthentication();
        try {
            return engine.getObject().getTaskService().createTaskQuery().taskId(taskId).singleResult();
        } finally {
            if (caller != null) {
                identity().setAuthentication(caller);
            }
        }
    }

    private String processKeyOf(String path) {
        var byKey = KEY_PATH.matcher(path);
        if (byKey.matches()) {
            return byKey.group(1);
        }
        var byId = ID_PATH.matcher(path);
        if (!byId.matches()) {
            return null;
        }
        try {
            return engine.getObject().getRepositoryService().getProcessDefinition(byId.group(1)).getKey();
        } catch (RuntimeException notFound) {
            return null;
        }
    }

    static void checkVariables(JsonNode variables, Set<String> allowed, String what) throws Refusal {
        if (variables == null || variables.isNull()) {
            return;
        }
        if (!variables.isObject()) {
            throw new Refusal(400, "variables 须为 JSON 对象");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = variables.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (!allowed.contains(name)) {
                throw new Refusal(400, what + "时不能提交变量「" + name + "」；可以提交的变量："
                        + (allowed.isEmpty() ? "无" : String.join("、", new TreeSet<>(allowed))));
            }
            checkValue(name, field.getValue());
        }
    }

    /** Each variable's shape, type and value, whatever its name. */
    private static void checkValues(JsonNode variables) throws Refusal {
        if (variables == null || variables.isNull()) {
            return;
        }
        if (!variables.isObject()) {
            throw new Refusal(400, "variables 须为 JSON 对象");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = variables.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            checkValue(field.getKey(), field.getValue());
        }
    }

    private static void checkValue(String name, JsonNode value) throws Refusal {
        if (value == null || !value.isObject()) {
            throw new Refusal(400, "变量「" + name + "」的格式不正确：须为 {\"value\": …, \"type\": …}");
        }
        onlyFields(value, Set.of("value", "type", "valueInfo"));
        JsonNode typeNode = value.get("type");
        String type = typeNode == null || typeNode.isNull() ? null : typeNode.asText().toLowerCase(Locale.ROOT);
        if (type != null && !ALLOWED_TYPES.contains(type)) {
            throw new Refusal(400, "变量「" + name + "」的类型 " + typeNode.asText()
                    + " 不被接受（只接受字符串、数字、布尔、日期和 Json）");
        }
        JsonNode info = value.get("valueInfo");
        if (info != null && !info.isNull() && !info.isEmpty()) {
            throw new Refusal(400, "变量「" + name + "」不接受 valueInfo");
        }
        JsonNode v = value.get("value");
        if (v != null && v.isContainerNode()) {
            throw new Refusal(400, "变量「" + name + "」的值须为文本、数字或布尔；列表请以 Json 类型的文本提交");
        }
        if (v != null && !finite(v, type)) {
            // NaN and infinities: H2 stores them, MariaDB refuses them when the transaction ends (a 500)
            throw new Refusal(400, "变量「" + name + "」的值须为有限的数字（不接受 NaN 或无穷大）");
        }
        if ("json".equals(type) && v != null && !v.isNull()) {
            if (!v.isTextual()) {
                throw new Refusal(400, "Json 变量「" + name + "」的值须为 JSON 文本");
            }
            try {
                JSON.readTree(v.asText());
            } catch (IOException e) {
                throw new Refusal(400, "请求内容不是有效的 JSON：Json 变量「" + name + "」的值无法解析");
            }
        }
    }

    /** Whether a number, or the text of a Double, is a finite number (anything else is left to the engine). */
    static boolean finite(JsonNode value, String type) {
        if (value.isNumber()) {
            return Double.isFinite(value.asDouble());
        }
        if (value.isTextual() && ("double".equals(type) || "long".equals(type) || "integer".equals(type)
                || "short".equals(type))) {
            try {
                return Double.isFinite(Double.parseDouble(value.asText().trim()));
            } catch (NumberFormatException notANumber) {
                return true; // not a number at all: the engine refuses it with 400
            }
        }
        return true;
    }

    private static void onlyFields(JsonNode node, Set<String> allowed) throws Refusal {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new Refusal(400, "不接受的请求字段: " + name);
            }
        }
    }
}
