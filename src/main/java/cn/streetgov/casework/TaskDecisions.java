package cn.streetgov.casework;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Declared by each workflow (its {@code …Process} class, registered as a bean): per user task, the
 * variable holding the official's decision, its allowed values, which values need a reason, the
 * further input it requires, and the server-owned values recorded with it. This one declaration
 * drives
 * <ul>
 * <li>what an official may submit when completing the task ({@link TaskDecision#inputs()}): anything
 * else is refused before it reaches the engine;</li>
 * <li>the checks of the kernel's decision listener ({@link TaskDecision#check}): a refused value
 * answers with the Chinese reasons and nothing is written;</li>
 * <li>the one decision record ({@code case_decision}) and the audit trail's entry.</li>
 * </ul>
 */
public interface TaskDecisions {

    /** The process definition key, e.g. {@code power-delegation}. */
    String processKey();

    /** Per user task id (task definition key): what the official decided there. */
    Map<String, TaskDecision> byTask();

    /** The longest comment or text input a decision accepts. */
    int TEXT_MAX = 4000;

    /**
     * @param decision the variable holding the decision (e.g. {@code capacityDecision}), or null
     * @param comment the variable holding the comment or reason, or null
     * @param details further variables the official submits with the decision (dates, scores, …)
     * @param context variables of the case recorded with the decision but owned by the server
     *        (the street of a multi-instance review, a counter): never accepted from a request
     * @param rules what the kernel checks before it records the decision
     */
    record TaskDecision(String decision, String comment, List<String> details, List<String> context, Rules rules) {

        public TaskDecision {
            details = List.copyOf(details);
            context = List.copyOf(context);
        }

        public static TaskDecision of(String decision, String comment, String... details) {
            return new TaskDecision(decision, comment, List.of(details), List.of(), Rules.NONE);
        }

        /** The same declaration, recording also these server-owned variables of the case. */
        public TaskDecision withContext(String... names) {
            List<String> all = new ArrayList<>(context);
            Collections.addAll(all, names);
            return new TaskDecision(decision, comment, details, all, rules);
        }

        /**
         * The decision's name and its allowed values with their Chinese labels, in the order
         * offered: {@code choice("承接意见", "ACCEPT", "同意承接", "REJECT", "不同意承接")}.
         */
        public TaskDecision choice(String label, String... valuesAndLabels) {
            if (valuesAndLabels.length % 2 != 0) {
                throw new IllegalArgumentException("values and labels come in pairs");
            }
            Map<String, String> allowed = new LinkedHashMap<>();
            for (int i = 0; i < valuesAndLabels.length; i += 2) {
                allowed.put(valuesAndLabels[i], valuesAndLabels[i + 1]);
            }
            return with(new Rules(label, allowed, rules.reasonLabel(), rules.noReasonFor(), rules.reasonAlways(),
                    rules.required(), rules.recordedAs(), rules.rejecting()));
        }

        /** A reason is required unless the decision is one of these values. */
        public TaskDecision reasonUnless(String reasonLabel, String... valuesWithoutReason) {
            return with(new Rules(rules.label(), rules.allowed(), reasonLabel, Set.of(valuesWithoutReason), false,
                    rules.required(), rules.recordedAs(), rules.rejecting()));
        }

        /** A reason (the comment variable) is always required. */
        public TaskDecision reasonRequired(String reasonLabel) {
            return with(new Rules(rules.label(), rules.allowed(), reasonLabel, Set.of(), true, rules.required(),
                    rules.recordedAs(), rules.rejecting()));
        }

        /** A detail the official must fill in (e.g. the meeting date). */
        public TaskDecision requires(String variable, String label) {
            if (!details.contains(variable)) {
                throw new IllegalArgumentException(variable + " is not a detail of this task");
            }
            Map<String, String> required = new LinkedHashMap<>(rules.required());
            required.put(variable, label);
            return with(new Rules(rules.label(), rules.allowed(), rules.reasonLabel(), rules.noReasonFor(),
                    rules.reasonAlways(), required, rules.recordedAs(), rules.rejecting()));
        }

        /** For a task without a decision variable: what the record says was done (e.g. REPORTED). */
        public TaskDecision recordedAs(String value) {
            return with(new Rules(rules.label(), rules.allowed(), rules.reasonLabel(), rules.noReasonFor(),
                    rules.reasonAlways(), rules.required(), value, rules.rejecting()));
        }

        /** The values that say no (不同意, 不合法, 退回修改 …); the typed record calls the others approvals. */
        public TaskDecision rejecting(String... values) {
            for (String value : values) {
                if (!rules.allowed().isEmpty() && !rules.allowed().containsKey(value)) {
                    throw new IllegalArgumentException(value + " is not an allowed value of " + decision);
                }
            }
            return with(new Rules(rules.label(), rules.allowed(), rules.reasonLabel(), rules.noReasonFor(),
                    rules.reasonAlways(), rules.required(), rules.recordedAs(), Set.of(values)));
        }

        /** Whether the value is one of the declared rejections. */
        public boolean rejects(String value) {
            return value != null && rules.rejecting().contains(value);
        }

        private TaskDecision with(Rules newRules) {
            return new TaskDecision(decision, comment, details, context, newRules);
        }

        /** The variables an official may submit when completing the task. */
        public Set<String> inputs() {
            Set<String> inputs = new LinkedHashSet<>();
            if (decision != null) {
                inputs.add(decision);
            }
            if (comment != null) {
                inputs.add(comment);
            }
            inputs.addAll(details);
            return Collections.unmodifiableSet(inputs);
        }

        /** Everything the audit trail records beside decision and comment. */
        public List<String> recorded() {
            List<String> recorded = new ArrayList<>(details);
            recorded.addAll(context);
            return recorded;
        }

        /** The decision as recorded: the submitted value as text, or the declared fixed value. */
        public String decisionValue(Function<String, Object> variables) {
            if (decision == null) {
                return rules.recordedAs();
            }
            return text(variables.apply(decision));
        }

        /** The comment as recorded: trimmed, null when blank. */
        public String commentValue(Function<String, Object> variables) {
            return comment == null ? null : text(variables.apply(comment));
        }

        /** The Chinese reasons why the submitted values cannot be recorded (empty when they can). */
        public List<String> check(Function<String, Object> variables) {
            List<String> errors = new ArrayList<>();
            String value = decisionValue(variables);
            // exactly as submitted: the gateways compare the variable itself, spaces included
            Object submitted = decision == null ? null : variables.apply(decision);
            if (decision != null && !rules.allowed().isEmpty() && (value == null || !rules.allowed().containsKey(value)
                    || !value.equals(submitted.toString()))) {
                errors.add("请选择" + rules.label() + "（" + String.join(" / ", rules.allowed().values()) + "）");
            } else if (comment != null && rules.reasonLabel() != null && commentValue(variables) == null
                    && (rules.reasonAlways() || !rules.noReasonFor().contains(value))) {
                errors.add("请填写" + rules.reasonLabel());
            }
            String commentText = commentValue(variables);
            if (commentText != null && commentText.length() > TEXT_MAX) {
                errors.add("填写的内容不能超过 " + TEXT_MAX + " 个字");
            }
            rules.required().forEach((variable, label) -> {
                if (text(variables.apply(variable)) == null) {
                    errors.add("请填写" + label);
                }
            });
            return errors;
        }

        /** The Chinese label of a decision value (the value itself when none is declared). */
        public String label(String value) {
            return value == null ? null : rules.allowed().getOrDefault(value, value);
        }

        static String text(Object value) {
            if (value == null) {
                return null;
            }
            String text = value.toString().trim();
            return text.isEmpty() ? null : text;
        }
    }

    /**
     * @param label the decision's Chinese name (e.g. 承接意见), or null
     * @param allowed allowed values → Chinese labels (empty: any value)
     * @param reasonLabel what the comment is called when it is required (e.g. 不同意的理由), or null
     * @param noReasonFor values that need no reason
     * @param reasonAlways whether every value needs a reason
     * @param required further variables that must be filled in → their Chinese names
     * @param recordedAs the recorded decision of a task without a decision variable, or null
     * @param rejecting the decision values that say no (不同意, 退回, 不合法 …): the typed record calls
     *        them a rejection, every other value an approval
     */
    record Rules(String label, Map<String, String> allowed, String reasonLabel, Set<String> noReasonFor,
            boolean reasonAlways, Map<String, String> required, String recordedAs, Set<String> rejecting) {

        static final Rules NONE = new Rules(null, Map.of(), null, Set.of(), false, Map.of(), null, Set.of());

        public Rules {
            allowed = Collections.unmodifiableMap(new LinkedHashMap<>(allowed));
            noReasonFor = Set.copyOf(noReasonFor);
            required = Collections.unmodifiableMap(new LinkedHashMap<>(required));
            rejecting = Set.copyOf(rejecting);
        }
    }
}
