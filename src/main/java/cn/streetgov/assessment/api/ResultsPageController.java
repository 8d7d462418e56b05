package cn.streetgov.assessment.api;

import cn.streetgov.common.ForbiddenException;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.security.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pages of the assessment results. Login required (the webapps' session or HTTP Basic, see the
 * login filter).
 * <ul>
 * <li>{@code /app/assessments} (考核结果): ranking table and charts, drawn in the browser from
 * {@code GET /api/assessments}; for 区考核办, 区委组织部, auditors and street committees (who see their
 * own street only). A member of a dispatched agency who is none of these is sent to its own page.</li>
 * <li>{@code /app/assessments/mine} (本机构考核结果): the assessed agency's own results, from
 * {@code GET /api/assessments/mine}, with 提出异议 during 公示; for the agencies' members only.</li>
 * </ul>
 */
@RestController
class ResultsPageController {

    static final String PAGE = "assessment/results.html";
    static final String OWN_PAGE = "assessment/mine.html";
    static final String OWN_PATH = "/app/assessments/mine";

    @GetMapping("/app/assessments")
    ResponseEntity<String> page(CurrentUser user) throws IOException {
        boolean streetCommittee = user.groupIds().stream()
                .anyMatch(g -> g.startsWith(PostRole.STREET_COMMITTEE.groupId("")));
        if (!streetCommittee) {
            try {
                user.requireAnyGroup(PostRole.ASSESSMENT_OFFICE.groupId(null), PostRole.ORG_DEPT.groupId(null),
                        CurrentUser.AUDITOR);
            } catch (ForbiddenException e) {
                if (isAgencyMember(user)) {
                    return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(OWN_PATH)).build();
                }
                throw new ForbiddenException("考核结果页面仅供区考核办、区委组织部、审计人员和街道党(工)委查看");
            }
        }
        return html(PAGE);
    }

    @GetMapping(OWN_PATH)
    ResponseEntity<String> ownPage(CurrentUser user) throws IOException {
        if (!isAgencyMember(user)) {
            throw new ForbiddenException("本机构考核结果页面仅供派驻机构人员查看本机构的考核结果");
        }
        return html(OWN_PAGE);
    }

    private static boolean isAgencyMember(CurrentUser user) {
        return user.groupIds().stream().anyMatch(g -> g.startsWith(PostRole.AGENCY.groupId("")));
    }

    private static ResponseEntity<String> html(String page) throws IOException {
        try (InputStream in = new ClassPathResource(page).getInputStream()) {
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .header("Cache-Control", "no-store")
                    .body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
