package cn.streetgov.webapp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * What a person reads on a page — the page's visible text ({@code document.body.innerText}) plus
 * what the visible form fields hold (their value, else their placeholder) — and the English words
 * and raw codes in it (S01, CGZF, APPROVE, NORMAL, "Select", "Field is required." …) and dates
 * in the American order (12/2/2026) that an official should never have to read.
 *
 * <p>Allowed, as they are meant to be read: case numbers (FQ-2026-0007, KH-2026-H2-S01-GA …),
 * codes of the public power catalog (CGZF-XK-001, listed with the item's name), and the product's
 * brand in the footer (Camunda Platform / v7.24.0). The user ids typed into the login box are not
 * read (that field is skipped). Camunda's banner urging a migration to Camunda 8 is named on its
 * own, whatever its words.
 */
final class VisibleText {

    /** Identifiers that are meant to be read, removed before the scan. */
    private static final List<Pattern> ALLOWED = List.of(
            // case numbers of the workflows: 赋权 FQ, 收回 SH, 任免 RM, 建议 JY, 吹哨 CS
            Pattern.compile("\\b(?:FQ|SH|RM|JY|CS)-\\d{4}-\\d{4}\\b"),
            // assessment campaigns and cases: KH-2026, KH-2026-H2, KH-2026-H2-S01-GA
            Pattern.compile("\\bKH-\\d{4}(?:-(?:H[12]|Q[1-4]))?(?:-[A-Z]\\d{2}-[A-Z]+)?\\b"),
            // item codes of the public power catalog (权责清单), always shown with the item's name
            Pattern.compile("\\b(?:CGZF|SCJG|GA|ZRZY|WJ)-[A-Z]{2}-\\d{3}\\b"),
            // the brand in the footer
            Pattern.compile("\\bCamunda(?: Platform)?(?: / v\\d+(?:\\.\\d+)*)?"));


    /** Latin words and codes: a run of letters, digits, _ and - holding a Latin letter. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]*[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern CODE_WITH_DIGITS = Pattern.compile(".*[A-Za-z]\\d.*");

    /** Dates in the American order (12/2/2026): Chinese dates read 2026-12-02 or 2026年12月2日. */
    private static final Pattern AMERICAN_DATE = Pattern.compile("\\b\\d{1,2}/\\d{1,2}/\\d{4}\\b");

    /** Phrases flagged whatever the rules above say. */
    private static final List<String> FORBIDDEN = List.of("迁移到 Camunda 8");

    private static final String READ_PAGE = """
            const parts = [document.body.innerText];
            for (const field of document.querySelectorAll('input, textarea')) {
              if (['hidden', 'password', 'radio', 'checkbox', 'file'].includes(field.type)) continue;
              if (field.matches("input[ng-model='username']")) continue;
              const box = field.getBoundingClientRect();
              const style = getComputedStyle(field);
              if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || style.display === 'none') continue;
              parts.push(field.value ? field.value : (field.placeholder || ''));
            }
            return parts.join('\\n');
            """;

    private VisibleText() {
    }

    /** The text a person reads on the page now. */
    static String of(WebDriver driver) {
        return String.valueOf(((JavascriptExecutor) driver).executeScript(READ_PAGE));
    }

    /** Rows of lists, each about one case: tasks, messages, copies, 已办 / 我发起的. */
    private static final String ROWS = "a[href^='#/?task='], .sg-inbox-item, .sg-copy, .sg-case-row";

    /**
     * The text a person reads on the page now about the case {@code caseNo}: the rows of lists about
     * other cases (the other tests' cases in the same database) are left out while the page is read.
     */
    static String aboutCase(WebDriver driver, String caseNo) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("""
                for (const row of document.querySelectorAll(arguments[0])) {
                  const item = row.closest('li') || row;
                  if (!item.textContent.includes(arguments[1])) {
                    item.dataset.sgHidden = item.style.display || 'shown';
                    item.style.display = 'none';
                  }
                }""", ROWS, caseNo);
        try {
            return of(driver);
        } finally {
            js.executeScript("""
                    for (const item of document.querySelectorAll('[data-sg-hidden]')) {
                      item.style.display = item.dataset.sgHidden === 'shown' ? '' : item.dataset.sgHidden;
                      delete item.dataset.sgHidden;
                    }""");
        }
    }

    /**
     * The English words and raw codes in {@code text}, each with a little of the text around it
     * ({@code …前文「CODE」后文…}), in order, each once.
     */
    static List<String> problems(String text) {
        Set<String> found = new LinkedHashSet<>();
        for (String phrase : FORBIDDEN) {
            if (text.contains(phrase)) {
                found.add("「" + phrase + "」 (Camunda 8 迁移横幅)");
            }
        }
        Matcher date = AMERICAN_DATE.matcher(text);
        while (date.find()) {
            found.add(context(text, date.start(), date.end()) + " (月/日/年)");
        }
        String scanned = text;
        for (Pattern allowed : ALLOWED) {
            scanned = allowed.matcher(scanned).replaceAll(m -> " ".repeat(m.group().length()));
        }
        Matcher token = TOKEN.matcher(scanned);
        while (token.find()) {
            String word = token.group();
            long letters = word.chars().filter(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')).count();
            if (letters >= 2 || CODE_WITH_DIGITS.matcher(word).matches()) {
                found.add(context(text, token.start(), token.end()));
            }
        }
        return new ArrayList<>(found);
    }

    private static String context(String text, int start, int end) {
        String before = text.substring(Math.max(0, start - 12), start);
        String after = text.substring(end, Math.min(text.length(), end + 12));
        return (before + "「" + text.substring(start, end) + "」" + after).replaceAll("\\s+", " ").trim();
    }
}
