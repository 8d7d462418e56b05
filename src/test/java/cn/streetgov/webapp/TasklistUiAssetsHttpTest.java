package cn.streetgov.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.Http;
import cn.streetgov.test.IntegrationTest;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's look and words for officials (ui-*.js, ui-tasklist.css) are served by the application
 * itself as ES modules that import only their served siblings and nothing from elsewhere; the clock
 * they ask for the district's zone needs a login.
 */
@IntegrationTest
class TasklistUiAssetsHttpTest {

    private static final String PLUGIN = "/camunda/app/tasklist/scripts/streetgov/";

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"ui-tasklist.js", "ui-forms.js", "ui-time.js", "ui-start.js", "ui-bundle.js"})
    void theScriptsAreServedAsJavaScriptAndLoadNothingFromElsewhere(String file) {
        Http.Response response = Http.anonymous(port).get(PLUGIN + file);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).matches("(text|application)/javascript(;.*)?");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.body()).doesNotContain("<html", "http://", "https://", "<script", "eval(");
        Matcher imports = Pattern.compile("from '\\./([\\w-]+\\.js)'|import '\\./([\\w-]+\\.js)'").matcher(response.body());
        while (imports.find()) {
            String sibling = imports.group(1) != null ? imports.group(1) : imports.group(2);
            assertThat(sibling).as(file + " imports").startsWith("ui-");
            assertThat(Http.anonymous(port).get(PLUGIN + sibling).status()).as(sibling).isEqualTo(200);
        }
    }

    @Test
    void theEntryRegistersOnTasklistsCustomModuleAndLoadsItsParts() {
        String entry = Http.anonymous(port).get(PLUGIN + "ui-tasklist.js").body();
        assertThat(entry).contains("angular.module('cam.tasklist.custom')", "./ui-tasklist.css",
                "from './ui-forms.js'", "from './ui-time.js'", "from './ui-start.js'");
        // the hooks the parts rely on: flatpickr's translation, moment's zone hook, Tasklist's API client
        assertThat(Http.anonymous(port).get(PLUGIN + "ui-forms.js").body())
                .contains("flatpickr.localize", "firstDayOfWeek: 1", "Field is required");
        assertThat(Http.anonymous(port).get(PLUGIN + "ui-time.js").body()).contains("updateOffset", "/api/clock");
        assertThat(Http.anonymous(port).get(PLUGIN + "ui-start.js").body())
                .contains("camAPIHttpClient", "'/api/cases/'");
    }

    @Test
    void theStylesheetHidesCamundasBanner() {
        Http.Response css = Http.anonymous(port).get(PLUGIN + "ui-tasklist.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).startsWith("text/css");
        assertThat(css.body()).containsPattern("\\.ce-eol-banner[^{]*\\{\\s*display:\\s*none");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"cockpit", "admin"})
    void cockpitAndAdminLoadOurLookWithoutCamundasBanner(String app) {
        String base = "/camunda/app/" + app + "/scripts/";
        assertThat(Http.anonymous(port).get(base + "config.js").body()).contains("customScripts: ['scripts/streetgov/look.js']");
        Http.Response script = Http.anonymous(port).get(base + "streetgov/look.js");
        assertThat(script.status()).isEqualTo(200);
        // Admin's look is Cockpit's
        assertThat(script.body()).contains(app.equals("cockpit") ? "./look.css" : "cockpit/scripts/streetgov/look.js");
        String cockpit = "/camunda/app/cockpit/scripts/streetgov/";
        assertThat(Http.anonymous(port).get(cockpit + "look.js").body()).contains("export default []");
        assertThat(Http.anonymous(port).get(cockpit + "look.css").body())
                .containsPattern("\\.ce-eol-banner[^{]*\\{\\s*display:\\s*none");
    }

    @Test
    void theClockNeedsALoginAndAnswersTheDistrictsZone() {
        assertThat(Http.anonymous(port).get("/api/clock").status()).isEqualTo(401);
        Http.Response clock = Http.as(port, "s01-off").get("/api/clock");
        assertThat(clock.status()).as(clock.body()).isEqualTo(200);
        assertThat(clock.json().path("zone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(clock.json().path("zoneLabel").asText()).isEqualTo("北京时间");
        assertThat(OffsetDateTime.parse(clock.json().path("now").asText()).getOffset().getTotalSeconds())
                .isEqualTo(8 * 3600);
    }
}
