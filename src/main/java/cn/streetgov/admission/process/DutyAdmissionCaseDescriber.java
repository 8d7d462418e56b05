package cn.streetgov.admission.process;

import cn.streetgov.admission.domain.DutyAdmissionCase;
import cn.streetgov.admission.domain.DutyAdmissionTarget;
import cn.streetgov.admission.domain.DutyAdmissions;
import cn.streetgov.admission.process.DutyAdmissionProcess.Vars;
import cn.streetgov.casework.CaseDescriber;
import cn.streetgov.org.OrgDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * How a duty-admission case is listed: 城市管理和综合执法局 申请准入「共享单车停放秩序日常巡查」; it belongs to
 * the department and every target street/town.
 */
@Component
class DutyAdmissionCaseDescriber implements CaseDescriber {

    private final DutyAdmissions admissions;
    private final OrgDirectory orgs;

    DutyAdmissionCaseDescriber(DutyAdmissions admissions, OrgDirectory orgs) {
        this.admissions = admissions;
        this.orgs = orgs;
    }

    @Override
    public String processKey() {
        return DutyAdmissionProcess.KEY;
    }

    @Override
    public Description describe(Facts facts) {
        DutyAdmissionCase admission = facts.caseNo() == null ? null
                : admissions.findByCaseNo(facts.caseNo()).orElse(null);
        if (admission == null) {
            return null;
        }
        List<String> codes = new ArrayList<>();
        codes.add(admission.getDeptCode());
        admissions.targets(admission.getId()).stream().map(DutyAdmissionTarget::getOrgCode).forEach(codes::add);
        return Description.of(orgs.nameOf(admission.getDeptCode()).orElse(admission.getDeptCode()) + " 申请准入「"
                + admission.getName() + "」", codes);
    }

    /** On a task card: the category and the duty, e.g. 城市管理 · 共享单车停放秩序日常巡查. */
    @Override
    public String card(Function<String, Object> variable) {
        return CaseDescriber.join(40, variable.apply(Vars.CATEGORY_LABEL), variable.apply(Vars.DUTY_NAME));
    }
}
