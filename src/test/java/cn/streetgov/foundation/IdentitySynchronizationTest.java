package cn.streetgov.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.org.domain.Person;
import cn.streetgov.org.domain.PersonRepository;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.security.IdentitySynchronizer;
import cn.streetgov.test.Http;
import cn.streetgov.test.IntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Camunda's users, groups and memberships are a copy of the organisation model (CONTRACT.md). */
@IntegrationTest
class IdentitySynchronizationTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;
    @Autowired
    IdentitySynchronizer synchronizer;
    @Autowired
    PersonRepository persons;

    @Test
    void everyDemoUserOfTheContractExistsWithItsGroup() {
        assertGroup("admin", "camunda-admin");
        assertGroup("auditor", "auditor");
        for (String org : List.of("s01", "s02", "s03", "t01")) {
            String code = org.toUpperCase();
            assertGroup(org + "-sec", "street-committee-" + code);
            assertGroup(org + "-off", "street-office-" + code);
            for (String dept : List.of("ga", "cgzf", "scjg")) {
                assertGroup(org + "-" + dept + "-head", "agency-" + code + "-" + dept.toUpperCase());
            }
        }
        for (String dept : List.of("ga", "cgzf", "scjg", "zrzy", "wj")) {
            assertGroup(dept + "-off", "dept-" + dept.toUpperCase());
        }
        assertGroup("legal", "legal-review");
        assertGroup("bianban", "bianban");
        assertGroup("orgdept", "org-dept");
        assertGroup("govt", "district-government");
        assertGroup("standing", "standing-committee");
        assertGroup("kaohe", "assessment-office");
        assertThat(identityService.checkPassword("s01-sec", "demo")).isTrue();
    }

    @Test
    void groupsAndUsersHaveChineseNames() {
        assertThat(identityService.createGroupQuery().groupId("street-committee-S01").singleResult().getName())
                .isEqualTo("东华街道党工委");
        assertThat(identityService.createGroupQuery().groupId("street-committee-T01").singleResult().getName())
                .isEqualTo("青山镇党委");
        assertThat(identityService.createGroupQuery().groupId("agency-S01-GA").singleResult().getName())
                .isEqualTo("东华派出所");
        assertThat(identityService.createGroupQuery().groupId("dept-CGZF").singleResult().getName())
                .isEqualTo("城市管理和综合执法局");
        User user = identityService.createUserQuery().userId("s01-sec").singleResult();
        // family name first, as the webapps show it (firstName + " " + lastName)
        Person person = persons.findById("s01-sec").orElseThrow();
        assertThat(user.getFirstName()).isEqualTo(person.getFamilyName());
        assertThat(user.getLastName()).isEqualTo(person.getGivenName());
        assertThat(user.getFirstName() + user.getLastName()).matches("\\p{IsHan}{2,4}");
    }

    @Test
    void aSecondRunChangesNothing() {
        synchronizer.synchronize();
        assertThat(synchronizer.synchronize().changes()).isZero();
    }

    @Test
    void peopleAndPostsAddedToTheModelAppearAndDisappearInCamunda() {
        Person person = new Person("tmp-sync", "测", "试", null);
        person.addPost(PostRole.STREET_OFFICE, "S02", "西岭街道办事处工作人员");
        persons.save(person);
        try {
            synchronizer.synchronize();
            assertThat(identityService.createUserQuery().userId("tmp-sync").memberOfGroup("street-office-S02").count())
                    .isOne();
            // a person without the demo flag gets no usable password until an administrator sets one
            assertThat(identityService.checkPassword("tmp-sync", "demo")).isFalse();
        } finally {
            persons.deleteById("tmp-sync");
        }
        synchronizer.synchronize();
        assertThat(identityService.createUserQuery().userId("tmp-sync").count()).isZero();
    }

    @Test
    void administratorsCanResynchroniseOverHttpAndOthersCannot() {
        assertThat(Http.as(port, "s01-off").postJson("/api/admin/identity/sync", "{}").status()).isEqualTo(403);
        Http.Response response = Http.as(port, "admin").postJson("/api/admin/identity/sync", "{}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("users").asInt()).isGreaterThanOrEqualTo(33);
    }

    private void assertGroup(String userId, String groupId) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        assertThat(groups).as("groups of %s", userId).containsExactly(groupId);
    }
}
