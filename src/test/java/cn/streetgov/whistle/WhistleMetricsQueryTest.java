package cn.streetgov.whistle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.streetgov.common.InvalidInputException;
import cn.streetgov.test.IntegrationTest;
import cn.streetgov.whistle.WhistleMetricsQuery.AgencyFigures;
import cn.streetgov.whistle.WhistleMetricsQuery.CategoryFigures;
import cn.streetgov.whistle.WhistleMetricsQuery.DepartmentFigures;
import java.util.Map;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The published figures per agency, on known records of 2019 (a year no process test touches):
 * <pre>
 * case A 2019-03-10 satisfaction 5: S01-GA reported after 60 min; S01-CGZF after 300 min (late); WJ (no agency) 30 min
 * case B 2019-08-01 satisfaction 2: S01-GA after 120 min; S01-CGZF never reported (late, escalated)
 * case C 2019-11-20 no follow-up yet: S01-GA not reported yet, not late
 * case D 2018-12-31 23:59 and case E 2020-01-01 00:00: S01-GA, outside 2019
 * </pre>
 */
@IntegrationTest
class WhistleMetricsQueryTest {

    @Autowired
    WhistleMetricsQuery metrics;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void knownRecords() {
        removeKnownRecords();
        long a = whistle("MT-2019-A", LocalDateTime.of(2019, 3, 10, 10, 0), 5);
        summons(a, "GA", "S01-GA", LocalDateTime.of(2019, 3, 10, 10, 0), 60, false);
        summons(a, "CGZF", "S01-CGZF", LocalDateTime.of(2019, 3, 10, 10, 0), 300, true);
        summons(a, "WJ", null, LocalDateTime.of(2019, 3, 10, 10, 0), 30, false);
        long b = whistle("MT-2019-B", LocalDateTime.of(2019, 8, 1, 9, 0), 2);
        summons(b, "GA", "S01-GA", LocalDateTime.of(2019, 8, 1, 9, 0), 120, false);
        summons(b, "CGZF", "S01-CGZF", LocalDateTime.of(2019, 8, 1, 9, 0), null, true);
        long c = whistle("MT-2019-C", LocalDateTime.of(2019, 11, 20, 8, 0), null);
        summons(c, "GA", "S01-GA", LocalDateTime.of(2019, 11, 20, 8, 0), null, false);
        long d = whistle("MT-2019-D", LocalDateTime.of(2018, 12, 31, 23, 59), 1);
        summons(d, "GA", "S01-GA", LocalDateTime.of(2018, 12, 31, 23, 59), 10, false);
        long e = whistle("MT-2019-E", LocalDateTime.of(2020, 1, 1, 0, 0), 1);
        summons(e, "GA", "S01-GA", LocalDateTime.of(2020, 1, 1, 0, 0), 10, false);
    }

    @AfterEach
    void removeKnownRecords() {
        jdbc.update("delete from whistle_summons where case_id in (select id from whistle_case where case_no like 'MT-2019-%')");
        jdbc.update("delete from whistle_case where case_no like 'MT-2019-%'");
    }

    @Test
    void shouldCountTheYearPerAgency() {
        List<AgencyFigures> figures = metrics.figuresByAgency("2019");
        assertThat(figures).extracting(AgencyFigures::agencyCode).containsExactly("S01-CGZF", "S01-GA");
        assertThat(figures.get(1)).isEqualTo(new AgencyFigures("S01-GA", 3, 2, 2, 0, 0.6667, 90.0, 3.5));
        assertThat(figures.get(0)).isEqualTo(new AgencyFigures("S01-CGZF", 2, 1, 0, 2, 0.0, 300.0, 3.5));
    }

    @Test
    void shouldCountHalfYearsAndQuarters() {
        assertThat(metrics.figuresByAgency("2019-H1")).contains(new AgencyFigures("S01-GA", 1, 1, 1, 0, 1.0, 60.0, 5.0));
        assertThat(metrics.figuresByAgency("2019-H2")).contains(new AgencyFigures("S01-GA", 2, 1, 1, 0, 0.5, 120.0, 2.0));
        assertThat(metrics.figuresByAgency("2019-Q4")).containsExactly(new AgencyFigures("S01-GA", 1, 0, 0, 0, 0.0, null, null));
        assertThat(metrics.figuresByAgency("2019-Q2")).isEmpty();
        assertThat(metrics.figuresByAgency("2018-Q4")).containsExactly(new AgencyFigures("S01-GA", 1, 1, 1, 0, 1.0, 10.0, 1.0));
    }

    @Test
    void shouldGiveOneAgencyOrZeroFigures() {
        assertThat(metrics.figuresOf("S01-GA", "2019")).isEqualTo(new AgencyFigures("S01-GA", 3, 2, 2, 0, 0.6667, 90.0, 3.5));
        assertThat(metrics.figuresOf("S01-SCJG", "2019")).isEqualTo(new AgencyFigures("S01-SCJG", 0, 0, 0, 0, 0.0, null, null));
    }

    /** Every department, with or without agencies (WJ keeps none: its summons go to the department itself). */
    @Test
    void shouldCountEveryDepartmentOfTheDistrictIncludingThoseWithoutAgencies() {
        Map<String, DepartmentFigures> year = byDept(metrics.figuresByDepartment("2019", null));
        assertThat(year).containsKeys("CGZF", "SCJG", "GA", "ZRZY", "WJ");
        assertThat(year.get("GA")).isEqualTo(new DepartmentFigures("GA", "公安分局", 3, 3, 0, 2, 2, 0, 0.6667, 90.0, 3.5));
        assertThat(year.get("CGZF")).isEqualTo(new DepartmentFigures("CGZF", "城市管理和综合执法局", 2, 2, 0, 1, 0, 2, 0.0, 300.0, 3.5));
        assertThat(year.get("WJ")).isEqualTo(new DepartmentFigures("WJ", "卫生健康局", 1, 0, 1, 1, 1, 0, 1.0, 30.0, 5.0));
        assertThat(year.get("ZRZY")).isEqualTo(new DepartmentFigures("ZRZY", "规划和自然资源局", 0, 0, 0, 0, 0, 0, 0.0, null, null));
        assertThat(byDept(metrics.figuresByDepartment("2019-H1", "S01")).get("WJ").summoned()).isEqualTo(1);
        assertThat(byDept(metrics.figuresByDepartment("2019-Q4", "S01")).get("GA").summoned()).isEqualTo(1);
        // another street's whistles only
        assertThat(metrics.figuresByDepartment("2019", "S02")).filteredOn(f -> List.of("CGZF", "GA", "WJ").contains(f.deptCode()))
                .allSatisfy(f -> assertThat(f.summoned()).isZero());
        assertThatThrownBy(() -> metrics.figuresByDepartment("2019", "X99")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("未知的街道/镇");
        assertThatThrownBy(() -> metrics.figuresByDepartment("2019-H3", null)).isInstanceOf(InvalidInputException.class);
    }

    /** Per category and source (前端发现报告): only the pairs that occurred, in the enums' order. */
    @Test
    void shouldCountTheWhistlesPerCategoryAndSource() {
        jdbc.update("update whistle_case set category = 'FOOD_SAFETY', source = 'HOTLINE', hotline_ticket_no = 'T-0001' where case_no = 'MT-2019-A'");
        jdbc.update("update whistle_case set category = 'FOOD_SAFETY', source = 'GRID' where case_no = 'MT-2019-B'");
        jdbc.update("update whistle_case set status = 'REPORTING' where case_no = 'MT-2019-C'");
        assertThat(metrics.figuresByCategory("2019", null)).containsExactly(
                new CategoryFigures("FOOD_SAFETY", "食品安全", "GRID", "网格员上报", 1, 1, 2.0),
                new CategoryFigures("FOOD_SAFETY", "食品安全", "HOTLINE", "12345热线", 1, 1, 5.0),
                new CategoryFigures("OTHER", "其他", "PATROL", "街道巡查", 1, 0, null));
        assertThat(metrics.figuresByCategory("2019-H1", "S01")).containsExactly(
                new CategoryFigures("FOOD_SAFETY", "食品安全", "HOTLINE", "12345热线", 1, 1, 5.0));
        assertThat(metrics.figuresByCategory("2019", "S02")).isEmpty();
        assertThatThrownBy(() -> metrics.figuresByCategory("2019", "X99")).isInstanceOf(InvalidInputException.class);
    }

    private static Map<String, DepartmentFigures> byDept(List<DepartmentFigures> figures) {
        return figures.stream().collect(java.util.stream.Collectors.toMap(DepartmentFigures::deptCode, f -> f));
    }

    @Test
    void shouldRefuseABadPeriod() {
        assertThatThrownBy(() -> metrics.figuresByAgency("2019-H3")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("统计周期格式无效");
        assertThatThrownBy(() -> metrics.figuresOf("S01-GA", "last year")).isInstanceOf(InvalidInputException.class);
    }

    private long whistle(String caseNo, LocalDateTime at, Integer satisfaction) {
        jdbc.update("""
                insert into whistle_case (case_no, org_code, summary, urgency, status, reopen_count, satisfaction, created_at)
                values (?, 'S01', '统计测试', 'NORMAL', 'CLOSED', 0, ?, ?)""", caseNo, satisfaction, Timestamp.valueOf(at));
        return jdbc.queryForObject("select id from whistle_case where case_no = ?", Long.class, caseNo);
    }

    private void summons(long caseId, String dept, String agency, LocalDateTime at, Integer minutes, boolean late) {
        jdbc.update("""
                insert into whistle_summons (case_id, org_code, dept_code, agency_code, routed_group, summoned_at,
                    deadline, reported_at, report_minutes, late, satisfaction)
                values (?, 'S01', ?, ?, ?, ?, ?, ?, ?, ?,
                    (select satisfaction from whistle_case where id = ?))""",
                caseId, dept, agency, agency == null ? "dept-" + dept : "agency-" + agency, Timestamp.valueOf(at),
                Timestamp.valueOf(at.plusMinutes(120)), minutes == null ? null : Timestamp.valueOf(at.plusMinutes(minutes)),
                minutes, late, caseId);
    }
}
