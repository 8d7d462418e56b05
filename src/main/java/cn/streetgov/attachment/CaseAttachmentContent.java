package cn.streetgov.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The content of an attachment kept in the database ({@code app.attachments.store=database}). */
@Entity
@Table(name = "case_attachment_content")
class CaseAttachmentContent {

    @Id
    @Column(name = "attachment_id")
    private Long attachmentId;

    @JdbcTypeCode(SqlTypes.BLOB)
    private byte[] content;

    protected CaseAttachmentContent() {
    }

    CaseAttachmentContent(Long attachmentId, byte[] content) {
        this.attachmentId = attachmentId;
        this.content = content;
    }

    byte[] getContent() {
        return content;
    }
}
