package cn.streetgov.assessment.process;

import cn.streetgov.assessment.domain.AssessmentResult;
import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.process.AssessmentProcess.Vars;
import cn.streetgov.casework.ModellingDelegate;
import cn.streetgov.org.OrgDirectory;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Every assessment of the campaign is final: results per agency, street/town and department, and a
 * summary for org-dept. Runs as a job of its own (asyncBefore: the last case's end does not carry
 * the whole campaign's aggregation) and may run again (a retry, a restarted step) without writing
 * any result twice.
 */
@Component("aggregateResultsDelegate")
@ModellingDelegate(name = "汇总考核结果",
        description = "按街道/镇和部门汇总一次考核的全部结果，写入 resultSummary。读取案件变量 campaignId（agency-assessment 流程）")
class AggregateResultsDelegate implements JavaDelegate {

    private final AssessmentService assessments;
    private final OrgDirectory org;

    AggregateResultsDelegate(AssessmentService assessments, OrgDirectory org) {
        this.assessments = assessments;
        this.org = org;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, List<AssessmentResult>> results = assessments.aggregate((Long) execution.getVariable(Vars.CAMPAIGN_ID));
        String byOrg = results.get(AssessmentResult.ORG).stream()
                .map(r -> line(org.findUnit(r.getCode()).map(u -> u.getName()).orElse(r.getCode()), r))
                .collect(Collectors.joining("\n"));
        String byDept = results.get(AssessmentResult.DEPT).stream()
                .map(r -> line(org.findDepartment(r.getCode()).map(d -> d.getName()).orElse(r.getCode()), r))
                .collect(Collectors.joining("\n"));
        execution.setVariable(Vars.RESULT_SUMMARY, "按街道/镇:\n" + byOrg + "\n\n按部门:\n" + byDept);
    }

    private static String line(String name, AssessmentResult r) {
        return name + ": " + r.getCaseCount() + " 个，平均 " + r.getAvgScore() + " 分；优秀 " + r.getExcellentCount()
                + "，良好 " + r.getGoodCount() + "，合格 " + r.getPassCount() + "，不合格 " + r.getFailCount();
    }
}
