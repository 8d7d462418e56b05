package cn.streetgov.test;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.delegation.process.PowerDelegationProcess;
import cn.streetgov.admission.process.DutyAdmissionProcess;
import cn.streetgov.admission.process.DutyExitProcess;
import cn.streetgov.majormatter.process.MajorMatterProcess;
import cn.streetgov.whistle.process.WhistleProcess;
import java.util.HashMap;
import java.util.Map;

/** The start variables of a plain case of a workflow, as its start form submits them. */
public final class StartVariables {

    private StartVariables() {
    }

    /** A whistle of the street/town summoning the departments (comma-separated codes). */
    /** A duty-admission application of {@code deptCode} (2 staff, 12.5 万元 per street, from 2027-01-01). */
    public static Map<String, Object> dutyAdmission(String deptCode, String dutyName, String description,
            String category, String targetOrgCodes) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(DutyAdmissionProcess.Vars.DEPT_CODE, deptCode);
        vars.put(DutyAdmissionProcess.Vars.DUTY_NAME, dutyName);
        vars.put(DutyAdmissionProcess.Vars.DUTY_DESCRIPTION, description);
        vars.put(DutyAdmissionProcess.Vars.DUTY_CATEGORY, category);
        vars.put(DutyAdmissionProcess.Vars.LEGAL_BASIS, "《示范市城市市容和环境卫生管理条例》第十二条");
        vars.put(DutyAdmissionProcess.Vars.TARGET_ORG_CODES, targetOrgCodes);
        vars.put(DutyAdmissionProcess.Vars.STAFF_COUNT, 2);
        vars.put(DutyAdmissionProcess.Vars.FUNDS_WAN, "12.5");
        vars.put(DutyAdmissionProcess.Vars.START_DATE, "2027-01-01");
        vars.put(DutyAdmissionProcess.Vars.REASON, "事项面向群众、街道就近处置更及时");
        return vars;
    }

    /** A duty-exit request of {@code orgCode} for the duty {@code dutyCode} of its list. */
    public static Map<String, Object> dutyExit(String orgCode, String dutyCode, String reason) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(DutyExitProcess.Vars.ORG_CODE, orgCode);
        vars.put(DutyExitProcess.Vars.DUTY_CODE, dutyCode);
        vars.put(DutyExitProcess.Vars.EXIT_REASON, reason);
        return vars;
    }

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
