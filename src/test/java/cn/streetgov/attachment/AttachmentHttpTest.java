package cn.streetgov.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.appointment.process.ConsultationProcess;
import cn.streetgov.appointment.process.ConsultationTestData;
import cn.streetgov.audit.AuditEventType;
import cn.streetgov.audit.AuditRecord;
import cn.streetgov.audit.AuditTrail;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.test.Http;
import cn.streetgov.test.ProcessTestSupport;
import cn.streetgov.workspace.FinishedCases;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 案件附件 over HTTP: the participants of a consultation (the proposing department, the street
 * committee asked) upload and download its dossier, auditors read it and change nothing, officials of
 * another organisation read nothing; files of the wrong type, with content that is not what the name
 * says, empty or too large are refused with a Chinese reason and leave nothing behind; each upload and
 * removal is in the case's audit trail with the file's SHA-256.
 */
class AttachmentHttpTest extends ProcessTestSupport {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

    @LocalServerPort
    int port;
    @Autowired
    OrgDirectory directory;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcTemplate jdbc;

    private ProcessInstance started;

    @AfterEach
    void removeTheCase() {
        if (started != null && runtimeService.createProcessInstanceQuery().processInstanceId(started.getId()).count() > 0) {
            runtimeService.deleteProcessInstance(started.getId(), "test clean-up", true, true);
        }
    }

    @Test
    void shouldKeepTheDossierForTheCasesParticipantsAndRecordItInTheTrail() {
        ProcessInstance instance = consultation();
        String name = "任职材料（" + instance.getBusinessKey() + "）.pdf";

        Http.Response uploaded = upload("ga-off", instance, name, "application/pdf", PDF, "DOSSIER", "干部任免审批表及考察材料");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        JsonNode item = uploaded.json();
        assertThat(item.path("fileName").asText()).isEqualTo(name);
        assertThat(item.path("kindLabel").asText()).isEqualTo("案件材料");
        assertThat(item.path("uploaderName").asText()).isEqualTo(directory.personName("ga-off"));
        assertThat(item.path("size").asLong()).isEqualTo(PDF.length);
        assertThat(item.path("sizeText").asText()).isEqualTo(PDF.length + " 字节");
        assertThat(item.path("uploadedAt").asText()).endsWith("+08:00");
        assertThat(item.path("sha256").asText()).isEqualTo(CaseAttachments.sha256(PDF));

        // the street committee asked lists and downloads it
        JsonNode listing = list("s01-sec", instance);
        assertThat(listing.path("caseNo").asText()).isEqualTo(instance.getBusinessKey());
        assertThat(listing.path("mayUpload").asBoolean()).isTrue();
        assertThat(listing.path("maxSizeText").asText()).isEqualTo("10 MB");
        assertThat(texts(listing.path("kinds"), "label")).containsExactly("案件材料", "法律依据文件", "现场照片", "其他附件");
        assertThat(texts(listing.path("items"), "fileName")).containsExactly(name);
        assertThat(listing.path("items").get(0).path("mayRemove").asBoolean()).as("only the uploader removes").isFalse();
        assertThat(list("ga-off", instance).path("items").get(0).path("mayRemove").asBoolean()).isTrue();

        HttpResponse<byte[]> download = Http.as(port, "s01-sec").download(item.path("downloadUrl").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"")
                .contains("filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");

        // auditors read and download, and may change nothing
        JsonNode audited = list("auditor", instance);
        assertThat(audited.path("mayUpload").asBoolean()).isFalse();
        assertThat(audited.path("whyNotUpload").asText()).contains("审计人员只能查阅");
        assertThat(audited.path("items").get(0).path("mayRemove").asBoolean()).isFalse();
        assertThat(Http.as(port, "auditor").download(item.path("downloadUrl").asText()).body()).isEqualTo(PDF);
        Http.Response auditorUpload = upload("auditor", instance, "审计.pdf", "application/pdf", PDF, "OTHER", null);
        assertThat(auditorUpload.status()).isEqualTo(403);
        assertThat(auditorUpload.json().path("message").asText()).contains("审计人员只能查阅附件");
        assertThat(Http.as(port, "auditor").delete(item.path("downloadUrl").asText()).status()).isEqualTo(403);

        // the trail: who uploaded what, with the file's hash
        AuditRecord added = only(instance, AuditEventType.ATTACHMENT_ADDED);
        assertThat(added.getActorId()).isEqualTo("ga-off");
        assertThat(added.getComment()).contains("上传案件材料「" + name + "」", "干部任免审批表及考察材料");
        assertThat(added.getPayload()).contains(CaseAttachments.sha256(PDF), "\"kind\":\"DOSSIER\"");
        assertThat(audit.verify(instance.getId()).intact()).isTrue();
    }

    @Test
    void shouldShowNothingToOtherOrganisationsAndLetOnlyTheUploaderRemoveAFile() {
        ProcessInstance instance = consultation();
        JsonNode photo = upload("s01-sec", instance, "会议现场.jpg", "image/jpeg", JPEG, "PHOTO", null).json();
        String url = photo.path("downloadUrl").asText();

        for (String stranger : List.of("s02-off", "t01-sec", "scjg-off", "s02-ga-head")) {
            Http.Response listed = Http.as(port, stranger).get("/api/cases/" + instance.getId() + "/attachments");
            assertThat(listed.status()).as("%s lists: %s", stranger, listed.body()).isEqualTo(403);
            assertThat(listed.json().path("message").asText()).contains("无权查阅案件 " + instance.getBusinessKey());
            assertThat(Http.as(port, stranger).download(url).statusCode()).as("%s downloads", stranger).isEqualTo(403);
            assertThat(upload(stranger, instance, "x.pdf", "application/pdf", PDF, "OTHER", null).status())
                    .as("%s uploads", stranger).isEqualTo(403);
            assertThat(Http.as(port, stranger).delete(url).status()).as("%s removes", stranger).isEqualTo(403);
        }
        assertThat(Http.anonymous(port).get("/api/cases/" + instance.getId() + "/attachments").status()).isEqualTo(401);
        assertThat(Http.anonymous(port).download(url).statusCode()).isEqualTo(401);

        Http.Response notTheirs = Http.as(port, "ga-off").delete(url);
        assertThat(notTheirs.status()).isEqualTo(403);
        assertThat(notTheirs.json().path("message").asText()).contains("只有上传人", "会议现场.jpg");

        Http.Response removed = Http.as(port, "s01-sec").delete(url);
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().path("message").asText()).isEqualTo("已删除附件「会议现场.jpg」");
        assertThat(list("ga-off", instance).path("items")).isEmpty();
        assertThat(Http.as(port, "s01-sec").download(url).statusCode()).isEqualTo(404);
        assertThat(only(instance, AuditEventType.ATTACHMENT_DELETED).getComment()).isEqualTo("删除现场照片「会议现场.jpg」");
        assertThat(Http.as(port, "s01-sec").get("/api/attachments/999999999").status()).isEqualTo(404);
        assertThat(Http.as(port, "s01-sec").get("/api/cases/no-such-case/attachments").status()).isEqualTo(404);
    }

    @Test
    void shouldRefuseFilesOfOtherTypesEmptyOrTooLargeAndKeepNothingOfThem() {
        ProcessInstance instance = consultation();
        record Refusal(String name, String type, byte[] content, String kind, int status, String reason) {
        }
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0};
        byte[] tooLarge = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
        List<Refusal> refusals = List.of(
                new Refusal("setup.exe", "application/octet-stream", exe, "OTHER", 415, "不支持文件「setup.exe」的类型"),
                new Refusal("说明.html", "text/html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "OTHER", 415,
                        "只能上传 PDF、OFD、Word（doc/docx）、Excel（xls/xlsx）、JPG、PNG 文件"),
                new Refusal("图.svg", "image/svg+xml", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), "PHOTO", 415,
                        "不支持文件「图.svg」的类型"),
                new Refusal("伪装.pdf", "application/pdf", exe, "DOSSIER", 415, "文件「伪装.pdf」的内容与其扩展名不符"),
                new Refusal("照片.png", "image/png", JPEG, "PHOTO", 415, "内容与其扩展名不符"),
                new Refusal("空.pdf", "application/pdf", new byte[0], "DOSSIER", 400, "文件「空.pdf」是空的"),
                new Refusal("材料.pdf", "application/pdf", PDF, "CONTRACT", 400, "附件类别无效：CONTRACT"),
                new Refusal("大.pdf", "application/pdf", tooLarge, "DOSSIER", 413, "不得超过 10 MB"));
        for (Refusal refusal : refusals) {
            Http.Response response = upload("ga-off", instance, refusal.name(), refusal.type(), refusal.content(),
                    refusal.kind(), null);
            assertThat(response.status()).as("%s: %s", refusal.name(), response.body()).isEqualTo(refusal.status());
            assertThat(response.json().path("message").asText()).as(refusal.name()).contains(refusal.reason());
        }
        // a body far over the limit is refused before it is read
        byte[] huge = new byte[12 * 1024 * 1024];
        Http.Response tooBig = Http.as(port, "ga-off").sendBytes("POST", "/api/cases/" + instance.getId() + "/attachments",
                "multipart/form-data; boundary=x", huge);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.json().path("message").asText()).contains("请求内容过大");
        // a multipart request without a file
        Http.Response noFile = Http.as(port, "ga-off").postMultipart("/api/cases/" + instance.getId() + "/attachments",
                Map.of("kind", "DOSSIER"), null, null, null, null);
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.json().path("message").asText()).contains("请选择要上传的文件");

        assertThat(list("ga-off", instance).path("items")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from case_attachment where process_instance_id = ?", Long.class,
                instance.getId())).isZero();
        assertThat(audit.trail(instance.getId())).noneMatch(r -> r.getEventType() == AuditEventType.ATTACHMENT_ADDED);

        // a folder in the name is dropped; Word and PNG files are taken
        JsonNode word = upload("ga-off", instance, "C:\\材料\\考察报告.docx", "application/octet-stream",
                new byte[] {'P', 'K', 3, 4, 20, 0}, "DOSSIER", null).json();
        assertThat(word.path("fileName").asText()).isEqualTo("考察报告.docx");
        assertThat(word.path("contentType").asText()).isEqualTo(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(upload("ga-off", instance, "现场.PNG", "image/png", PNG, "PHOTO", null).status()).isEqualTo(201);
    }

    @Test
    void shouldKeepTheFilesOfAFinishedCaseReadableAndUnchangeable() {
        ProcessInstance running = FinishedCases.whistle(engine, "路面塌陷（附件测试）");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(running.getId()).singleResult()
                .getEndTime()).as("the whistle ended").isNotNull();

        JsonNode listing = list("s01-off", running);
        assertThat(listing.path("mayUpload").asBoolean()).isFalse();
        assertThat(listing.path("whyNotUpload").asText()).isEqualTo("案件 " + running.getBusinessKey() + " 已办结，附件不能再增删");
        Http.Response refused = upload("s01-off", running, "现场.jpg", "image/jpeg", JPEG, "PHOTO", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("message").asText()).contains("已办结");
    }

    // ---- helpers ----

    private ProcessInstance consultation() {
        directory.appointHead("S01-GA", "原所长", "东华派出所所长", LocalDate.of(2024, 1, 1));
        Map<String, Object> vars = ConsultationTestData.appointment("附件" + (System.nanoTime() % 100000));
        started = as("ga-off", () -> runtimeService.startProcessInstanceByKey(ConsultationProcess.KEY, vars));
        return started;
    }

    private Http.Response upload(String user, ProcessInstance instance, String name, String type, byte[] content,
            String kind, String note) {
        Map<String, String> fields = note == null ? Map.of("kind", kind) : Map.of("kind", kind, "note", note);
        return Http.as(port, user).postMultipart("/api/cases/" + instance.getId() + "/attachments", fields, "file", name,
                type, content);
    }

    private JsonNode list(String user, ProcessInstance instance) {
        Http.Response response = Http.as(port, user).get("/api/cases/" + instance.getId() + "/attachments");
        assertThat(response.status()).as("%s lists: %s", user, response.body()).isEqualTo(200);
        return response.json();
    }

    private AuditRecord only(ProcessInstance instance, AuditEventType type) {
        List<AuditRecord> records = audit.trail(instance.getId()).stream().filter(r -> r.getEventType() == type).toList();
        assertThat(records).as(type.name()).hasSize(1);
        return records.get(0);
    }

    private static List<String> texts(JsonNode array, String field) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }
}
