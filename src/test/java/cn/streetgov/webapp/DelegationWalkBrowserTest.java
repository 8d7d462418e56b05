package cn.streetgov.webapp;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.delegation.process.PowerDelegationProcess;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 赋权下放审批 in Tasklist from the department's proposal to the street's report after the review
 * period, as the demo officials do it (see {@link TasklistWalk}): 城管执法局 proposes to devolve a
 * penalty power to 东华街道, the street accepts with conditions, 司法局 finds it lawful, 区委编办
 * confirms the staff transferred, the district government approves and publishes it, and after the
 * six months of trial (its timer fired by the test) the street reports how it works. Screenshots:
 * target/user-guide/power-delegation/.
 */
class DelegationWalkBrowserTest extends WalkBrowserTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Override
    String workflow() {
        return PowerDelegationProcess.KEY;
    }

    @BeforeEach
    void revokeEarlierPowers() {
        // earlier tests' powers out of the catalog: an item already delegated to S01 would make the case ineligible
        jdbc.update("update dlg_delegated_power set status = 'REVOKED' where status = 'ACTIVE'");
    }

    @Test
    void aDelegationFromTheDepartmentsProposalToTheStreetsReport() {
        String legalBasis = "《城市道路管理条例》第四十二条（第 " + (System.nanoTime() % 100000) + " 次修订文本）";
        walk.loginAs("cgzf-off");
        ProcessInstance delegation = walk.startCase("赋权下放审批", "赋权事项", () -> {
            walk.theOwnChoiceIsMade("提出部门", "城市管理和综合执法局");
            walk.addTag("powerItemCodes", "CGZF-CF-001");
            walk.choose("承接的街道/镇", "东华街道");
            walk.select("赋权方式", "下放");
            walk.fill("法律依据", legalBasis);
            walk.fill("下放理由", "占道挖掘多发生在街巷，街道发现早、处置快，由街道执法更方便有效");
            walk.fill("随事划转编制数（名）", "1");
            walk.fillDate("生效日期", CaseClock.today().plusDays(30));
        }, () -> engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PowerDelegationProcess.KEY)
                .variableValueEquals(Vars.LEGAL_BASIS, legalBasis).singleResult());

        walk.open("capacity-review", "s01-off", PowerDelegationProcess.REVIEW_CAPACITY);
        String conditions = "需区城管执法局派员带教三个月，并移交执法文书模板";
        walk.decide("承接意见", "附条件承接", "承接条件或不同意的理由", conditions);

        walk.open("legal-review", "legal", PowerDelegationProcess.REVIEW_LEGALITY);
        walk.decide("审查结论", "合法");

        walk.open("staffing", "bianban", PowerDelegationProcess.CONFIRM_STAFFING);
        walk.decide("编办意见", "同意");

        walk.open("final-decision", "govt", PowerDelegationProcess.DECIDE_DELEGATION);
        walk.decide("会议决定", "批准并公布");

        // six months of trial: the timer fires as its time had come
        walk.fireTimer(delegation.getId(), PowerDelegationProcess.REVIEW_PERIOD_ELAPSED);
        walk.open("report", "s01-off", PowerDelegationProcess.REPORT_OPERATION);
        String report = "半年来受理占道挖掘案件 23 件，均在时限内办结，未发生行政复议";
        walk.decide("运行评价", "运行良好", "运行情况报告", report);

        walk.end("cgzf-off", "PUBLISHED");
    }
}
