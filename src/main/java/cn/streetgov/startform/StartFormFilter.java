package cn.streetgov.startform;

import cn.streetgov.common.BusinessException;
import cn.streetgov.security.CurrentUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Fills the start forms of our processes for the official who opens them. Tasklist 7.24 loads a
 * Camunda Form's schema from {@code GET …/process-definition/{id}/deployed-start-form} and, for a
 * start form, no input data at all (it asks {@code form-variables} for task forms only), so a
 * {@code valuesKey} in the form file would find nothing in the browser. This filter, in front of
 * both engine APIs ({@code /camunda/api/engine/engine/default} and {@code /engine-rest}), rewrites
 * that one answer for the caller: every field whose {@code valuesKey} names one of
 * {@link StartOptions#OPTION_KEYS} gets the caller's options as its {@code values}, and every field
 * that is the caller's own (their department, their street) is pre-chosen and read-only. The form
 * files stay as the Modeler writes them (options "Input data"); the options never become input data
 * of the form, so form-js never submits them (it submits the fields' keys only), and the engine API
 * guard would refuse them as undeclared start variables anyway.
 */
class StartFormFilter extends OncePerRequestFilter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StartFormFilter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "[A-Za-z0-9_:.-]+";
    private static final Pattern FORM_PATH = Pattern.compile("(?:/engine-rest|/camunda/api/engine/engine/default)"
            + "/process-definition/(?:key/(" + ID + ")(?:/tenant-id/" + ID + ")?|(" + ID + "))/deployed-start-form");

    private final ObjectProvider<ProcessEngine> engine;
    private final ObjectProvider<StartOptions> options;

    StartFormFilter(ObjectProvider<ProcessEngine> engine, ObjectProvider<StartOptions> options) {
        this.engine = engine;
        this.options = options;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equalsIgnoreCase(request.getMethod()) || !FORM_PATH.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        if (wrapper.getStatus() == HttpServletResponse.SC_OK) {
            byte[] filled = filled(request, wrapper.getContentAsByteArray());
            if (filled != null) {
                wrapper.resetBuffer();
                wrapper.setContentType("application/json;charset=UTF-8");
                wrapper.setHeader("Cache-Control", "no-store");
                wrapper.getOutputStream().write(filled);
            }
        }
        wrapper.copyBodyToResponse();
    }

    /** The form filled for the caller, or null to leave the answer as the engine gave it. */
    private byte[] filled(HttpServletRequest request, byte[] form) {
        Matcher matcher = FORM_PATH.matcher(path(request));
        if (!matcher.matches()) {
            return null;
        }
        String processKey = matcher.group(1) != null ? matcher.group(1) : keyOf(matcher.group(2));
        if (processKey == null || !StartOptions.PROCESSES.contains(processKey)) {
            return null;
        }
        CurrentUser user = caller(request);
        if (user == null) {
            return null;
        }
        try {
            JsonNode schema = JSON.readTree(new String(form, StandardCharsets.UTF_8));
            if (schema == null || !schema.isObject()) {
                return null;
            }
            fill(schema, options.getObject().forUser(processKey, user));
            return JSON.writeValueAsBytes(schema);
        } catch (BusinessException refused) {
            return null; // not theirs to start: the engine refuses the start; the form stays without options
        } catch (IOException notJson) {
            log.warn("启动表单不是 JSON，未填入选项: {}", processKey);
            return null;
        }
    }

    /** Puts the options into the fields naming them and pre-chooses the caller's own fields, at any depth. */
    static void fill(JsonNode node, StartOptions.FormOptions formOptions) {
        JsonNode components = node.get("components");
        if (components == null || !components.isArray()) {
            return;
        }
        for (JsonNode component : components) {
            if (!(component instanceof ObjectNode field)) {
                continue;
            }
            JsonNode valuesKey = field.get("valuesKey");
            if (valuesKey != null && valuesKey.isTextual() && formOptions.options().containsKey(valuesKey.asText())) {
                ArrayNode values = field.putArray("values");
                for (StartOptions.Option option : formOptions.options().get(valuesKey.asText())) {
                    values.addObject().put("label", option.label()).put("value", option.value());
                }
                field.remove("valuesKey");
            }
            JsonNode key = field.get("key");
            if (key != null && key.isTextual() && formOptions.chosen().containsKey(key.asText())) {
                field.put("defaultValue", formOptions.chosen().get(key.asText()));
                field.put("readonly", true);
            }
            fill(field, formOptions);
        }
    }

    private String keyOf(String processDefinitionId) {
        try {
            return engine.getObject().getRepositoryService().getProcessDefinition(processDefinitionId).getKey();
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    /**
     * Who is asking: the webapp session's user on the webapps' engine API, the engine's authenticated
     * user (HTTP Basic) on /engine-rest; their groups read now.
     */
    private CurrentUser caller(HttpServletRequest request) {
        String userId;
        if (path(request).startsWith("/engine-rest")) {
            org.camunda.bpm.engine.impl.identity.Authentication auth = identity().getCurrentAuthentication();
            userId = auth == null ? null : auth.getUserId();
        } else {
            HttpSession session = request.getSession(false);
            Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
            Authentication authentication = authentications == null ? null
                    : authentications.getAuthenticationForProcessEngine("default");
            userId = authentication == null ? null : authentication.getName();
        }
        if (userId == null) {
            return null;
        }
        // the memberships themselves, not what the caller's authorizations let them read of the groups
        org.camunda.bpm.engine.impl.identity.Authentication current = identity().getCurrentAuthentication();
        List<Group> groups;
        identity().clearAuthentication();
        try {
            groups = identity().createGroupQuery().groupMember(userId).list();
        } finally {
            if (current != null) {
                identity().setAuthentication(current);
            }
        }
        Set<String> ids = new HashSet<>();
        groups.forEach(group -> ids.add(group.getId()));
        return new CurrentUser(userId, ids);
    }

    private IdentityService identity() {
        return engine.getObject().getIdentityService();
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
