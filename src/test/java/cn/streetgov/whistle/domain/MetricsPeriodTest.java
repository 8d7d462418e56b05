package cn.streetgov.whistle.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.streetgov.common.InvalidInputException;
import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reporting periods: year, half year, quarter; anything else is refused in Chinese. */
class MetricsPeriodTest {

    @ParameterizedTest(name = "{0} = [{1}, {2})")
    @CsvSource({
        "2026,    2026-01-01T00:00, 2027-01-01T00:00",
        "2026-H1, 2026-01-01T00:00, 2026-07-01T00:00",
        "2026-H2, 2026-07-01T00:00, 2027-01-01T00:00",
        "2026-Q1, 2026-01-01T00:00, 2026-04-01T00:00",
        "2026-Q2, 2026-04-01T00:00, 2026-07-01T00:00",
        "2026-Q3, 2026-07-01T00:00, 2026-10-01T00:00",
        "2026-Q4, 2026-10-01T00:00, 2027-01-01T00:00",
        "' 2025-Q4 ', 2025-10-01T00:00, 2026-01-01T00:00",
    })
    void shouldParseAPeriod(String code, LocalDateTime from, LocalDateTime until) {
        MetricsPeriod period = MetricsPeriod.parse(code);
        assertThat(period.from()).isEqualTo(from);
        assertThat(period.until()).isEqualTo(until);
        assertThat(period.code()).isEqualTo(code.trim());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "26", "2026-H3", "2026-Q5", "2026-Q0", "2026-M1", "2026Q4", "2026-q4", "1999",
        "abcd", "2026-H2-Q1"})
    void shouldRefuseABadPeriodWithAChineseReason(String code) {
        assertThatThrownBy(() -> MetricsPeriod.parse(code))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("统计周期格式无效").hasMessageContaining("2026-H2");
    }

    @org.junit.jupiter.api.Test
    void shouldRefuseAMissingPeriod() {
        assertThatThrownBy(() -> MetricsPeriod.parse(null)).isInstanceOf(InvalidInputException.class);
    }
}
