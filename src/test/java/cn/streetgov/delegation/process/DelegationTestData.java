package cn.streetgov.delegation.process;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Shared set-up of the delegation tests. */
public final class DelegationTestData {

    private DelegationTestData() {
    }

    /**
     * All tests share one database: take earlier tests' powers out of the catalog, so that a power
     * published by one test does not make the same item x street ineligible ("already delegated") in the next.
     */
    public static void clearCatalog(JdbcTemplate jdbc) {
        jdbc.update("update dlg_delegated_power set status = 'REVOKED' where status = 'ACTIVE'");
    }

    /** The start variables of CGZF's proposal to devolve two powers to the streets/towns. */
    public static Map<String, Object> proposal(List<String> targets) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.DEPT_CODE, "CGZF");
        vars.put(Vars.POWER_ITEM_CODES, "CGZF-XK-001,CGZF-CF-001");
        vars.put(Vars.TARGET_ORG_CODES, String.join(",", targets));
        vars.put(Vars.DELEGATION_METHOD, "DEVOLVE");
        vars.put(Vars.LEGAL_BASIS, "《城市道路管理条例》");
        vars.put(Vars.REASON, "直接面向群众，由街道承担更方便有效");
        vars.put(Vars.STAFFING_TRANSFER, 1);
        vars.put(Vars.EFFECTIVE_DATE, CaseClock.today().toString());
        return vars;
    }
}
