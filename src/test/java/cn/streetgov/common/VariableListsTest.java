package cn.streetgov.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

class VariableListsTest {

    @Test
    void readsJsonArrays() {
        assertThat(VariableLists.parse("[\"S01\",\"S03\"]")).containsExactly("S01", "S03");
        assertThat(VariableLists.parse(Spin.JSON("[\"S01\", \"T01\"]"))).containsExactly("S01", "T01");
    }

    @Test
    void readsCommaSeparatedTextAsPeopleTypeIt() {
        assertThat(VariableLists.parse("S01, S02，S03、T01")).containsExactly("S01", "S02", "S03", "T01");
        assertThat(VariableLists.parse("GA")).containsExactly("GA");
    }

    @Test
    void dropsBlanksAndDuplicatesAndKeepsOrder() {
        assertThat(VariableLists.parse("S02,,S01, S02 ")).containsExactly("S02", "S01");
        assertThat(VariableLists.parse(List.of("A", " ", "B", "A"))).containsExactly("A", "B");
        assertThat(VariableLists.parse(null)).isEmpty();
        assertThat(VariableLists.parse("  ")).isEmpty();
    }

    @Test
    void refusesMalformedJson() {
        assertThatThrownBy(() -> VariableLists.parse("[\"S01\"")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("列表格式不正确");
        assertThatThrownBy(() -> VariableLists.parse("[{\"a\":1}")).isInstanceOf(InvalidInputException.class);
    }
}
