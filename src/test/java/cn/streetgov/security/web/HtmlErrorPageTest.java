package cn.streetgov.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** When a refusal is a page (a browser opening /app) and what the page says, the reason escaped. */
class HtmlErrorPageTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static MockHttpServletRequest request(String method, String path, String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        return request;
    }

    @Test
    void aPageOnlyForABrowserOpeningAPageUnderApp() {
        assertThat(HtmlErrorPage.wanted(request("GET", "/app/assessments", BROWSER))).isTrue();
        assertThat(HtmlErrorPage.wanted(request("HEAD", "/app/catalog", "text/html"))).isTrue();
        assertThat(HtmlErrorPage.wanted(request("GET", "/app/assessments", "application/json, */*"))).isFalse();
        assertThat(HtmlErrorPage.wanted(request("GET", "/app/assessments", "*/*"))).isFalse();
        assertThat(HtmlErrorPage.wanted(request("GET", "/app/assessments", null))).isFalse();
        assertThat(HtmlErrorPage.wanted(request("GET", "/app/assessments", "text/html;q=0"))).isFalse();
        assertThat(HtmlErrorPage.wanted(request("GET", "/app/assessments", "not a media type"))).isFalse();
        assertThat(HtmlErrorPage.wanted(request("POST", "/app/assessments", BROWSER))).isFalse();
        assertThat(HtmlErrorPage.wanted(request("GET", "/api/assessments/mine", BROWSER))).isFalse();
        assertThat(HtmlErrorPage.wanted(request("GET", "/application", BROWSER))).isFalse();
        assertThat(HtmlErrorPage.wanted(request("GET", "/engine-rest/task", BROWSER))).isFalse();
    }

    @Test
    void thePageNamesTheRefusalInChineseWithTheReasonEscaped() {
        String page = HtmlErrorPage.page(404, "未知的街道/镇: <script>alert(1)</script>");
        assertThat(page).contains("<html lang=\"zh-CN\"", "页面不存在", "&lt;script&gt;alert(1)&lt;/script&gt;",
                "返回任务列表").doesNotContain("<script>");
        assertThat(HtmlErrorPage.page(401, null)).contains("请先登录", "/camunda/app/tasklist/");
        assertThat(HtmlErrorPage.page(403, "")).contains("无权访问", "您没有查看本页面的权限");
        assertThat(HtmlErrorPage.messageOf("{\"status\":403,\"message\":\"仅供\\\"派驻机构\\\"\"}"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo("仅供\"派驻机构\"");
        assertThat(HtmlErrorPage.messageOf("not json".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(HtmlErrorPage.messageOf(new byte[0])).isNull();
    }
}
