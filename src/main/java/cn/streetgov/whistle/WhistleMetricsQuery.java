package cn.streetgov.whistle;

import java.util.List;

/**
 * The published query of whistle dispatch (街道吹哨、部门报到): the objective figures per dispatched
 * agency for a period, computed from the whistle records. This interface and its record are the
 * only part of {@code cn.streetgov.whistle} other workflows (the assessment) may use.
 *
 * <p>A period is {@code yyyy} (a year), {@code yyyy-H1|H2} (a half year) or {@code yyyy-Q1..Q4}
 * (a quarter), e.g. {@code 2026}, {@code 2026-H2}, {@code 2026-Q4}; a summons counts in the period in
 * which the whistle was blown. Anything else is refused with
 * {@link cn.streetgov.common.InvalidInputException} and a Chinese reason.
 */
public interface WhistleMetricsQuery {

    /** The figures of every agency summoned at least once in the period, ordered by agency code. */
    List<AgencyFigures> figuresByAgency(String period);

    /** The figures of one agency in the period; zero summons (and null averages) if it had none. */
    AgencyFigures figuresOf(String agencyCode, String period);

    /**
     * The figures of every active department of the district in the period, those without an agency
     * in any street (e.g. 卫健、自然资源) included, with zero summons when never summoned; ordered by
     * department code. With {@code orgCode}, only the whistles of that street/town count.
     */
    List<DepartmentFigures> figuresByDepartment(String period, String orgCode);

    /**
     * How many whistles of each category came from each source in the period (前端发现报告 per channel),
     * how many are closed and their residents' average satisfaction; only the pairs that occurred,
     * ordered by category and source. With {@code orgCode}, one street/town's whistles.
     */
    List<CategoryFigures> figuresByCategory(String period, String orgCode);

    /**
     * @param category the whistle's category code, e.g. {@code FOOD_SAFETY}, with its Chinese label
     * @param source PATROL | GRID | HOTLINE | RESIDENT, with its Chinese label
     */
    record CategoryFigures(String category, String categoryLabel, String source, String sourceLabel, long whistles,
            long closed, Double avgSatisfaction) {
    }

    /**
     * Figures of one department in one period: every summons of the department, whether its agency
     * in the street reported or (without an agency there) the department itself.
     *
     * @param deptCode the department, e.g. {@code WJ}
     * @param deptName its Chinese name
     * @param summoned how many times it was summoned by a whistle
     * @param viaAgency how many of those went to its agency in the street
     * @param direct how many went to the department itself (no agency in that street)
     * @param reported, onTime, late, onTimeRate, avgReportMinutes, avgSatisfaction as in {@link AgencyFigures}
     */
    record DepartmentFigures(String deptCode, String deptName, long summoned, long viaAgency, long direct,
            long reported, long onTime, long late, double onTimeRate, Double avgReportMinutes,
            Double avgSatisfaction) {
    }

    /**
     * Figures of one dispatched agency in one period.
     *
     * @param agencyCode the agency, e.g. {@code S01-GA}
     * @param summoned how many times it was summoned by a whistle
     * @param reported how many of those summons it has reported to (on time or late)
     * @param onTime how many it reported to by the deadline
     * @param late how many were late (reported after the deadline, or still open past it)
     * @param onTimeRate {@code onTime / summoned}, 0–1 rounded to 4 decimals (0 when never summoned)
     * @param avgReportMinutes average minutes from summons to report over the reported ones, or null
     * @param avgSatisfaction average resident satisfaction (1–5) of its cases with a follow-up, or null
     */
    record AgencyFigures(String agencyCode, long summoned, long reported, long onTime, long late,
            double onTimeRate, Double avgReportMinutes, Double avgSatisfaction) {
    }
}
