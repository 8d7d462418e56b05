package cn.streetgov.org;

import cn.streetgov.org.domain.Agency;
import cn.streetgov.org.domain.AgencyRepository;
import cn.streetgov.org.domain.Department;
import cn.streetgov.org.domain.DepartmentRepository;
import cn.streetgov.org.domain.District;
import cn.streetgov.org.domain.DistrictRepository;
import cn.streetgov.org.domain.OrgUnit;
import cn.streetgov.org.domain.OrgUnitRepository;
import cn.streetgov.org.domain.Person;
import cn.streetgov.org.domain.PersonRepository;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.org.domain.UnitType;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the fictional demo organisation of CONTRACT.md (示范区 D1) on an empty database only.
 * Persons seeded here are marked as having the demo password; see IdentitySynchronizer.
 */
@Component
public class DemoOrganisationSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisationSeeder.class);

    static final String DISTRICT = "D1";

    /** Agencies are dispatched by these departments to every street and town. */
    static final List<String> DISPATCHING_DEPARTMENTS = List.of("CGZF", "SCJG", "GA");

    private static final Map<String, String> AGENCY_SUFFIX = Map.of(
            "CGZF", "城管执法中队", "SCJG", "市场监管所", "GA", "派出所");
    private static final Map<String, String> AGENCY_HEAD_TITLE = Map.of(
            "CGZF", "中队长", "SCJG", "所长", "GA", "所长");

    /** Fictional names, handed out in order. */
    private static final String[][] NAMES = {
        {"王", "建国"}, {"李", "秀英"}, {"张", "伟"}, {"刘", "芳"}, {"陈", "静"}, {"杨", "帆"},
        {"赵", "磊"}, {"黄", "敏"}, {"周", "婷"}, {"吴", "强"}, {"徐", "丽"}, {"孙", "浩"},
        {"胡", "军"}, {"朱", "琳"}, {"高", "峰"}, {"林", "涛"}, {"何", "雪"}, {"郭", "鹏"},
        {"马", "超"}, {"罗", "丹"}, {"梁", "勇"}, {"宋", "佳"}, {"郑", "凯"}, {"谢", "娟"},
        {"韩", "冰"}, {"唐", "亮"}, {"冯", "洁"}, {"于", "洋"}, {"董", "明"}, {"萧", "然"},
        {"程", "刚"}, {"曹", "颖"}, {"袁", "野"}, {"邓", "华"}, {"许", "晨"}, {"傅", "宁"},
    };

    private final DistrictRepository districts;
    private final OrgUnitRepository units;
    private final DepartmentRepository departments;
    private final AgencyRepository agencies;
    private final PersonRepository persons;

    DemoOrganisationSeeder(DistrictRepository districts, OrgUnitRepository units,
            DepartmentRepository departments, AgencyRepository agencies, PersonRepository persons) {
        this.districts = districts;
        this.units = units;
        this.departments = departments;
        this.agencies = agencies;
        this.persons = persons;
    }

    /** Seeds the demo organisation if the database has no district yet; returns whether it did. */
    @Transactional
    public boolean seedIfEmpty() {
        if (districts.count() > 0) {
            return false;
        }
        Deque<String[]> names = new ArrayDeque<>(List.of(NAMES));
        districts.save(new District(DISTRICT, "示范区"));

        List<OrgUnit> orgs = units.saveAll(List.of(
                new OrgUnit("S01", "东华街道", DISTRICT, UnitType.STREET, true),
                new OrgUnit("S02", "西岭街道", DISTRICT, UnitType.STREET, true),
                new OrgUnit("S03", "南湖街道", DISTRICT, UnitType.STREET, false),
                new OrgUnit("T01", "青山镇", DISTRICT, UnitType.TOWN, false)));
        List<Department> depts = departments.saveAll(List.of(
                new Department("CGZF", "城市管理和综合执法局", DISTRICT),
                new Department("SCJG", "市场监管局", DISTRICT),
                new Department("GA", "公安分局", DISTRICT),
                new Department("ZRZY", "规划和自然资源局", DISTRICT),
                new Department("WJ", "卫生健康局", DISTRICT)));

        person("admin", new String[] {"系统", "管理员"}, PostRole.ADMIN, null, "系统管理员");
        person("auditor", names.pop(), PostRole.AUDITOR, null, "审计人员");
        for (OrgUnit org : orgs) {
            String prefix = org.getCode().toLowerCase(Locale.ROOT);
            boolean town = org.getType() == UnitType.TOWN;
            person(prefix + "-sec", names.pop(), PostRole.STREET_COMMITTEE, org.getCode(),
                    org.getName() + (town ? "党委书记" : "党工委书记"));
            person(prefix + "-off", names.pop(), PostRole.STREET_OFFICE, org.getCode(),
                    org.getName() + (town ? "人民政府工作人员" : "办事处工作人员"));
        }
        for (Department dept : depts) {
            person(dept.getCode().toLowerCase(Locale.ROOT) + "-off", names.pop(), PostRole.DEPARTMENT,
                    dept.getCode(), dept.getName() + "工作人员");
        }
        for (OrgUnit org : orgs) {
            for (String deptCode : DISPATCHING_DEPARTMENTS) {
                Agency agency = new Agency(org.getCode(), deptCode, org.shortName() + AGENCY_SUFFIX.get(deptCode));
                String[] head = names.pop();
                Person person = person(agency.getCode().toLowerCase(Locale.ROOT) + "-head", head,
                        PostRole.AGENCY, agency.getCode(), agency.getName() + AGENCY_HEAD_TITLE.get(deptCode));
                agency.appointHead(person.getDisplayName(), agency.getName() + AGENCY_HEAD_TITLE.get(deptCode),
                        LocalDate.of(2024, 1, 1));
                agencies.save(agency);
            }
        }
        person("legal", names.pop(), PostRole.LEGAL_REVIEW, null, "司法局合法性审查科科员");
        person("bianban", names.pop(), PostRole.BIANBAN, null, "区委编办科员");
        person("orgdept", names.pop(), PostRole.ORG_DEPT, null, "区委组织部干部科科员");
        person("govt", names.pop(), PostRole.DISTRICT_GOVERNMENT, null, "区政府办公室秘书");
        person("standing", names.pop(), PostRole.STANDING_COMMITTEE, null, "区委办公室秘书");
        person("kaohe", names.pop(), PostRole.ASSESSMENT_OFFICE, null, "区考核办科员");
        log.info("示范组织已初始化: {} 个街道/镇, {} 个部门, {} 个派驻机构, {} 名用户",
                orgs.size(), depts.size(), agencies.count(), persons.count());
        return true;
    }

    private Person person(String username, String[] name, PostRole role, String unitCode, String title) {
        Person person = new Person(username, name[0], name[1], username + "@demo.streetgov.invalid");
        person.addPost(role, unitCode, title);
        person.setDemoCredentials(true);
        return persons.save(person);
    }
}
