package cn.streetgov.delegation.process;

import cn.streetgov.casework.OutcomeLabels;
import cn.streetgov.casework.TaskDecisions;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.casework.ProcessStarters;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The process {@code power-revocation} (收回赋权): a department asks to take a delegated power back,
 * the district government decides, the power leaves the public catalog.
 */
@Component
public class PowerRevocationProcess implements TaskDecisions, ProcessStarters, OutcomeLabels {

    public static final String KEY = "power-revocation";

    public static final String START_EVENT = "startEvent_revocationRequested";
    public static final String DECIDE_REVOCATION = "userTask_decideRevocation";
    public static final String GATEWAY_REVOCATION_DECISION = "gateway_revocationDecision";
    public static final String REVOKE_POWER = "serviceTask_revokePower";
    public static final String END_REVOKED = "endEvent_revoked";
    public static final String END_KEPT = "endEvent_revocationRejected";

    public static final class Vars {
        public static final String DEPT_CODE = "deptCode";
        public static final String ITEM_CODE = "itemCode";
        public static final String ORG_CODE = "orgCode";
        public static final String REVOCATION_REASON = "revocationReason";
        public static final String REVOCATION_ID = "revocationId";
        public static final String REVOCATION_NO = "revocationNo";
        public static final String CASE_SUMMARY = "caseSummary";
        public static final String REVOCATION_DECISION = "revocationDecision";
        public static final String REVOCATION_COMMENT = "revocationComment";
        public static final String OUTCOME = "outcome";

        private Vars() {
        }
    }

    /** Decision values of {@code revocationDecision}. */
    public static final String DECISION_APPROVE = "APPROVE";
    public static final String DECISION_REJECT = "REJECT";

    /** Results in {@code outcome}. */
    public static final String OUTCOME_REVOKED = "REVOKED";
    public static final String OUTCOME_REJECTED = "REJECTED";

    private final OrgDirectory orgs;

    PowerRevocationProcess(OrgDirectory orgs) {
        this.orgs = orgs;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    @Override
    public Map<String, String> outcomeLabels() {
        return Map.of(OUTCOME_REVOKED, "已收回赋权", OUTCOME_REJECTED, "不予收回");
    }

    @Override
    public Set<String> starterGroups() {
        return orgs.groupsOf(PostRole.DEPARTMENT);
    }

    @Override
    public Set<String> startVariables() {
        return Set.of(Vars.DEPT_CODE, Vars.ITEM_CODE, Vars.ORG_CODE, Vars.REVOCATION_REASON);
    }

    @Override
    public Map<String, TaskDecision> byTask() {
        return Map.of(DECIDE_REVOCATION, TaskDecision.of(Vars.REVOCATION_DECISION, Vars.REVOCATION_COMMENT)
                .choice("会议决定", DECISION_APPROVE, "同意收回", DECISION_REJECT, "不同意收回")
                .reasonUnless("不同意收回的理由", DECISION_APPROVE)
                .rejecting(DECISION_REJECT));
    }
}
