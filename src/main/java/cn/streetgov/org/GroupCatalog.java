package cn.streetgov.org;

import cn.streetgov.org.domain.Agency;
import cn.streetgov.org.domain.Department;
import cn.streetgov.org.domain.OrgUnit;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.org.domain.UnitType;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Every Camunda group the organisation model defines, with its Chinese name (CONTRACT.md "Groups"). */
@Component
public class GroupCatalog {

    /** Camunda group type of the groups that receive tasks. */
    public static final String TYPE_WORKFLOW = "WORKFLOW";
    /** Camunda group type of the administrators' group. */
    public static final String TYPE_SYSTEM = "SYSTEM";

    private final OrgDirectory directory;

    GroupCatalog(OrgDirectory directory) {
        this.directory = directory;
    }

    public record GroupDefinition(String id, String name, String type) {
    }

    @Transactional(readOnly = true)
    public List<GroupDefinition> all() {
        List<GroupDefinition> groups = new ArrayList<>();
        for (OrgUnit unit : directory.units()) {
            boolean town = unit.getType() == UnitType.TOWN;
            groups.add(workflow(PostRole.STREET_COMMITTEE.groupId(unit.getCode()),
                    unit.getName() + (town ? "党委" : "党工委")));
            groups.add(workflow(PostRole.STREET_OFFICE.groupId(unit.getCode()),
                    unit.getName() + (town ? "人民政府" : "办事处")));
        }
        for (Department dept : directory.departments()) {
            groups.add(workflow(PostRole.DEPARTMENT.groupId(dept.getCode()), dept.getName()));
        }
        for (Agency agency : directory.agencies()) {
            groups.add(workflow(PostRole.AGENCY.groupId(agency.getCode()), agency.getName()));
        }
        groups.add(workflow(PostRole.LEGAL_REVIEW.groupId(null), "司法局（合法性审查）"));
        groups.add(workflow(PostRole.BIANBAN.groupId(null), "区委编办"));
        groups.add(workflow(PostRole.ORG_DEPT.groupId(null), "区委组织部"));
        groups.add(workflow(PostRole.DISTRICT_GOVERNMENT.groupId(null), "区政府常务会议"));
        groups.add(workflow(PostRole.STANDING_COMMITTEE.groupId(null), "区委常委会"));
        groups.add(workflow(PostRole.ASSESSMENT_OFFICE.groupId(null), "区考核办"));
        groups.add(workflow(PostRole.AUDITOR.groupId(null), "审计人员（只读）"));
        groups.add(new GroupDefinition(PostRole.ADMIN.groupId(null), "系统管理员", TYPE_SYSTEM));
        return groups;
    }

    private static GroupDefinition workflow(String id, String name) {
        return new GroupDefinition(id, name, TYPE_WORKFLOW);
    }
}
