package cn.streetgov.attachment;

import cn.streetgov.common.InvalidInputException;
import cn.streetgov.security.CurrentUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 案件附件 over HTTP: {@code GET /api/cases/{id}/attachments} (the files and what the caller may do),
 * {@code POST /api/cases/{id}/attachments} (multipart: {@code file}, {@code kind}, {@code note}),
 * {@code GET /api/attachments/{id}} (the download, always as a file to save: never shown or run in
 * the browser: {@code nosniff}, and the /api answers' Content-Security-Policy {@code default-src 'none'}
 * of the security headers filter) and {@code DELETE /api/attachments/{id}}.
 */
@RestController
class AttachmentController {

    private final CaseAttachments attachments;

    AttachmentController(CaseAttachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/api/cases/{processInstanceId}/attachments")
    CaseAttachments.Listing list(@PathVariable String processInstanceId, CurrentUser user) {
        return attachments.list(user, processInstanceId);
    }

    @PostMapping(path = "/api/cases/{processInstanceId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CaseAttachments.Item> upload(@PathVariable String processInstanceId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "note", required = false) String note, CurrentUser user) {
        if (file == null) {
            throw new InvalidInputException("请选择要上传的文件（表单字段 file）");
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(attachments.upload(user, processInstanceId, file.getOriginalFilename(), content, kind, note));
    }

    @GetMapping("/api/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable Long id, CurrentUser user) {
        CaseAttachments.Download file = attachments.download(user, id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, file.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, CaseAttachments.contentDisposition(file.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Digest", "sha-256=" + java.util.Base64.getEncoder()
                        .encodeToString(java.util.HexFormat.of().parseHex(file.sha256())))
                .body(file.content());
    }

    @DeleteMapping("/api/attachments/{id}")
    CaseAttachments.Removed remove(@PathVariable Long id, CurrentUser user) {
        return attachments.remove(user, id);
    }
}
