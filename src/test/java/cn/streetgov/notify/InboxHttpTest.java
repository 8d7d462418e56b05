package cn.streetgov.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.casework.Notice;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.delegation.process.DelegationTestData;
import cn.streetgov.delegation.process.PowerDelegationProcess;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.test.Http;
import cn.streetgov.test.StartVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The inbox over HTTP: a login for everything, each official sees only their own notices (a group
 * notice reaches every member of the group at the time it is sent), marking read, and another
 * person's notice is 404 like one that does not exist.
 */
class InboxHttpTest extends NotifyTestSupport {

    @LocalServerPort
    int port;

    @Test
    void shouldNeedALogin() {
        Http anonymous = Http.anonymous(port);
        assertThat(anonymous.get("/api/notifications").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/notifications/unread-count").status()).isEqualTo(401);
        assertThat(anonymous.postJson("/api/notifications/1/read", Map.of()).status()).isEqualTo(401);
        assertThat(anonymous.postJson("/api/notifications/read-all", Map.of()).status()).isEqualTo(401);
        assertThat(Http.as(port, "s01-off", "wrong").get("/api/notifications").status()).isEqualTo(401);
    }

    @Test
    void shouldShowEachOfficialOnlyTheirOwnAndAGroupNoticeToEveryMemberAtTheTime() {
        String first = official(PostRole.STREET_OFFICE, "S03", null);
        String second = official(PostRole.STREET_OFFICE, "S03", null);
        String elsewhere = official(PostRole.DEPARTMENT, "WJ", null);
        String caseNo = "TZ-" + UUID.randomUUID().toString().substring(0, 8);

        send(Notice.toGroup(caseNo, null, NoticeKind.INFO, "street-office-S03", "南湖街道请于本周五前报送材料"));
        send(Notice.toUser(caseNo, null, NoticeKind.INFO, first, "请您牵头汇总"));
        String later = official(PostRole.STREET_OFFICE, "S03", null);

        JsonNode mine = list(first, "");
        assertThat(mine.path("total").asInt()).isEqualTo(2);
        assertThat(mine.path("unread").asInt()).isEqualTo(2);
        assertThat(mine.path("items").findValuesAsText("message")).containsExactly("请您牵头汇总", "南湖街道请于本周五前报送材料");
        JsonNode colleague = list(second, "");
        assertThat(colleague.path("total").asInt()).isEqualTo(1);
        assertThat(colleague.path("items").get(0).path("message").asText()).isEqualTo("南湖街道请于本周五前报送材料");
        assertThat(colleague.path("items").get(0).path("kindLabel").asText()).isEqualTo("通知");
        assertThat(list(elsewhere, "").path("total").asInt()).isZero();
        // a member who joined after the notice was sent did not receive it
        assertThat(list(later, "").path("total").asInt()).isZero();
        // the demo official of the street is a member too
        assertThat(inboxOf("s03-off", caseNo)).hasSize(1);
        assertThat(inboxOf("s01-off", caseNo)).isEmpty();
    }

    @Test
    void shouldMarkReadOnlyTheCallersOwnAndAnswer404ForAnyOtherId() {
        String reader = official(PostRole.DEPARTMENT, "ZRZY", null);
        String other = official(PostRole.DEPARTMENT, "ZRZY", null);
        String caseNo = "TZ-" + UUID.randomUUID().toString().substring(0, 8);
        send(Notice.toUser(caseNo, null, NoticeKind.INFO, reader, "第一条"));
        send(Notice.toUser(caseNo, null, NoticeKind.INFO, reader, "第二条"));
        send(Notice.toUser(caseNo, null, NoticeKind.INFO, other, "别人的"));
        long mine = list(reader, "").path("items").get(1).path("id").asLong();
        long theirs = list(other, "").path("items").get(0).path("id").asLong();

        assertThat(count(reader)).isEqualTo(2);
        Http.Response read = as(reader).postJson("/api/notifications/" + mine + "/read", Map.of());
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("message").asText()).isEqualTo("已读");
        assertThat(count(reader)).isEqualTo(1);
        assertThat(as(reader).postJson("/api/notifications/" + mine + "/read", Map.of()).status()).isEqualTo(200);
        assertThat(count(reader)).isEqualTo(1);

        JsonNode all = list(reader, "");
        assertThat(all.path("total").asInt()).isEqualTo(2);
        assertThat(all.path("unread").asInt()).isEqualTo(1);
        assertThat(all.path("items").get(1).path("readAt").asText()).endsWith("+08:00");
        assertThat(all.path("items").get(0).path("readAt").isNull()).isTrue();
        JsonNode unread = list(reader, "?unreadOnly=true");
        assertThat(unread.path("total").asInt()).isEqualTo(1);
        assertThat(unread.path("items").findValuesAsText("message")).containsExactly("第二条");

        Http.Response someoneElses = as(reader).postJson("/api/notifications/" + theirs + "/read", Map.of());
        Http.Response missing = as(reader).postJson("/api/notifications/99999999/read", Map.of());
        assertThat(someoneElses.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(someoneElses.json().path("message").asText()).isEqualTo(missing.json().path("message").asText())
                .contains("消息不存在");
        assertThat(count(other)).isEqualTo(1);

        Http.Response readAll = as(reader).postJson("/api/notifications/read-all", Map.of());
        assertThat(readAll.status()).isEqualTo(200);
        assertThat(readAll.json().path("message").asText()).isEqualTo("已全部标为已读");
        assertThat(readAll.json().path("count").asInt()).isEqualTo(1);
        assertThat(count(reader)).isZero();
        assertThat(as(reader).postJson("/api/notifications/read-all", Map.of()).json().path("count").asInt()).isZero();
        assertThat(count(other)).isEqualTo(1);
    }

    @Test
    void shouldPageNewestFirstAndRefuseBadPagesInChinese() {
        String reader = official(PostRole.AGENCY, "S02-GA", null);
        String caseNo = "TZ-" + UUID.randomUUID().toString().substring(0, 8);
        for (String text : List.of("一", "二", "三")) {
            send(Notice.toUser(caseNo, null, NoticeKind.INFO, reader, text));
        }

        JsonNode first = list(reader, "?page=0&size=2");
        assertThat(first.path("total").asInt()).isEqualTo(3);
        assertThat(first.path("items").findValuesAsText("message")).containsExactly("三", "二");
        assertThat(list(reader, "?page=1&size=2").path("items").findValuesAsText("message")).containsExactly("一");

        for (String bad : List.of("?size=0", "?size=500", "?page=-1", "?size=abc")) {
            Http.Response refused = as(reader).get("/api/notifications" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().path("message").asText()).as(bad).matches(".*[\\u4e00-\\u9fa5].*");
        }
    }

    @Test
    void shouldNameTheProcessAndTheKindInChineseWithBeijingTimes() {
        DelegationTestData.clearCatalog(jdbc);
        String streetOfficial = official(PostRole.STREET_OFFICE, "S01", null);
        ProcessInstance instance = as("cgzf-off", () -> runtimeService.startProcessInstanceByKey(
                PowerDelegationProcess.KEY, StartVariables.delegation("CGZF", "CGZF-XK-001", "S01")));

        JsonNode items = list(streetOfficial, "").path("items");
        assertThat(items).hasSize(1);
        JsonNode item = items.get(0);
        assertThat(item.path("kind").asText()).isEqualTo("NEW_TASK");
        assertThat(item.path("kindLabel").asText()).isEqualTo("新的待办");
        assertThat(item.path("caseNo").asText()).isEqualTo(instance.getBusinessKey());
        assertThat(item.path("processInstanceId").asText()).isEqualTo(instance.getId());
        assertThat(item.path("processName").asText()).isEqualTo("赋权下放审批");
        assertThat(item.path("message").asText()).contains(instance.getBusinessKey(), "评估承接能力");
        assertNoCodes(item.path("message").asText());
        assertThat(item.path("createdAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?\\+08:00");
        assertThat(item.path("readAt").isNull()).isTrue();
        assertThat(as(streetOfficial).get("/api/notifications/unread-count").json().path("unread").asInt()).isEqualTo(1);
    }

    private Http as(String userId) {
        return Http.as(port, userId, PASSWORD);
    }

    private JsonNode list(String userId, String query) {
        Http.Response response = as(userId).get("/api/notifications" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private int count(String userId) {
        Http.Response response = as(userId).get("/api/notifications/unread-count");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("unread").asInt();
    }
}
