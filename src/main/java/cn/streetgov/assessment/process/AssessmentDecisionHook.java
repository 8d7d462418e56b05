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
import cn.streetgov.casework.DecisionHook;
import cn.streetgov.casework.RecordedDecision;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What agency-assessment-case does after the kernel has checked and recorded a decision: the
 * checks only it knows (scores 0–100, a reason for a changed pre-filled score), DMN
 * assessment-grade for any changed score, the cap on EXCELLENT, the case's state and variables,
 * and the score and grade added to the recorded decision.
 */
@Component
class AssessmentDecisionHook implements DecisionHook {

    static final String VETO = "VETO";
    static final String CONFIRM = "CONFIRM";
    static final String ADJUST = "ADJUST";
    static final String UPHOLD = "UPHOLD";
    static final String CHANGE = "CHANGE";
    static final List<String> SUGGESTION_ACTIONS = List.of("REMOVE", "TRANSFER");

    private final AssessmentService assessments;
    private final GradeRules rules;

    AssessmentDecisionHook(AssessmentService assessments, GradeRules rules) {
        this.assessments = assessments;
        this.rules = rules;
    }

    @Override
    public String processKey() {
        return AssessmentCaseProcess.KEY;
    }

    @Override
    public void onDecision(DelegateTask task, RecordedDecision decision) {
        Long caseId = (Long) task.getVariable(Vars.CASE_ID);
        String key = task.getTaskDefinitionKey();
        String orgCode = string(task.getVariable(Vars.ORG_CODE));
        String committee = PostRole.STREET_COMMITTEE.groupId(orgCode);
        switch (key) {
            case Elements.SELF_EVALUATE -> {
                Integer score = integer(task.getVariable(Vars.SELF_SCORE));
                assessments.recordSelfEvaluation(caseId, score, decision.comment(),
                        actor(decision, PostRole.AGENCY.groupId(string(task.getVariable(Vars.AGENCY_CODE)))));
                decision.amend(decision.decision(), Map.of("score", score));
                task.setVariable(Vars.SELF_SCORE, score);
                task.setVariable(Vars.SELF_STATUS, SelfStatus.SUBMITTED.name());
            }
            case Elements.SCORE -> score(task, decision, caseId,
                    actor(decision, PostRole.STREET_OFFICE.groupId(orgCode)));
            case Elements.COMMITTEE -> committee(task, decision, caseId, actor(decision, committee));
            case Elements.REVIEW_OBJECTION -> objection(task, decision, caseId, actor(decision, committee), UPHOLD,
                    Vars.REVIEWED_SCORE, "复核后的总分");
            case Elements.ARBITRATE -> objection(task, decision, caseId,
                    actor(decision, PostRole.ASSESSMENT_OFFICE.groupId(null)), CHANGE, Vars.ARBITRATED_SCORE,
                    "裁决后的总分");
            case Elements.DECIDE_SUGGESTION -> suggestion(task, decision, caseId, actor(decision, committee));
            default -> {
                // no decision to record
            }
        }
    }

    private void score(DelegateTask task, RecordedDecision decision, Long caseId, Actor actor) {
        Boolean veto = bool(task.getVariable(Vars.VETO_ITEM));
        Scores scores = new Scores(integer(task.getVariable(Vars.SCORE_COMMAND)),
                integer(task.getVariable(Vars.SCORE_DUTY)), integer(task.getVariable(Vars.SCORE_STYLE)),
                integer(task.getVariable(Vars.SCORE_COOPERATION)), integer(task.getVariable(Vars.SCORE_SATISFACTION)),
                Boolean.TRUE.equals(veto), string(task.getVariable(Vars.VETO_REASON)),
                string(task.getVariable(Vars.SCORE_CHANGE_REASON)));
        assessments.recordScores(caseId, scores, actor);
        if (scores.veto()) {
            decision.amend(VETO, Map.of());
        }
        task.setVariable(Vars.SCORE_COMMAND, scores.command());
        task.setVariable(Vars.SCORE_DUTY, scores.duty());
        task.setVariable(Vars.SCORE_STYLE, scores.style());
        task.setVariable(Vars.SCORE_COOPERATION, scores.cooperation());
        task.setVariable(Vars.SCORE_SATISFACTION, scores.satisfaction());
        task.setVariable(Vars.VETO_ITEM, scores.veto());
        task.setVariable(Vars.ADJUSTED_SCORE, null);
    }

    private void committee(DelegateTask task, RecordedDecision recorded, Long caseId, Actor actor) {
        String decision = recorded.decision();
        String reason = recorded.comment();
        GradeRules.Result result;
        Double adjusted = null;
        if (CONFIRM.equals(decision)) {
            AssessmentCase c = assessments.requireCase(caseId);
            result = new GradeRules.Result(c.getProposedScore().doubleValue(), c.getProposedGrade().name());
        } else if (ADJUST.equals(decision)) {
            adjusted = requireScore(task.getVariable(Vars.ADJUSTED_SCORE), "调整后的总分", null);
            result = rules.evaluate(task, adjusted);
        } else {
            throw new IllegalStateException("declared values only: " + decision);
        }
        assessments.recordCommittee(caseId, decision, adjusted, reason, result.totalScore(), result.grade(), actor);
        task.setVariable(Vars.ADJUSTED_SCORE, adjusted);
        setResult(task, result);
        recorded.amend(decision, Map.of(Vars.TOTAL_SCORE, result.totalScore(), Vars.GRADE, result.grade()));
    }

    /**
     * The committee's re-review or the office's arbitration of an objection: the value that
     * changes the result re-grades the given score, the other keeps the current result.
     */
    private void objection(DelegateTask task, RecordedDecision recorded, Long caseId, Actor actor,
            String changingValue, String scoreVariable, String scoreLabel) {
        String decision = recorded.decision();
        GradeRules.Result result = changingValue.equals(decision)
                ? rules.evaluate(task, requireScore(task.getVariable(scoreVariable), scoreLabel, null))
                : current(caseId);
        assessments.recordObjectionDecision(caseId, decision, result.totalScore(), result.grade(), recorded.comment(),
                actor);
        setResult(task, result);
        recorded.amend(decision, Map.of(Vars.TOTAL_SCORE, result.totalScore(), Vars.GRADE, result.grade()));
    }

    private void suggestion(DelegateTask task, RecordedDecision recorded, Long caseId, Actor actor) {
        boolean use = Boolean.parseBoolean(recorded.decision());
        String reason = recorded.comment();
        String action = string(task.getVariable(Vars.SUGGESTION_ACTION));
        if (use) {
            action = action == null || action.isBlank() ? SUGGESTION_ACTIONS.get(0) : action;
            if (!SUGGESTION_ACTIONS.contains(action)) {
                throw new InvalidInputException("建议类型应为免职（REMOVE）或调整（TRANSFER）");
            }
            recorded.amend(recorded.decision(), Map.of(Vars.SUGGESTION_ACTION, action));
        }
        assessments.recordSuggestionDecision(caseId, use, action, reason, actor);
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



    /** The kernel's actor, recorded for the given organisation. */
    /** The kernel's actor, recorded by the assessment's tables for the given organisation. */
    static Actor actor(RecordedDecision decision, String group) {
        return new Actor(decision.actor().userId(), group);
    }
}
