package cn.streetgov.majormatter;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.majormatter.process.MajorMatterProcess.Vars;
import java.util.HashMap;
import java.util.Map;

/** Start variables of a plain major matter, as its start form submits them. */
final class MajorMatterTestData {

    private MajorMatterTestData() {
    }

    /** The sender's plan for the streets (comma-separated codes), the opinion deadline in {@code days}. */
    static Map<String, Object> matter(String senderCode, String matterType, String orgCodes, int days) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.SENDER_CODE, senderCode);
        vars.put(Vars.MATTER_TYPE, matterType);
        vars.put(Vars.TITLE, "东华片区控制性详细规划（修编）");
        vars.put(Vars.SUMMARY, "调整东华片区用地布局，新增社区养老服务设施和停车场");
        vars.put(Vars.AFFECTED_ORG_CODES, orgCodes);
        vars.put(Vars.OPINION_DEADLINE, CaseClock.today().plusDays(days).toString());
        vars.put(Vars.DOCUMENT_REF, "示规资〔2026〕12号");
        return vars;
    }
}
