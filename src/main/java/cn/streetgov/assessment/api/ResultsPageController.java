package cn.streetgov.assessment.api;

import cn.streetgov.common.ForbiddenException;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.security.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The results page of the assessment (考核结果): ranking table and charts, drawn in the browser from
 * {@code GET /api/assessments}. Login required (the webapps' session or HTTP Basic, see the login
 * filter); for 区考核办, 区委组织部, auditors and street committees (who see their own street only).
 */
@RestController
class ResultsPageController {

    static final String PAGE = "assessment/results.html";

    @GetMapping("/app/assessments")
    ResponseEntity<String> page(CurrentUser user) throws IOException {
        boolean streetCommittee = user.groupIds().stream()
                .anyMatch(g -> g.startsWith(PostRole.STREET_COMMITTEE.groupId("")));
        if (!streetCommittee) {
            try {
                user.requireAnyGroup(PostRole.ASSESSMENT_OFFICE.groupId(null), PostRole.ORG_DEPT.groupId(null),
                        CurrentUser.AUDITOR);
            } catch (ForbiddenException e) {
                throw new ForbiddenException("考核结果页面仅供区考核办、区委组织部、审计人员和街道党(工)委查看");
            }
        }
        try (InputStream in = new ClassPathResource(PAGE).getInputStream()) {
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .header("Cache-Control", "no-store")
                    .body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
