package cn.streetgov.casework;

import java.util.function.Function;

/**
 * What a workflow shows of a case on the task cards of Tasklist, beside the task's name (which
 * carries the case number, {@link TaskNames}): the few words that tell its tasks apart — the
 * subject, the organisation, the urgency — in Chinese, names and labels, never codes. One bean per
 * process key; a process without one shows the name alone.
 * <p>
 * The kernel keeps the text in the task-local variable {@value TaskNames#CARD_VARIABLE} when the
 * task is created, which the Tasklist filters show: a task's own variables need only READ on the
 * task, which every official holding it has, while the case's variables need READ on the process
 * instance, which officials do not hold.
 */
public interface CaseCard {

    String processKey();

    /**
     * The case in a few words, e.g. {@code 紧急 · 东华路夜市占道经营}; null when there is nothing to say.
     *
     * @param variable the case's variables by name (plain values, nothing deserialised)
     */
    String describe(Function<String, Object> variable);

    /** A card of the process that describes a case with {@code describe}. */
    static CaseCard of(String processKey, Function<Function<String, Object>, String> describe) {
        return new CaseCard() {
            @Override
            public String processKey() {
                return processKey;
            }

            @Override
            public String describe(Function<String, Object> variable) {
                return describe.apply(variable);
            }
        };
    }

    /** Joins the non-blank parts with {@code ·}, shortening each to {@code max} characters. */
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
}
