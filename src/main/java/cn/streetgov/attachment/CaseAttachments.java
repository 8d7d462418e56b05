package cn.streetgov.attachment;

import cn.streetgov.approval.CaseRecordView;
import cn.streetgov.audit.AuditEvent;
import cn.streetgov.audit.AuditEventType;
import cn.streetgov.audit.AuditTrail;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.Json;
import cn.streetgov.common.ConflictException;
import cn.streetgov.common.ForbiddenException;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.common.NotFoundException;
import cn.streetgov.common.PublicErrors;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.security.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files of a case (案件附件): the appointment dossier, legal basis documents, photographs of a
 * whistle. Those who may read the case ({@link CaseRecordView#requireReadable}: its participants,
 * its organisations, those copied, auditors and administrators) list and download them; those of them
 * who are not auditors upload while the case runs, and remove what they uploaded. Each upload and
 * removal is a record of the case's audit trail with the file's name, size and SHA-256, written in the
 * same transaction as the file.
 */
@Service
public class CaseAttachments {

    /** The longest file name kept (the column's length). */
    static final int MAX_NAME = 255;
    static final int MAX_NOTE = 500;

    private final CaseRecordView cases;
    private final CaseAttachmentRepository attachments;
    private final AttachmentContents contents;
    private final AttachmentProperties properties;
    private final AuditTrail audit;
    private final OrgDirectory org;

    CaseAttachments(CaseRecordView cases, CaseAttachmentRepository attachments, AttachmentContents contents,
            AttachmentProperties properties, AuditTrail audit, OrgDirectory org) {
        this.cases = cases;
        this.attachments = attachments;
        this.contents = contents;
        this.properties = properties;
        this.audit = audit;
        this.org = org;
    }

    /** One file of the case as officials read it. */
    public record Item(Long id, String fileName, String kind, String kindLabel, long size, String sizeText,
            String contentType, String note, String uploadedBy, String uploaderName, OffsetDateTime uploadedAt,
            String uploadedAtText, String sha256, boolean mayRemove, String downloadUrl) {
    }

    /** A kind of file to choose when uploading. */
    public record Kind(String value, String label) {
    }

    /** The case's files and what the caller may do: upload (with the limits) or only read. */
    public record Listing(String processInstanceId, String caseNo, boolean mayUpload, String whyNotUpload,
            long maxSize, String maxSizeText, String accepted, List<Kind> kinds, List<Item> items) {
    }

    /** The content of a download with what the answer says of it. */
    public record Download(String fileName, String contentType, byte[] content, String sha256) {
    }

    /** What a removal did. */
    public record Removed(String message, Long id) {
    }

    @Transactional(readOnly = true)
    public Listing list(CurrentUser user, String processInstanceId) {
        CaseRecordView.ReadableCase readable = cases.requireReadable(user, processInstanceId);
        String whyNot = whyNotWrite(user, readable);
        List<Item> items = attachments.findByProcessInstanceIdAndDeletedAtIsNullOrderByUploadedAtAscIdAsc(
                processInstanceId).stream().map(a -> item(a, whyNot == null && mayRemove(user, a))).toList();
        long max = properties.getMaxSize().toBytes();
        return new Listing(processInstanceId, readable.caseNo(), whyNot == null, whyNot, max,
                PublicErrors.humanSize(max), FileType.ACCEPTED,
                Arrays.stream(AttachmentKind.values()).map(k -> new Kind(k.name(), k.label())).toList(), items);
    }

    /**
     * Keeps the file on the case after checking who uploads it, its name, kind, size and type (its
     * first bytes must be of the format its name says) and records the upload in the audit trail.
     */
    @Transactional
    public Item upload(CurrentUser user, String processInstanceId, String fileName, byte[] content, String kindName,
            String note) {
        CaseRecordView.ReadableCase readable = cases.requireReadable(user, processInstanceId);
        requireMayWrite(user, readable);
        AttachmentKind kind = kind(kindName);
        String name = fileName(fileName);
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            throw new InvalidInputException("附件说明不得超过 " + MAX_NOTE + " 字");
        }
        if (content == null || content.length == 0) {
            throw new InvalidInputException("文件「" + name + "」是空的，请选择要上传的文件");
        }
        long max = properties.getMaxSize().toBytes();
        if (content.length > max) {
            throw new AttachmentRefusedException(AttachmentRefusedException.TOO_LARGE,
                    "文件「" + name + "」过大：单个附件不得超过 " + PublicErrors.humanSize(max));
        }
        FileType type = FileType.byName(name).orElseThrow(() -> new AttachmentRefusedException(
                AttachmentRefusedException.UNSUPPORTED_TYPE,
                "不支持文件「" + name + "」的类型：只能上传 " + FileType.ACCEPTED + " 文件"));
        if (!type.matches(content)) {
            throw new AttachmentRefusedException(AttachmentRefusedException.UNSUPPORTED_TYPE,
                    "文件「" + name + "」的内容与其扩展名不符，请上传原始文件");
        }
        if (attachments.countByProcessInstanceIdAndDeletedAtIsNull(processInstanceId) >= properties.getMaxPerCase()) {
            throw new ConflictException("案件 " + readable.caseNo() + " 的附件已达 " + properties.getMaxPerCase()
                    + " 个，请先删除不再需要的附件");
        }
        String sha256 = sha256(content);
        Instant now = CaseClock.instant();
        CaseAttachment attachment = attachments.save(new CaseAttachment(readable.caseNo(), processInstanceId,
                readable.processKey(), kind, name, type.contentType(name), content.length, sha256, cleanNote,
                contents.storage(), user.userId(), now));
        record(readable, user, AuditEventType.ATTACHMENT_ADDED, attachment,
                "上传" + kind.label() + "「" + name + "」（" + sizeText(content.length) + "）"
                        + (cleanNote == null ? "" : "：" + cleanNote), now);
        // last: a file in the directory is written only once everything else of the upload is
        contents.write(attachment, content);
        return item(attachment, true);
    }

    /** The file, to whoever may read its case. */
    @Transactional(readOnly = true)
    public Download download(CurrentUser user, Long id) {
        CaseAttachment attachment = find(id);
        cases.requireReadable(user, attachment.getProcessInstanceId());
        return new Download(attachment.getFileName(), attachment.getContentType(), contents.read(attachment),
                attachment.getSha256());
    }

    /** Removes the file from the case (its row and content stay for the audit trail). */
    @Transactional
    public Removed remove(CurrentUser user, Long id) {
        CaseAttachment attachment = find(id);
        CaseRecordView.ReadableCase readable = cases.requireReadable(user, attachment.getProcessInstanceId());
        requireMayWrite(user, readable);
        if (!mayRemove(user, attachment)) {
            throw new ForbiddenException("只有上传人 " + org.personName(attachment.getUploadedBy()) + " 可以删除附件「"
                    + attachment.getFileName() + "」");
        }
        Instant now = CaseClock.instant();
        attachment.remove(user.userId(), now);
        record(readable, user, AuditEventType.ATTACHMENT_DELETED, attachment,
                "删除" + attachment.getKind().label() + "「" + attachment.getFileName() + "」", now);
        return new Removed("已删除附件「" + attachment.getFileName() + "」", id);
    }

    // ---- rules ----

    /** Why the caller may not add or remove files of the case, or null when they may. */
    private static String whyNotWrite(CurrentUser user, CaseRecordView.ReadableCase readable) {
        if (user.isMemberOf(CurrentUser.AUDITOR) && !user.isAdmin()) {
            return "审计人员只能查阅附件，不能上传或删除";
        }
        if (!readable.running()) {
            return "案件 " + readable.caseNo() + " 已办结，附件不能再增删";
        }
        return null;
    }

    /** 403 for auditors, 409 for a case that has ended. */
    private static void requireMayWrite(CurrentUser user, CaseRecordView.ReadableCase readable) {
        String whyNot = whyNotWrite(user, readable);
        if (whyNot != null) {
            throw readable.running() ? new ForbiddenException(whyNot) : new ConflictException(whyNot);
        }
    }

    private static boolean mayRemove(CurrentUser user, CaseAttachment attachment) {
        return user.userId().equals(attachment.getUploadedBy()) || user.isAdmin();
    }

    private CaseAttachment find(Long id) {
        CaseAttachment attachment = id == null ? null : attachments.findById(id).orElse(null);
        if (attachment == null || attachment.isRemoved()) {
            throw new NotFoundException("附件不存在或已被删除：" + id);
        }
        return attachment;
    }

    private static AttachmentKind kind(String value) {
        if (value == null || value.isBlank()) {
            return AttachmentKind.OTHER;
        }
        try {
            return AttachmentKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("附件类别无效：" + value + "（可选：" + String.join("、",
                    Arrays.stream(AttachmentKind.values()).map(k -> k.name() + " " + k.label()).toList()) + "）");
        }
    }

    /**
     * The file's own name without any folder a browser sent, without control characters; refused when
     * nothing is left or it is too long.
     */
    static String fileName(String sent) {
        String name = sent == null ? "" : sent.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c) && c != '"')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new InvalidInputException("请选择要上传的文件（文件名不能为空）");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidInputException("文件名过长：不得超过 " + MAX_NAME + " 个字符");
        }
        return name;
    }

    // ---- what is written and shown ----

    private void record(CaseRecordView.ReadableCase readable, CurrentUser user, AuditEventType type,
            CaseAttachment attachment, String comment, Instant at) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("attachmentId", attachment.getId());
        details.put("fileName", attachment.getFileName());
        details.put("kind", attachment.getKind().name());
        details.put("size", attachment.getSizeBytes());
        details.put("sha256", attachment.getSha256());
        audit.record(new AuditEvent(readable.processInstanceId(), readable.caseNo(), readable.processKey(), type,
                null, null, null, user.userId(), readable.actingGroupId(), readable.actingGroupName(), null, comment,
                Json.write(details), at));
    }

    private Item item(CaseAttachment a, boolean mayRemove) {
        return new Item(a.getId(), a.getFileName(), a.getKind().name(), a.getKind().label(), a.getSizeBytes(),
                sizeText(a.getSizeBytes()), a.getContentType(), a.getNote(), a.getUploadedBy(),
                org.personName(a.getUploadedBy()), a.getUploadedAt().atZone(CaseClock.zone()).toOffsetDateTime(),
                CaseClock.SHOWN_MINUTE.format(CaseClock.toLocal(a.getUploadedAt())), a.getSha256(), mayRemove,
                "/api/attachments/" + a.getId());
    }

    /** "812 字节", "12.3 KB", "4.5 MB". */
    static String sizeText(long bytes) {
        if (bytes < 1024) {
            return bytes + " 字节";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code attachment; filename="…"; filename*=UTF-8''…} of a Chinese file name, for every browser. */
    static String contentDisposition(String fileName) {
        String ascii = fileName.codePoints().map(c -> c < 0x20 || c > 0x7E || c == '"' || c == '\\' ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String encoded = java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
