package cn.streetgov.delegation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.casework.CaseDecision;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** The catalog's "in force" rule, accepted pairs and the case text. */
class DelegationDomainTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);

    @Test
    void shouldBeInForceFromTheEffectiveDateUntilRevoked() {
        DelegatedPower power = new DelegatedPower("CGZF-XK-001", "S01", DelegationMethod.DEVOLVE, DAY, 1L,
                DAY.atStartOfDay());
        assertThat(power.inForceOn(DAY.minusDays(1))).isFalse();
        assertThat(power.inForceOn(DAY)).isTrue();
        power.revoke(9L, DAY.plusDays(30).atStartOfDay());
        assertThat(power.inForceOn(DAY.plusDays(31))).isFalse();
        assertThat(power.getStatus()).isEqualTo(DelegatedPower.Status.REVOKED);
        assertThat(power.getRevocationId()).isEqualTo(9L);
    }

    @Test
    void shouldAcceptPairsThatAreEligibleAndNotRejected() {
        DelegationPair ineligible = new DelegationPair(1L, "A", "S01", false, "不下放", false);
        DelegationPair undecided = new DelegationPair(1L, "A", "S02", true, "可以", false);
        DelegationPair rejected = new DelegationPair(1L, "A", "S03", true, "可以", false);
        rejected.decideCapacity("REJECT");
        DelegationPair conditional = new DelegationPair(1L, "A", "T01", true, "可以", false);
        conditional.decideCapacity("ACCEPT_WITH_CONDITIONS");
        ineligible.decideCapacity("ACCEPT");
        assertThat(List.of(ineligible, undecided, rejected, conditional)).extracting(DelegationPair::isAccepted)
                .containsExactly(false, false, false, true);
    }

    @Test
    void shouldRenderTheCaseForTheForms() {
        DelegationCase c = new DelegationCase("FQ-2026-0001", new DelegationProposal("CGZF", List.of("CGZF-CF-002"),
                List.of("S01", "T01"), DelegationMethod.ENTRUST, "《大气污染防治法》", "镇里更方便", 2, DAY), "cgzf-off",
                LocalDateTime.of(2026, 11, 22, 9, 0));
        PowerItem item = new PowerItem("CGZF-CF-002", "露天烧烤处罚", PowerCategory.PENALTY, PolicyDomain.ECOLOGY, "CGZF",
                "《大气污染防治法》第一百一十八条");
        DelegationPair s01 = new DelegationPair(1L, "CGZF-CF-002", "S01", false, "不下放至中心城区街道", false);
        DelegationPair t01 = new DelegationPair(1L, "CGZF-CF-002", "T01", true, "须经合法性审查", true);
        t01.decideCapacity("REJECT");
        // 02:30 UTC is 10:30 in the district
        CaseDecision capacity = decision("评估承接能力", "REJECT", "不同意承接", "没有执法人员", "t01-off",
                "street-office-T01", "2026-11-23T02:30:00Z");
        CaseDecision legal = decision("合法性审查", "LAWFUL", "合法", null, "legal", "legal-review",
                "2026-11-23T03:00:00Z");
        CaseDecision system = decision("办结", "CLOSED", null, null, null, null, "2026-11-23T04:00:00Z");
        String text = CaseSummary.render(c, "城市管理和综合执法局", Map.of(item.getCode(), item),
                Map.of("S01", "东华街道", "T01", "青山镇"), Map.of("legal-review", "司法局（合法性审查）",
                        "street-office-T01", "青山镇人民政府"),
                List.of(s01, t01), List.of(capacity, legal, system),
                user -> Map.of("t01-off", "郑晓", "legal", "孙立法").getOrDefault(user, user));
        assertThat(text).contains("案件编号：FQ-2026-0001", "赋权方式：委托", "CGZF-CF-002 露天烧烤处罚〔行政处罚／生态环境〕",
                "提出部门：城市管理和综合执法局\n", "承接街道/镇：东华街道、青山镇\n", "✗ 东华街道 × CGZF-CF-002：不下放至中心城区街道",
                "✓ 青山镇 × CGZF-CF-002：须经合法性审查；承接意见：不同意承接",
                "2026-11-23 10:30 评估承接能力 青山镇 郑晓：不同意承接——没有执法人员",
                "2026-11-23 11:00 合法性审查 司法局（合法性审查） 孙立法：合法\n",
                "2026-11-23 12:00 办结 系统：CLOSED\n");
        // organisations and people by name, never by code
        assertThat(text).doesNotContain("（S01）", "（CGZF）", "t01-off");
        assertThat(text.length()).isLessThanOrEqualTo(CaseSummary.MAX_LENGTH + 1);
    }

    /** A row of the kernel's record as the case text reads it. */
    private static CaseDecision decision(String step, String decision, String label, String comment, String user,
            String group, String at) {
        CaseDecision d = Mockito.mock(CaseDecision.class);
        Mockito.when(d.getStepName()).thenReturn(step);
        Mockito.when(d.getDecision()).thenReturn(decision);
        Mockito.when(d.getDecisionLabel()).thenReturn(label);
        Mockito.when(d.getComment()).thenReturn(comment);
        Mockito.when(d.getActorUser()).thenReturn(user);
        Mockito.when(d.getActorGroup()).thenReturn(group);
        Mockito.when(d.getDecidedAt()).thenReturn(Instant.parse(at));
        return d;
    }
}
