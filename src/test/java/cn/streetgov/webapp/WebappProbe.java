package cn.streetgov.webapp;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.LoggerFactory;

/**
 * What a browser test needs to say "the webapp worked": the engine API guard refused none of the
 * page's calls (its WARN lines, caught with a Logback appender), the engine answered none of them
 * with an error (the browser's network log), and no error notification is on the screen.
 * Plus the few waits and form-js gestures the tests share.
 */
final class WebappProbe implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String GUARD_LOGGER = "cn.streetgov.security.web.EngineApiGuardFilter";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Logger guardLogger = (Logger) LoggerFactory.getLogger(GUARD_LOGGER);
    private final ListAppender<ILoggingEvent> refusals = new ListAppender<>();
    private final Map<String, String> methods = new HashMap<>();
    private final List<String> failures = new ArrayList<>();

    /** Starts listening to the guard's refusals (before the browser makes its first call). */
    WebappProbe() {
        refusals.start();
        guardLogger.addAppender(refusals);
    }

    @Override
    public void close() {
        guardLogger.detachAppender(refusals);
        refusals.stop();
    }

    /** Every {@code 引擎接口拒绝请求: …} line the guard logged since the probe started. */
    List<String> refusedCalls() {
        synchronized (refusals) {
            return refusals.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /**
     * Every answer of 400 or more to a call of the webapps' engine API ({@code /camunda/api/engine})
     * seen by the browser so far, as {@code "STATUS METHOD URL"}. Drains the browser's log.
     */
    List<String> failedEngineCalls(WebDriver driver) {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message;
            try {
                message = JSON.readTree(entry.getMessage()).path("message");
            } catch (IOException e) {
                continue;
            }
            String event = message.path("method").asText();
            JsonNode params = message.path("params");
            if (event.equals("Network.requestWillBeSent")) {
                methods.put(params.path("requestId").asText(), params.path("request").path("method").asText());
            } else if (event.equals("Network.responseReceived")) {
                JsonNode response = params.path("response");
                String url = response.path("url").asText();
                int status = response.path("status").asInt();
                if (url.contains("/camunda/api/engine/") && status >= 400) {
                    failures.add(status + " " + methods.getOrDefault(params.path("requestId").asText(), "?") + " "
                            + url);
                }
            }
        }
        return List.copyOf(failures);
    }

    /** The texts of the error notifications (red alerts) on the screen. */
    static List<String> visibleErrors(WebDriver driver) {
        List<String> errors = new ArrayList<>();
        for (WebElement alert : driver.findElements(By.cssSelector(".alert-danger, .alert-error"))) {
            try {
                if (alert.isDisplayed() && alert.getSize().getHeight() > 0) {
                    errors.add(alert.getText());
                }
            } catch (StaleElementReferenceException gone) {
                // removed while we looked: not on the screen any more
            }
        }
        return errors;
    }

    static WebDriverWait await(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    static String bodyText(WebDriver driver) {
        return driver.findElement(By.tagName("body")).getText();
    }

    static void awaitText(WebDriver driver, String text) {
        await(driver).withMessage(() -> "「" + text + "」 not on the page:\n" + bodyText(driver))
                .until(d -> bodyText(d).contains(text));
    }

    static WebElement awaitClickable(WebDriver driver, By by) {
        return await(driver).until(ExpectedConditions.elementToBeClickable(by));
    }

    /** Clicks once the element takes the click (an open dropdown or a fading dialog may still cover it). */
    static void click(WebDriver driver, By by) {
        await(driver).ignoring(ElementClickInterceptedException.class).until(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    /** An XPath literal for {@code text} (our labels contain no quotes). */
    static String literal(String text) {
        return "'" + text + "'";
    }

    // ---- form-js (Camunda Forms) gestures, by the field's label ----

    private static String field(String type, String label) {
        return "//div[contains(@class,'fjs-form-field-" + type + "')][.//label[starts-with(normalize-space(),"
                + literal(label) + ")]]";
    }

    static void selectOption(WebDriver driver, String label, String option) {
        // a click on the display of an open list closes it: open the list only when it is closed
        if (driver.findElements(By.xpath(field("select", label) + "//*[contains(@class,'fjs-dropdownlist-item')]"))
                .isEmpty()) {
            click(driver, By.xpath(field("select", label) + "//div[contains(@class,'fjs-select-display')]"));
        }
        click(driver, By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()=" + literal(option)
                + "]"));
        await(driver).until(d -> d.findElement(By.xpath(field("select", label))).getText().contains(option));
    }

    /** What the select labelled {@code label} shows chosen (a pre-chosen, read-only one too). */
    static String selectedOption(WebDriver driver, String label) {
        return driver.findElement(By.xpath(field("select", label) + "//div[contains(@class,'fjs-select-display')]"))
                .getText().trim();
    }

    static void type(WebDriver driver, String fieldKey, String text) {
        WebElement input = awaitClickable(driver,
                By.cssSelector("input[id$='Field_" + fieldKey + "'], textarea[id$='Field_" + fieldKey + "']"));
        input.sendKeys(text);
    }

    /** Ticks a checklist box or picks a radio button until the form shows it chosen. */
    static void check(WebDriver driver, String fieldKey, String optionLabel) {
        By option = By.xpath("//label[starts-with(@for,'fjs-') and contains(@for,'Field_" + fieldKey + "-')]"
                + "[normalize-space()=" + literal(optionLabel) + "]");
        await(driver).ignoring(ElementClickInterceptedException.class).until(d -> {
            WebElement label = d.findElement(option);
            WebElement box = d.findElement(By.id(label.getDomAttribute("for")));
            if (!box.isSelected()) {
                label.click();
            }
            return d.findElement(By.id(label.getDomAttribute("for"))).isSelected();
        });
    }

    /** Types into a taglist (multi-select with search) and picks the first matching option. */
    static void addTag(WebDriver driver, String fieldKey, String search) {
        type(driver, fieldKey, search);
        click(driver, By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][starts-with(normalize-space(),"
                + literal(search) + ")]"));
        await(driver).until(d -> d.findElement(By.xpath("//*[contains(@class,'fjs-taglist-tags')]")).getText()
                .contains(search));
        // leave the field (a click on the form's heading) so that its option list, which would cover the
        // fields below, closes
        click(driver, By.cssSelector(".fjs-form-field-text"));
        await(driver).until(d -> d.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty());
    }

    // ---- form-js gestures by the label a person reads (any component id) ----

    /** An XPath test that a label reads {@code label} (a required field's asterisk aside). */
    private static String labelReads(String label) {
        return "normalize-space(translate(., '*', ''))=" + literal(label);
    }

    /** The enabled input or textarea of the form field labelled {@code label}. */
    static WebElement fieldLabelled(WebDriver driver, String label) {
        return fieldLabelled(driver, label, true);
    }

    /** What the form field labelled {@code label} shows (also a read-only one). */
    static String valueOf(WebDriver driver, String label) {
        return fieldLabelled(driver, label, false).getDomProperty("value");
    }

    private static WebElement fieldLabelled(WebDriver driver, String label, boolean enabled) {
        By labels = By.xpath("//label[starts-with(@for,'fjs-')][" + labelReads(label) + "]");
        return await(driver).withMessage(() -> "no field 「" + label + "」:\n" + bodyText(driver))
                .until(d -> d.findElements(labels).stream().filter(WebElement::isDisplayed)
                        .map(l -> d.findElements(By.id(l.getDomAttribute("for")))).flatMap(List::stream)
                        .filter(f -> f.isDisplayed() && (f.isEnabled() || !enabled)).findFirst().orElse(null));
    }

    /**
     * Types {@code text} into the field labelled {@code label} (replacing what it held) until it holds
     * it, and leaves the field: form-js takes what was typed a moment later, or when the field loses
     * the focus (a 完成 clicked at once would otherwise submit the field empty).
     */
    static void fill(WebDriver driver, String label, String text) {
        await(driver).until(d -> {
            WebElement field = fieldLabelled(d, label);
            String value = field.getDomProperty("value");
            if (!text.equals(value)) {
                if (value != null && !value.isEmpty()) {
                    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
                }
                field.sendKeys(text);
            }
            ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].blur()", field);
            return text.equals(fieldLabelled(d, label).getDomProperty("value"));
        });
    }

    /**
     * Types a date into the form-js date field labelled {@code label}, in the format its placeholder
     * asks for (form-js' own is mm/dd/yyyy; a Chinese one starts with the year), and closes the picker.
     */
    static void fillDate(WebDriver driver, String label, LocalDate date) {
        WebElement field = fieldLabelled(driver, label);
        String placeholder = String.valueOf(field.getDomAttribute("placeholder")).toLowerCase(java.util.Locale.ROOT);
        String pattern = placeholder.startsWith("y") || placeholder.startsWith("年") ? "yyyy-MM-dd" : "MM/dd/yyyy";
        field.sendKeys(date.format(DateTimeFormatter.ofPattern(pattern)) + Keys.ENTER);
        await(driver).until(d -> !String.valueOf(fieldLabelled(d, label).getDomProperty("value")).isBlank());
    }

    /** Picks the radio button or ticks the checklist box {@code option} of the group labelled {@code group}. */
    static void choose(WebDriver driver, String group, String option) {
        By label = By.xpath("//div[contains(@class,'fjs-form-field-radio') or contains(@class,'fjs-form-field-checklist')]"
                + "[(.//label)[1][" + labelReads(group) + "]]//label[@for][normalize-space()=" + literal(option) + "]");
        await(driver).withMessage(() -> "no option 「" + option + "」 of 「" + group + "」:\n" + bodyText(driver))
                .ignoring(ElementClickInterceptedException.class).until(d -> {
                    WebElement shown = d.findElements(label).stream().filter(WebElement::isDisplayed).findFirst()
                            .orElse(null);
                    if (shown == null) {
                        return false;
                    }
                    WebElement box = d.findElement(By.id(shown.getDomAttribute("for")));
                    if (!box.isSelected()) {
                        // to the middle of the task pane: Tasklist's footer covers its bottom
                        scrollToMiddle(d, shown);
                        shown.click();
                    }
                    return d.findElement(By.id(shown.getDomAttribute("for"))).isSelected();
                });
    }

    /** Scrolls the element to the middle of its scrolling pane (Tasklist's footer covers the bottom of the window). */
    static void scrollToMiddle(WebDriver driver, WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", element);
    }

    // ---- Tasklist: starting a case ----

    /** Tasklist: 启动流程, pick the process, wait until its Camunda start form shows {@code fieldLabel}. */
    static void openStartForm(WebDriver driver, String processName, String fieldLabel) {
        // a busy machine sometimes loses the click on the process while Tasklist re-renders its list:
        // close the dialog and pick it again (as a person would), at most three times
        for (int attempt = 1; ; attempt++) {
            click(driver, By.xpath("//a[normalize-space()='启动流程']"));
            click(driver, By.xpath("//div[contains(@class,'modal-content')]//ul[contains(@class,'processes')]//a"
                    + "[normalize-space()=" + literal(processName) + "]"));
            try {
                new WebDriverWait(driver, Duration.ofSeconds(30))
                        .until(d -> !d.findElements(By.cssSelector(".modal-content .fjs-form")).isEmpty());
                break;
            } catch (TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
                driver.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
                await(driver).until(d -> d.findElements(By.cssSelector(".modal-content")).isEmpty());
            }
        }
        awaitText(driver, fieldLabel);
    }

    /** Tasklist: 启动 in the start dialog, which closes once the case is started (else it shows the error). */
    static void startFromForm(WebDriver driver) {
        click(driver, By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='启动']"));
        await(driver).withMessage(() -> "the start dialog stayed open: " + visibleErrors(driver))
                .until(d -> d.findElements(By.cssSelector(".modal-content")).isEmpty());
    }
}
