package cn.streetgov.test;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.delegation.process.PowerDelegationProcess;
import cn.streetgov.majormatter.process.MajorMatterProcess;
import cn.streetgov.whistle.process.WhistleProcess;
import java.util.HashMap;
import java.util.Map;

/** The start variables of a plain case of a workflow, as its start form submits them. */
public final class StartVariables {

    private StartVariables() {
    }

    /** A whistle of the street/town summoning the departments (comma-separated codes). */
    public static Map<String, Object> whistle(String orgCode, String deptCodes, String urgency, String summary,
            String location) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(WhistleProcess.Vars.ORG_CODE, orgCode);
        vars.put(WhistleProcess.Vars.SUMMARY, summary);
        vars.put(WhistleProcess.Vars.LOCATION, location);
        vars.put(WhistleProcess.Vars.URGENCY, urgency);
        vars.put(WhistleProcess.Vars.DEPT_CODES, deptCodes);
        return vars;
    }

    /** A department's (or {@code GOV}'s) plan for the streets (comma-separated codes), opinions due in 10 days. */
    public static Map<String, Object> majorMatter(String senderCode, String orgCodes, String title) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(MajorMatterProcess.Vars.SENDER_CODE, senderCode);
        vars.put(MajorMatterProcess.Vars.MATTER_TYPE, "PLAN");
        vars.put(MajorMatterProcess.Vars.TITLE, title);
        vars.put(MajorMatterProcess.Vars.SUMMARY, "调整片区用地布局，新增社区养老服务设施");
        vars.put(MajorMatterProcess.Vars.AFFECTED_ORG_CODES, orgCodes);
        vars.put(MajorMatterProcess.Vars.OPINION_DEADLINE, CaseClock.today().plusDays(10).toString());
        return vars;
    }

    /** A department's proposal to devolve the items (comma-separated codes) to the streets/towns, in force today. */
    public static Map<String, Object> delegation(String deptCode, String itemCodes, String targetOrgCodes) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(PowerDelegationProcess.Vars.DEPT_CODE, deptCode);
        vars.put(PowerDelegationProcess.Vars.POWER_ITEM_CODES, itemCodes);
        vars.put(PowerDelegationProcess.Vars.TARGET_ORG_CODES, targetOrgCodes);
        vars.put(PowerDelegationProcess.Vars.DELEGATION_METHOD, "DEVOLVE");
        vars.put(PowerDelegationProcess.Vars.LEGAL_BASIS, "《城市道路管理条例》");
        vars.put(PowerDelegationProcess.Vars.REASON, "直接面向群众，由街道承担更方便有效");
        vars.put(PowerDelegationProcess.Vars.STAFFING_TRANSFER, 1);
        vars.put(PowerDelegationProcess.Vars.EFFECTIVE_DATE, CaseClock.today().toString());
        return vars;
    }
}
