package cn.streetgov.delegation.domain;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.common.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Checks a department's delegation proposal before anything is written; every problem is reported
 * at once, in Chinese. Lookups are passed in, so the rules are testable without a database.
 */
public class ProposalValidator {

    /** The raw start input, as submitted (lists already split). */
    public record RawProposal(String deptCode, List<String> itemCodes, List<String> targetOrgCodes, String method,
            String legalBasis, String reason, Object staffingTransfer, Object effectiveDate) {
    }

    private final Function<String, Optional<PowerItem>> items;
    private final Predicate<String> departmentExists;
    private final Predicate<String> unitExists;

    public ProposalValidator(Function<String, Optional<PowerItem>> items, Predicate<String> departmentExists,
            Predicate<String> unitExists) {
        this.items = items;
        this.departmentExists = departmentExists;
        this.unitExists = unitExists;
    }

    /**
     * @param starterGroups the submitting user's groups, or null when not started by a user
     * @throws InvalidInputException with every problem found
     */
    public DelegationProposal validate(RawProposal raw, Set<String> starterGroups, LocalDate today) {
        List<String> errors = new ArrayList<>();
        String deptCode = trim(raw.deptCode());
        if (deptCode == null) {
            errors.add("请选择提出赋权的部门（deptCode）");
        } else if (!departmentExists.test(deptCode)) {
            errors.add("未知或已停用的部门: " + deptCode);
        } else if (starterGroups != null && !starterGroups.contains("dept-" + deptCode)
                && !starterGroups.contains("camunda-admin")) {
            errors.add("只能以本部门的名义提出赋权申请（部门 " + deptCode + "）");
        }
        List<String> itemCodes = distinct(raw.itemCodes());
        if (itemCodes.isEmpty()) {
            errors.add("请至少选择一项赋权事项");
        }
        for (String code : itemCodes) {
            Optional<PowerItem> item = items.apply(code);
            if (item.isEmpty()) {
                errors.add("未知的权责事项: " + code);
            } else if (deptCode != null && !item.get().getDeptCode().equals(deptCode)) {
                errors.add("事项 " + code + "（" + item.get().getName() + "）属于其他部门（" + item.get().getDeptCode()
                        + "），只能提出本部门的事项");
            }
        }
        List<String> targets = distinct(raw.targetOrgCodes());
        if (targets.isEmpty()) {
            errors.add("请至少选择一个承接的街道/镇");
        }
        for (String org : targets) {
            if (!unitExists.test(org)) {
                errors.add("未知或已停用的街道/镇: " + org);
            }
        }
        Optional<DelegationMethod> method = DelegationMethod.parse(trim(raw.method()));
        if (method.isEmpty()) {
            errors.add("请选择赋权方式（下放、委托、相对集中行政处罚权或赋权）");
        }
        if (trim(raw.legalBasis()) == null) {
            errors.add("请填写法律依据");
        }
        if (trim(raw.reason()) == null) {
            errors.add("请填写下放理由");
        }
        Integer staffing = parseStaffing(raw.staffingTransfer(), errors);
        LocalDate effective = parseEffectiveDate(raw.effectiveDate(), today, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new DelegationProposal(deptCode, itemCodes, targets, method.get(), trim(raw.legalBasis()),
                trim(raw.reason()), staffing, effective);
    }

    static Integer parseStaffing(Object value, List<String> errors) {
        Integer staffing = null;
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            staffing = number.intValue();
        } else if (value instanceof String text && !text.isBlank()) {
            try {
                staffing = Integer.valueOf(text.trim());
            } catch (NumberFormatException e) {
                staffing = null;
            }
        } else if (value == null || (value instanceof String text && text.isBlank())) {
            staffing = 0;
        }
        if (staffing == null || staffing < 0) {
            errors.add("随事划转编制数必须是不小于 0 的整数");
            return null;
        }
        return staffing;
    }

    /** Effective date: ISO yyyy-MM-dd or a Date, not before today. */
    public static LocalDate parseEffectiveDate(Object value, LocalDate today, List<String> errors) {
        LocalDate date = null;
        if (value instanceof Date d) {
            date = d.toInstant().atZone(CaseClock.zone()).toLocalDate();
        } else if (value instanceof LocalDate d) {
            date = d;
        } else if (value instanceof String text && !text.isBlank()) {
            try {
                date = LocalDate.parse(text.trim().length() > 10 ? text.trim().substring(0, 10) : text.trim());
            } catch (DateTimeParseException e) {
                errors.add("生效日期格式应为 yyyy-MM-dd: " + text);
                return null;
            }
        }
        if (date == null) {
            errors.add("请填写生效日期");
            return null;
        }
        if (date.isBefore(today)) {
            errors.add("生效日期 " + date + " 早于今天，不能追溯生效");
            return null;
        }
        return date;
    }

    private static List<String> distinct(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                String v = trim(value);
                if (v != null) {
                    out.add(v);
                }
            }
        }
        return List.copyOf(out);
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
