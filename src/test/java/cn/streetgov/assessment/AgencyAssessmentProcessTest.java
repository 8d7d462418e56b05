package cn.streetgov.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.streetgov.assessment.domain.AssessmentCampaign;
import cn.streetgov.assessment.domain.AssessmentCase;
import cn.streetgov.assessment.domain.AssessmentResult;
import cn.streetgov.assessment.process.AssessmentCaseProcess;
import cn.streetgov.assessment.process.AssessmentProcess;
import cn.streetgov.assessment.process.AssessmentProcess.Elements;
import cn.streetgov.assessment.process.AssessmentProcess.Vars;
import cn.streetgov.assessment.process.AssessmentTimerProcess;
import cn.streetgov.common.InvalidInputException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Process agency-assessment (the campaign) and agency-assessment-timer. */
class AgencyAssessmentProcessTest extends AssessmentTestSupport {

    ProcessInstance open(String period, String orgCodes) {
        return as("kaohe", () -> runtimeService.startProcessInstanceByKey(AssessmentProcess.KEY,
                Map.of(Vars.PERIOD, period, Vars.ORG_CODES, orgCodes)));
    }

    List<ProcessInstance> children(ProcessInstance campaign) {
        return runtimeService.createProcessInstanceQuery().superProcessInstanceId(campaign.getId())
                .orderByBusinessKey().asc().list();
    }

    @Test
    void shouldRefuseToOpenTheSamePeriodTwiceOrAMalformedOne() {
        String period = freshPeriod();
        ProcessInstance first = open(period, "S03");
        assertThat(first.getBusinessKey()).isEqualTo("KH-" + period);

        assertThatThrownBy(() -> open(period, "S03")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("已发起过考核");
        assertThatThrownBy(() -> open("2026-H3", "")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("考核期格式无效");
        assertThatThrownBy(() -> open(freshPeriod(), "X99")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("未知的街道/镇");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("KH-" + period).count())
                .isOne();
    }

    @Test
    void shouldAssessEveryAgencyOfTheStreetAndAggregateWhenAllAreFinal() {
        String period = freshPeriod();
        ProcessInstance campaign = open(period, "S02");
        runDueJobs(campaign);

        assertThat(campaign).isWaitingAt(Elements.ASSESS_AGENCIES);
        List<ProcessInstance> cases = children(campaign);
        assertThat(cases).extracting(ProcessInstance::getBusinessKey).containsExactly("KH-" + period + "-S02-CGZF",
                "KH-" + period + "-S02-GA", "KH-" + period + "-S02-SCJG");
        AssessmentCampaign record = assessments.campaignOf(period).orElseThrow();
        assertThat(record.getOpenedBy()).isEqualTo("kaohe");
        assertThat(record.getProcessInstanceId()).isEqualTo(campaign.getId());

        scoreAndConfirm(cases.get(0), "s02", "s02-cgzf-head", 95);
        scoreAndConfirm(cases.get(1), "s02", "s02-ga-head", 85);
        scoreAndConfirm(cases.get(2), "s02", "s02-scjg-head", 50);
        endPublicity(cases.get(0));
        runDueJobs(cases.get(1));
        runDueJobs(cases.get(2));
        assertThat(campaign).isWaitingAt(Elements.ASSESS_AGENCIES);
        complete("s02-sec", task(cases.get(2), AssessmentCaseProcess.Elements.DECIDE_SUGGESTION),
                Map.of(AssessmentCaseProcess.Vars.USE_SUGGESTION, false));
        // the last case's end leaves the aggregation of the campaign to a job
        assertThat(campaign).hasNotPassed(Elements.AGGREGATE);
        runDueJobs(campaign);

        assertThat(campaign).hasPassed(Elements.AGGREGATE).isWaitingAt(Elements.TAKE_NOTE).task()
                .hasCandidateGroup("org-dept");
        assertThat((String) runtimeService.getVariable(campaign.getId(), Vars.RESULT_SUMMARY))
                .contains("西岭街道: 3 个").contains("优秀 1，良好 1，合格 0，不合格 1");
        List<AssessmentResult> byOrg = assessments.resultsOf(record.getId(), AssessmentResult.ORG);
        assertThat(byOrg).hasSize(1);
        assertThat(byOrg.get(0).getCode()).isEqualTo("S02");
        assertThat(byOrg.get(0).getAvgScore()).isEqualByComparingTo("76.67");
        assertThat(assessments.resultsOf(record.getId(), AssessmentResult.DEPT)).extracting(AssessmentResult::getCode)
                .containsExactly("CGZF", "GA", "SCJG");
        assertThat(assessments.resultsOf(record.getId(), AssessmentResult.AGENCY)).hasSize(3);
        assertThat(assessments.casesOf(record.getId())).extracting(AssessmentCase::getStatus)
                .allMatch(s -> s.name().equals("FINAL"));

        complete("orgdept", task(campaign, Elements.TAKE_NOTE), Map.of(Vars.NOTE_COMMENT, "已知悉，纳入干部考察"));
        assertThat(campaign).hasPassed(Elements.CLOSED).isEnded();
        AssessmentCampaign noted = assessments.campaignOf(period).orElseThrow();
        assertThat(noted.getStatus().name()).isEqualTo("NOTED");
        assertThat(noted.getNotedBy()).isEqualTo("orgdept");
        assertThat(noted.getNoteComment()).isEqualTo("已知悉，纳入干部考察");
    }

    @Test
    void shouldOpenThePreviousYearByTimerOnceAndSkipAPeriodAlreadyOpened() {
        Job timer = managementService.createJobQuery().processDefinitionKey(AssessmentTimerProcess.KEY).timers()
                .singleResult();
        LocalDateTime due = LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault());
        assertThat(due.getMonthValue()).isEqualTo(1);
        assertThat(due.getDayOfMonth()).isEqualTo(10);
        assertThat(due.getHour()).isEqualTo(9);

        int year = Integer.parseInt(freshPeriod().substring(0, 4)) + 1;
        while (assessments.campaignOf(String.valueOf(year - 1)).isPresent()) {
            year++;
        }
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, 1, 10, 9, 0).atZone(ZoneId.systemDefault()).toInstant()));
        managementService.executeJob(timer.getId());
        AssessmentCampaign campaign = assessments.campaignOf(String.valueOf(year - 1)).orElseThrow();
        runDueJobs(runtimeService.createProcessInstanceQuery().processInstanceId(campaign.getProcessInstanceId())
                .singleResult());

        HistoricProcessInstance opened = lastTimerInstance();
        assertThat(opened.getState()).isEqualTo("COMPLETED");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(opened.getId())
                .activityId(AssessmentTimerProcess.Elements.STARTED).count()).isOne();
        assertThat(campaign.getOpenedGroup()).isEqualTo("assessment-office");
        assertThat(assessments.casesOf(campaign.getId())).hasSize(12);

        Job next = managementService.createJobQuery().processDefinitionKey(AssessmentTimerProcess.KEY).timers()
                .singleResult();
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 60_000L));
        managementService.executeJob(next.getId());
        HistoricProcessInstance skipped = lastTimerInstance();
        assertThat(skipped.getId()).isNotEqualTo(opened.getId());
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(skipped.getId())
                .activityId(AssessmentTimerProcess.Elements.ALREADY_OPENED).count()).isOne();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(campaign.caseNo()).count())
                .isOne();
    }

    @Test
    void shouldOpenEachCaseInAJobOfItsOwnAndRetryAFailedOneWithoutDuplicates() {
        ProcessInstance campaign = open(freshPeriod(), "S03");
        Long campaignId = (Long) runtimeService.getVariable(campaign.getId(), Vars.CAMPAIGN_ID);

        // the start answers at once: the cases are opened by jobs, one per agency
        assertThat(children(campaign)).isEmpty();
        managementService.executeJob(jobs(campaign).get(0).getId());
        List<Job> perAgency = jobs(campaign);
        assertThat(perAgency).hasSize(3);
        assertThat(children(campaign)).isEmpty();

        // one agency's job fails (here: its campaign reference is broken), the others go on
        Job broken = perAgency.stream().filter(job -> "S03-GA".equals(runtimeService.getVariableLocal(
                job.getExecutionId(), Vars.AGENCY_CODE))).findFirst().orElseThrow();
        runtimeService.setVariableLocal(broken.getExecutionId(), Vars.CAMPAIGN_ID, -1L);
        for (Job job : perAgency) {
            if (job.getId().equals(broken.getId())) {
                assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("未知的考核");
            } else {
                managementService.executeJob(job.getId());
            }
        }
        assertThat(managementService.createJobQuery().jobId(broken.getId()).singleResult().getRetries()).isEqualTo(2);
        assertThat(assessments.casesOf(campaignId)).extracting(AssessmentCase::getAgencyCode)
                .containsExactlyInAnyOrder("S03-CGZF", "S03-SCJG");

        // repaired, the retry opens that case once, nothing twice
        runtimeService.removeVariableLocal(broken.getExecutionId(), Vars.CAMPAIGN_ID);
        managementService.executeJob(broken.getId());
        assertThat(assessments.casesOf(campaignId)).extracting(AssessmentCase::getAgencyCode)
                .containsExactlyInAnyOrder("S03-CGZF", "S03-GA", "S03-SCJG");
        assertThat(children(campaign)).extracting(ProcessInstance::getBusinessKey).doesNotHaveDuplicates().hasSize(3);
        assertThat(jobs(campaign)).isEmpty();
    }

    @Test
    void shouldAggregateInAJobAndWriteTheResultsOnceWhenTheStepRunsAgain() {
        ProcessInstance campaign = open(freshPeriod(), "S03");
        runDueJobs(campaign);
        List<ProcessInstance> cases = children(campaign);
        for (ProcessInstance c : cases) {
            String agency = (String) runtimeService.getVariable(c.getId(), AssessmentCaseProcess.Vars.AGENCY_CODE);
            scoreAndConfirm(c, "s03", agency.toLowerCase() + "-head", 85);
        }
        endPublicity(cases.get(0));
        cases.forEach(this::runDueJobs);
        assertThat(campaign).hasNotPassed(Elements.AGGREGATE);
        runDueJobs(campaign);
        assertThat(campaign).hasPassed(Elements.AGGREGATE).isWaitingAt(Elements.TAKE_NOTE);
        Long campaignId = (Long) runtimeService.getVariable(campaign.getId(), Vars.CAMPAIGN_ID);
        List<String> first = results(campaignId);
        assertThat(first).hasSize(7).contains("ORG/S03: 3, GOOD 3");

        // an administrator runs the step again (Cockpit: modify the instance), e.g. after a correction
        runtimeService.createProcessInstanceModification(campaign.getId()).cancelAllForActivity(Elements.TAKE_NOTE)
                .startBeforeActivity(Elements.AGGREGATE).execute();
        runDueJobs(campaign);

        assertThat(campaign).isWaitingAt(Elements.TAKE_NOTE);
        assertThat(results(campaignId)).containsExactlyElementsOf(first);
    }

    /** The campaign's results, one line per row: dimension/code: cases, grades. */
    private List<String> results(Long campaignId) {
        return java.util.stream.Stream.of(AssessmentResult.AGENCY, AssessmentResult.ORG, AssessmentResult.DEPT)
                .flatMap(d -> assessments.resultsOf(campaignId, d).stream())
                .map(r -> r.getDimension() + "/" + r.getCode() + ": " + r.getCaseCount() + ", GOOD " + r.getGoodCount()
                        + (r.getExcellentCount() + r.getPassCount() + r.getFailCount() > 0 ? ", other" : ""))
                .toList();
    }

    private List<Job> jobs(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).list();
    }

    private HistoricProcessInstance lastTimerInstance() {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(AssessmentTimerProcess.KEY)
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).get(0);
    }
}
