package cn.streetgov.workspace;

import cn.streetgov.approval.CaseRecordView;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;

/** The JSON the workspace answers with (docs: README, section 已办与我发起的). */
final class CaseViews {

    private CaseViews() {
    }

    /** A page of a list: how many cases match in all, and those of the page, newest first. */
    record CasePage(long total, List<CaseItem> items) {
    }

    /**
     * One case as a list row and as the header of its record.
     *
     * @param state RUNNING or ENDED
     * @param currentSteps where a running case is (open tasks, of called cases too), empty once ended
     * @param outcome the workflow's result code, null while running or when it keeps none
     * @param outcomeLabel that result in Chinese
     * @param myLastStep the last task the caller completed on the case, or null
     * @param withdrawableTaskId that task's id when the caller may withdraw it now (撤回), else null
     * @param orgNames the streets/towns, departments and agencies the case belongs to, by name
     */
    record CaseItem(String processInstanceId, String caseNo, String processKey, String processName, String subject,
            String state, String stateLabel, List<CurrentStep> currentSteps, String outcome, String outcomeLabel,
            OffsetDateTime startedAt, OffsetDateTime endedAt, String starterName, MyStep myLastStep,
            String withdrawableTaskId, List<String> orgNames) {
    }

    /** An open task: its step, the organisation it is with (东华街道, never S01), its due date. */
    record CurrentStep(String name, String orgName, OffsetDateTime due) {
    }

    record MyStep(String name, OffsetDateTime endedAt, String historicTaskId) {
    }

    /** The case's record: the header, every step so far, the typed opinions and the earlier reports. */
    record CaseRecord(@JsonProperty("case") CaseItem caseItem, List<Step> steps, List<CaseRecordView.Opinion> opinions,
            List<Report> reports) {
    }

    /**
     * One user task of the case (or of a case it called).
     *
     * @param orgName the organisation the person acted for (the task's candidate group, e.g. 东华街道办事处)
     * @param post their post there, as it was when they acted
     * @param duration how long the step took, in Chinese; null while open
     * @param stateLabel 已完成, 办理中 or 已取消 (cancelled by a return, a withdrawal, a boundary event)
     * @param decisionLabel the decision recorded on it, in Chinese; null without one
     * @param opinion the text recorded with the decision
     * @param typeLabel the kind of opinion (同意, 不同意, 办理意见)
     */
    record Step(String taskId, String name, String userId, String userName, String orgName, String post,
            OffsetDateTime createdAt, OffsetDateTime endedAt, String duration, String stateLabel, String decisionLabel,
            String opinion, String typeLabel) {
    }

    record Report(String title, String orgName, String userName, OffsetDateTime time, String text) {
    }

    /**
     * What the diagram shows: the model, the elements the case completed, those it is at, and the
     * sequence flows it took (worked out: a flow whose source completed and whose target was reached).
     */
    record Diagram(String processDefinitionId, String xml, List<String> completed, List<String> active,
            List<String> flows) {
    }
}
