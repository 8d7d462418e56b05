package cn.streetgov.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the Simplified Chinese (zh-CN) translations of the Camunda webapps.
 *
 * <p>For every webapp the English locale file of the Camunda webjar and our zh-CN locale file are
 * read from the classpath, flattened to full key paths ({@code labels.FOO},
 * {@code dateLocales.months[0]}, ...) and compared: every English key must exist in zh-CN, must
 * have a non-blank value (unless the English value itself is blank) and must keep every
 * {@code {{placeholder}}} of the English text. In addition every webapp's {@code config.js} that
 * wins on the classpath must name {@code 'zh-CN'} as fallback locale.
 *
 * <p>Plain JUnit test, no Spring context.
 */
class WebappLocaleCompletenessTest {

  private static final List<String> APPS = List.of("tasklist", "cockpit", "admin", "welcome");

  private static final String APP_ROOT = "/META-INF/resources/webjars/camunda/app/";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);

  private static final Pattern FALLBACK_LOCALE =
      Pattern.compile("fallbackLocale['\"]?\\s*:\\s*['\"]([^'\"]*)['\"]");

  private static final Pattern AVAILABLE_LOCALES =
      Pattern.compile("availableLocales['\"]?\\s*:\\s*\\[([^\\]]*)]");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> zhCnTranslationCoversEveryEnglishKey() {
    return APPS.stream()
        .map(
            app ->
                dynamicTest(
                    app,
                    () -> {
                      Map<String, JsonNode> english =
                          flatten(readJson(APP_ROOT + app + "/locales/en.json"));
                      Map<String, JsonNode> chinese =
                          flatten(readJson(APP_ROOT + app + "/locales/zh-CN.json"));

                      assertThat(english).as("keys of %s/locales/en.json", app).isNotEmpty();

                      Problems problems = compare(english, chinese);
                      assertThat(problems.isEmpty())
                          .withFailMessage(
                              "%s/locales/zh-CN.json is incomplete compared to en.json (%d keys):%n%s",
                              app, english.size(), problems)
                          .isTrue();
                    }));
  }

  @TestFactory
  Stream<DynamicTest> configJsMakesZhCnTheFallbackLocale() {
    return APPS.stream()
        .map(
            app ->
                dynamicTest(
                    app,
                    () -> {
                      String path = APP_ROOT + app + "/scripts/config.js";
                      // the first config.js on the classpath is the one the webapp serves, so it
                      // has to be ours and not the (fully commented out) one of the webjar
                      String script = stripComments(readText(path));

                      Matcher fallback = FALLBACK_LOCALE.matcher(script);
                      assertThat(fallback.find())
                          .withFailMessage(
                              "%s (first on the classpath) does not configure locales.fallbackLocale",
                              path)
                          .isTrue();
                      assertThat(fallback.group(1)).as("fallbackLocale in %s", path).isEqualTo("zh-CN");

                      Matcher available = AVAILABLE_LOCALES.matcher(script);
                      assertThat(available.find())
                          .withFailMessage(
                              "%s (first on the classpath) does not configure locales.availableLocales",
                              path)
                          .isTrue();
                      assertThat(available.group(1))
                          .as("availableLocales in %s", path)
                          .containsPattern("['\"]zh-CN['\"]");
                    }));
  }

  /** Makes sure the comparison itself detects the kinds of gaps the tests above look for. */
  @Test
  void comparisonDetectsMissingKeysBlankValuesAndLostPlaceholders() throws IOException {
    Map<String, JsonNode> english =
        flatten(
            MAPPER.readTree(
                "{\"labels\": {\"GREETING\": \"Hello {{ name }}, you have {{count}} tasks\","
                    + " \"BYE\": \"Bye\", \"TITLE\": \"Title\", \"EMPTY\": \"\"},"
                    + " \"dateLocales\": {\"months\": [\"January\", \"February\"],"
                    + " \"week\": {\"dow\": 1}}}"));
    Map<String, JsonNode> chinese =
        flatten(
            MAPPER.readTree(
                "{\"labels\": {\"GREETING\": \"{{name}}，您好\", \"TITLE\": \"  \", \"EMPTY\": \"\"},"
                    + " \"dateLocales\": {\"months\": [\"一月\"], \"week\": {}}}"));

    Problems problems = compare(english, chinese);

    assertThat(problems.isEmpty()).isFalse();
    assertThat(problems.missingKeys())
        .containsExactly("labels.BYE", "dateLocales.months[1]", "dateLocales.week.dow");
    assertThat(problems.blankValues()).containsExactly("labels.TITLE");
    assertThat(problems.lostPlaceholders()).hasSize(1);
    assertThat(problems.lostPlaceholders().get(0)).contains("labels.GREETING", "{{count}}");
    assertThat(problems.toString()).contains("labels.BYE", "labels.TITLE", "labels.GREETING");
  }

  @Test
  void comparisonAcceptsCompleteTranslationWithReformattedPlaceholders() throws IOException {
    Map<String, JsonNode> english =
        flatten(MAPPER.readTree("{\"labels\": {\"A\": \"{{ count }} of {{total}}\", \"B\": \"\"}}"));
    Map<String, JsonNode> chinese =
        flatten(MAPPER.readTree("{\"labels\": {\"A\": \"{{count}} / {{ total }}\", \"B\": \"\"}}"));

    assertThat(compare(english, chinese).isEmpty()).isTrue();
  }

  static Problems compare(Map<String, JsonNode> english, Map<String, JsonNode> chinese) {
    List<String> missingKeys = new ArrayList<>();
    List<String> blankValues = new ArrayList<>();
    List<String> lostPlaceholders = new ArrayList<>();

    english.forEach(
        (key, englishValue) -> {
          JsonNode chineseValue = chinese.get(key);
          if (chineseValue == null || chineseValue.isNull()) {
            missingKeys.add(key);
            return;
          }
          if (!englishValue.isTextual()) {
            return;
          }
          String englishText = englishValue.asText();
          String chineseText = chineseValue.isValueNode() ? chineseValue.asText() : "";
          if (!englishText.isBlank() && chineseText.isBlank()) {
            blankValues.add(key);
            return;
          }
          Set<String> chinesePlaceholders = placeholders(chineseText);
          for (String placeholder : placeholders(englishText)) {
            if (!chinesePlaceholders.contains(placeholder)) {
              lostPlaceholders.add(key + " lacks {{" + placeholder + "}}: \"" + chineseText + "\"");
            }
          }
        });
    return new Problems(missingKeys, blankValues, lostPlaceholders);
  }

  /** Placeholder expressions with all whitespace removed, so {{ name }} equals {{name}}. */
  static Set<String> placeholders(String text) {
    Set<String> result = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      result.add(matcher.group(1).replaceAll("\\s+", ""));
    }
    return result;
  }

  /** Flattens a JSON tree to leaf values keyed by their full path, e.g. {@code a.b[2].c}. */
  static Map<String, JsonNode> flatten(JsonNode root) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    flatten("", root, result);
    return result;
  }

  private static void flatten(String path, JsonNode node, Map<String, JsonNode> result) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), result);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), result);
      }
    } else {
      result.put(path, node);
    }
  }

  private static JsonNode readJson(String path) throws IOException {
    try (InputStream in = open(path)) {
      // Jackson skips the UTF-8 byte order mark the webjar's locale files start with
      return MAPPER.readTree(in);
    }
  }

  private static String readText(String path) throws IOException {
    try (InputStream in = open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static InputStream open(String path) {
    InputStream in = WebappLocaleCompletenessTest.class.getResourceAsStream(path);
    assertThat(in).withFailMessage("classpath resource %s not found", path).isNotNull();
    return in;
  }

  private static String stripComments(String script) {
    String withoutBlockComments = script.replaceAll("(?s)/\\*.*?\\*/", "");
    return withoutBlockComments.replaceAll("(?m)^\\s*//.*$", "");
  }

  record Problems(List<String> missingKeys, List<String> blankValues, List<String> lostPlaceholders) {

    boolean isEmpty() {
      return missingKeys.isEmpty() && blankValues.isEmpty() && lostPlaceholders.isEmpty();
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder();
      append(text, "missing keys", missingKeys);
      append(text, "blank values", blankValues);
      append(text, "placeholders not kept", lostPlaceholders);
      return text.toString();
    }

    private static void append(StringBuilder text, String title, List<String> entries) {
      if (!entries.isEmpty()) {
        text.append(title).append(" (").append(entries.size()).append("):");
        entries.forEach(entry -> text.append(System.lineSeparator()).append("  ").append(entry));
        text.append(System.lineSeparator());
      }
    }
  }
}
