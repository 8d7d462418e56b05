package cn.streetgov.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * {@code app.attachments.store=directory}: the content is a file named after the attachment's id in
 * the configured directory (created when missing), never a row, and nothing half-written is left.
 */
class AttachmentContentsTest {

    @TempDir
    Path root;

    @Test
    void shouldKeepTheContentAsAFileInTheDirectoryAndReadItBack() throws IOException {
        AttachmentProperties properties = new AttachmentProperties();
        properties.setStore(AttachmentStorage.DIRECTORY);
        properties.setDir(root.resolve("attachments"));
        CaseAttachmentContentRepository rows = mock(CaseAttachmentContentRepository.class);
        AttachmentContents contents = new AttachmentContents(properties, rows);
        CaseAttachment attachment = new CaseAttachment("CS-2026-0001", "pi-1", "whistle-dispatch", AttachmentKind.PHOTO,
                "现场.jpg", "image/jpeg", 3, "abc", null, contents.storage(), "s01-off", Instant.now());
        ReflectionTestUtils.setField(attachment, "id", 42L);
        byte[] content = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

        contents.write(attachment, content);

        try (var files = Files.list(root.resolve("attachments"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).isEqualTo(List.of("42.bin"));
        }
        assertThat(contents.read(attachment)).isEqualTo(content);
        verifyNoInteractions(rows);
    }

    @Test
    void shouldNameTheFileAsItWasWithoutFoldersOrControlCharacters() {
        assertThat(CaseAttachments.fileName("C:\\Users\\王明\\材料.pdf")).isEqualTo("材料.pdf");
        assertThat(CaseAttachments.fileName("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
        assertThat(CaseAttachments.fileName("a\u0000b\"c\r\n.pdf")).isEqualTo("abc.pdf");
        assertThat(CaseAttachments.contentDisposition("任职 材料.pdf"))
                .isEqualTo("attachment; filename=\"__ __.pdf\"; filename*=UTF-8''%E4%BB%BB%E8%81%8C%20%E6%9D%90%E6%96%99.pdf");
        assertThat(CaseAttachments.sizeText(812)).isEqualTo("812 字节");
        assertThat(CaseAttachments.sizeText(12_600)).isEqualTo("12.3 KB");
        assertThat(CaseAttachments.sizeText(4_718_592)).isEqualTo("4.5 MB");
    }
}
