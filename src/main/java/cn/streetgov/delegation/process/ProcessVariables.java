package cn.streetgov.delegation.process;

import cn.streetgov.common.InvalidInputException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.json.SpinJsonNode;

/** Reading the variables as Tasklist and REST clients submit them (CONTRACT.md). */
final class ProcessVariables {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProcessVariables() {
    }

    /** A list: a Json array of strings, a comma-separated String, or a Java collection. */
    static List<String> stringList(Object value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value instanceof SpinJsonNode node) {
            if (node.isArray()) {
                for (SpinJsonNode element : node.elements()) {
                    out.add(element.isString() ? element.stringValue() : element.toString());
                }
                return clean(out);
            }
            return node.isString() ? stringList(node.stringValue()) : stringList(node.toString());
        }
        if (value instanceof Collection<?> collection) {
            collection.forEach(v -> out.add(v == null ? null : v.toString()));
            return clean(out);
        }
        String text = value.toString().trim();
        if (text.startsWith("[")) {
            try {
                return clean(JSON.readValue(text, new TypeReference<List<String>>() { }));
            } catch (Exception e) {
                throw new InvalidInputException("列表格式无效（应为 JSON 字符串数组或以逗号分隔）: " + text);
            }
        }
        for (String part : text.split("[,，;；]")) {
            out.add(part);
        }
        return clean(out);
    }

    private static List<String> clean(List<String> values) {
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
    }

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        if (value instanceof SpinJsonNode node && node.isString()) {
            return node.stringValue();
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    static Long caseId(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalStateException("流程变量 " + name + " 缺失");
    }

    static String currentUser(Authentication authentication, String fallback) {
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return fallback;
    }
}
