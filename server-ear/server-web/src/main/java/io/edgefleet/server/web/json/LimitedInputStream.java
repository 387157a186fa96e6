package io.edgefleet.server.web.json;

import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses to read past a limit, so that a chunked body without Content-Length cannot make the server
 * buffer more than {@link RestJson#MAX_BODY_BYTES}. Throws the 413 problem at the first byte too many.
 */
public final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    public LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) {
        count += n;
        if (count > limit) {
            throw tooLarge(limit);
        }
    }

    public static FleetException tooLarge(long limit) {
        return new FleetException(ProblemCode.PAYLOAD_TOO_LARGE, "the request body is larger than " + limit + " bytes");
    }
}
