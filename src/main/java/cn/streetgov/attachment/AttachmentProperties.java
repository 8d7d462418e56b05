package cn.streetgov.attachment;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code app.attachments}: where the files of cases are kept and how large they may be (see application.yaml). */
@ConfigurationProperties(prefix = "app.attachments")
public class AttachmentProperties {

    /** DATABASE: in case_attachment_content (backed up with the database); DIRECTORY: files under {@link #dir}. */
    private AttachmentStorage store = AttachmentStorage.DATABASE;

    /** The directory of store=DIRECTORY (created when missing); every node of a cluster must share it. */
    private Path dir = Path.of("data", "attachments");

    /** The largest file accepted. */
    private DataSize maxSize = DataSize.ofMegabytes(10);

    /** The most files one case holds (removed ones not counted). */
    private int maxPerCase = 50;

    public AttachmentStorage getStore() {
        return store;
    }

    public void setStore(AttachmentStorage store) {
        this.store = store;
    }

    public Path getDir() {
        return dir;
    }

    public void setDir(Path dir) {
        this.dir = dir;
    }

    public DataSize getMaxSize() {
        return maxSize;
    }

    public void setMaxSize(DataSize maxSize) {
        this.maxSize = maxSize;
    }

    public int getMaxPerCase() {
        return maxPerCase;
    }

    public void setMaxPerCase(int maxPerCase) {
        this.maxPerCase = maxPerCase;
    }
}
