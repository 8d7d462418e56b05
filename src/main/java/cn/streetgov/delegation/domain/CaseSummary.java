package cn.streetgov.delegation.domain;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a case as plain Chinese text for the read-only part of the task forms. */
final class CaseSummary {

    /** Camunda keeps String variables up to 4000 characters. */
    static final int MAX_LENGTH = 3900;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static final Map<String, String> DECISION_LABELS = Map.ofEntries(
            Map.entry("ACCEPT", "同意承接"),
            Map.entry("ACCEPT_WITH_CONDITIONS", "附条件承接"),
            Map.entry("REJECT", "不同意"),
            Map.entry("LAWFUL", "合法"),
            Map.entry("REVISE", "需修改"),
            Map.entry("UNLAWFUL", "不合法"),
            Map.entry("RESUBMIT", "修改后重新提交"),
            Map.entry("WITHDRAW", "撤回申请"),
            Map.entry("APPROVE", "同意"),
            Map.entry("RETURN", "退回修改"),
            Map.entry("WORKING", "运行良好"),
            Map.entry("PROBLEMS", "存在问题"));

    private CaseSummary() {
    }

    static String render(DelegationCase c, String deptName, Map<String, PowerItem> items, Map<String, String> orgNames,
            List<DelegationPair> pairs, List<DelegationDecision> decisions) {
        StringBuilder out = new StringBuilder();
        out.append("案件编号：").append(c.getCaseNo()).append('\n');
        out.append("提出部门：").append(deptName).append("（").append(c.getDeptCode()).append("）\n");
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
                .map(o -> orgNames.getOrDefault(o, o) + "（" + o + "）").collect(Collectors.joining("、"))).append('\n');
        if (!pairs.isEmpty()) {
            out.append("规则审查结果：\n");
            for (DelegationPair p : pairs) {
                out.append(p.isEligible() ? "  ✓ " : "  ✗ ").append(orgNames.getOrDefault(p.getOrgCode(), p.getOrgCode()))
                        .append(" × ").append(p.getItemCode()).append("：").append(p.getEligibilityReason());
                if (p.getCapacityDecision() != null) {
                    out.append("；承接意见：").append(label(p.getCapacityDecision()));
                }
                out.append('\n');
            }
        }
        if (!decisions.isEmpty()) {
            out.append("审查意见：\n");
            for (DelegationDecision d : decisions) {
                out.append("  · ").append(d.getDecidedAt().format(WHEN)).append(' ').append(d.getStep().label())
                        .append(" ").append(orgNames.getOrDefault(d.getOrgCode(), d.getOrgCode())).append(' ')
                        .append(d.getDecidedBy()).append("：").append(label(d.getDecision()));
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

    static String label(String decision) {
        return DECISION_LABELS.getOrDefault(decision, decision);
    }
}
