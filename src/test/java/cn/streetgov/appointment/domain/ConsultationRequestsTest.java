package cn.streetgov.appointment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.streetgov.common.InvalidInputException;
import cn.streetgov.org.domain.Agency;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The start validation of a consultation, without Spring. */
class ConsultationRequestsTest {

    final Agency withHead = agency("S01", "GA", "东华派出所", "王所长");
    final Agency withoutHead = agency("S02", "GA", "西岭派出所", null);
    final Function<String, Optional<Agency>> agencies = code -> switch (code) {
        case "S01-GA" -> Optional.of(withHead);
        case "S02-GA" -> Optional.of(withoutHead);
        case "S01-CGZF" -> Optional.of(agency("S01", "CGZF", "东华城管执法中队", "李队长"));
        default -> Optional.empty();
    };

    @Test
    void shouldAcceptAValidAppointment() {
        ConsultationRequest request = ConsultationRequests.parse(vars("S01-GA", "APPOINT", " 张三 "), agencies);
        assertThat(request.action()).isEqualTo(CadreAction.APPOINT);
        assertThat(request.positionLevel()).isEqualTo(PositionLevel.SECTION);
        assertThat(request.candidateName()).isEqualTo("张三");
        assertThat(request.dossierRef()).isNull();
    }

    @Test
    void shouldTakeTheCurrentHeadAsCandidateOfARemoval() {
        assertThat(ConsultationRequests.parse(vars("S01-GA", "REMOVE", null), agencies).candidateName()).isEqualTo("王所长");
    }

    @Test
    void shouldRefuseRemovalOfSomeoneWhoIsNotTheHead() {
        assertThatThrownBy(() -> ConsultationRequests.parse(vars("S01-GA", "REMOVE", "赵六"), agencies))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不是 东华派出所 的现任负责人");
    }

    @Test
    void shouldRefuseRemovalWithoutHead() {
        assertThatThrownBy(() -> ConsultationRequests.parse(vars("S02-GA", "REMOVE", null), agencies))
                .hasMessageContaining("目前没有负责人，无法免职");
    }

    @Test
    void shouldRefuseAnotherDepartmentsAgency() {
        assertThatThrownBy(() -> ConsultationRequests.parse(vars("S01-CGZF", "APPOINT", "张三"), agencies))
                .hasMessageContaining("不属于部门 GA");
    }

    @Test
    void shouldRefuseAppointmentAndTransferWithoutCandidate() {
        assertThatThrownBy(() -> ConsultationRequests.parse(vars("S01-GA", "APPOINT", null), agencies))
                .hasMessageContaining("任职须填写拟任人选");
        assertThatThrownBy(() -> ConsultationRequests.parse(vars("S01-GA", "TRANSFER", ""), agencies))
                .hasMessageContaining("调整须填写");
    }

    @Test
    void shouldReportEveryProblemAtOnce() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("agencyCode", "X-1");
        vars.put("action", "PROMOTE");
        InvalidInputException e = (InvalidInputException) org.junit.jupiter.api.Assertions.assertThrows(
                InvalidInputException.class, () -> ConsultationRequests.parse(vars, agencies));
        assertThat(e.getErrors()).contains("请填写提出任免的部门（deptCode）", "未知或已停用的派驻机构: X-1", "请填写职务名称", "请填写任免理由");
        assertThat(e.getErrors()).anyMatch(m -> m.startsWith("任免类型无效")).anyMatch(m -> m.startsWith("职级无效"));
    }

    @Test
    void shouldRefuseAnOverlongReason() {
        Map<String, Object> vars = vars("S01-GA", "APPOINT", "张三");
        vars.put("reason", "理".repeat(ConsultationRequests.MAX_TEXT + 1));
        assertThatThrownBy(() -> ConsultationRequests.parse(vars, agencies)).hasMessageContaining("不能超过 2000 字");
    }

    @Test
    void shouldClipLongTextsForTheForms() {
        assertThat(ConsultationService.clip("一二三四五", 3)).isEqualTo("一二…");
        assertThat(ConsultationService.clip("一二", 3)).isEqualTo("一二");
        assertThat(ConsultationService.clip(null, 3)).isNull();
    }

    static Map<String, Object> vars(String agency, String action, String candidate) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("deptCode", "GA");
        vars.put("agencyCode", agency);
        vars.put("action", action);
        vars.put("candidateName", candidate);
        vars.put("positionTitle", "所长");
        vars.put("positionLevel", "SECTION");
        vars.put("reason", "工作需要");
        return vars;
    }

    static Agency agency(String org, String dept, String name, String head) {
        Agency agency = new Agency(org, dept, name);
        if (head != null) {
            agency.appointHead(head, name + "负责人", LocalDate.of(2024, 1, 1));
        }
        return agency;
    }
}
