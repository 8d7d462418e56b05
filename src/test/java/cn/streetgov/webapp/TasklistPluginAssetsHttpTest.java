package cn.streetgov.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.Http;
import cn.streetgov.test.IntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Tasklist plugin (审批操作, 抄送我的, 消息, 已办/我发起的, 审批记录, 流程图) is served by the application itself with the right content
 * types (Tasklist imports its scripts as ES modules, which browsers refuse without a JavaScript
 * type), Tasklist's config.js registers it, and the webapps' Content-Security-Policy lets Tasklist
 * load it.
 */
@IntegrationTest
class TasklistPluginAssetsHttpTest {

    private static final String SCRIPTS = "/camunda/app/tasklist/scripts/";

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"approval-operations.js", "api.js", "task-operations.js", "copies.js", "case-view.js", "diagram.js",
            "inbox.js", "workspace.js", "lists.js"})
    void thePluginScriptsAreServedAsJavaScript(String file) {
        Http.Response response = Http.anonymous(port).get(SCRIPTS + "streetgov/" + file);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).matches("(text|application)/javascript(;.*)?");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.body()).doesNotContain("<html");
    }

    @Test
    void theEntryModuleImportsOnlyServedSiblingsAndRegistersOnTasklistsCustomModule() {
        String entry = Http.anonymous(port).get(SCRIPTS + "streetgov/approval-operations.js").body();
        assertThat(entry).contains("angular.module('cam.tasklist.custom')", "export default");
        Matcher imports = Pattern.compile("from '\\./([\\w-]+\\.js)'").matcher(entry);
        int count = 0;
        while (imports.find()) {
            count++;
            assertThat(Http.anonymous(port).get(SCRIPTS + "streetgov/" + imports.group(1)).status())
                    .as(imports.group(1)).isEqualTo(200);
        }
        assertThat(count).as("imports found").isGreaterThanOrEqualTo(6);
        // no script or style from anywhere else
        for (String file : new String[] {"approval-operations.js", "api.js", "task-operations.js", "copies.js", "case-view.js", "diagram.js",
                "inbox.js", "workspace.js", "lists.js"}) {
            assertThat(Http.anonymous(port).get(SCRIPTS + "streetgov/" + file).body()).as(file)
                    .doesNotContain("http://", "https://", "<script");
        }
    }

    @Test
    void thePluginStylesheetIsServedAsCss() {
        Http.Response response = Http.anonymous(port).get(SCRIPTS + "streetgov/approval-operations.css");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/css");
        assertThat(response.body()).contains(".sg-approval-ops");
    }

    @Test
    void theDiagramViewerIsServedByTheApplicationItself() {
        String diagram = Http.anonymous(port).get(SCRIPTS + "streetgov/diagram.js").body();
        Matcher base = Pattern.compile("'(/webjars/bpmn-js/[^']+/dist/)'").matcher(diagram);
        assertThat(base.find()).as("diagram.js names the bpmn-js path it loads").isTrue();
        Http.Response viewer = Http.anonymous(port).get(base.group(1) + "bpmn-navigated-viewer.production.min.js");
        assertThat(viewer.status()).isEqualTo(200);
        assertThat(viewer.header("Content-Type")).matches("(text|application)/javascript(;.*)?");
        assertThat(viewer.body()).contains("BpmnJS");
        Http.Response styles = Http.anonymous(port).get(base.group(1) + "assets/diagram-js.css");
        assertThat(styles.status()).isEqualTo(200);
        assertThat(styles.header("Content-Type")).startsWith("text/css");
    }

    @Test
    void theDiagramBringsItsOwnStylesheetForTasklistAndTheAuditorsPage() {
        assertThat(Http.anonymous(port).get(SCRIPTS + "streetgov/diagram.js").body()).contains("'./diagram.css'");
        Http.Response styles = Http.anonymous(port).get(SCRIPTS + "streetgov/diagram.css");
        assertThat(styles.status()).isEqualTo(200);
        assertThat(styles.header("Content-Type")).startsWith("text/css");
        assertThat(styles.body()).contains(".sg-diagram .djs-shape.sg-done", ".sg-diagram .djs-shape.sg-current");
    }

    @Test
    void configJsRegistersThePluginAsACustomScript() {
        Http.Response config = Http.anonymous(port).get(SCRIPTS + "config.js");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.header("Content-Type")).matches("(text|application)/javascript(;.*)?");
        // Tasklist imports <app>/app/tasklist/ + each entry + ".js"
        assertThat(config.body()).containsPattern(
                "(?m)^\\s*customScripts:\\s*\\[\\s*'scripts/streetgov/approval-operations'\\s*\\]");
    }

    @Test
    void theTasklistPagePolicyAllowsSameOriginScriptsAndStylesheets() {
        Http http = Http.anonymous(port);
        Http.Response page = http.get("/camunda/app/tasklist/default/");
        assertThat(page.status()).isEqualTo(200);
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).as("Camunda's policy on the Tasklist page").isNotNull();
        String scripts = directive(policy, "script-src");
        // the page's own scripts carry its nonce and, with 'strict-dynamic', may import our modules
        assertThat(scripts).contains("'nonce-", "'strict-dynamic'");
        assertThat(directive(policy, "style-src")).contains("'self'");
        // our calls to /api are same-origin
        assertThat(directive(policy, "default-src")).contains("'self'");
    }

    private static String directive(String policy, String name) {
        for (String part : policy.split(";")) {
            String directive = part.trim();
            if (directive.startsWith(name + " ")) {
                return directive;
            }
        }
        throw new AssertionError(name + " not in " + policy);
    }
}
