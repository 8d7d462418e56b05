package cn.streetgov.attachment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file a case may hold: office documents, PDF and photographs. A file is accepted when
 * its name ends in one of the extensions and its first bytes are those of that format; the content
 * type of a download is ours, never the uploader's. Nothing that a browser would run (HTML, SVG,
 * scripts) or that hides a program is on the list.
 */
enum FileType {
    PDF("application/pdf", List.of("pdf"), bytes("%PDF-")),
    JPEG("image/jpeg", List.of("jpg", "jpeg"), new int[] {0xFF, 0xD8, 0xFF}),
    PNG("image/png", List.of("png"), new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    /** Word, Excel and WPS files of the zip-based formats (docx, xlsx) */
    OFFICE_XML("application/octet-stream", List.of("docx", "xlsx"), new int[] {'P', 'K', 0x03, 0x04}),
    /** the older Word and Excel files (doc, xls): a compound file */
    OFFICE_BINARY("application/octet-stream", List.of("doc", "xls"),
            new int[] {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}),
    /** 版式文档 OFD, the Chinese standard for official documents (a zip container) */
    OFD("application/octet-stream", List.of("ofd"), new int[] {'P', 'K', 0x03, 0x04});

    /** What the refusal names: the extensions accepted. */
    static final String ACCEPTED = "PDF、OFD、Word（doc/docx）、Excel（xls/xlsx）、JPG、PNG";

    private final String contentType;
    private final List<String> extensions;
    private final int[] magic;

    FileType(String contentType, List<String> extensions, int[] magic) {
        this.contentType = contentType;
        this.extensions = extensions;
        this.magic = magic;
    }

    /** The content type a download of the file named so is sent with (ours, never the uploader's). */
    String contentType(String fileName) {
        return switch (extension(fileName)) {
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "doc" -> "application/msword";
            case "xls" -> "application/vnd.ms-excel";
            case "ofd" -> "application/ofd";
            default -> contentType;
        };
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The type a file name's extension names, if it is one we accept. */
    static Optional<FileType> byName(String fileName) {
        String extension = extension(fileName);
        return Arrays.stream(values()).filter(type -> type.extensions.contains(extension)).findFirst();
    }

    /** Whether the content starts as a file of this type does. */
    boolean matches(byte[] content) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static int[] bytes(String ascii) {
        return ascii.chars().toArray();
    }
}
