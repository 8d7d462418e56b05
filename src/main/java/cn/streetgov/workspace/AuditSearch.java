package cn.streetgov.workspace;

import cn.streetgov.approval.EngineWork;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.CaseIndex;
import cn.streetgov.casework.CaseSearch;
import cn.streetgov.casework.IndexedCase;
import cn.streetgov.casework.OutcomeLabels;
import cn.streetgov.common.ForbiddenException;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.common.NotFoundException;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.Person;
import cn.streetgov.org.domain.Post;
import cn.streetgov.security.CurrentUser;
import cn.streetgov.workspace.CaseViews.CaseItem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The auditors' search (审计查询) over every case of every workflow, for auditors and administrators:
 * by case number, process, organisation, person, period and outcome ({@link CaseSearch}), each row
 * with its Chinese labels as the officials' lists show it; the case of a case number; and what the
 * search page offers to choose from, by name (processes, organisations, people, outcomes).
 */
@Service
class AuditSearch {

    static final String AUDITORS_ONLY = "审计查询仅供审计人员和系统管理员使用";

    private final CaseSearch search;
    private final CaseIndex index;
    private final CaseItems items;
    private final OrgDirectory orgs;
    private final CaseNames names;
    private final EngineWork engine;
    private final RepositoryService repository;
    private final ObjectProvider<OutcomeLabels> outcomes;

    AuditSearch(CaseSearch search, CaseIndex index, CaseItems items, OrgDirectory orgs, CaseNames names,
            EngineWork engine, RepositoryService repository, ObjectProvider<OutcomeLabels> outcomes) {
        this.search = search;
        this.index = index;
        this.items = items;
        this.orgs = orgs;
        this.names = names;
        this.engine = engine;
        this.repository = repository;
        this.outcomes = outcomes;
    }

    /** What the search page is given (the query parameters of {@code GET /api/audit/cases}). */
    record Filters(String caseNo, String processKey, String orgCode, String userId, String from, String to,
            String dates, String outcome, String state) {
    }

    /** 403 with the Chinese reason unless the user is an auditor or an administrator. */
    static void requireAuditor(CurrentUser user) {
        if (!user.isAdmin() && !user.isMemberOf(CurrentUser.AUDITOR)) {
            throw new ForbiddenException(AUDITORS_ONLY);
        }
    }

    /**
     * A page of the search: how many cases match (counted up to {@link CaseSearch#LIMIT}), whether more
     * do ({@code more}: then the newest {@link CaseSearch#LIMIT} are paged), and those of the page.
     */
    record AuditPage(long total, boolean more, List<CaseItem> items) {
    }

    @Transactional(readOnly = true)
    public AuditPage search(CurrentUser user, Filters filters, int page, int size) {
        requireAuditor(user);
        CaseSearch.Found found = search.search(criteria(filters), CaseLists.page(page), CaseLists.size(size));
        List<CaseHead> heads = found.cases().stream().map(CaseHead::of).toList();
        return new AuditPage(found.total(), found.more(), items.items(user, heads, Map.of()));
    }

    /** The case of the case number (the top one, when a number names a case and the cases it called); 404 when none. */
    @Transactional(readOnly = true)
    public CaseItem byCaseNo(CurrentUser user, String caseNo) {
        requireAuditor(user);
        IndexedCase found = search.byCaseNo(caseNo)
                .orElseThrow(() -> new NotFoundException("没有案件编号为 " + caseNo + " 的案件"));
        return items.item(user, CaseHead.of(found));
    }

    static CaseSearch.Criteria criteria(Filters f) {
        if (f.caseNo() != null && f.caseNo().length() > 64) {
            throw new InvalidInputException("案件编号不能超过 64 个字符");
        }
        CaseSearch.Dates dates;
        try {
            dates = f.dates() == null || f.dates().isBlank() ? CaseSearch.Dates.STARTED
                    : CaseSearch.Dates.valueOf(f.dates().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("参数 dates 只能是 STARTED（按发起时间）或 ENDED（按办结时间）");
        }
        Instant from = day(f.from(), "from", 0);
        Instant to = day(f.to(), "to", 1);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("起始日期不能晚于截止日期");
        }
        return new CaseSearch.Criteria(f.caseNo(), f.processKey(), f.orgCode(), f.userId(), from, to, dates,
                f.outcome(), CaseLists.state(f.state()));
    }

    /** The start of the day (yyyy-MM-dd, in the district's zone) plus {@code days}; null when not given. */
    private static Instant day(String value, String name, int days) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim()).plusDays(days).atStartOfDay(CaseClock.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("参数 " + name + " 应为日期，如 2026-12-02");
        }
    }

    // ------------------------------------------------------------------ what the page offers

    record Choice(String value, String label, String group) {
    }

    /** The choices of the search page, each with its Chinese label (and the group it is listed under). */
    record Options(List<Choice> processes, List<Choice> organisations, List<Choice> people, List<Choice> outcomes) {
    }

    @Transactional(readOnly = true)
    public Options options(CurrentUser user) {
        requireAuditor(user);
        Map<String, String> processes = new TreeMap<>();
        for (ProcessDefinition definition : engine.privileged(() -> repository.createProcessDefinitionQuery()
                .latestVersion().list())) {
            if (definition.getName() != null && !definition.getName().isBlank()) {
                processes.put(definition.getKey(), definition.getName());
            }
        }
        List<Choice> processChoices = processes.entrySet().stream()
                .map(e -> new Choice(e.getKey(), e.getValue(), null))
                .sorted(Comparator.comparing(Choice::label)).toList();
        List<Choice> organisations = new ArrayList<>();
        orgs.allUnits().forEach(u -> organisations.add(new Choice(u.getCode(), u.getName(), "街道/镇")));
        orgs.allDepartments().forEach(d -> organisations.add(new Choice(d.getCode(), d.getName(), "职能部门")));
        orgs.allAgencies().forEach(a -> organisations.add(new Choice(a.getCode(), a.getName(), "派驻机构")));
        List<Choice> people = new ArrayList<>();
        for (Person person : orgs.people()) {
            String org = person.getPosts().stream().findFirst().map(Post::groupId).map(names::organisationOf)
                    .orElse("其他");
            people.add(new Choice(person.getUsername(), person.getDisplayName(), org));
        }
        people.sort(Comparator.comparing(Choice::group).thenComparing(Choice::label));
        List<Choice> outcomeChoices = new ArrayList<>();
        outcomes.orderedStream().filter(o -> processes.containsKey(o.processKey())).forEach(o -> o.outcomeLabels()
                .forEach((code, label) -> outcomeChoices.add(new Choice(code, label, o.processKey()))));
        processes.keySet().forEach(key -> outcomeChoices.add(new Choice(CaseIndex.CANCELLED,
                index.outcomeLabel(key, CaseIndex.CANCELLED), key)));
        outcomeChoices.sort(Comparator.comparing(Choice::group).thenComparing(Choice::label));
        return new Options(processChoices, organisations, people, outcomeChoices);
    }
}
