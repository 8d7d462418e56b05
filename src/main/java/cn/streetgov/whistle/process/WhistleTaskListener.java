package cn.streetgov.whistle.process;

import static cn.streetgov.whistle.process.WhistleProcess.string;

import cn.streetgov.common.InvalidInputException;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.whistle.domain.WhistleCaseService;
import cn.streetgov.whistle.process.WhistleProcess.Elements;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * On completion of each user task of whistle-dispatch: checks the submitted decision (Chinese
 * reasons, the completion is refused and nothing is written) and records it in the case's tables.
 */
@Component("whistleTaskListener")
class WhistleTaskListener implements TaskListener {

    static final int NOTE_MAX = 4000;

    private final WhistleCaseService cases;

    WhistleTaskListener(WhistleCaseService cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        Long caseId = (Long) task.getVariable(Vars.CASE_ID);
        String key = task.getTaskDefinitionKey();
        String actor = actor(task);
        String orgGroup = PostRole.STREET_OFFICE.groupId(string(task.getVariable(Vars.ORG_CODE)));
        switch (key) {
            case Elements.REPORT -> {
                String deptCode = string(task.getVariable(Vars.DEPT_CODE));
                cases.recordReport(caseId, deptCode, requireText(task, Vars.REPORT_NOTE, "报到说明"), actor, key);
            }
            case Elements.HANDLE ->
                    cases.recordHandling(caseId, requireText(task, Vars.HANDLING_NOTE, "处置情况"), actor, orgGroup, key);
            case Elements.CONFIRM -> {
                boolean resolved = requireBoolean(task, Vars.RESOLVED);
                task.setVariable(Vars.RESOLVED, resolved);
                cases.recordConfirmation(caseId, resolved, optionalText(task, Vars.CONFIRM_COMMENT), actor, orgGroup,
                        key);
            }
            case Elements.FOLLOW_UP -> {
                int satisfaction = requireSatisfaction(task);
                task.setVariable(Vars.SATISFACTION, satisfaction);
                cases.recordFollowUp(caseId, satisfaction, optionalText(task, Vars.FOLLOW_UP_COMMENT), actor, orgGroup,
                        key);
            }
            default -> {
                // no decision to record
            }
        }
    }

    private static String actor(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return auth == null ? null : auth.getUserId();
    }

    private static String requireText(DelegateTask task, String variable, String label) {
        String text = optionalText(task, variable);
        if (text == null) {
            throw new InvalidInputException("请填写" + label);
        }
        return text;
    }

    private static String optionalText(DelegateTask task, String variable) {
        String text = string(task.getVariable(variable));
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > NOTE_MAX) {
            throw new InvalidInputException("填写的内容不能超过 " + NOTE_MAX + " 个字");
        }
        return text.trim();
    }

    private static boolean requireBoolean(DelegateTask task, String variable) {
        Object value = task.getVariable(variable);
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equalsIgnoreCase(string(value)) || "false".equalsIgnoreCase(string(value))) {
            return Boolean.parseBoolean(string(value));
        }
        throw new InvalidInputException("请选择问题是否已解决");
    }

    private static int requireSatisfaction(DelegateTask task) {
        Object value = task.getVariable(Vars.SATISFACTION);
        Integer score = null;
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            score = n.intValue();
        } else if (value != null) {
            try {
                score = Integer.valueOf(value.toString().trim());
            } catch (NumberFormatException e) {
                score = null;
            }
        }
        if (score == null || score < 1 || score > 5) {
            throw new InvalidInputException("群众满意度应为 1 到 5 分");
        }
        return score;
    }
}
