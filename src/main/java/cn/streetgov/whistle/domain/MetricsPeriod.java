package cn.streetgov.whistle.domain;

import cn.streetgov.common.InvalidInputException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reporting period: a year {@code 2026}, a half year {@code 2026-H2} or a quarter {@code 2026-Q4}. */
public record MetricsPeriod(String code, LocalDateTime from, LocalDateTime until) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-([HQ])([1-4]))?");

    /** Parses the period or throws {@link InvalidInputException} with a Chinese reason. */
    public static MetricsPeriod parse(String value) {
        String code = value == null ? "" : value.trim();
        Matcher m = FORMAT.matcher(code);
        if (!m.matches()) {
            throw invalid(value);
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2000 || year > 2999) {
            throw invalid(value);
        }
        LocalDate start = LocalDate.of(year, 1, 1);
        if (m.group(2) == null) {
            return new MetricsPeriod(code, start.atStartOfDay(), start.plusYears(1).atStartOfDay());
        }
        int n = Integer.parseInt(m.group(3));
        int months = "H".equals(m.group(2)) ? 6 : 3;
        if ("H".equals(m.group(2)) && n > 2) {
            throw invalid(value);
        }
        LocalDate from = start.plusMonths((long) (n - 1) * months);
        return new MetricsPeriod(code, from.atStartOfDay(), from.plusMonths(months).atStartOfDay());
    }

    private static InvalidInputException invalid(String value) {
        return new InvalidInputException("统计周期格式无效: \"" + value
                + "\"，应为年度（如 2026）、半年（如 2026-H2）或季度（如 2026-Q4）");
    }
}
