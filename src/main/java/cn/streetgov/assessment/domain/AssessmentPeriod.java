package cn.streetgov.assessment.domain;

import cn.streetgov.common.InvalidInputException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An assessment period: a year {@code 2026}, a half year {@code 2026-H2} or a quarter {@code 2026-Q4}
 * (the periods whistle dispatch gives figures for).
 */
public final class AssessmentPeriod {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(H[12]|Q[1-4]))?");

    private AssessmentPeriod() {
    }

    /** The period, trimmed and upper-cased, or {@link InvalidInputException} with a Chinese reason. */
    public static String parse(String value) {
        String code = value == null ? "" : value.trim().toUpperCase();
        Matcher m = FORMAT.matcher(code);
        if (code.isEmpty()) {
            throw new InvalidInputException("请填写考核期，如 2026、2026-H2 或 2026-Q4");
        }
        if (!m.matches() || Integer.parseInt(m.group(1)) < 2000 || Integer.parseInt(m.group(1)) > 2999) {
            throw new InvalidInputException("考核期格式无效: \"" + value
                    + "\"，应为年度（如 2026）、半年（如 2026-H2）或季度（如 2026-Q4）");
        }
        return code;
    }

    /** The period a timer-started campaign assesses on {@code day}: the previous year, or the previous half year. */
    public static String previous(LocalDate day, boolean halfYears) {
        if (!halfYears) {
            return String.valueOf(day.getYear() - 1);
        }
        return day.getMonthValue() <= 6 ? (day.getYear() - 1) + "-H2" : day.getYear() + "-H1";
    }

    /** How a person reads the period: 2026年度, 2026年上半年, 2026年第四季度 (an unknown text as it is). */
    public static String label(String period) {
        Matcher m = period == null ? null : FORMAT.matcher(period);
        if (m == null || !m.matches()) {
            return period == null ? "" : period;
        }
        String year = m.group(1);
        if (m.group(2) == null) {
            return year + "年度";
        }
        return year + "年" + switch (m.group(2)) {
            case "H1" -> "上半年";
            case "H2" -> "下半年";
            case "Q1" -> "第一季度";
            case "Q2" -> "第二季度";
            case "Q3" -> "第三季度";
            default -> "第四季度";
        };
    }
}
