package cn.streetgov.webapp;

import cn.streetgov.appointment.process.ConsultationProcess;
import cn.streetgov.casework.CaseClock;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * 派驻机构负责人任免征求意见 in Tasklist from the department's proposal to the standing committee's
 * decision, as the demo officials do it (see {@link TasklistWalk}): 公安分局 proposes a head for
 * 东华派出所 (a division-level post: consent of the street, decided by the standing committee), the
 * street committee agrees with comments after its meeting, the department approves and 区委常委会
 * decides. Screenshots: target/user-guide/cadre-consultation/.
 */
class ConsultationWalkBrowserTest extends WalkBrowserTestSupport {

    @Override
    String workflow() {
        return ConsultationProcess.KEY;
    }

    @Test
    void anAppointmentFromTheDepartmentsProposalToTheStandingCommitteesDecision() {
        String reason = "原所长到龄退休，拟任人选长期从事社区警务工作（考察第 " + (System.nanoTime() % 100000) + " 号）";
        walk.loginAs("ga-off");
        ProcessInstance consultation = walk.startCase("派驻机构负责人任免征求意见", "任免理由", () -> {
            walk.theOwnChoiceIsMade("提出部门", "公安分局");
            walk.select("派驻机构", "东华派出所（东华街道）");
            walk.choose("任免类型", "任职");
            walk.fill("人选", "郑晓明");
            walk.fill("职务名称", "东华派出所所长");
            walk.choose("职级", "处级");
            walk.fill("任免理由", reason);
        }, () -> engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ConsultationProcess.KEY)
                .variableValueEquals(ConsultationProcess.REASON, reason).singleResult());

        walk.open("street-opinion", "s01-sec", ConsultationProcess.STREET_OPINION);
        String opinion = "同意任职；建议加强与街道综治中心的联勤联动";
        walk.claim();
        walk.fillDate("会议日期", CaseClock.today());
        walk.decide("意见", "同意，并提出意见", "意见说明", opinion);

        walk.open("department-decision", "ga-off", ConsultationProcess.DEPT_DECISION);
        String department = "采纳街道意见，任职后纳入街道联勤联动考核";
        walk.decide("决定", "同意任免", "说明", department);

        walk.open("committee-decision", "standing", ConsultationProcess.COMMITTEE_DECISION);
        String committee = "经区委常委会研究，同意郑晓明同志任东华派出所所长";
        walk.claim();
        walk.fillDate("常委会会议日期", CaseClock.today());
        walk.decide("决定", "同意", "说明", committee);

        walk.end("ga-off", "APPROVED");
    }
}
