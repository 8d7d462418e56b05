package cn.streetgov.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long a step took, as officials read it. */
class DurationsTest {

    @Test
    void shouldSayHowLongInChinese() {
        assertThat(Durations.chinese(Duration.ofSeconds(20))).isEqualTo("不到1分钟");
        assertThat(Durations.chinese(Duration.ofMinutes(45).plusSeconds(59))).isEqualTo("45分钟");
        assertThat(Durations.chinese(Duration.ofMinutes(125))).isEqualTo("2小时5分");
        assertThat(Durations.chinese(Duration.ofHours(2))).isEqualTo("2小时");
        assertThat(Durations.chinese(Duration.ofHours(3 * 24 + 4).plusMinutes(59))).isEqualTo("3天4小时");
        assertThat(Durations.chinese(Duration.ofDays(3))).isEqualTo("3天");
        assertThat(Durations.chinese(Duration.ofSeconds(-3))).isEqualTo("不到1分钟");
        assertThat(Durations.chinese(null)).isNull();
    }
}
