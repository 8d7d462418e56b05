package cn.streetgov.casework;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readable case numbers {@code PREFIX-YYYY-NNNN} of every workflow, from one counter table
 * ({@code case_number_counter}): one series per prefix and year of the district's clock
 * ({@link CaseClock}). The counter row is locked until the case's transaction commits, so the
 * numbers have no gaps and never repeat; the first number of a prefix in a year creates its row in
 * a transaction of its own, so two cases started in the same instant (or at the turn of the year)
 * do not collide on that insert.
 */
@Service
public class CaseNumbers {

    private static final Pattern PREFIX = Pattern.compile("[A-Z]{1,8}");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    CaseNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The next number of the series in this year of the district's clock. */
    @Transactional(propagation = Propagation.REQUIRED)
    public String next(String prefix) {
        return next(prefix, CaseClock.year());
    }

    /** The next number of the series of the given year. */
    @Transactional(propagation = Propagation.REQUIRED)
    public String next(String prefix, int year) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("case number prefix: " + prefix);
        }
        Integer last = lock(prefix, year);
        if (last == null) {
            createSeries(prefix, year);
            last = lock(prefix, year);
        }
        int number = last + 1;
        jdbc.update("update case_number_counter set last_number = ? where prefix = ? and counter_year = ?",
                number, prefix, year);
        return format(prefix, year, number);
    }

    public static String format(String prefix, int year, int number) {
        return String.format("%s-%d-%04d", prefix, year, number);
    }

    private Integer lock(String prefix, int year) {
        List<Integer> rows = jdbc.queryForList(
                "select last_number from case_number_counter where prefix = ? and counter_year = ? for update",
                Integer.class, prefix, year);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Inserts the year's row in its own short transaction; a concurrent insert of the same row is fine. */
    private void createSeries(String prefix, int year) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.update(
                    "insert into case_number_counter (prefix, counter_year, last_number) values (?, ?, 0)",
                    prefix, year));
        } catch (DataIntegrityViolationException alreadyCreated) {
            // another case created the series first: its row is there now
        }
    }
}
