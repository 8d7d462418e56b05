package cn.streetgov.startform;

import cn.streetgov.admission.domain.DutyItem;
import cn.streetgov.admission.domain.DutyLists;
import cn.streetgov.admission.process.DutyAdmissionProcess;
import cn.streetgov.admission.process.DutyExitProcess;
import cn.streetgov.appointment.process.ConsultationProcess;
import cn.streetgov.appointment.process.SuggestionProcess;
import cn.streetgov.assessment.domain.AssessmentPeriod;
import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.assessment.process.AssessmentProcess;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.ProcessStarters;
import cn.streetgov.common.ForbiddenException;
import cn.streetgov.common.NotFoundException;
import cn.streetgov.delegation.domain.DelegatedPower;
import cn.streetgov.delegation.domain.PowerCatalog;
import cn.streetgov.delegation.domain.PowerItem;
import cn.streetgov.delegation.process.PowerDelegationProcess;
import cn.streetgov.delegation.process.PowerRevocationProcess;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.Agency;
import cn.streetgov.org.domain.Department;
import cn.streetgov.org.domain.OrgUnit;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.org.domain.UnitType;
import cn.streetgov.security.CurrentUser;
import cn.streetgov.majormatter.domain.MajorMatterService;
import cn.streetgov.majormatter.process.MajorMatterProcess;
import cn.streetgov.whistle.process.WhistleProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the start forms offer the logged-in official, from the organisation model and the power
 * catalog at the moment the form opens: the lists the forms name by {@code valuesKey}
 * ({@link #OPTION_KEYS}), and the fields that are the official's own (their department, their
 * street) and so pre-chosen rather than chosen. Only what the official may start with: a department
 * sees its own items and agencies, a street office its own street, a street committee the agencies in
 * its street. The start listeners check every start again; these lists only spare officials choices
 * they may not make.
 */
@Service
@Transactional(readOnly = true)
public class StartOptions {

    /** The option lists a start form may name with {@code valuesKey}. */
    public static final String DEPARTMENTS = "deptOptions";
    public static final String POWER_ITEMS = "powerItemOptions";
    public static final String STREETS = "orgOptions";
    public static final String AGENCIES = "agencyOptions";
    public static final String SUMMONED_DEPARTMENTS = "summonedDeptOptions";
    public static final String POWERS_IN_FORCE = "powerInForceOptions";
    public static final String PERIODS = "periodOptions";
    /** Who may send a major matter: the official's own departments, and 区政府 for its officials. */
    public static final String SENDERS = "senderOptions";
    /** duty-exit: the duties of the official's street/town list that have a guiding department. */
    public static final String DUTIES = "dutyOptions";
    public static final Set<String> OPTION_KEYS = Set.of(DEPARTMENTS, POWER_ITEMS, STREETS, AGENCIES,
            SUMMONED_DEPARTMENTS, POWERS_IN_FORCE, PERIODS, SENDERS, DUTIES);

    /** The processes whose start forms take their options from here. */
    public static final Set<String> PROCESSES = Set.of(PowerDelegationProcess.KEY, PowerRevocationProcess.KEY,
            ConsultationProcess.KEY, SuggestionProcess.KEY, WhistleProcess.KEY, AssessmentProcess.KEY,
            MajorMatterProcess.KEY, DutyAdmissionProcess.KEY, DutyExitProcess.KEY);

    /** One choice: the value submitted and the Chinese label shown. */
    public record Option(String value, String label) {
    }

    /**
     * The options of one process's start form for one official: the lists by their {@code valuesKey},
     * and the fields pre-chosen for them (field key → value), e.g. {@code deptCode → CGZF}.
     */
    public record FormOptions(String processKey, Map<String, List<Option>> options, Map<String, String> chosen) {
    }

    private final OrgDirectory org;
    private final PowerCatalog catalog;
    private final AssessmentService assessments;
    private final List<ProcessStarters> starters;
    private final DutyLists duties;

    StartOptions(OrgDirectory org, PowerCatalog catalog, AssessmentService assessments, List<ProcessStarters> starters,
            DutyLists duties) {
        this.duties = duties;
        this.org = org;
        this.catalog = catalog;
        this.assessments = assessments;
        this.starters = starters;
    }

    /**
     * The options of {@code processKey}'s start form for {@code user}: 404 for a process without
     * start options, 403 (Chinese reason) for someone who may not start it.
     */
    public FormOptions forUser(String processKey, CurrentUser user) {
        if (!PROCESSES.contains(processKey)) {
            throw new NotFoundException("流程 " + processKey + " 没有由用户填写的启动表单");
        }
        ProcessStarters starter = starters.stream().filter(s -> s.processKey().equals(processKey)).findFirst()
                .orElseThrow(() -> new NotFoundException("流程 " + processKey + " 不能由用户直接启动"));
        if (!user.isAdmin() && starter.starterGroups().stream().noneMatch(user::isMemberOf)) {
            throw new ForbiddenException("您所在的单位不能发起此流程，没有可选的启动内容");
        }
        Map<String, List<Option>> options = new LinkedHashMap<>();
        Map<String, String> chosen = new LinkedHashMap<>();
        switch (processKey) {
            case PowerDelegationProcess.KEY -> {
                List<Department> depts = ownDepartments(user);
                choose(options, chosen, DEPARTMENTS, PowerDelegationProcess.Vars.DEPT_CODE, departmentOptions(depts));
                options.put(POWER_ITEMS, itemOptions(depts));
                options.put(STREETS, org.units().stream().map(StartOptions::streetOption).toList());
            }
            case PowerRevocationProcess.KEY -> {
                List<Department> depts = ownDepartments(user);
                choose(options, chosen, DEPARTMENTS, PowerRevocationProcess.Vars.DEPT_CODE, departmentOptions(depts));
                revocationOptions(depts, options);
            }
            case ConsultationProcess.KEY -> {
                List<Department> depts = ownDepartments(user);
                choose(options, chosen, DEPARTMENTS, ConsultationProcess.DEPT_CODE, departmentOptions(depts));
                options.put(AGENCIES, depts.stream().flatMap(d -> org.agenciesOf(d.getCode()).stream())
                        .map(this::agencyInStreetOption).toList());
            }
            case SuggestionProcess.KEY -> {
                List<OrgUnit> streets = ownStreets(user, PostRole.STREET_COMMITTEE);
                options.put(AGENCIES, streets.stream().flatMap(u -> org.agenciesIn(u.getCode()).stream())
                        .map(a -> new Option(a.getCode(), a.getName())).toList());
                // a street's own post: the own street and the competent department (any of the district's)
                choose(options, chosen, STREETS, SuggestionProcess.ORG_CODE,
                        streets.stream().map(u -> new Option(u.getCode(), u.getName())).toList());
                options.put(DEPARTMENTS, departmentOptions(org.departments()));
            }
            case WhistleProcess.KEY -> {
                List<OrgUnit> streets = ownStreets(user, PostRole.STREET_OFFICE);
                choose(options, chosen, STREETS, WhistleProcess.Vars.ORG_CODE,
                        streets.stream().map(u -> new Option(u.getCode(), u.getName())).toList());
                OrgUnit only = streets.size() == 1 ? streets.get(0) : null;
                options.put(SUMMONED_DEPARTMENTS, org.departments().stream()
                        .map(d -> new Option(d.getCode(), d.getName() + reportingAgency(only, d))).toList());
            }
            case MajorMatterProcess.KEY -> {
                List<Option> senders = new java.util.ArrayList<>(departmentOptions(ownDepartments(user)));
                if (user.isAdmin() || user.isMemberOf(PostRole.DISTRICT_GOVERNMENT.groupId(null))) {
                    senders.add(new Option(MajorMatterService.GOVERNMENT, "区政府"));
                }
                choose(options, chosen, SENDERS, MajorMatterProcess.Vars.SENDER_CODE, senders);
                options.put(STREETS, org.units().stream().map(StartOptions::streetOption).toList());
            }
            case AssessmentProcess.KEY -> {
                options.put(PERIODS, periodOptions());
                options.put(STREETS, org.units().stream().map(StartOptions::streetOption).toList());
            }
            case DutyAdmissionProcess.KEY -> {
                List<Department> depts = ownDepartments(user);
                choose(options, chosen, DEPARTMENTS, DutyAdmissionProcess.Vars.DEPT_CODE, departmentOptions(depts));
                options.put(STREETS, org.units().stream().map(StartOptions::streetOption).toList());
            }
            case DutyExitProcess.KEY -> {
                List<OrgUnit> streets = org.units().stream().filter(u -> user.isAdmin()
                        || user.isMemberOf(PostRole.STREET_COMMITTEE.groupId(u.getCode()))
                        || user.isMemberOf(PostRole.STREET_OFFICE.groupId(u.getCode()))).toList();
                choose(options, chosen, STREETS, DutyExitProcess.Vars.ORG_CODE,
                        streets.stream().map(u -> new Option(u.getCode(), u.getName())).toList());
                boolean several = streets.size() > 1;
                List<Option> items = new ArrayList<>();
                for (OrgUnit street : streets) {
                    for (DutyItem item : duties.current(street.getCode()).items()) {
                        if (item.getDeptCode() != null) {
                            items.add(new Option(item.getCode(), item.getCode() + " " + item.getName() + "（"
                                    + (several ? street.getName() + "·" : "") + item.getCategory().label() + "）"));
                        }
                    }
                }
                options.put(DUTIES, items);
            }
            default -> throw new IllegalStateException(processKey);
        }
        return new FormOptions(processKey, options, chosen);
    }

    // ---- who the official is ----

    /** The active departments the user works for (every one for an administrator). */
    private List<Department> ownDepartments(CurrentUser user) {
        return org.departments().stream()
                .filter(d -> user.isAdmin() || user.isMemberOf(PostRole.DEPARTMENT.groupId(d.getCode()))).toList();
    }

    /** The active streets/towns whose {@code role} group the user belongs to (every one for an administrator). */
    private List<OrgUnit> ownStreets(CurrentUser user, PostRole role) {
        return org.units().stream().filter(u -> user.isAdmin() || user.isMemberOf(role.groupId(u.getCode()))).toList();
    }

    /** The list; and when it holds exactly one option, the field is pre-chosen with it. */
    private static void choose(Map<String, List<Option>> options, Map<String, String> chosen, String optionKey,
            String fieldKey, List<Option> values) {
        options.put(optionKey, values);
        if (values.size() == 1) {
            chosen.put(fieldKey, values.get(0).value());
        }
    }

    // ---- labels ----

    private static List<Option> departmentOptions(List<Department> depts) {
        return depts.stream().map(d -> new Option(d.getCode(), d.getName())).toList();
    }

    /** 东华街道, 南湖街道（非中心城区）, 青山镇. */
    static Option streetOption(OrgUnit unit) {
        boolean outer = unit.getType() == UnitType.STREET && !unit.isCentral();
        return new Option(unit.getCode(), unit.getName() + (outer ? "（非中心城区）" : ""));
    }

    /** CGZF-CF-001 对擅自占用、挖掘城市道路的行政处罚（行政处罚）; with the department when several are offered. */
    private List<Option> itemOptions(List<Department> depts) {
        boolean several = depts.size() > 1;
        List<Option> items = new ArrayList<>();
        for (Department dept : depts) {
            for (PowerItem item : catalog.items(dept.getCode())) {
                items.add(new Option(item.getCode(), itemLabel(item, several ? dept.getName() + "·" : "")));
            }
        }
        return items;
    }

    private static String itemLabel(PowerItem item, String prefix) {
        return item.getCode() + " " + item.getName() + "（" + prefix + item.getCategory().label() + "）";
    }

    /** 东华派出所（东华街道）. */
    private Option agencyInStreetOption(Agency agency) {
        return new Option(agency.getCode(), agency.getName() + "（"
                + org.nameOf(agency.getOrgCode()).orElse(agency.getOrgCode()) + "）");
    }

    /** （由东华派出所报到） when the department keeps an agency in the street, else nothing. */
    private String reportingAgency(OrgUnit street, Department dept) {
        if (street == null) {
            return "";
        }
        return org.findAgency(street.getCode(), dept.getCode()).map(a -> "（由" + a.getName() + "报到）").orElse("");
    }

    /**
     * The departments' items delegated now (each with the streets holding it) and those streets: what
     * a revocation may name (the start listener checks that the chosen street holds the chosen item).
     */
    private void revocationOptions(List<Department> depts, Map<String, List<Option>> options) {
        Set<String> deptCodes = depts.stream().map(Department::getCode).collect(Collectors.toSet());
        Map<String, PowerItem> items = new TreeMap<>();
        Map<String, Set<String>> holders = new TreeMap<>();
        for (DelegatedPower power : catalog.activePowers()) {
            Optional<PowerItem> item = catalog.findItem(power.getItemCode());
            if (item.isPresent() && deptCodes.contains(item.get().getDeptCode())) {
                items.put(item.get().getCode(), item.get());
                holders.computeIfAbsent(item.get().getCode(), k -> new TreeSet<>()).add(power.getOrgCode());
            }
        }
        Function<String, String> name = code -> org.nameOf(code).orElse(code);
        options.put(POWERS_IN_FORCE, items.values().stream().map(item -> new Option(item.getCode(),
                item.getCode() + " " + item.getName() + "（已下放："
                        + holders.get(item.getCode()).stream().map(name).collect(Collectors.joining("、")) + "）"))
                .toList());
        Set<String> streets = holders.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
        options.put(STREETS, streets.stream().map(code -> new Option(code, name.apply(code))).toList());
    }

    /**
     * The periods of last year, this year and next year not yet assessed (年度, 半年, 季度), this
     * year's first: 2026年度, 2026年上半年 … in Chinese, never the codes.
     */
    private List<Option> periodOptions() {
        int year = CaseClock.today().getYear();
        Set<String> opened = Set.copyOf(assessments.periods());
        List<Option> periods = new ArrayList<>();
        for (int y : List.of(year, year - 1, year + 1)) {
            for (String suffix : List.of("", "-H1", "-H2", "-Q1", "-Q2", "-Q3", "-Q4")) {
                String code = y + suffix;
                if (!opened.contains(code)) {
                    periods.add(new Option(code, AssessmentPeriod.label(code)));
                }
            }
        }
        return periods;
    }
}
