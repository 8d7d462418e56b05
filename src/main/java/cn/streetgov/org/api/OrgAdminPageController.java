package cn.streetgov.org.api;

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
 * The administrators' page of the organisation model (组织机构管理): streets/towns, departments,
 * agencies, people and posts, with forms drawn in the browser over {@code /api/admin/org}. Login
 * required (the webapps' session or HTTP Basic); administrators only.
 */
@RestController
class OrgAdminPageController {

    static final String PAGE = "org/admin.html";

    @GetMapping("/app/admin/org")
    ResponseEntity<String> page(CurrentUser user) throws IOException {
        OrgAdminController.requireAdmin(user);
        try (InputStream in = new ClassPathResource(PAGE).getInputStream()) {
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .header("Cache-Control", "no-store")
                    .body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
