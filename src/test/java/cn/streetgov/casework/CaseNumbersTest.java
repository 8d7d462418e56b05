package cn.streetgov.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** One series per prefix and year of the district's clock, never a repeated number, also when raced. */
@IntegrationTest
class CaseNumbersTest {

    @Autowired
    CaseNumbers numbers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        jdbc.update("delete from case_number_counter where prefix like 'ZT%'");
    }

    private static String next(TransactionTemplate tx, java.util.function.Supplier<String> call) {
        return tx.execute(status -> call.get());
    }

    @Test
    void shouldFormatReadableNumbers() {
        assertThat(CaseNumbers.format("FQ", 2026, 7)).isEqualTo("FQ-2026-0007");
        assertThat(CaseNumbers.format("SH", 2027, 12345)).isEqualTo("SH-2027-12345");
    }

    @Test
    void shouldCountOnePerPrefixAndYear() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThat(next(tx, () -> numbers.next("ZTA", 2026))).isEqualTo("ZTA-2026-0001");
        assertThat(next(tx, () -> numbers.next("ZTA", 2026))).isEqualTo("ZTA-2026-0002");
        assertThat(next(tx, () -> numbers.next("ZTB", 2026))).isEqualTo("ZTB-2026-0001");
        assertThat(next(tx, () -> numbers.next("ZTA", 2027))).isEqualTo("ZTA-2027-0001");
    }

    @Test
    void shouldTakeTheYearFromTheDistrictsZoneNotTheServers() {
        // 16:30 UTC on New Year's Eve is already 00:30 on 1 January in Beijing
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-31T16:30:00Z")));
        assertThat(CaseClock.zone()).hasToString("Asia/Shanghai");
        assertThat(next(new TransactionTemplate(transactions), () -> numbers.next("ZTY"))).isEqualTo("ZTY-2027-0001");
    }

    @Test
    void shouldNeverHandOutOneNumberTwiceWhenCasesStartAtOnce() throws Exception {
        int starts = 6;
        CyclicBarrier together = new CyclicBarrier(starts);
        ExecutorService pool = Executors.newFixedThreadPool(starts);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < starts; i++) {
                results.add(pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    // the first number of a new series (as at the turn of the year), all at the same instant
                    return next(new TransactionTemplate(transactions), () -> numbers.next("ZTR", 2031));
                }));
            }
            List<String> got = new ArrayList<>();
            for (Future<String> result : results) {
                got.add(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(got).doesNotHaveDuplicates().hasSize(starts)
                    .allMatch(n -> n.matches("ZTR-2031-000[1-6]"));
        } finally {
            pool.shutdownNow();
        }
    }
}
