package io.mailrules.imap;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits that depend on the network and the server rather than on a mailbox.
 *
 * @param lineLimitBytes the longest command line the servers accept; UID sets are cut to stay below it (Dovecot's
 *        {@code imap_max_line_length} defaults to 64 KiB)
 * @param permitWait how long to wait for a free connection slot of the host before giving up
 * @param secondSearchConnectionFrom the folder size, in messages, from which a dry run searches a folder over a
 *        second connection when the host has a slot to spare (below it, logging in once more costs about what it
 *        saves); searches of half as many messages or more are then cut in two, one half per connection
 */
public record ConnectorOptions(Duration connectTimeout, Duration readTimeout, int lineLimitBytes,
        Duration permitWait, int secondSearchConnectionFrom) {

    public static final int MIN_LINE_LIMIT = 256;
    /** A header SEARCH costs Dovecot about 20 us a message: 40 ms here, against a few ms for one more login. */
    public static final int DEFAULT_SECOND_SEARCH_CONNECTION_FROM = 2_000;

    public ConnectorOptions(Duration connectTimeout, Duration readTimeout, int lineLimitBytes, Duration permitWait) {
        this(connectTimeout, readTimeout, lineLimitBytes, permitWait, DEFAULT_SECOND_SEARCH_CONNECTION_FROM);
    }

    public ConnectorOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(permitWait, "permitWait");
        if (lineLimitBytes < MIN_LINE_LIMIT) {
            throw new IllegalArgumentException("lineLimitBytes " + lineLimitBytes + " is below " + MIN_LINE_LIMIT);
        }
        if (secondSearchConnectionFrom < 1) {
            throw new IllegalArgumentException("secondSearchConnectionFrom " + secondSearchConnectionFrom
                    + " must be at least 1");
        }
    }

    public static ConnectorOptions defaults() {
        return new ConnectorOptions(Duration.ofSeconds(20), Duration.ofSeconds(120), 64 * 1024,
                Duration.ofMinutes(5));
    }

    public ConnectorOptions withLineLimit(int bytes) {
        return new ConnectorOptions(connectTimeout, readTimeout, bytes, permitWait, secondSearchConnectionFrom);
    }

    public ConnectorOptions withTimeouts(Duration connect, Duration read) {
        return new ConnectorOptions(connect, read, lineLimitBytes, permitWait, secondSearchConnectionFrom);
    }

    /** @param messages the folder size from which searches use a second connection; Integer.MAX_VALUE for never */
    public ConnectorOptions withSecondSearchConnectionFrom(int messages) {
        return new ConnectorOptions(connectTimeout, readTimeout, lineLimitBytes, permitWait, messages);
    }
}
