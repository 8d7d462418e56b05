package cn.streetgov.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QueryExpressionGuardFilterTest {

    private static String find(String json) throws Exception {
        return QueryExpressionGuardFilter.findExpressionKey(json.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    @Test
    void findsExpressionKeysAtAnyDepth() throws Exception {
        assertThat(find("{\"assigneeExpression\":\"${x}\"}")).isEqualTo("assigneeExpression");
        assertThat(find("{\"orQueries\":[{\"name\":\"a\"},{\"dueAfterExpression\":\"${x}\"}]}"))
                .isEqualTo("dueAfterExpression");
        assertThat(find("{\"a\":{\"b\":{\"candidateUserExpression\":1}}}")).isEqualTo("candidateUserExpression");
    }

    @Test
    void letsOrdinaryQueriesThroughEvenWhenValuesLookLikeExpressions() throws Exception {
        assertThat(find("{\"processInstanceId\":\"1\",\"sorting\":[{\"sortBy\":\"created\"}]}")).isNull();
        assertThat(find("{\"description\":\"assigneeExpression ${x}\"}")).isNull();
        assertThat(find("[]")).isNull();
    }
}
