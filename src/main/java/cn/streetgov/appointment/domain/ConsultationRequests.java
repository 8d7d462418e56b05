package cn.streetgov.appointment.domain;

import cn.streetgov.appointment.process.ConsultationProcess;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.org.domain.Agency;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks a department's proposal before anything is written: the agency must be one of the
 * department's own, a removal needs a head to remove, an appointment or transfer needs a
 * candidate. All problems are reported at once, in Chinese.
 */
public final class ConsultationRequests {

    /** Longest free text accepted (the engine keeps String variables of up to 4000 characters). */
    public static final int MAX_TEXT = 2000;

    private ConsultationRequests() {
    }

    public static ConsultationRequest parse(Map<String, Object> variables, Function<String, Optional<Agency>> agencies) {
        List<String> errors = new ArrayList<>();
        String deptCode = text(variables.get(ConsultationProcess.DEPT_CODE));
        String agencyCode = text(variables.get(ConsultationProcess.AGENCY_CODE));
        String candidate = text(variables.get(ConsultationProcess.CANDIDATE_NAME));
        String title = text(variables.get(ConsultationProcess.POSITION_TITLE));
        String reason = text(variables.get(ConsultationProcess.REASON));
        CadreAction action = parseEnum(CadreAction.class, variables.get(ConsultationProcess.ACTION));
        PositionLevel level = parseEnum(PositionLevel.class, variables.get(ConsultationProcess.POSITION_LEVEL));
        if (deptCode == null) {
            errors.add("请填写提出任免的部门（deptCode）");
        }
        Agency agency = null;
        if (agencyCode == null) {
            errors.add("请选择派驻机构（agencyCode）");
        } else {
            agency = agencies.apply(agencyCode).orElse(null);
            if (agency == null) {
                errors.add("未知或已停用的派驻机构: " + agencyCode);
            } else if (deptCode != null && !deptCode.equals(agency.getDeptCode())) {
                errors.add("派驻机构 " + agency.getName() + "（" + agencyCode + "）不属于部门 " + deptCode
                        + "，只能对本部门的派驻机构负责人发起任免");
            }
        }
        if (action == null) {
            errors.add("任免类型无效，应为 任职（APPOINT）、免职（REMOVE）或 调整（TRANSFER）");
        }
        if (level == null) {
            errors.add("职级无效，应为 科级（SECTION）或 处级（DIVISION）");
        }
        if (action == CadreAction.APPOINT && candidate == null) {
            errors.add("任职须填写拟任人选");
        }
        if (action == CadreAction.TRANSFER && candidate == null) {
            errors.add("调整须填写调整到该岗位的人选");
        }
        if (action == CadreAction.REMOVE && agency != null && !agency.hasHead()) {
            errors.add("派驻机构 " + agency.getName() + " 目前没有负责人，无法免职");
        }
        if (action == CadreAction.REMOVE && agency != null && agency.hasHead() && candidate != null
                && !candidate.equals(agency.getHeadName())) {
            errors.add("拟免职人选 " + candidate + " 不是 " + agency.getName() + " 的现任负责人（" + agency.getHeadName() + "）");
        }
        if (title == null) {
            errors.add("请填写职务名称");
        }
        if (reason == null) {
            errors.add("请填写任免理由");
        } else if (reason.length() > MAX_TEXT) {
            errors.add("任免理由不能超过 " + MAX_TEXT + " 字");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (action == CadreAction.REMOVE && candidate == null) {
            candidate = agency.getHeadName();
        }
        return new ConsultationRequest(deptCode, agencyCode, action, candidate, title, level, reason,
                text(variables.get(ConsultationProcess.DOSSIER_REF)), text(variables.get(ConsultationProcess.SUGGESTION_NO)));
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().trim();
        return s.isEmpty() ? null : s;
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, Object value) {
        String s = text(value);
        if (s == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
