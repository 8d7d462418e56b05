package cn.streetgov.delegation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
        DelegationDecision decision = new DelegationDecision(1L, DelegationDecision.Step.CAPACITY, "userTask_reviewCapacity", "T01",
                "t01-off", LocalDateTime.of(2026, 11, 23, 10, 30), "REJECT", "没有执法人员");
        String text = CaseSummary.render(c, "城市管理和综合执法局", Map.of(item.getCode(), item),
                Map.of("S01", "东华街道", "T01", "青山镇"), List.of(s01, t01), List.of(decision));
        assertThat(text).contains("案件编号：FQ-2026-0001", "赋权方式：委托", "CGZF-CF-002 露天烧烤处罚〔行政处罚／生态环境〕",
                "承接街道/镇：东华街道（S01）、青山镇（T01）", "✗ 东华街道 × CGZF-CF-002：不下放至中心城区街道",
                "✓ 青山镇 × CGZF-CF-002：须经合法性审查；承接意见：不同意",
                "2026-11-23 10:30 承接能力评估 青山镇 t01-off：不同意——没有执法人员");
        assertThat(text.length()).isLessThanOrEqualTo(CaseSummary.MAX_LENGTH + 1);
    }
}
