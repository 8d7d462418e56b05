package cn.streetgov.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a hash of the audit chain is computed over: a domain tag, then every field as
 * {@code <UTF-8 byte length>:<value>}, or {@code ~} for null. Field boundaries are part of the
 * content, so moving characters from one field into the next, or turning an empty value into a
 * null, changes the hash.
 */
final class CanonicalFields {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

    CanonicalFields(String domain) {
        add(domain);
    }

    CanonicalFields add(String value) {
        if (value == null) {
            out.write('~');
            return this;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        out.write(':');
        out.writeBytes(bytes);
        return this;
    }

    CanonicalFields add(long value) {
        return add(Long.toString(value));
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
