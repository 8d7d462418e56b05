package cn.streetgov.whistle.domain;

import cn.streetgov.common.InvalidInputException;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.Department;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import cn.streetgov.whistle.WhistleMetricsQuery;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures per agency and per department: one aggregate query each over whistle_summons alone (a range on summoned_at
 * over the covering index ix_whistle_summons_metrics; the case's satisfaction is copied onto its
 * summons rows at the follow-up visit, so no join is needed).
 */
@Service
@Transactional(readOnly = true)
class WhistleMetricsService implements WhistleMetricsQuery {

    private static final String FIGURES = """
            select s.agencyCode, count(s),
                   sum(case when s.reportedAt is not null then 1 else 0 end),
                   sum(case when s.reportedAt is not null and s.late = false then 1 else 0 end),
                   sum(case when s.late = true then 1 else 0 end),
                   avg(s.reportMinutes), avg(s.satisfaction)
            from WhistleSummons s
            where s.agencyCode is not null
              and s.summonedAt >= :from and s.summonedAt < :until %s
            group by s.agencyCode
            order by s.agencyCode
            """;

    /** The same figures per department, every summons (its agency's or its own), over ix_whistle_summons_dept_metrics. */
    private static final String DEPARTMENT_FIGURES = """
            select s.deptCode, count(s),
                   sum(case when s.agencyCode is not null then 1 else 0 end),
                   sum(case when s.reportedAt is not null then 1 else 0 end),
                   sum(case when s.reportedAt is not null and s.late = false then 1 else 0 end),
                   sum(case when s.late = true then 1 else 0 end),
                   avg(s.reportMinutes), avg(s.satisfaction)
            from WhistleSummons s
            where s.summonedAt >= :from and s.summonedAt < :until %s
            group by s.deptCode
            """;

    private static final String CATEGORY_FIGURES = """
            select c.category, c.source, count(c),
                   sum(case when c.status = :closed then 1 else 0 end), avg(c.satisfaction)
            from WhistleCase c
            where c.createdAt >= :from and c.createdAt < :until %s
            group by c.category, c.source
            """;

    private final EntityManager em;
    private final OrgDirectory org;

    WhistleMetricsService(EntityManager em, OrgDirectory org) {
        this.em = em;
        this.org = org;
    }

    @Override
    public List<CategoryFigures> figuresByCategory(String period, String orgCode) {
        MetricsPeriod p = MetricsPeriod.parse(period);
        requireKnownStreet(orgCode);
        var query = em.createQuery(CATEGORY_FIGURES.formatted(orgCode == null ? "" : "and c.orgCode = :org"),
                Object[].class).setParameter("from", p.from()).setParameter("until", p.until())
                .setParameter("closed", CaseStatus.CLOSED);
        if (orgCode != null) {
            query.setParameter("org", orgCode);
        }
        return query.getResultList().stream().map(row -> {
            WhistleCategory category = (WhistleCategory) row[0];
            WhistleSource source = (WhistleSource) row[1];
            return new CategoryFigures(category.name(), category.label(), source.name(), source.label(),
                    number(row[2]), number(row[3]), average(row[4]));
        }).sorted(Comparator.comparing((CategoryFigures f) -> WhistleCategory.valueOf(f.category()).ordinal())
                .thenComparing(f -> WhistleSource.valueOf(f.source()).ordinal())).toList();
    }

    private void requireKnownStreet(String orgCode) {
        if (orgCode != null && org.findUnit(orgCode).isEmpty()) {
            throw new InvalidInputException("未知的街道/镇: " + orgCode);
        }
    }

    @Override
    public List<DepartmentFigures> figuresByDepartment(String period, String orgCode) {
        MetricsPeriod p = MetricsPeriod.parse(period);
        requireKnownStreet(orgCode);
        var query = em.createQuery(DEPARTMENT_FIGURES.formatted(orgCode == null ? "" : "and s.orgCode = :org"),
                Object[].class).setParameter("from", p.from()).setParameter("until", p.until());
        if (orgCode != null) {
            query.setParameter("org", orgCode);
        }
        Map<String, Object[]> rows = new HashMap<>();
        for (Object[] row : query.getResultList()) {
            rows.put((String) row[0], row);
        }
        List<DepartmentFigures> figures = new ArrayList<>();
        for (Department dept : org.departments()) {
            Object[] row = rows.get(dept.getCode());
            if (row == null) {
                figures.add(new DepartmentFigures(dept.getCode(), dept.getName(), 0, 0, 0, 0, 0, 0, 0.0, null, null));
                continue;
            }
            long summoned = number(row[1]);
            long viaAgency = number(row[2]);
            long onTime = number(row[4]);
            double rate = summoned == 0 ? 0.0 : Math.round(onTime * 10_000.0 / summoned) / 10_000.0;
            figures.add(new DepartmentFigures(dept.getCode(), dept.getName(), summoned, viaAgency, summoned - viaAgency,
                    number(row[3]), onTime, number(row[5]), rate, average(row[6]), average(row[7])));
        }
        figures.sort(Comparator.comparing(DepartmentFigures::deptCode));
        return figures;
    }

    @Override
    public List<AgencyFigures> figuresByAgency(String period) {
        MetricsPeriod p = MetricsPeriod.parse(period);
        return em.createQuery(FIGURES.formatted(""), Object[].class)
                .setParameter("from", p.from())
                .setParameter("until", p.until())
                .getResultList().stream().map(WhistleMetricsService::figures).toList();
    }

    @Override
    public AgencyFigures figuresOf(String agencyCode, String period) {
        MetricsPeriod p = MetricsPeriod.parse(period);
        return em.createQuery(FIGURES.formatted("and s.agencyCode = :agency"), Object[].class)
                .setParameter("from", p.from())
                .setParameter("until", p.until())
                .setParameter("agency", agencyCode)
                .getResultList().stream().map(WhistleMetricsService::figures).findFirst()
                .orElse(new AgencyFigures(agencyCode, 0, 0, 0, 0, 0.0, null, null));
    }

    private static AgencyFigures figures(Object[] row) {
        long summoned = number(row[1]);
        long onTime = number(row[3]);
        double rate = summoned == 0 ? 0.0 : Math.round(onTime * 10_000.0 / summoned) / 10_000.0;
        return new AgencyFigures((String) row[0], summoned, number(row[2]), onTime, number(row[4]), rate,
                average(row[5]), average(row[6]));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double average(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 100.0) / 100.0;
    }
}
