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

/**
 * Every Camunda group the organisation model defines, with its Chinese name (CONTRACT.md "Groups").
 * The groups of deactivated organisations stay (running cases and their authorizations name them),
 * marked {@value #DEACTIVATED} in their name; they have no members, since nobody holds a post there.
 */
@Component
public class GroupCatalog {

    /** Camunda group type of the groups that receive tasks. */
    public static final String TYPE_WORKFLOW = "WORKFLOW";
    /** Camunda group type of the administrators' group. */
    public static final String TYPE_SYSTEM = "SYSTEM";
    /** Appended to the name of a deactivated organisation's group. */
    public static final String DEACTIVATED = "（已停用）";

    private final OrgDirectory directory;

    GroupCatalog(OrgDirectory directory) {
        this.directory = directory;
    }

    public record GroupDefinition(String id, String name, String type) {
    }

    @Transactional(readOnly = true)
    public List<GroupDefinition> all() {
        List<GroupDefinition> groups = new ArrayList<>();
        for (OrgUnit unit : directory.allUnits()) {
            boolean town = unit.getType() == UnitType.TOWN;
            String mark = unit.isActive() ? "" : DEACTIVATED;
            groups.add(workflow(PostRole.STREET_COMMITTEE.groupId(unit.getCode()),
                    unit.getName() + (town ? "党委" : "党工委") + mark));
            groups.add(workflow(PostRole.STREET_OFFICE.groupId(unit.getCode()),
                    unit.getName() + (town ? "人民政府" : "办事处") + mark));
        }
        for (Department dept : directory.allDepartments()) {
            groups.add(workflow(PostRole.DEPARTMENT.groupId(dept.getCode()),
                    dept.getName() + (dept.isActive() ? "" : DEACTIVATED)));
        }
        for (Agency agency : directory.allAgencies()) {
            groups.add(workflow(PostRole.AGENCY.groupId(agency.getCode()),
                    agency.getName() + (agency.isActive() ? "" : DEACTIVATED)));
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

    /** The Chinese name of a group (e.g. 东华街道党工委), else its id. */
    @Transactional(readOnly = true)
    public String nameOf(String groupId) {
        if (groupId == null) {
            return null;
        }
        return all().stream().filter(g -> g.id().equals(groupId)).map(GroupDefinition::name).findFirst()
                .orElse(groupId);
    }

    private static GroupDefinition workflow(String id, String name) {
        return new GroupDefinition(id, name, TYPE_WORKFLOW);
    }
}
