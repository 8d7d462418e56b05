package cn.streetgov.appointment.domain;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Readable case numbers {@code PREFIX-YYYY-NNNN} from a counter table (locked row per prefix and year). */
@Component
class ConsultationCaseNumbers {

    private final JdbcTemplate jdbc;

    ConsultationCaseNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    String next(String prefix, int year) {
        List<Integer> current = jdbc.queryForList(
                "select last_number from appt_case_counter where prefix = ? and counter_year = ? for update",
                Integer.class, prefix, year);
        int number;
        if (current.isEmpty()) {
            number = 1;
            jdbc.update("insert into appt_case_counter (prefix, counter_year, last_number) values (?, ?, ?)",
                    prefix, year, number);
        } else {
            number = current.get(0) + 1;
            jdbc.update("update appt_case_counter set last_number = ? where prefix = ? and counter_year = ?",
                    number, prefix, year);
        }
        return format(prefix, year, number);
    }

    static String format(String prefix, int year, int number) {
        return String.format("%s-%d-%04d", prefix, year, number);
    }
}
