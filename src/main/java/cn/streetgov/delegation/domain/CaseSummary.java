package cn.streetgov.delegation.domain;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.CaseDecision;
import cn.streetgov.org.domain.PostRole;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders a case as plain Chinese text for the read-only part of the task forms: organisations and
 * people by name, decisions by their labels (the catalog's item codes stay, they name the items).
 */
final class CaseSummary {

    /** Camunda keeps String variables up to 4000 characters. */
    static final int MAX_LENGTH = 3900;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private CaseSummary() {
    }

    /**
     * @param orgNames street/town code → name
     * @param groupNames Camunda group id → name (the bodies that decided)
     * @param decisions the kernel's record of the case, oldest first
     * @param personNames user name → the person's name (family name first)
     */
    static String render(DelegationCase c, String deptName, Map<String, PowerItem> items, Map<String, String> orgNames,
            Map<String, String> groupNames, List<DelegationPair> pairs, List<CaseDecision> decisions,
            Function<String, String> personNames) {
        Map<String, String> streetOfGroup = streetGroups(orgNames);
        StringBuilder out = new StringBuilder();
        out.append("案件编号：").append(c.getCaseNo()).append('\n');
        out.append("提出部门：").append(deptName).append('\n');
        out.append("赋权方式：").append(c.getMethod().label()).append('\n');
        out.append("生效日期：").append(c.getEffectiveDate()).append('\n');
        out.append("随事划转编制：").append(c.getStaffingTransfer()).append(" 名\n");
        out.append("法律依据：").append(c.getLegalBasis()).append('\n');
        out.append("下放理由：").append(c.getReason()).append('\n');
        out.append("赋权事项：\n");
        for (String code : c.getItemCodes()) {
            PowerItem item = items.get(code);
            out.append("  · ").append(code);
            if (item != null) {
                out.append(' ').append(item.getName()).append("〔").append(item.getCategory().label()).append("／")
                        .append(item.getDomain().label()).append("〕");
            }
            out.append('\n');
        }
        out.append("承接街道/镇：").append(c.getTargetOrgCodes().stream()
                .map(o -> orgNames.getOrDefault(o, o)).collect(Collectors.joining("、"))).append('\n');
        if (!pairs.isEmpty()) {
            out.append("规则审查结果：\n");
            for (DelegationPair p : pairs) {
                out.append(p.isEligible() ? "  ✓ " : "  ✗ ").append(orgNames.getOrDefault(p.getOrgCode(), p.getOrgCode()))
                        .append(" × ").append(p.getItemCode()).append("：").append(p.getEligibilityReason());
                if (p.getCapacityDecision() != null) {
                    out.append("；承接意见：").append(capacityLabel(p, decisions, streetOfGroup));
                }
                out.append('\n');
            }
        }
        if (!decisions.isEmpty()) {
            out.append("审查意见：\n");
            for (CaseDecision d : decisions) {
                out.append("  · ").append(CaseClock.toLocal(d.getDecidedAt()).format(WHEN)).append(' ')
                        .append(d.getStepName() != null ? d.getStepName() : d.getTaskKey());
                String body = body(d, orgNames, groupNames, streetOfGroup);
                if (body != null) {
                    out.append(' ').append(body);
                }
                out.append(' ').append(d.getActorUser() != null ? personNames.apply(d.getActorUser()) : "系统").append("：")
                        .append(label(d));
                if (d.getComment() != null) {
                    out.append("——").append(d.getComment());
                }
                out.append('\n');
            }
        }
        if (c.getClosingNote() != null) {
            out.append("办结说明：").append(c.getClosingNote()).append('\n');
        }
        String text = out.toString();
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "…" : text;
    }

    /** Who decided: the street/town a review or report was for, else the deciding body's name. */
    private static String body(CaseDecision d, Map<String, String> orgNames, Map<String, String> groupNames,
            Map<String, String> streetOfGroup) {
        String street = streetOfGroup.get(d.getActorGroup());
        if (street != null) {
            return orgNames.get(street);
        }
        return d.getActorGroup() == null ? null : groupNames.getOrDefault(d.getActorGroup(), d.getActorGroup());
    }

    /** The label the street's capacity decision was recorded with (the value itself when none was). */
    private static String capacityLabel(DelegationPair pair, List<CaseDecision> decisions,
            Map<String, String> streetOfGroup) {
        String label = pair.getCapacityDecision();
        for (CaseDecision d : decisions) {
            if (pair.getOrgCode().equals(streetOfGroup.get(d.getActorGroup()))
                    && pair.getCapacityDecision().equals(d.getDecision()) && d.getDecisionLabel() != null) {
                label = d.getDecisionLabel();
            }
        }
        return label;
    }

    private static String label(CaseDecision d) {
        if (d.getDecisionLabel() != null) {
            return d.getDecisionLabel();
        }
        return d.getDecision() != null ? d.getDecision() : "";
    }

    /** The groups of a street/town (its office and its committee) → the street/town's code. */
    private static Map<String, String> streetGroups(Map<String, String> orgNames) {
        Map<String, String> streets = new HashMap<>();
        for (String code : orgNames.keySet()) {
            streets.put(PostRole.STREET_OFFICE.groupId(code), code);
            streets.put(PostRole.STREET_COMMITTEE.groupId(code), code);
        }
        return streets;
    }
}
