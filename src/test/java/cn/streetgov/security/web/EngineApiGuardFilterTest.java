package cn.streetgov.security.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.streetgov.security.web.EngineApiGuardFilter.Refusal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure parts of the engine API guard: expression keys, body encoding, JSON depth, variables. */
class EngineApiGuardFilterTest {

    private static String find(String json) throws Exception {
        return EngineApiGuardFilter.findExpressionKey(EngineApiGuardFilter.parse(json.getBytes(StandardCharsets.UTF_8)))
                .orElse(null);
    }

    @Test
    void findsExpressionKeysAtAnyDepth() throws Exception {
        assertThat(find("{\"assigneeExpression\":\"${x}\"}")).isEqualTo("assigneeExpression");
        assertThat(find("{\"orQueries\":[{\"name\":\"a\"},{\"dueAfterExpression\":\"${x}\"}]}"))
                .isEqualTo("dueAfterExpression");
        assertThat(find("{\"a\":{\"b\":{\"candidateUserExpression\":1}}}")).isEqualTo("candidateUserExpression");
        // escaped key names are decoded before the check
        assertThat(find("{\"orQueries\":[{\"assignee\\u0045xpression\":\"${x}\"}]}")).isEqualTo("assigneeExpression");
        assertThat(find("{\"orQueries\":[{\"ASSIGNEEEXPRESSION\":\"${x}\"}]}")).isEqualTo("ASSIGNEEEXPRESSION");
    }

    @Test
    void letsOrdinaryQueriesThroughEvenWhenValuesLookLikeExpressions() throws Exception {
        assertThat(find("{\"processInstanceId\":\"1\",\"sorting\":[{\"sortBy\":\"created\"}]}")).isNull();
        assertThat(find("{\"description\":\"assigneeExpression ${x}\"}")).isNull();
        assertThat(find("[]")).isNull();
    }

    @Test
    void refusesBodiesThatAreNotStrictUtf8JsonOrTooDeep() {
        byte[] ibm037 = "{\"orQueries\":[{\"assigneeExpression\":\"${x}\"}]}".getBytes(Charset.forName("IBM037"));
        assertThatThrownBy(() -> EngineApiGuardFilter.parse(ibm037)).isInstanceOf(Refusal.class);
        byte[] utf16 = "{\"a\":1}".getBytes(StandardCharsets.UTF_16);
        assertThatThrownBy(() -> EngineApiGuardFilter.parse(utf16)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> EngineApiGuardFilter.parse("{\"a\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Refusal.class);
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThatThrownBy(() -> EngineApiGuardFilter.parse(deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).status).isEqualTo(400);
    }

    @Test
    void acceptsOnlyJsonInUtf8AsContentType() throws Exception {
        EngineApiGuardFilter.requireJsonUtf8("application/json");
        EngineApiGuardFilter.requireJsonUtf8("application/json; charset=UTF-8");
        EngineApiGuardFilter.requireJsonUtf8("Application/JSON;charset=\"utf-8\"");
        for (String refused : new String[] {null, "*/*", "application/*", "text/plain", "application/x-json",
                "application/json;charset=IBM037", "application/json; charset=UTF-16", "application/jsonp"}) {
            assertThatThrownBy(() -> EngineApiGuardFilter.requireJsonUtf8(refused)).as(refused)
                    .isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).status).isEqualTo(415);
        }
    }

    @Test
    void variablesAreDeclaredAndOfPlainTypes() throws Exception {
        Set<String> declared = Set.of("decision", "comment", "items");
        EngineApiGuardFilter.checkVariables(EngineApiGuardFilter.parse((
                "{\"decision\":{\"value\":\"ACCEPT\"},\"comment\":{\"value\":\"好\",\"type\":\"String\"},"
                + "\"items\":{\"value\":\"[\\\"a\\\"]\",\"type\":\"Json\"}}").getBytes(StandardCharsets.UTF_8)),
                declared, "办理");
        assertRefused("{\"orgCode\":{\"value\":\"S02\"}}", declared, "orgCode");
        assertRefused("{\"decision\":{\"value\":\"{}\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":"
                + "\"java.util.HashMap\",\"serializationDataFormat\":\"application/json\"}}}", declared, "Object");
        assertRefused("{\"decision\":{\"value\":\"x\",\"type\":\"File\"}}", declared, "File");
        assertRefused("{\"decision\":{\"value\":{\"a\":1}}}", declared, "decision");
        assertRefused("{\"items\":{\"value\":\"{bad\",\"type\":\"Json\"}}", declared, "items");
        assertRefused("{\"decision\":{\"value\":\"x\",\"valueInfo\":{\"objectTypeName\":\"x\"}}}", declared, "valueInfo");
    }

    private static void assertRefused(String variables, Set<String> declared, String mentioned) {
        assertThatThrownBy(() -> EngineApiGuardFilter.checkVariables(
                EngineApiGuardFilter.parse(variables.getBytes(StandardCharsets.UTF_8)), declared, "办理"))
                .isInstanceOf(Refusal.class).hasMessageContaining(mentioned)
                .extracting(e -> ((Refusal) e).status).isEqualTo(400);
    }
}
