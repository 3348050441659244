package sportello.whatsapp.media;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A download on its way to the store: counts and hashes the bytes as the store reads them, and fails the read the
 * moment they exceed the limit or, at the end, when the SHA-256 differs from the one Graph stated. Failing the read
 * is what makes the store throw the file away, since it keeps only files it read to the end. The first problem is
 * remembered, so the outcome is known even when the store wraps or swallows the exception.
 */
final class CheckedContent extends InputStream {

    enum Problem {
        /** More bytes arrived than the limit allows. */
        TOO_LARGE,
        /** The bytes do not hash to the stated SHA-256: damaged or cut short on the way. */
        CORRUPT,
        /** Reading from the network failed (timeout, reset). */
        BROKEN_OFF
    }

    private final InputStream network;
    private final long limit;
    private final String expectedSha256;
    private final MessageDigest digest;
    private long count;
    private boolean ended;
    private Problem problem;
    private IOException failure;

    /** {@code expectedSha256} is lower-case hex, or null when Graph stated none. */
    CheckedContent(InputStream network, long limit, String expectedSha256) {
        this.network = Objects.requireNonNull(network, "network");
        this.limit = limit;
        this.expectedSha256 = expectedSha256;
        this.digest = sha256();
    }

    Problem problem() {
        return problem;
    }

    /** The exception that recorded the {@link #problem()}, as the checks or the network threw it. */
    IOException failure() {
        return failure;
    }

    /** True once the whole file was read and passed the checks. */
    boolean complete() {
        return ended && problem == null;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (problem != null) {
            throw new IOException("the download already failed: " + problem);
        }
        if (length == 0) {
            return 0;
        }
        int n;
        try {
            n = network.read(buffer, offset, length);
        } catch (IOException e) {
            problem = Problem.BROKEN_OFF;
            failure = e;
            throw e;
        }
        if (n == -1) {
            end();
            return -1;
        }
        count += n;
        if (count > limit) {
            throw fail(Problem.TOO_LARGE, "the file is larger than the limit of " + limit + " bytes");
        }
        digest.update(buffer, offset, n);
        return n;
    }

    /** Skipped bytes must still be counted and hashed, so skipping reads them. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read == -1) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return problem == null ? network.available() : 0;
    }

    @Override
    public void close() throws IOException {
        network.close();
    }

    private void end() throws IOException {
        if (ended) {
            return;
        }
        ended = true;
        if (expectedSha256 == null) {
            return;
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expectedSha256)) {
            throw fail(Problem.CORRUPT, "the file's SHA-256 is " + actual + ", WhatsApp stated " + expectedSha256);
        }
    }

    private IOException fail(Problem found, String message) {
        problem = found;
        failure = new IOException(message);
        return failure;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
