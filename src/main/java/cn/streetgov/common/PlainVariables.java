package cn.streetgov.common;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The variables of a scope as plain values, read without deserialising anything: an object
 * variable (never sent by officials, see docs/SECURITY.md) appears as its serialised text, so that
 * no class named in a variable is ever instantiated by reading it.
 */
public final class PlainVariables {

    private PlainVariables() {
    }

    public static Map<String, Object> of(VariableScope scope) {
        return ofTyped(scope.getVariablesTyped(false));
    }

    /** Variables read with {@code getVariablesTyped(…, false)} as plain values. */
    public static Map<String, Object> ofTyped(org.camunda.bpm.engine.variable.VariableMap variables) {
        // by name and typed: Map.forEach would hand each value over through get(), which deserialises
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : variables.keySet()) {
            values.put(name, plain(variables.getValueTyped(name)));
        }
        return values;
    }

    /** One variable (of this scope or a parent), its serialized text if it is an object; null if absent. */
    public static Object value(VariableScope scope, String name) {
        return plain(scope.getVariableTyped(name, false));
    }

    /** One (typed) value as a plain value: an object value not deserialised appears as its serialised text. */
    public static Object plain(Object value) {
        if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
            return serializable.getValueSerialized();
        }
        return value instanceof TypedValue typed ? typed.getValue() : value;
    }
}
