package cn.streetgov.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.streetgov.assessment.domain.AssessmentCampaign;
import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Elements;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.common.PublicErrors;
import cn.streetgov.common.RacePoints;
import cn.streetgov.test.Race;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cap on EXCELLENT holds when two committee decisions of one street are taken at the same
 * moment, each in its own transaction through the engine (TaskService.complete in two threads).
 */
class ExcellentCapRaceTest extends AssessmentTestSupport {

    private final List<ProcessInstance> started = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        for (ProcessInstance instance : started) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
                runtimeService.deleteProcessInstance(instance.getId(), "test clean-up", true, true);
            }
        }
    }

    @Test
    void shouldHoldTheCapWhenTwoCommitteeDecisionsRace() {
        // two agencies of 青山镇 in this campaign: 30 % of 2, but at least 1 → one EXCELLENT at most
        AssessmentCampaign campaign = campaign();
        ProcessInstance first = atCommittee(campaign, "T01-CGZF", "t01-cgzf-head");
        ProcessInstance second = atCommittee(campaign, "T01-GA", "t01-ga-head");

        List<Race.Outcome<Void>> outcomes;
        // both committees have counted nothing yet when they reach the cap: only the lock can keep it
        try (var meeting = RacePoints.onReach(AssessmentService.RACE_EXCELLENT_CAP, Race.meetingOfTwo())) {
            outcomes = Race.twoAtOnce(() -> confirm(first, "t01-sec"), () -> confirm(second, "t01-sec"));
        }

        assertThat(outcomes).filteredOn(Race.Outcome::succeeded).hasSize(1);
        Throwable refusal = outcomes.stream().filter(o -> !o.succeeded()).findFirst().orElseThrow().failure();
        InvalidInputException reason = PublicErrors.cause(refusal, InvalidInputException.class);
        assertThat(reason).as("the loser's refusal: %s", refusal).isNotNull();
        assertThat(reason.getMessage()).contains("青山镇", "最多 1 个");
        assertThat(List.of(record(first), record(second))).filteredOn(c -> c.getGrade() != null)
                .singleElement().satisfies(c -> assertThat(c.getGrade().name()).isEqualTo("EXCELLENT"));
        ProcessInstance loser = outcomes.get(0).succeeded() ? second : first;
        assertThat(loser).isWaitingAt(Elements.COMMITTEE);
        assertThat(record(loser).getCommitteeDecision()).isNull();
    }

    private ProcessInstance atCommittee(AssessmentCampaign campaign, String agency, String head) {
        ProcessInstance instance = startCase(campaign, agency);
        started.add(instance);
        selfEvaluate(instance, head, 95);
        scoreAll(instance, "t01-off", 95);
        assertThat(instance).isWaitingAt(Elements.COMMITTEE);
        assertThat(record(instance).getProposedGrade().name()).isEqualTo("EXCELLENT");
        return instance;
    }
}
