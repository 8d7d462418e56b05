package cn.streetgov.delegation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.streetgov.common.InvalidInputException;
import cn.streetgov.delegation.domain.ProposalValidator.RawProposal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProposalValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Map<String, PowerItem> ITEMS = Map.of(
            "CGZF-XK-001", new PowerItem("CGZF-XK-001", "临时占用城市道路审批", PowerCategory.LICENSING,
                    PolicyDomain.URBAN_MANAGEMENT, "CGZF", "《城市道路管理条例》"),
            "GA-CF-001", new PowerItem("GA-CF-001", "治安处罚", PowerCategory.PENALTY, PolicyDomain.PUBLIC_SAFETY, "GA",
                    "《治安管理处罚法》"));

    private final ProposalValidator validator = new ProposalValidator(code -> Optional.ofNullable(ITEMS.get(code)),
            Set.of("CGZF", "GA")::contains, Set.of("S01", "S02", "S03", "T01")::contains);

    @Test
    void shouldAcceptAValidProposalAndDropDuplicates() {
        DelegationProposal proposal = validator.validate(raw(List.of("CGZF-XK-001", "CGZF-XK-001"),
                List.of("S01", " S03 ", "S01"), 2, "2026-12-01"), Set.of("dept-CGZF"), TODAY);
        assertThat(proposal.itemCodes()).containsExactly("CGZF-XK-001");
        assertThat(proposal.targetOrgCodes()).containsExactly("S01", "S03");
        assertThat(proposal.method()).isEqualTo(DelegationMethod.DEVOLVE);
        assertThat(proposal.staffingTransfer()).isEqualTo(2);
        assertThat(proposal.effectiveDate()).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void shouldReportEveryProblemAtOnceInChinese() {
        RawProposal raw = new RawProposal("CGZF", List.of("GA-CF-001", "NOPE"), List.of(), "SELL", " ", null, -1,
                "2026-11-21");
        assertThatThrownBy(() -> validator.validate(raw, Set.of("dept-CGZF"), TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getErrors()).containsExactly(
                        "事项 GA-CF-001（治安处罚）属于其他部门（GA），只能提出本部门的事项",
                        "未知的权责事项: NOPE",
                        "请至少选择一个承接的街道/镇",
                        "请选择赋权方式（下放、委托、相对集中行政处罚权或赋权）",
                        "请填写法律依据",
                        "请填写下放理由",
                        "随事划转编制数必须是不小于 0 的整数",
                        "生效日期 2026-11-21 早于今天，不能追溯生效"));
    }

    @Test
    void shouldRefuseAnotherDepartmentsNameButLetAdministratorsAndTheEngineStart() {
        RawProposal raw = raw(List.of("CGZF-XK-001"), List.of("S01"), 0, "2026-11-22");
        assertThatThrownBy(() -> validator.validate(raw, Set.of("dept-GA"), TODAY))
                .hasMessageContaining("只能以本部门的名义");
        assertThat(validator.validate(raw, Set.of("camunda-admin"), TODAY)).isNotNull();
        assertThat(validator.validate(raw, null, TODAY)).isNotNull();
    }

    @Test
    void shouldRefuseUnknownCodes() {
        RawProposal raw = new RawProposal("XX", List.of("CGZF-XK-001"), List.of("X99"), "DEVOLVE", "a", "b", 0,
                "2026-11-22");
        assertThatThrownBy(() -> validator.validate(raw, null, TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getErrors())
                        .contains("未知或已停用的部门: XX", "未知或已停用的街道/镇: X99"));
    }

    @Test
    void shouldReadDatesAndNumbersAsTasklistSendsThem() {
        Date date = Date.from(LocalDate.of(2027, 1, 1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
        DelegationProposal proposal = validator.validate(raw(List.of("CGZF-XK-001"), List.of("T01"), 3L, date),
                null, TODAY);
        assertThat(proposal.effectiveDate()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(proposal.staffingTransfer()).isEqualTo(3);
        assertThat(validator.validate(raw(List.of("CGZF-XK-001"), List.of("T01"), "4", "2026-11-22T00:00:00"), null,
                TODAY).staffingTransfer()).isEqualTo(4);
        assertThatThrownBy(() -> validator.validate(raw(List.of("CGZF-XK-001"), List.of("T01"), 1.5, "22.11.2026"),
                null, TODAY)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getErrors())
                        .containsExactly("随事划转编制数必须是不小于 0 的整数", "生效日期格式应为 yyyy-MM-dd: 22.11.2026"));
    }

    private static RawProposal raw(List<String> items, List<String> targets, Object staffing, Object date) {
        return new RawProposal("CGZF", items, targets, "DEVOLVE", "《城市道路管理条例》", "方便群众", staffing, date);
    }
}
