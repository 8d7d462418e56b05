package cn.streetgov.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.streetgov.common.InvalidInputException;
import cn.streetgov.org.domain.AgencyRepository;
import cn.streetgov.org.domain.DepartmentRepository;
import cn.streetgov.org.domain.OrgAdministration;
import cn.streetgov.org.domain.OrgChangeRepository;
import cn.streetgov.org.domain.OrgUnitRepository;
import cn.streetgov.org.domain.PersonRepository;
import cn.streetgov.security.IdentitySynchronizer;
import cn.streetgov.test.Http;
import cn.streetgov.test.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The administrators' API and page of the organisation model, over HTTP as the demo users: a change
 * reaches Camunda's groups and memberships at once, only administrators may make one, bad input is
 * a 400 in Chinese that writes nothing, a stale version is a 409, deactivation instead of deletion.
 * Everything a test creates has ZT in its code (people: zt-…) and is removed afterwards.
 */
@IntegrationTest
class OrgAdministrationHttpTest {

    private static final String API = "/api/admin/org";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentitySynchronizer synchronizer;
    @Autowired
    OrgDirectory directory;
    @Autowired
    PersonRepository persons;
    @Autowired
    AgencyRepository agencies;
    @Autowired
    OrgUnitRepository units;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    OrgChangeRepository changes;
    @Autowired
    OrgAdministration administration;

    private Http admin() {
        return Http.as(port, "admin");
    }

    @AfterEach
    void removeWhatTheTestCreated() {
        persons.findAll().stream().filter(p -> p.getUsername().startsWith("zt-")).forEach(persons::delete);
        agencies.findAll().stream().filter(a -> a.getCode().contains("ZT")).forEach(agencies::delete);
        units.findAll().stream().filter(u -> u.getCode().startsWith("ZT")).forEach(units::delete);
        departments.findAll().stream().filter(d -> d.getCode().startsWith("ZT")).forEach(departments::delete);
        changes.findAll().stream()
                .filter(c -> c.getEntityCode().contains("ZT") || c.getEntityCode().startsWith("zt-"))
                .forEach(changes::delete);
        synchronizer.synchronize();
    }

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    @Test
    void shouldKeepNewCasesAwayFromADeactivatedStreetAndAgency() {
        assertThat(admin().postJson(API + "/units",
                Map.of("code", "ZT7", "name", "旧城街道", "type", "STREET", "central", true)).status()).isEqualTo(201);
        assertThat(admin().postJson(API + "/units/ZT7/deactivate", "{}").status()).isEqualTo(200);
        java.util.Map<String, Object> proposal = new java.util.HashMap<>();
        proposal.put("deptCode", "CGZF");
        proposal.put("powerItemCodes", "CGZF-XK-001");
        proposal.put("targetOrgCodes", "ZT7");
        proposal.put("delegationMethod", "DEVOLVE");
        proposal.put("legalBasis", "《城市道路管理条例》");
        proposal.put("reason", "直接面向群众");
        proposal.put("staffingTransfer", 0);
        proposal.put("effectiveDate", cn.streetgov.casework.CaseClock.today().toString());
        assertThatThrownBy(() -> cn.streetgov.test.Officials.as(engine, "cgzf-off",
                () -> engine.getRuntimeService().startProcessInstanceByKey("power-delegation", proposal)))
                .satisfies(e -> assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e))
                        .isInstanceOf(InvalidInputException.class))
                .hasMessageContaining("未知或已停用的街道/镇: ZT7");

        // an agency taken out of service takes no new appointment case
        assertThat(admin().postJson(API + "/units/ZT7/reactivate", "{}").status()).isEqualTo(200);
        assertThat(admin().postJson(API + "/agencies", Map.of("orgCode", "ZT7", "deptCode", "GA", "name", "旧城派出所"))
                .status()).isEqualTo(201);
        assertThat(admin().postJson(API + "/agencies/ZT7-GA/deactivate", "{}").status()).isEqualTo(200);
        java.util.Map<String, Object> appointment = new java.util.HashMap<>();
        appointment.put("deptCode", "GA");
        appointment.put("agencyCode", "ZT7-GA");
        appointment.put("action", "APPOINT");
        appointment.put("candidateName", "李明");
        appointment.put("positionTitle", "所长");
        appointment.put("positionLevel", "SECTION");
        appointment.put("reason", "工作需要");
        assertThatThrownBy(() -> cn.streetgov.test.Officials.as(engine, "ga-off",
                () -> engine.getRuntimeService().startProcessInstanceByKey("cadre-consultation", appointment)))
                .satisfies(e -> assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e))
                        .isInstanceOf(InvalidInputException.class))
                .hasMessageContaining("未知或已停用的派驻机构: ZT7-GA");
    }

    // ---- what an administrator does, and Camunda follows at once ---------------------------------

    @Test
    void shouldCreateAStreetAndAPersonWithAPostWhoseCamundaGroupAndMembershipExistAtOnce() {
        Http.Response street = admin().postJson(API + "/units",
                Map.of("code", "ZT1", "name", "北山街道", "type", "STREET", "central", true));
        assertThat(street.status()).as(street.body()).isEqualTo(201);
        assertThat(street.json().path("version").asLong()).isZero();
        assertThat(group("street-office-ZT1").getName()).isEqualTo("北山街道办事处");
        assertThat(group("street-committee-ZT1").getName()).isEqualTo("北山街道党工委");
        // the new street's groups may open Tasklist and start the street's processes, without a restart
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn("street-office-ZT1")
                .resourceType(Resources.APPLICATION).resourceId("tasklist").count()).isOne();
        assertThat(directory.groupsOf(cn.streetgov.org.domain.PostRole.STREET_OFFICE)).contains("street-office-ZT1");

        Http.Response person = admin().postJson(API + "/people",
                Map.of("username", "zt-off", "familyName", "欧阳", "givenName", "明", "email", "zt-off@example.invalid"));
        assertThat(person.status()).as(person.body()).isEqualTo(201);
        // family name first: the webapps show firstName + " " + lastName (欧阳 明)
        User created = identityService.createUserQuery().userId("zt-off").singleResult();
        assertThat(created.getFirstName()).isEqualTo("欧阳");
        assertThat(created.getLastName()).isEqualTo("明");
        // no usable password until an administrator sets one in Camunda Admin
        assertThat(identityService.checkPassword("zt-off", "demo")).isFalse();

        Http.Response post = admin().postJson(API + "/people/zt-off/posts",
                Map.of("role", "STREET_OFFICE", "unitCode", "ZT1", "title", "北山街道办事处工作人员"));
        assertThat(post.status()).as(post.body()).isEqualTo(201);
        assertThat(post.json().path("posts").get(0).path("groupId").asText()).isEqualTo("street-office-ZT1");
        assertThat(groupsOf("zt-off")).containsExactly("street-office-ZT1");
        assertThat(identityService.createUserQuery().memberOfGroup("street-office-ZT1").count()).isOne();

        JsonNode log = admin().get(API + "/changes?limit=10").json();
        assertThat(log.findValuesAsText("entityCode")).contains("ZT1", "zt-off");
        assertThat(log.get(0).path("actorId").asText()).isEqualTo("admin");
        assertThat(log.get(0).path("action").asText()).isEqualTo("ADD_POST");
        // nothing to do for the full synchronisation: the change was copied completely
        assertThat(synchronizer.synchronize().changes()).isZero();
    }

    @Test
    void shouldRenameADepartmentAndAnAgencyInCamundaAtOnce() {
        assertThat(admin().postJson(API + "/departments", Map.of("code", "ZTJY", "name", "教育局")).status())
                .isEqualTo(201);
        Http.Response agency = admin().postJson(API + "/agencies",
                Map.of("orgCode", "S01", "deptCode", "ZTJY", "name", "东华教育办"));
        assertThat(agency.status()).as(agency.body()).isEqualTo(201);
        assertThat(agency.json().path("code").asText()).isEqualTo("S01-ZTJY");
        assertThat(group("agency-S01-ZTJY").getName()).isEqualTo("东华教育办");

        Http.Response renamed = admin().putJson(API + "/agencies/S01-ZTJY", Map.of("name", "东华教育服务中心",
                "version", agency.json().path("version").asLong()));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(group("agency-S01-ZTJY").getName()).isEqualTo("东华教育服务中心");
        assertThat(admin().putJson(API + "/departments/ZTJY", Map.of("name", "教育和体育局", "version", 0)).status())
                .isEqualTo(200);
        assertThat(group("dept-ZTJY").getName()).isEqualTo("教育和体育局");
    }

    // ---- who may ------------------------------------------------------------------------------------

    @Test
    void shouldRefuseEveryoneButAdministratorsWithAChineseReason() {
        for (String user : List.of("s01-off", "auditor", "kaohe")) {
            Http.Response read = Http.as(port, user).get(API + "/units");
            assertThat(read.status()).as(user).isEqualTo(403);
            assertThat(read.json().path("message").asText()).isEqualTo("组织机构管理仅限系统管理员（camunda-admin）");
            Http.Response write = Http.as(port, user).postJson(API + "/units",
                    Map.of("code", "ZT2", "name", "越权街道", "type", "STREET"));
            assertThat(write.status()).as(user).isEqualTo(403);
            assertThat(Http.as(port, user).get("/app/admin/org").status()).as(user).isEqualTo(403);
        }
        assertThat(units.existsById("ZT2")).isFalse();
        assertThat(Http.anonymous(port).get(API + "/units").status()).isEqualTo(401);
        assertThat(Http.anonymous(port).get("/app/admin/org").status()).isEqualTo(401);

        Http.Response page = admin().get("/app/admin/org");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("组织机构管理", "人员与岗位", "增加岗位", "<script src=\"/_static/streetgov/api.js\">",
                "<script src=\"/_static/streetgov/org-admin.js\">");
        // no inline script: the page needs no hash in the CSP of /app
        assertThat(page.body()).doesNotContain("<script>");
        Http.Response script = admin().get("/_static/streetgov/org-admin.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).contains("javascript");
        assertThat(script.body()).contains("StreetGov.call", "/api/admin/org");
        // the pages' one way to call /api sends the session's XSRF token
        assertThat(admin().get("/_static/streetgov/api.js").body()).contains("X-XSRF-TOKEN");
    }

    @Test
    void shouldNeedTheXsrfHeaderForChangesMadeWithAWebappSession() {
        Http session = Http.webappLogin(port, "admin", "admin");
        Http.Response read = session.get(API + "/units");
        assertThat(read.status()).isEqualTo(200);
        // what the page does: take the token from a GET's response header, send it with each change
        String token = read.header("X-XSRF-TOKEN");
        assertThat(token).isNotBlank();
        session.setXsrfToken(null);
        Http.Response refused = session.postJson(API + "/units", Map.of("code", "ZT3", "name", "会话街道", "type", "STREET"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("message").asText()).contains("X-XSRF-TOKEN");
        assertThat(units.existsById("ZT3")).isFalse();
        session.setXsrfToken(token);
        Http.Response accepted = session.postJson(API + "/units", Map.of("code", "ZT3", "name", "会话街道", "type", "STREET"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }

    // ---- bad input ------------------------------------------------------------------------------

    @Test
    void shouldRefuseBadInputWithChineseReasonsAndWriteNothing() {
        assertRefused(admin().postJson(API + "/units", Map.of("code", "ZT 4", "name", "北山街道", "type", "STREET")),
                "街道/镇代码只能由字母、数字和连字符组成");
        assertRefused(admin().postJson(API + "/units", Map.of("code", "ZT4_x", "name", "北山街道", "type", "STREET")),
                "街道/镇代码只能由字母、数字和连字符组成");
        assertRefused(admin().postJson(API + "/units", Map.of("code", "ZT4", "name", "North Hill", "type", "STREET")),
                "街道/镇名称须为中文名称");
        assertRefused(admin().postJson(API + "/units", Map.of("code", "ZT4", "type", "STREET")), "请填写街道/镇名称");
        assertRefused(admin().postJson(API + "/units", Map.of("code", "ZT4", "name", "北山镇", "type", "VILLAGE")),
                "类型须为 STREET（街道）或 TOWN（镇）");
        assertRefused(admin().postJson(API + "/units",
                Map.of("code", "ZT4", "name", "北山镇", "type", "TOWN", "central", true)), "镇不能设为中心城区街道");
        assertRefused(admin().postJson(API + "/units", Map.of("code", "s01", "name", "重复街道", "type", "STREET")),
                "街道/镇代码已存在: s01");
        assertRefused(admin().postJson(API + "/units", "{\"code\": [1]}"), "请求内容不是有效的 JSON");
        assertThat(units.existsById("ZT4")).isFalse();

        assertRefused(admin().postJson(API + "/people", Map.of("username", "zt_bad", "familyName", "王", "givenName", "五")),
                "用户名只能由字母、数字和连字符组成");
        assertRefused(admin().postJson(API + "/people", Map.of("username", "zt-bad", "familyName", "Wang", "givenName", "五")),
                "姓须为中文");
        assertRefused(admin().postJson(API + "/people", Map.of("username", "zt-bad", "givenName", "五")), "请填写姓");
        assertRefused(admin().postJson(API + "/people", Map.of("username", "S01-OFF", "familyName", "王", "givenName", "五")),
                "用户名已存在: S01-OFF");
        assertThat(persons.existsById("zt-bad")).isFalse();

        assertRefused(admin().postJson(API + "/people/s01-off/posts",
                Map.of("role", "STREET_OFFICE", "unitCode", "ZT9", "title", "工作人员")), "所属单位不存在或已停用: 街道/镇 ZT9");
        assertRefused(admin().postJson(API + "/people/s01-off/posts",
                Map.of("role", "AGENCY", "title", "工作人员")), "须填写所属单位（派驻机构代码）");
        assertRefused(admin().postJson(API + "/people/s01-off/posts",
                Map.of("role", "LEGAL_REVIEW", "unitCode", "S01", "title", "审查员")), "属于全区，不应填写所属单位");
        assertRefused(admin().postJson(API + "/people/s01-off/posts",
                Map.of("role", "MAYOR", "unitCode", "S01", "title", "市长")), "未知的岗位类型 MAYOR");
        assertRefused(admin().postJson(API + "/people/s01-off/posts",
                Map.of("role", "STREET_OFFICE", "unitCode", "S01", "title", "重复岗位")), "已有此岗位: street-office-S01");
        assertThat(groupsOf("s01-off")).containsExactly("street-office-S01");

        assertRefused(admin().postJson(API + "/agencies", Map.of("orgCode", "ZT9", "deptCode", "GA", "name", "派出所")),
                "未知或已停用的街道/镇: ZT9");
        Http.Response unknown = admin().putJson(API + "/units/ZT9", Map.of("name", "北山街道", "type", "STREET", "version", 0));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("message").asText()).isEqualTo("未知的街道/镇: ZT9");
    }

    // ---- concurrent edits -------------------------------------------------------------------------

    @Test
    void shouldAnswer409WhenTheVersionReadIsNoLongerTheCurrentOne() {
        long version = admin().postJson(API + "/units", Map.of("code", "ZT5", "name", "东湖街道", "type", "STREET"))
                .json().path("version").asLong();
        Map<String, Object> first = Map.of("name", "东湖新街道", "type", "STREET", "version", version);
        Map<String, Object> second = Map.of("name", "东湖老街道", "type", "STREET", "version", version);
        Http.Response one = admin().putJson(API + "/units/ZT5", first);
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().path("version").asLong()).isEqualTo(version + 1);
        Http.Response two = Http.as(port, "admin").putJson(API + "/units/ZT5", second);
        assertThat(two.status()).isEqualTo(409);
        assertThat(two.json().path("message").asText()).contains("已被他人修改", "请刷新后重新修改");
        assertThat(group("street-office-ZT5").getName()).isEqualTo("东湖新街道办事处");
        assertRefused(admin().putJson(API + "/units/ZT5", Map.of("name", "东湖街道", "type", "STREET")),
                "请提供读取时得到的版本号 version");

        // posts change the person's version too: a post added meanwhile makes an edit read before it stale
        admin().postJson(API + "/people", Map.of("username", "zt-ver", "familyName", "周", "givenName", "一"));
        long read = admin().get(API + "/people/zt-ver").json().path("version").asLong();
        assertThat(admin().postJson(API + "/people/zt-ver/posts",
                Map.of("role", "STREET_OFFICE", "unitCode", "ZT5", "title", "工作人员")).status()).isEqualTo(201);
        Http.Response stale = admin().putJson(API + "/people/zt-ver",
                Map.of("familyName", "周", "givenName", "二", "version", read));
        assertThat(stale.status()).isEqualTo(409);
    }

    @Test
    void shouldLetExactlyOneOfTwoSimultaneousEditsWinAndKeepCamundaInLineWithIt() throws Exception {
        long version = admin().postJson(API + "/units", Map.of("code", "ZT7", "name", "南岭街道", "type", "STREET"))
                .json().path("version").asLong();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Http.Response>> edits = List.of("南岭东街道", "南岭西街道").stream()
                    .map(name -> pool.submit(() -> {
                        start.await();
                        return admin().putJson(API + "/units/ZT7",
                                Map.of("name", name, "type", "STREET", "version", version));
                    })).toList();
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Http.Response> edit : edits) {
                Http.Response response = edit.get();
                statuses.add(response.status());
                if (response.status() == 409) {
                    assertThat(response.json().path("message").asText()).contains("请刷新后");
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        String winner = units.findById("ZT7").orElseThrow().getName();
        assertThat(winner).isIn("南岭东街道", "南岭西街道");
        assertThat(units.findById("ZT7").orElseThrow().getVersion()).isEqualTo(version + 1);
        assertThat(group("street-office-ZT7").getName()).isEqualTo(winner + "办事处");
    }

    // ---- deactivation, not deletion --------------------------------------------------------------

    @Test
    void shouldRemoveTheMembershipsWhenAPersonIsDeactivatedAndGiveThemBackOnReactivation() {
        admin().postJson(API + "/people", Map.of("username", "zt-leave", "familyName", "钱", "givenName", "多"));
        JsonNode person = admin().postJson(API + "/people/zt-leave/posts",
                Map.of("role", "DEPARTMENT", "unitCode", "GA", "title", "公安分局工作人员")).json();
        assertThat(groupsOf("zt-leave")).containsExactly("dept-GA");
        Task task = taskService.newTask();
        task.setName("探针任务");
        task.setAssignee("zt-leave");
        taskService.saveTask(task);
        try {
            Http.Response deactivated = admin().postJson(API + "/people/zt-leave/deactivate",
                    Map.of("version", person.path("version").asLong()));
            assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
            assertThat(deactivated.json().path("active").asBoolean()).isFalse();
            assertThat(identityService.createUserQuery().userId("zt-leave").count()).isZero();
            assertThat(identityService.createUserQuery().memberOfGroup("dept-GA").list())
                    .extracting(u -> u.getId()).doesNotContain("zt-leave");
            assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
            // kept in the model, with its post, for the cases that name the person
            assertThat(persons.findById("zt-leave").orElseThrow().getPosts()).hasSize(1);

            assertThat(admin().postJson(API + "/people/zt-leave/reactivate", "{}").status()).isEqualTo(200);
            assertThat(groupsOf("zt-leave")).containsExactly("dept-GA");
        } finally {
            taskService.deleteTask(task.getId(), true);
        }

        long postId = person.path("posts").get(0).path("id").asLong();
        Http.Response removed = admin().delete(API + "/people/zt-leave/posts/" + postId);
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().path("posts")).isEmpty();
        assertThat(groupsOf("zt-leave")).isEmpty();
    }

    @Test
    void shouldDeactivateAStreetOnlyWhenNothingIsLeftInItAndKeepItsGroups() {
        admin().postJson(API + "/units", Map.of("code", "ZT6", "name", "西湖镇", "type", "TOWN"));
        admin().postJson(API + "/agencies", Map.of("orgCode", "ZT6", "deptCode", "GA", "name", "西湖派出所"));
        assertRefused(admin().postJson(API + "/units/ZT6/deactivate", "{}"), "仍有在用的派驻机构或岗位");
        assertThat(admin().postJson(API + "/agencies/ZT6-GA/deactivate", "{}").status()).isEqualTo(200);
        Http.Response deactivated = admin().postJson(API + "/units/ZT6/deactivate", "{}");
        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);

        // kept for the cases that name it, offered for no new work
        assertThat(directory.findUnit("ZT6")).isPresent();
        assertThat(directory.units()).extracting(u -> u.getCode()).doesNotContain("ZT6");
        assertThat(directory.findAgency("ZT6", "GA")).isEmpty();
        assertThat(group("street-office-ZT6").getName()).isEqualTo("西湖镇人民政府（已停用）");
        assertRefused(admin().postJson(API + "/people/s01-off/posts",
                Map.of("role", "STREET_OFFICE", "unitCode", "ZT6", "title", "工作人员")), "所属单位不存在或已停用");
        assertRefused(admin().postJson(API + "/agencies/ZT6-GA/reactivate", "{}"), "已停用，请先启用它们");
        assertThat(admin().postJson(API + "/units/ZT6/reactivate", "{}").status()).isEqualTo(200);
        assertThat(group("street-office-ZT6").getName()).isEqualTo("西湖镇人民政府");
        // the demo streets have agencies and people: refused
        assertRefused(admin().postJson(API + "/units/S01/deactivate", "{}"), "派驻机构 S01-CGZF");
    }

    @Test
    void shouldNeverLeaveTheInstallationWithoutAnAdministrator() {
        assertRefused(admin().postJson(API + "/people/admin/deactivate", "{}"), "不能停用自己的账户");
        JsonNode adminPost = admin().get(API + "/people/admin").json().path("posts").get(0);
        assertRefused(admin().delete(API + "/people/admin/posts/" + adminPost.path("id").asLong()),
                "不能撤销自己的系统管理员岗位");
        assertThat(groupsOf("admin")).containsExactly("camunda-admin");
        // whoever asks (here someone outside the model), the only administrator stays
        assertThatThrownBy(() -> administration.deactivatePerson("zt-other", "admin", null))
                .isInstanceOf(InvalidInputException.class).hasMessage("不能停用最后一名在职的系统管理员");
        assertThatThrownBy(() -> administration.removePost("zt-other", "admin", adminPost.path("id").asLong(), null))
                .isInstanceOf(InvalidInputException.class).hasMessage("不能撤销最后一名在职系统管理员的岗位");
        assertThat(persons.findById("admin").orElseThrow().isActive()).isTrue();
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static void assertRefused(Http.Response response, String reason) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("message").asText()).as(response.body()).contains(reason);
    }

    private Group group(String id) {
        Group group = identityService.createGroupQuery().groupId(id).singleResult();
        assertThat(group).as("group %s", id).isNotNull();
        return group;
    }

    private List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).sorted().toList();
    }
}
