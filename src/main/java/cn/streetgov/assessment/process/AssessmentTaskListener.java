package cn.streetgov.assessment.process;

import static cn.streetgov.assessment.process.AssessmentCaseProcess.bool;
import static cn.streetgov.assessment.process.AssessmentCaseProcess.integer;
import static cn.streetgov.assessment.process.AssessmentCaseProcess.number;
import static cn.streetgov.assessment.process.AssessmentCaseProcess.string;

import cn.streetgov.assessment.domain.AssessmentCase;
import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.domain.AssessmentService.Actor;
import cn.streetgov.assessment.domain.AssessmentService.Scores;
import cn.streetgov.assessment.domain.Grade;
import cn.streetgov.assessment.domain.SelfStatus;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Elements;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Vars;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.org.domain.PostRole;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of each user task of agency-assessment-case: checks the submitted decision
 * (Chinese reasons; the completion is refused and nothing is written), lets DMN assessment-grade
 * grade any changed score, enforces the cap on EXCELLENT, and records the decision in the case's tables.
 */
@Component("assessmentTaskListener")
class AssessmentTaskListener implements TaskListener {

    static final String CONFIRM = "CONFIRM";
    static final String ADJUST = "ADJUST";
    static final String UPHOLD = "UPHOLD";
    static final String REJECT = "REJECT";
    static final String KEEP = "KEEP";
    static final String CHANGE = "CHANGE";
    static final List<String> SUGGESTION_ACTIONS = List.of("REMOVE", "TRANSFER");

    private final AssessmentService assessments;
    private final GradeRules rules;

    AssessmentTaskListener(AssessmentService assessments, GradeRules rules) {
        this.assessments = assessments;
        this.rules = rules;
    }

    @Override
    public void notify(DelegateTask task) {
        Long caseId = (Long) task.getVariable(Vars.CASE_ID);
        String key = task.getTaskDefinitionKey();
        String orgCode = string(task.getVariable(Vars.ORG_CODE));
        String committee = PostRole.STREET_COMMITTEE.groupId(orgCode);
        switch (key) {
            case Elements.SELF_EVALUATE -> {
                Integer score = integer(task.getVariable(Vars.SELF_SCORE));
                assessments.recordSelfEvaluation(caseId, score, string(task.getVariable(Vars.SELF_REPORT)),
                        actor(task, PostRole.AGENCY.groupId(string(task.getVariable(Vars.AGENCY_CODE)))), key);
                task.setVariable(Vars.SELF_SCORE, score);
                task.setVariable(Vars.SELF_STATUS, SelfStatus.SUBMITTED.name());
            }
            case Elements.SCORE -> score(task, caseId, actor(task, PostRole.STREET_OFFICE.groupId(orgCode)));
            case Elements.COMMITTEE -> committee(task, caseId, actor(task, committee));
            case Elements.REVIEW_OBJECTION -> review(task, caseId, actor(task, committee));
            case Elements.ARBITRATE -> arbitrate(task, caseId, actor(task, PostRole.ASSESSMENT_OFFICE.groupId(null)));
            case Elements.DECIDE_SUGGESTION -> suggestion(task, caseId, actor(task, committee));
            default -> {
                // no decision to record
            }
        }
    }

    private void score(DelegateTask task, Long caseId, Actor actor) {
        Boolean veto = bool(task.getVariable(Vars.VETO_ITEM));
        Scores scores = new Scores(integer(task.getVariable(Vars.SCORE_COMMAND)),
                integer(task.getVariable(Vars.SCORE_DUTY)), integer(task.getVariable(Vars.SCORE_STYLE)),
                integer(task.getVariable(Vars.SCORE_COOPERATION)), integer(task.getVariable(Vars.SCORE_SATISFACTION)),
                Boolean.TRUE.equals(veto), string(task.getVariable(Vars.VETO_REASON)),
                string(task.getVariable(Vars.SCORE_CHANGE_REASON)));
        assessments.recordScores(caseId, scores, actor, task.getTaskDefinitionKey());
        task.setVariable(Vars.SCORE_COMMAND, scores.command());
        task.setVariable(Vars.SCORE_DUTY, scores.duty());
        task.setVariable(Vars.SCORE_STYLE, scores.style());
        task.setVariable(Vars.SCORE_COOPERATION, scores.cooperation());
        task.setVariable(Vars.SCORE_SATISFACTION, scores.satisfaction());
        task.setVariable(Vars.VETO_ITEM, scores.veto());
        task.setVariable(Vars.ADJUSTED_SCORE, null);
    }

    private void committee(DelegateTask task, Long caseId, Actor actor) {
        String decision = string(task.getVariable(Vars.COMMITTEE_DECISION));
        String reason = trimmed(task.getVariable(Vars.ADJUST_REASON));
        GradeRules.Result result;
        Double adjusted = null;
        if (CONFIRM.equals(decision)) {
            AssessmentCase c = assessments.requireCase(caseId);
            result = new GradeRules.Result(c.getProposedScore().doubleValue(), c.getProposedGrade().name());
        } else if (ADJUST.equals(decision)) {
            adjusted = requireScore(task.getVariable(Vars.ADJUSTED_SCORE), "调整后的总分",
                    reason == null ? "请填写调整理由" : null);
            result = rules.evaluate(task, adjusted);
        } else {
            throw new InvalidInputException("请选择审定意见: 确认（CONFIRM）或调整（ADJUST）");
        }
        assessments.recordCommittee(caseId, decision, adjusted, reason, result.totalScore(), result.grade(), actor,
                task.getTaskDefinitionKey());
        task.setVariable(Vars.ADJUSTED_SCORE, adjusted);
        setResult(task, result);
    }

    private void review(DelegateTask task, Long caseId, Actor actor) {
        String decision = string(task.getVariable(Vars.REVIEW_DECISION));
        String comment = trimmed(task.getVariable(Vars.REVIEW_COMMENT));
        GradeRules.Result result;
        if (UPHOLD.equals(decision)) {
            double score = requireScore(task.getVariable(Vars.REVIEWED_SCORE), "复核后的总分",
                    comment == null ? "请填写复核意见" : null);
            result = rules.evaluate(task, score);
        } else if (REJECT.equals(decision)) {
            requireComment(comment, "请填写复核意见（维持原结果的理由）");
            result = current(caseId);
        } else {
            throw new InvalidInputException("请选择复核意见: 异议成立（UPHOLD）或不成立（REJECT）");
        }
        assessments.recordObjectionDecision(caseId, decision, result.totalScore(), result.grade(), comment, actor,
                task.getTaskDefinitionKey());
        setResult(task, result);
    }

    private void arbitrate(DelegateTask task, Long caseId, Actor actor) {
        String decision = string(task.getVariable(Vars.ARBITRATION_DECISION));
        String comment = trimmed(task.getVariable(Vars.ARBITRATION_COMMENT));
        GradeRules.Result result;
        if (CHANGE.equals(decision)) {
            double score = requireScore(task.getVariable(Vars.ARBITRATED_SCORE), "裁决后的总分",
                    comment == null ? "请填写裁决意见" : null);
            result = rules.evaluate(task, score);
        } else if (KEEP.equals(decision)) {
            requireComment(comment, "请填写裁决意见");
            result = current(caseId);
        } else {
            throw new InvalidInputException("请选择裁决结果: 维持（KEEP）或变更（CHANGE）");
        }
        assessments.recordObjectionDecision(caseId, decision, result.totalScore(), result.grade(), comment, actor,
                task.getTaskDefinitionKey());
        setResult(task, result);
    }

    private void suggestion(DelegateTask task, Long caseId, Actor actor) {
        Boolean use = bool(task.getVariable(Vars.USE_SUGGESTION));
        if (use == null) {
            throw new InvalidInputException("请选择是否行使人事任免建议权");
        }
        String reason = trimmed(task.getVariable(Vars.SUGGESTION_REASON));
        String action = string(task.getVariable(Vars.SUGGESTION_ACTION));
        if (use) {
            action = action == null || action.isBlank() ? SUGGESTION_ACTIONS.get(0) : action;
            if (!SUGGESTION_ACTIONS.contains(action)) {
                throw new InvalidInputException("建议类型应为免职（REMOVE）或调整（TRANSFER）");
            }
            requireComment(reason, "请填写建议理由");
        }
        assessments.recordSuggestionDecision(caseId, use, action, reason, actor, task.getTaskDefinitionKey());
        task.setVariable(Vars.USE_SUGGESTION, use);
        task.setVariable(Vars.SUGGESTION_ACTION, use ? action : null);
    }

    private GradeRules.Result current(Long caseId) {
        AssessmentCase c = assessments.requireCase(caseId);
        return new GradeRules.Result(c.getTotalScore().doubleValue(), c.getGrade().name());
    }

    private static void setResult(DelegateTask task, GradeRules.Result result) {
        task.setVariable(Vars.TOTAL_SCORE, result.totalScore());
        task.setVariable(Vars.GRADE, result.grade());
        task.setVariable(Vars.GRADE_LABEL, Grade.of(result.grade()).label());
    }

    /** A score 0–100 (two decimals at most), reported together with a missing reason if there is one. */
    private static double requireScore(Object value, String label, String missingReason) {
        Double score = number(value);
        List<String> errors = new java.util.ArrayList<>();
        if (score == null || score < 0 || score > 100) {
            errors.add(label + "应为 0 到 100 的分数");
        }
        if (missingReason != null) {
            errors.add(missingReason);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return Math.round(score * 100) / 100.0;
    }

    private static void requireComment(String comment, String message) {
        if (comment == null) {
            throw new InvalidInputException(message);
        }
    }

    private static String trimmed(Object value) {
        String text = string(value);
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > AssessmentService.TEXT_MAX) {
            throw new InvalidInputException("填写的内容不能超过 " + AssessmentService.TEXT_MAX + " 个字");
        }
        return text.trim();
    }

    /** The kernel's actor, recorded for the given organisation. */
    static Actor actor(DelegateTask task, String group) {
        return new Actor(cn.streetgov.casework.Actor.of(task).userId(), group);
    }
}
