package cn.streetgov.delegation.api;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.delegation.api.CatalogEntries.CatalogEntry;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.OrgUnit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/**
 * The public catalog as a page (赋权事项目录), no login: {@code GET /app/catalog[?org=S01]}, the powers
 * in force today grouped by street/town, each with its item's name, category, the delegation method,
 * the department that delegated it, the legal basis and the effective date, all in Chinese and without
 * codes; a street/town is chosen by its name. Rendered on the server (every value HTML-escaped), so the
 * page needs no script. Unknown org → 404.
 */
@RestController
class CatalogPageController {

    static final String PAGE = "delegation/catalog.html";
    static final String PATH = "/app/catalog";

    private final CatalogEntries entries;
    private final OrgDirectory org;

    CatalogPageController(CatalogEntries entries, OrgDirectory org) {
        this.entries = entries;
        this.org = org;
    }

    @GetMapping(PATH)
    ResponseEntity<String> page(@RequestParam(name = "org", required = false) String orgCode) throws IOException {
        String chosen = orgCode == null || orgCode.isBlank() ? null : orgCode;
        List<CatalogEntry> powers = entries.inForce(chosen);
        Map<String, List<CatalogEntry>> byOrg = new LinkedHashMap<>();
        List<OrgUnit> units = new ArrayList<>(org.units());
        for (OrgUnit unit : units) {
            if (chosen == null || unit.getCode().equals(chosen)) {
                byOrg.put(unit.getCode(), new ArrayList<>());
            }
        }
        for (CatalogEntry entry : powers) {
            byOrg.computeIfAbsent(entry.orgCode(), k -> new ArrayList<>()).add(entry);
        }

        StringBuilder filter = new StringBuilder(link(PATH, "全部街道/镇", chosen == null));
        for (OrgUnit unit : units) {
            filter.append(link(PATH + "?org=" + UriUtils.encodeQueryParam(unit.getCode(), StandardCharsets.UTF_8),
                    unit.getName(), unit.getCode().equals(chosen)));
        }
        StringBuilder sections = new StringBuilder();
        for (Map.Entry<String, List<CatalogEntry>> group : byOrg.entrySet()) {
            if (group.getValue().isEmpty() && chosen == null) {
                continue;
            }
            String name = org.nameOf(group.getKey()).orElse(group.getKey());
            sections.append("<section class=\"org\"><h2>").append(escape(name)).append("<span class=\"count\">")
                    .append(group.getValue().size()).append(" 项</span></h2>");
            if (group.getValue().isEmpty()) {
                sections.append("<p class=\"hint\">目前没有已生效的赋权事项。</p></section>\n");
                continue;
            }
            sections.append("<table><thead><tr><th>事项名称</th><th>事项类别</th><th>赋权方式</th><th>原实施部门</th>")
                    .append("<th>法律依据</th><th>生效日期</th></tr></thead><tbody>");
            for (CatalogEntry e : group.getValue()) {
                sections.append("<tr><td>").append(escape(e.itemName())).append("</td><td>")
                        .append(escape(e.categoryLabel())).append("</td><td>").append(escape(e.methodLabel()))
                        .append("</td><td>").append(escape(e.deptName())).append("</td><td>")
                        .append(escape(e.legalBasis())).append("</td><td class=\"date\">")
                        .append(escape(e.effectiveDateText())).append("</td></tr>");
            }
            sections.append("</tbody></table></section>\n");
        }
        if (sections.isEmpty()) {
            sections.append("<p class=\"hint\">目前没有已生效的赋权事项。</p>");
        }
        String intro = "本目录列出经区政府批准、已经生效的下放给各街道/镇的行政权力事项（截至 "
                + CaseClock.SHOWN_DATE.format(CaseClock.today()) + "，共 " + powers.size() + " 项）。";
        String html;
        try (InputStream in = new ClassPathResource(PAGE).getInputStream()) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        html = html.replace("<!--INTRO-->", escape(intro)).replace("<!--FILTER-->", filter)
                .replace("<!--SECTIONS-->", sections);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").body(html);
    }

    private static String link(String href, String label, boolean current) {
        return "<a href=\"" + escape(href) + "\"" + (current ? " aria-current=\"page\"" : "") + ">" + escape(label) + "</a>";
    }

    private static String escape(String text) {
        return text == null ? "—" : HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }
}
