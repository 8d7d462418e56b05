package cn.streetgov.attachment;

import cn.streetgov.casework.CaseEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A file attached to a case: what it is, who uploaded it when, and where its content is kept. */
@Entity
@Table(name = "case_attachment")
class CaseAttachment extends CaseEntry {

    @Column(name = "process_key")
    private String processKey;

    @Enumerated(EnumType.STRING)
    private AttachmentKind kind;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "size_bytes")
    private long sizeBytes;

    private String sha256;

    private String note;

    @Enumerated(EnumType.STRING)
    @Column(name = "stored_in")
    private AttachmentStorage storedIn;

    @Column(name = "uploaded_by")
    private String uploadedBy;

    @JdbcTypeCode(SqlTypes.TIMESTAMP_UTC)
    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    @Column(name = "deleted_by")
    private String deletedBy;

    @JdbcTypeCode(SqlTypes.TIMESTAMP_UTC)
    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected CaseAttachment() {
    }

    CaseAttachment(String caseNo, String processInstanceId, String processKey, AttachmentKind kind, String fileName,
            String contentType, long sizeBytes, String sha256, String note, AttachmentStorage storedIn, String uploadedBy,
            Instant uploadedAt) {
        super(caseNo, processInstanceId);
        this.processKey = processKey;
        this.kind = kind;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.note = note;
        this.storedIn = storedIn;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    void remove(String userId, Instant at) {
        this.deletedBy = userId;
        this.deletedAt = at;
    }

    boolean isRemoved() {
        return deletedAt != null;
    }

    String getProcessKey() {
        return processKey;
    }

    AttachmentKind getKind() {
        return kind;
    }

    String getFileName() {
        return fileName;
    }

    String getContentType() {
        return contentType;
    }

    long getSizeBytes() {
        return sizeBytes;
    }

    String getSha256() {
        return sha256;
    }

    String getNote() {
        return note;
    }

    AttachmentStorage getStoredIn() {
        return storedIn;
    }

    String getUploadedBy() {
        return uploadedBy;
    }

    Instant getUploadedAt() {
        return uploadedAt;
    }
}
