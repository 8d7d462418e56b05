package cn.streetgov.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.springframework.stereotype.Component;

/**
 * Keeps and reads the content of attachments where {@code app.attachments.store} says: in the
 * database, or in a file named after the attachment's id under {@code app.attachments.dir} (written
 * to a temporary file first and moved into place, so a half-written file never carries the name).
 * Where each file went is recorded on its row, so changing the setting leaves the older files readable.
 */
@Component
class AttachmentContents {

    private final AttachmentProperties properties;
    private final CaseAttachmentContentRepository rows;

    AttachmentContents(AttachmentProperties properties, CaseAttachmentContentRepository rows) {
        this.properties = properties;
        this.rows = rows;
    }

    AttachmentStorage storage() {
        return properties.getStore();
    }

    /** Keeps the content of the saved attachment (in the caller's transaction for the database). */
    void write(CaseAttachment attachment, byte[] content) {
        if (attachment.getStoredIn() == AttachmentStorage.DATABASE) {
            rows.save(new CaseAttachmentContent(attachment.getId(), content));
            return;
        }
        try {
            Path dir = properties.getDir();
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, "upload-", ".part");
            Files.write(temporary, content, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temporary, file(attachment), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("附件无法保存到目录 " + properties.getDir(), e);
        }
    }

    byte[] read(CaseAttachment attachment) {
        if (attachment.getStoredIn() == AttachmentStorage.DATABASE) {
            return rows.findById(attachment.getId()).map(CaseAttachmentContent::getContent)
                    .orElseThrow(() -> new IllegalStateException("附件 " + attachment.getId() + " 的内容缺失"));
        }
        try {
            return Files.readAllBytes(file(attachment));
        } catch (IOException e) {
            throw new UncheckedIOException("附件 " + attachment.getId() + " 的文件无法读取", e);
        }
    }

    private Path file(CaseAttachment attachment) {
        return properties.getDir().resolve(attachment.getId() + ".bin");
    }
}
