package cn.streetgov.casework;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The search over every case of the kernel's index (the auditors' 审计查询): by case number (the whole
 * number or its beginning), process, organisation the case belongs to ({@code case_index_org}), person
 * (who started it or completed a task of it), period (started or ended within), outcome and state,
 * newest first, paged in the database. Each filter is a condition on an index of V64, so that a page
 * stays fast with 100,000 cases; only the filters given are part of the query, and every value is a
 * bound parameter. The matches are counted up to {@value #LIMIT} (counting every case of a broad search
 * would read them all) and paged within those: a search that finds more says so, and its newest
 * {@value #LIMIT} are listed — narrower filters find the others.
 */
@Service
public class CaseSearch {

    /** Which of a case's times the period is about. */
    public enum Dates {
        STARTED, ENDED
    }

    /**
     * What to look for; a null (or blank) field does not filter.
     *
     * @param caseNo the case number or its beginning (FQ-2026-0007, FQ-2026)
     * @param orgCode a street/town, department or agency the case belongs to
     * @param userId who started the case or completed a task of it
     * @param from the period's start (inclusive), {@code to} its end (exclusive), on {@code dates}
     */
    public record Criteria(String caseNo, String processKey, String orgCode, String userId, Instant from, Instant to,
            Dates dates, String outcome, CaseIndex.State state) {

        public Criteria {
            caseNo = blankToNull(caseNo);
            processKey = blankToNull(processKey);
            orgCode = blankToNull(orgCode);
            userId = blankToNull(userId);
            outcome = blankToNull(outcome);
            dates = dates == null ? Dates.STARTED : dates;
            state = state == null ? CaseIndex.State.ALL : state;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /** How many matches are counted and may be paged through. */
    public static final int LIMIT = 1000;

    /**
     * A page of the matches, newest first.
     *
     * @param total how many match, at most {@link #LIMIT}
     * @param more whether more than {@link #LIMIT} match (then only the newest {@link #LIMIT} are paged)
     */
    public record Found(List<IndexedCase> cases, long total, boolean more) {
    }

    @PersistenceContext
    private EntityManager entities;

    private final IndexedCaseRepository cases;

    CaseSearch(IndexedCaseRepository cases) {
        this.cases = cases;
    }

    /** One page of the cases matching, newest first (by start), with how many match (up to {@link #LIMIT}). */
    @Transactional(readOnly = true)
    public Found search(Criteria criteria, int page, int size) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String from = from(criteria, parameters);
        Query count = entities.createNativeQuery("select count(*) from (select c.id" + from + " limit " + (LIMIT + 1)
                + ") m");
        parameters.forEach(count::setParameter);
        long matches = ((Number) count.getSingleResult()).longValue();
        long total = Math.min(matches, LIMIT);
        boolean more = matches > LIMIT;
        if ((long) page * size >= total) {
            return new Found(List.of(), total, more);
        }
        String sql;
        if (criteria.userId() != null) {
            // by person: the person's cases are few, so they are found first and then sorted. Within a derived
            // table, because H2 would otherwise read the organisation's index in order and query the person's
            // cases once for each of its rows (MariaDB merges the derived table and keeps its plan)
            sql = "select m.id from (select c.id, c.started_at" + from + ") m order by m.started_at desc, m.id desc";
        } else if (criteria.orgCode() != null) {
            // by organisation: in the order of its own index (the case's start is kept there too)
            sql = "select c.id" + from + " order by o.started_at desc, o.case_index_id desc";
        } else {
            sql = "select c.id" + from + " order by c.started_at desc, c.id desc";
        }
        Query select = entities.createNativeQuery(sql);
        parameters.forEach(select::setParameter);
        select.setFirstResult(page * size);
        select.setMaxResults((int) Math.min(size, total - (long) page * size));
        List<Long> ids = ((List<?>) select.getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
        Map<Long, IndexedCase> byId = cases.findAllById(ids).stream()
                .collect(Collectors.toMap(IndexedCase::getId, Function.identity()));
        List<IndexedCase> rows = new ArrayList<>();
        ids.stream().map(byId::get).filter(java.util.Objects::nonNull).forEach(rows::add);
        return new Found(rows, total, more);
    }

    /**
     * The case of this exact number: a case started on its own rather than one a case called, should a
     * number ever name both; else the first indexed.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<IndexedCase> byCaseNo(String caseNo) {
        if (caseNo == null || caseNo.isBlank()) {
            return java.util.Optional.empty();
        }
        List<IndexedCase> numbered = cases.findByCaseNoOrderByIdAsc(caseNo.trim());
        return numbered.stream().filter(c -> c.getParentInstanceId() == null).findFirst()
                .or(() -> numbered.stream().findFirst());
    }

    /** The FROM and WHERE of the search; fills in the parameters it names. */
    private static String from(Criteria c, Map<String, Object> parameters) {
        StringBuilder sql = new StringBuilder(" from case_index c");
        if (c.orgCode() != null) {
            sql.append(" join case_index_org o on o.case_index_id = c.id and o.org_code = :org");
            parameters.put("org", c.orgCode());
        }
        if (c.userId() != null) {
            // a derived table rather than an OR of the two: each half reads its own index
            sql.append(" join (select s.process_instance_id as pid from case_index s where s.starter_user = :person")
                    .append(" union select d.process_instance_id from case_index_done d where d.user_id = :person) p")
                    .append(" on p.pid = c.process_instance_id");
            parameters.put("person", c.userId());
        }
        sql.append(" where 1 = 1");
        if (c.caseNo() != null) {
            sql.append(" and c.case_no like :caseNo escape '!'");
            parameters.put("caseNo", c.caseNo().toUpperCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%");
        }
        if (c.processKey() != null) {
            sql.append(" and c.process_key = :process");
            parameters.put("process", c.processKey());
        }
        if (c.outcome() != null) {
            sql.append(" and c.outcome = :outcome");
            parameters.put("outcome", c.outcome());
        }
        switch (c.state()) {
            case RUNNING -> sql.append(" and c.ended_at is null");
            case ENDED -> sql.append(" and c.ended_at is not null");
            default -> {
            }
        }
        String column = c.dates() == Dates.ENDED ? "c.ended_at" : "c.started_at";
        if (c.from() != null) {
            sql.append(" and ").append(column).append(" >= :from");
            parameters.put("from", c.from());
        }
        if (c.to() != null) {
            sql.append(" and ").append(column).append(" < :to");
            parameters.put("to", c.to());
        }
        return sql.toString();
    }
}
