package cn.streetgov.delegation.process;

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
}
