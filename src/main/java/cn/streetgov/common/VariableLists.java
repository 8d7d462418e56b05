package cn.streetgov.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Reads a list variable as CONTRACT.md defines it: a Json variable holding a JSON array of strings,
 * a comma-separated String (also "、", "，", ";" or whitespace separated, as people type it), or a
 * Java collection. Blank entries are dropped, duplicates removed, order kept.
 */
public final class VariableLists {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VariableLists() {
    }

    public static List<String> parse(Object value) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> collection) {
            collection.forEach(item -> add(out, item == null ? null : item.toString()));
            return new ArrayList<>(out);
        }
        String text = value.toString().trim();
        if (text.startsWith("[")) {
            try {
                JsonNode node = JSON.readTree(text);
                if (!node.isArray()) {
                    throw new InvalidInputException("列表格式不正确: " + text);
                }
                node.forEach(item -> add(out, item.isTextual() ? item.textValue() : item.toString()));
                return new ArrayList<>(out);
            } catch (JsonProcessingException e) {
                throw new InvalidInputException("列表格式不正确（应为 JSON 数组或以逗号分隔）: " + text);
            }
        }
        for (String part : text.split("[,，、;；\\s]+")) {
            add(out, part);
        }
        return new ArrayList<>(out);
    }

    private static void add(LinkedHashSet<String> out, String item) {
        if (item != null && !item.isBlank()) {
            out.add(item.trim());
        }
    }
}
