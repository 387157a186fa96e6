package io.edgefleet.server.artifact;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One range of bytes of a representation, from an HTTP {@code Range} header (RFC 9110 section 14):
 * {@code bytes=N-}, {@code bytes=N-M} or {@code bytes=-N} (the last N bytes).
 *
 * @param first the first byte, inclusive
 * @param last the last byte, inclusive
 */
public record ByteRange(long first, long last) {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /** What a Range header asks of a representation of {@code size} bytes. */
    public sealed interface Request {}

    /** Send everything (200): no header, several ranges, or a header this server does not read. */
    public record Whole() implements Request {}

    /** Send this part (206). */
    public record Part(ByteRange range) implements Request {}

    /** The range starts at or after the end (416). */
    public record Unsatisfiable() implements Request {}

    public long length() {
        return last - first + 1;
    }

    /** The Content-Range value for this range of a representation of {@code size} bytes. */
    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    public static Request parse(Optional<String> header, long size) {
        if (header.isEmpty()) {
            return new Whole();
        }
        Matcher m = SINGLE.matcher(header.get().strip());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            // Ranges a server does not understand may be ignored (RFC 9110 section 14.2).
            return new Whole();
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Part(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        if (first >= size) {
            return new Unsatisfiable();
        }
        if (last < first) {
            return new Whole();
        }
        return new Part(new ByteRange(first, last));
    }
}
