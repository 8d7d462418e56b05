package cn.streetgov.casework;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * How a workflow names its cases to the people who look for them (one bean per process, in the
 * workflow's {@code process} package, beside its {@link ApprovalPolicy}): the few words on its tasks'
 * cards in Tasklist, the subject a list shows and searches (e.g. 城市管理和综合执法局 向东华街道、西岭街道下放 3 项权力), the organisations the
 * case belongs to (whose officials may read it), and the earlier reports a later step needs to see
 * (the Chinese labels of its outcomes are the process's {@link OutcomeLabels}). {@link CaseIndex} asks it whenever the case moves; a process
 * without a describer is listed under its process name.
 * <p>
 * Called inside the engine's transaction: an implementation only reads, and answers what it does
 * not know with null rather than throwing.
 */
public interface CaseDescriber {

    /** The process definition key this describer is for (e.g. {@code whistle-dispatch}). */
    String processKey();

    /** The case's subject and organisations, from the workflow's own records. */
    Description describe(Facts facts);

    /**
     * What a task card of Tasklist shows of the case beside the task's name (which carries the case
     * number, {@link TaskNames}): the few words that tell its tasks apart — the subject, the
     * organisation, the urgency — in Chinese, names and labels, never codes, e.g.
     * {@code 紧急 · 东华路夜市占道经营}; null when there is nothing to say (the name alone).
     * <p>
     * The kernel keeps the text in the task-local variable {@value TaskNames#CARD_VARIABLE} when the
     * task is created, which the Tasklist filters show: a task's own variables need only READ on the
     * task, which every official holding it has, while the case's variables need READ on the process
     * instance, which officials do not hold.
     *
     * @param variable the case's variables by name (plain values, nothing deserialised)
     */
    default String card(Function<String, Object> variable) {
        return null;
    }

    /** Joins the non-blank parts with {@code ·} for a {@link #card}, shortening each to {@code max} characters. */
    static String join(int max, Object... parts) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            String value = part == null ? "" : part.toString().strip();
            if (value.isEmpty()) {
                continue;
            }
            if (value.length() > max) {
                value = value.substring(0, max) + "…";
            }
            text.append(text.isEmpty() ? "" : " · ").append(value);
        }
        return text.isEmpty() ? null : text.toString();
    }

    /**
     * The reports of earlier steps that a later step works from (the summoned departments' reports of
     * a whistle, an agency's self-evaluation), oldest first; none by default.
     */
    default List<Report> reports(Facts facts) {
        return List.of();
    }

    /**
     * What the kernel knows of the case when it asks.
     *
     * @param caseNo the case number (business key), null before the start listener has set it
     * @param variables the case's variables as plain values (empty when read back from history)
     */
    record Facts(String processInstanceId, String caseNo, Map<String, Object> variables) {

        public Facts {
            variables = variables == null ? Map.of() : variables;
        }

        /** A variable as text, or null. */
        public String text(String name) {
            Object value = variables.get(name);
            return value == null || value.toString().isBlank() ? null : value.toString().trim();
        }
    }

    /**
     * @param subject what the case is about, in one line of Chinese (at most {@link #SUBJECT_MAX} characters)
     * @param orgCodes codes of the streets/towns, departments and agencies the case belongs to
     * @param outcome the case's result where the process keeps none in its {@code outcome} variable
     *        (an assessment's grade), else null
     */
    record Description(String subject, Set<String> orgCodes, String outcome) {

        public static final int SUBJECT_MAX = 500;

        public Description {
            orgCodes = orgCodes == null ? Set.of() : Set.copyOf(orgCodes);
            if (subject != null && subject.length() > SUBJECT_MAX) {
                subject = subject.substring(0, SUBJECT_MAX - 1) + "…";
            }
        }

        public static Description of(String subject, Collection<String> orgCodes) {
            Set<String> codes = new LinkedHashSet<>();
            if (orgCodes != null) {
                orgCodes.stream().filter(Objects::nonNull).filter(c -> !c.isBlank()).forEach(codes::add);
            }
            return new Description(subject, codes, null);
        }

        public Description withOutcome(String outcome) {
            return new Description(subject, orgCodes, outcome);
        }
    }

    /**
     * One earlier report.
     *
     * @param title what it is (e.g. 部门报到)
     * @param orgCode the street/town, department or agency that reported
     * @param userId who wrote it, or null
     * @param time when, or null
     * @param text the report itself
     */
    record Report(String title, String orgCode, String userId, Instant time, String text) {
    }
}
