package cn.streetgov.delegation.process;

import cn.streetgov.common.VariableLists;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.json.SpinJsonNode;

/** Reading the variables as Tasklist and REST clients submit them (CONTRACT.md). */
final class ProcessVariables {

    private ProcessVariables() {
    }

    /** A list: a Json array of strings, a comma-separated String, or a Java collection (CONTRACT.md). */
    static List<String> stringList(Object value) {
        if (value instanceof SpinJsonNode node) {
            return VariableLists.parse(node.isString() ? node.stringValue() : node.toString());
        }
        return VariableLists.parse(value);
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
