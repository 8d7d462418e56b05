package cn.streetgov.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.streetgov.assessment.domain.AssessmentCampaign;
import cn.streetgov.assessment.domain.AssessmentCase;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.assessment.domain.AssessmentObjection;
import cn.streetgov.assessment.process.AssessmentCaseProcess;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Elements;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Vars;
import cn.streetgov.common.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Process agency-assessment-case: one test per path, asserting where it went and what it wrote. */
class AgencyAssessmentCaseProcessTest extends AssessmentTestSupport {

    @Test
    void shouldRecordAnOnTimeSelfEvaluationAndFinaliseAConfirmedResultAfterPublicity() {
        AssessmentCampaign campaign = campaign();
        ProcessInstance instance = startCase(campaign, "S01-GA");

        assertThat(instance.getBusinessKey()).isEqualTo("KH-" + campaign.getPeriod() + "-S01-GA");
        assertThat(instance).isWaitingAt(Elements.SELF_EVALUATE).task().hasCandidateGroup("agency-S01-GA");
        assertThat(task(instance, Elements.SELF_EVALUATE).getDueDate()).isNotNull();
        // never summoned in that period: the command score is pre-filled with the configured default
        AssessmentCase attached = record(instance);
        assertThat(attached.getObjSummoned()).isZero();
        assertThat(attached.getPrefilledCommand()).isEqualTo(100);
        assertThat(runtimeService.getVariable(instance.getId(), Vars.SCORE_COMMAND)).isEqualTo(100);

        selfEvaluate(instance, "s01-ga-head", 92);
        assertThat(instance).isWaitingAt(Elements.SCORE).task().hasCandidateGroup("street-office-S01");
        complete("s01-off", task(instance, Elements.SCORE), scores(100, 85, 80, 80, 80));
        assertThat(instance).isWaitingAt(Elements.COMMITTEE).task().hasCandidateGroup("street-committee-S01");
        assertThat(runtimeService.getVariable(instance.getId(), Vars.PROPOSED_GRADE)).isEqualTo("GOOD");
        confirm(instance, "s01-sec");

        assertThat(instance).isWaitingAt(Elements.PUBLICITY_GATEWAY);
        assertThat(record(instance).getStatus().name()).isEqualTo("PUBLICITY");
        endPublicity(instance);

        assertThat(instance).hasPassed(Elements.SELF_EVALUATE, Elements.PROPOSE_GRADE, Elements.PUBLICITY_ENDED,
                Elements.FINALISE).hasNotPassed(Elements.SELF_MISSED, Elements.DECIDE_SUGGESTION).isEnded();
        assertThat(instance).hasPassed(Elements.FINAL);
        AssessmentCase done = record(instance);
        assertThat(done.getSelfStatus().name()).isEqualTo("SUBMITTED");
        assertThat(done.getSelfScore()).isEqualTo(92);
        assertThat(done.getSelfBy()).isEqualTo("s01-ga-head");
        assertThat(done.getScoredBy()).isEqualTo("s01-off");
        assertThat(done.getScoredGroup()).isEqualTo("street-office-S01");
        assertThat(done.getCommitteeDecision()).isEqualTo("CONFIRM");
        assertThat(done.getCommitteeBy()).isEqualTo("s01-sec");
        // 100*.25 + 85*.25 + 80*.15 + 80*.15 + 80*.20 = 86.25
        assertThat(done.getTotalScore()).isEqualByComparingTo("86.25");
        assertThat(done.getGrade().name()).isEqualTo("GOOD");
        assertThat(done.getStatus().name()).isEqualTo("FINAL");
        assertThat(done.getFinalisedAt()).isNotNull();
        assertThat(assessments.decisionsOf(done.getId())).extracting(CaseDecision::getTaskKey)
                .containsExactly(Elements.SELF_EVALUATE, Elements.SCORE, Elements.COMMITTEE);
        // the kernel's one record: the committee's decision with its label, who, for which organisation,
        // and the score and grade the hook worked out (also as the audit trail's context)
        assertThat(assessments.decisionsOf(done.getId())).last().satisfies(d -> {
            assertThat(d.getDecision()).isEqualTo("CONFIRM");
            assertThat(d.getDecisionLabel()).isEqualTo("确认");
            assertThat(d.getActorUser()).isEqualTo("s01-sec");
            assertThat(d.getActorGroup()).isEqualTo("street-committee-S01");
            assertThat(d.getDetails()).contains("\"grade\":\"GOOD\"").contains("\"totalScore\":86.25");
        });
    }

    @Test
    void shouldRecordAMissedSelfEvaluationAndGoOn() {
        ProcessInstance instance = startCase(campaign(), "S02-SCJG");

        advanceClockAndRunDueJobs(instance, 10 * DAY + 1);

        assertThat(instance).hasPassed(Elements.SELF_DEADLINE, Elements.SELF_MISSED).isWaitingAt(Elements.SCORE);
        AssessmentCase c = record(instance);
        assertThat(c.getSelfStatus().name()).isEqualTo("NOT_SUBMITTED");
        assertThat(c.getSelfScore()).isNull();
        assertThat(assessments.decisionsOf(c.getId())).extracting(CaseDecision::getDecision, CaseDecision::getType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NOT_SUBMITTED", CaseDecision.Type.SYSTEM));
        assertThat(runtimeService.getVariable(instance.getId(), Vars.SELF_STATUS)).isEqualTo("NOT_SUBMITTED");
    }

    @Test
    void shouldRefuseAChangedPrefilledScoreWithoutAReason() {
        ProcessInstance instance = startCase(campaign(), "S01-SCJG");
        selfEvaluate(instance, "s01-scjg-head", 80);

        Map<String, Object> changed = scores(70, 80, 80, 80, 80);
        assertThatThrownBy(() -> complete("s01-off", task(instance, Elements.SCORE), changed))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("修改预填指挥调度分的理由");
        assertThat(instance).isWaitingAt(Elements.SCORE);
        assertThat(record(instance).getScoredAt()).isNull();

        changed.put(Vars.SCORE_CHANGE_REASON, "两次吹哨未按时报到");
        complete("s01-off", task(instance, Elements.SCORE), changed);
        AssessmentCase c = record(instance);
        assertThat(c.getScoreCommand()).isEqualTo(70);
        assertThat(c.getScoreChangeReason()).isEqualTo("两次吹哨未按时报到");
        assertThat(instance).isWaitingAt(Elements.COMMITTEE);
    }

    @Test
    void shouldFailAVetoedAgencyAndEndWithoutASuggestionWhenTheCommitteeDeclines() {
        ProcessInstance instance = startCase(campaign(), "S03-GA");
        selfEvaluate(instance, "s03-ga-head", 95);
        Map<String, Object> vetoed = scores(100, 100, 100, 100, 100);
        vetoed.put(Vars.VETO_ITEM, true);
        assertThatThrownBy(() -> complete("s03-off", task(instance, Elements.SCORE), vetoed))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("一票否决");
        vetoed.put(Vars.VETO_REASON, "辖区发生重大安全责任事故");
        complete("s03-off", task(instance, Elements.SCORE), vetoed);

        assertThat(runtimeService.getVariable(instance.getId(), Vars.PROPOSED_GRADE)).isEqualTo("FAIL");
        confirm(instance, "s03-sec");
        endPublicity(instance);

        assertThat(instance).isWaitingAt(Elements.DECIDE_SUGGESTION).task().hasCandidateGroup("street-committee-S03");
        complete("s03-sec", task(instance, Elements.DECIDE_SUGGESTION), Map.of(Vars.USE_SUGGESTION, false));

        assertThat(instance).hasPassed(Elements.NO_SUGGESTION).hasNotPassed(Elements.SEND_SUGGESTION).isEnded();
        AssessmentCase c = record(instance);
        assertThat(c.isVetoItem()).isTrue();
        assertThat(c.getVetoReason()).isEqualTo("辖区发生重大安全责任事故");
        assertThat(c.getTotalScore()).isEqualByComparingTo("100");
        assertThat(c.getGrade().name()).isEqualTo("FAIL");
        assertThat(c.getUseSuggestion()).isFalse();
        assertThat(c.getSuggestionBy()).isEqualTo("s03-sec");
        assertThat(c.getSuggestionSentAt()).isNull();
    }

    @Test
    void shouldAdjustTheTotalWithAReasonAndRegradeIt() {
        ProcessInstance instance = startCase(campaign(), "S02-GA");
        selfEvaluate(instance, "s02-ga-head", 90);
        scoreAll(instance, "s02-off", 100);

        assertThatThrownBy(() -> complete("s02-sec", task(instance, Elements.COMMITTEE),
                Map.of(Vars.COMMITTEE_DECISION, "ADJUST", Vars.ADJUSTED_SCORE, 78.5)))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("调整理由");
        complete("s02-sec", task(instance, Elements.COMMITTEE), Map.of(Vars.COMMITTEE_DECISION, "ADJUST",
                Vars.ADJUSTED_SCORE, 78.5, Vars.ADJUST_REASON, "群众投诉较多"));

        AssessmentCase c = record(instance);
        assertThat(c.getProposedScore()).isEqualByComparingTo("100");
        assertThat(c.getProposedGrade().name()).isEqualTo("EXCELLENT");
        assertThat(c.getCommitteeDecision()).isEqualTo("ADJUST");
        assertThat(c.getAdjustedScore()).isEqualByComparingTo("78.5");
        assertThat(c.getAdjustReason()).isEqualTo("群众投诉较多");
        assertThat(c.getTotalScore()).isEqualByComparingTo("78.5");
        assertThat(c.getGrade().name()).isEqualTo("PASS");
        assertThat(runtimeService.getVariable(instance.getId(), Vars.GRADE)).isEqualTo("PASS");
        assertThat(instance).isWaitingAt(Elements.PUBLICITY_GATEWAY);
    }

    @Test
    void shouldRefuseAnExcellentBeyondTheStreetsCap() {
        AssessmentCampaign campaign = campaign();
        ProcessInstance first = startCase(campaign, "T01-CGZF");
        ProcessInstance second = startCase(campaign, "T01-GA");
        ProcessInstance third = startCase(campaign, "T01-SCJG");
        selfEvaluate(first, "t01-cgzf-head", 95);
        selfEvaluate(second, "t01-ga-head", 95);
        selfEvaluate(third, "t01-scjg-head", 95);
        scoreAll(first, "t01-off", 95);
        scoreAll(second, "t01-off", 95);
        confirm(first, "t01-sec");

        // 3 agencies × 30 % → at most 1 EXCELLENT in 青山镇
        assertThatThrownBy(() -> confirm(second, "t01-sec")).hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("青山镇").hasMessageContaining("最多 1 个");
        assertThat(second).isWaitingAt(Elements.COMMITTEE);
        assertThat(record(second).getCommitteeDecision()).isNull();

        complete("t01-sec", task(second, Elements.COMMITTEE), Map.of(Vars.COMMITTEE_DECISION, "ADJUST",
                Vars.ADJUSTED_SCORE, 89, Vars.ADJUST_REASON, "优秀名额已满"));
        assertThat(record(first).getGrade().name()).isEqualTo("EXCELLENT");
        assertThat(record(second).getGrade().name()).isEqualTo("GOOD");
        assertThat(third).isWaitingAt(Elements.SCORE);
    }

    @Test
    void shouldChangeTheScoreWhenTheCommitteeUpholdsAnObjection() {
        ProcessInstance instance = startCase(campaign(), "S01-CGZF");
        scoreAndConfirm(instance, "s01", "s01-cgzf-head", 75);
        assertThat(record(instance).getGrade().name()).isEqualTo("PASS");

        object(instance, "协作配合得分未考虑本期专项整治中的配合工作");
        assertThat(instance).hasPassed(Elements.OBJECTION, Elements.RECORD_OBJECTION)
                .isWaitingAt(Elements.REVIEW_OBJECTION).task().hasCandidateGroup("street-committee-S01");
        assertThat(record(instance).getStatus().name()).isEqualTo("OBJECTION");

        complete("s01-sec", task(instance, Elements.REVIEW_OBJECTION), Map.of(Vars.REVIEW_DECISION, "UPHOLD",
                Vars.REVIEWED_SCORE, 81, Vars.REVIEW_COMMENT, "核实后予以加分"));
        assertThat(instance).hasPassed(Elements.REPUBLISH).isWaitingAt(Elements.REVIEW_PUBLICITY_GATEWAY);
        assertThat(record(instance).getStatus().name()).isEqualTo("PUBLICITY");
        endPublicity(instance);

        assertThat(instance).hasPassed(Elements.REVIEW_PUBLICITY_ENDED, Elements.FINAL).isEnded();
        AssessmentCase c = record(instance);
        assertThat(c.getTotalScore()).isEqualByComparingTo("81");
        assertThat(c.getGrade().name()).isEqualTo("GOOD");
        assertThat(c.getStatus().name()).isEqualTo("FINAL");
        assertThat(c.getObjectionCount()).isEqualTo(1);
        List<AssessmentObjection> objections = assessments.objectionsOf(c.getId());
        assertThat(objections).hasSize(1);
        assertThat(objections.get(0).getReason()).contains("专项整治");
        assertThat(objections.get(0).getDecision()).isEqualTo("UPHOLD");
        assertThat(objections.get(0).getDecidedBy()).isEqualTo("s01-sec");
        assertThat(objections.get(0).getDecidedScore()).isEqualByComparingTo("81");
    }

    @Test
    void shouldKeepTheResultWhenTheObjectionIsRejected() {
        ProcessInstance instance = startCase(campaign(), "S02-CGZF");
        scoreAndConfirm(instance, "s02", "s02-cgzf-head", 85);

        object(instance, "评分偏低");
        assertThatThrownBy(() -> complete("s02-sec", task(instance, Elements.REVIEW_OBJECTION),
                Map.of(Vars.REVIEW_DECISION, "REJECT"))).hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("复核意见");
        complete("s02-sec", task(instance, Elements.REVIEW_OBJECTION), Map.of(Vars.REVIEW_DECISION, "REJECT",
                Vars.REVIEW_COMMENT, "评分有据，维持原结果"));
        endPublicity(instance);

        assertThat(instance).hasPassed(Elements.REVIEW_PUBLICITY_ENDED).hasNotPassed(Elements.ARBITRATE).isEnded();
        AssessmentCase c = record(instance);
        assertThat(c.getTotalScore()).isEqualByComparingTo("85");
        assertThat(c.getGrade().name()).isEqualTo("GOOD");
        assertThat(assessments.objectionsOf(c.getId()).get(0).getDecision()).isEqualTo("REJECT");
    }

    @Test
    void shouldLetTheAssessmentOfficeArbitrateWhenTheAgencyStillObjects() {
        ProcessInstance instance = startCase(campaign(), "S03-CGZF");
        scoreAndConfirm(instance, "s03", "s03-cgzf-head", 62);

        object(instance, "评分偏低");
        complete("s03-sec", task(instance, Elements.REVIEW_OBJECTION), Map.of(Vars.REVIEW_DECISION, "REJECT",
                Vars.REVIEW_COMMENT, "维持原结果"));
        assertThatThrownBy(() -> object(instance, " ")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("异议理由");
        object(instance, "仍不服复核结果，申请裁决");

        assertThat(instance).hasPassed(Elements.STILL_OBJECTS, Elements.RECORD_SECOND_OBJECTION)
                .isWaitingAt(Elements.ARBITRATE).task().hasCandidateGroup("assessment-office");
        complete("kaohe", task(instance, Elements.ARBITRATE), Map.of(Vars.ARBITRATION_DECISION, "CHANGE",
                Vars.ARBITRATED_SCORE, 70.5, Vars.ARBITRATION_COMMENT, "工作作风项扣分依据不足"));

        assertThat(instance).hasPassed(Elements.FINAL).isEnded();
        AssessmentCase c = record(instance);
        assertThat(c.getTotalScore()).isEqualByComparingTo("70.5");
        assertThat(c.getGrade().name()).isEqualTo("PASS");
        assertThat(c.getStatus().name()).isEqualTo("FINAL");
        assertThat(c.getObjectionCount()).isEqualTo(2);
        List<AssessmentObjection> objections = assessments.objectionsOf(c.getId());
        assertThat(objections).extracting(AssessmentObjection::getDecision).containsExactly("REJECT", "CHANGE");
        assertThat(objections.get(1).getDecidedBy()).isEqualTo("kaohe");
        assertThat(objections.get(1).getDecidedGroup()).isEqualTo("assessment-office");
    }

    @Test
    void shouldSendAStreetSuggestionWhenTheCommitteeUsesItAfterAFail() {
        ProcessInstance instance = startCase(campaign(), "S02-SCJG");
        scoreAndConfirm(instance, "s02", "s02-scjg-head", 50);
        endPublicity(instance);
        assertThat(record(instance).getGrade().name()).isEqualTo("FAIL");

        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.USE_SUGGESTION, "true");
        assertThatThrownBy(() -> complete("s02-sec", task(instance, Elements.DECIDE_SUGGESTION), vars))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("建议理由");
        vars.put(Vars.SUGGESTION_REASON, "连续两期考核排名末位，建议调整负责人");
        vars.put(Vars.SUGGESTION_ACTION, "TRANSFER");
        complete("s02-sec", task(instance, Elements.DECIDE_SUGGESTION), vars);

        // the message is sent asynchronously: a failure becomes a retryable incident, not a lost decision
        assertThat(instance).isWaitingAt(Elements.SEND_SUGGESTION);
        Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
        managementService.executeJob(job.getId());

        assertThat(instance).hasPassed(Elements.SUGGESTION_SENT).isEnded();
        AssessmentCase c = record(instance);
        assertThat(c.getUseSuggestion()).isTrue();
        assertThat(c.getSuggestionAction()).isEqualTo("TRANSFER");
        assertThat(c.getSuggestionSentAt()).isNotNull();
        // workflow 2's street-suggestion received it: the department (市场监管局) now has to answer
        ProcessInstance suggestion = runtimeService.createProcessInstanceQuery()
                .processInstanceId(c.getSuggestionInstanceId()).singleResult();
        assertThat(suggestion).isNotNull();
        assertThat(repositoryService.getProcessDefinition(suggestion.getProcessDefinitionId()).getKey())
                .isEqualTo(AssessmentCaseProcess.MESSAGE_STREET_SUGGESTION);
        assertThat(taskService.createTaskQuery().processInstanceId(suggestion.getId()).taskCandidateGroup("dept-SCJG")
                .count()).isOne();
        assertThat(runtimeService.getVariable(suggestion.getId(), "agencyCode")).isEqualTo("S02-SCJG");
        assertThat(runtimeService.getVariable(suggestion.getId(), "action")).isEqualTo("TRANSFER");
        assertThat((String) runtimeService.getVariable(suggestion.getId(), "reason")).contains("建议调整负责人");
    }

    @Test
    void shouldRefuseACaseWithoutCampaign() {
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(AssessmentCaseProcess.KEY,
                Map.of(Vars.AGENCY_CODE, "S01-GA"))).isInstanceOf(InvalidInputException.class);
    }
}
