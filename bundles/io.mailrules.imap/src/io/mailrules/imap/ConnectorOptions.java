package io.mailrules.imap;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits that depend on the network and the server rather than on a mailbox.
 *
 * @param lineLimitBytes the longest command line the servers accept; UID sets are cut to stay below it (Dovecot's
 *        {@code imap_max_line_length} defaults to 64 KiB)
 * @param permitWait how long to wait for a free connection slot of the host before giving up
 */
public record ConnectorOptions(Duration connectTimeout, Duration readTimeout, int lineLimitBytes,
        Duration permitWait) {

    public static final int MIN_LINE_LIMIT = 256;

    public ConnectorOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(permitWait, "permitWait");
        if (lineLimitBytes < MIN_LINE_LIMIT) {
            throw new IllegalArgumentException("lineLimitBytes " + lineLimitBytes + " is below " + MIN_LINE_LIMIT);
        }
    }

    public static ConnectorOptions defaults() {
        return new ConnectorOptions(Duration.ofSeconds(20), Duration.ofSeconds(120), 64 * 1024,
                Duration.ofMinutes(5));
    }

    public ConnectorOptions withLineLimit(int bytes) {
        return new ConnectorOptions(connectTimeout, readTimeout, bytes, permitWait);
    }

    public ConnectorOptions withTimeouts(Duration connect, Duration read) {
        return new ConnectorOptions(connect, read, lineLimitBytes, permitWait);
    }
}
