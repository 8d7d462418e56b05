package cn.streetgov.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.delegation.process.PowerDelegationProcess;
import cn.streetgov.whistle.process.WhistleProcess;
import java.io.File;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/** The flow read from our BPMN models: what leads where, across subprocesses, and which joins a return refills. */
class ProcessGraphTest {

    private static ProcessGraph graph(String file) {
        return new ProcessGraph(Bpmn.readModelFromFile(new File("processes/" + file)));
    }

    @Test
    void aStreetsCapacityReviewLeadsOutOfBothSubprocessesToTheStaffingButNotToTheLegalReview() {
        ProcessGraph graph = graph("power-delegation.bpmn");
        assertThat(graph.leadsTo(PowerDelegationProcess.REVIEW_CAPACITY, PowerDelegationProcess.CONFIRM_STAFFING)).isTrue();
        assertThat(graph.leadsTo(PowerDelegationProcess.REVIEW_CAPACITY, PowerDelegationProcess.REVIEW_LEGALITY)).isFalse();
        assertThat(graph.leadsTo(PowerDelegationProcess.REVISE_PROPOSAL, PowerDelegationProcess.REVIEW_LEGALITY)).isTrue();
        assertThat(graph.leadsTo(PowerDelegationProcess.REVISE_PROPOSAL, PowerDelegationProcess.REVIEW_CAPACITY)).isFalse();
        assertThat(graph.leadsTo(PowerDelegationProcess.CONFIRM_STAFFING, PowerDelegationProcess.REVIEW_CAPACITY)).isFalse();
        assertThat(graph.multiInstance(PowerDelegationProcess.REVIEW_CAPACITY)).get()
                .satisfies(mi -> {
                    assertThat(mi.activityId()).isEqualTo(PowerDelegationProcess.CAPACITY_REVIEW);
                    assertThat(mi.elementVariable()).isEqualTo("orgCode");
                });
        assertThat(graph.joinsFrom(PowerDelegationProcess.REVIEW_CAPACITY)).singleElement().satisfies(join -> {
            assertThat(join.gatewayId()).isEqualTo(PowerDelegationProcess.GATEWAY_REVIEWS_JOIN);
            assertThat(join.tokens()).isEqualTo(1);
            assertThat(join.onCycle()).isFalse();
        });
    }

    @Test
    void aDepartmentsReportLeadsToTheJointHandlingAndTheConfirmationBackToIt() {
        ProcessGraph graph = graph("whistle-dispatch.bpmn");
        assertThat(graph.leadsTo(WhistleProcess.Elements.REPORT, WhistleProcess.Elements.HANDLE)).isTrue();
        assertThat(graph.leadsTo(WhistleProcess.Elements.CONFIRM, WhistleProcess.Elements.HANDLE)).isTrue();
        assertThat(graph.leadsTo(WhistleProcess.Elements.HANDLE, WhistleProcess.Elements.REPORT)).isFalse();
        assertThat(graph.multiInstance(WhistleProcess.Elements.REPORT)).get()
                .satisfies(mi -> assertThat(mi.elementVariable()).isEqualTo("deptCode"));
    }
}
