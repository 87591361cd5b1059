package io.mailrules.ui.preferences;

import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;

import io.mailrules.core.journal.store.JournalLocation;
import io.mailrules.imap.ConnectorOptions;

/**
 * The workbench's connection and journal settings (Window > Preferences > Mailrules) as the mail layer uses them.
 * No secret is ever kept here: preferences are stored in plain text.
 *
 * @param connectionsPerHost sessions open at once to one server host, across all jobs
 * @param refuseUnencrypted whether mailboxes declared {@code plain insecure} are refused rather than connected
 * @param journalDirectory where runs are journaled; the command line's default when not set
 */
public record MailPreferences(int connectionsPerHost, Duration connectTimeout, Duration readTimeout,
        boolean refuseUnencrypted, Path journalDirectory) {

    public static final String NODE = "io.mailrules.ui";
    public static final String CONNECTIONS_PER_HOST = "connectionsPerHost";
    public static final String CONNECT_TIMEOUT_SECONDS = "connectTimeoutSeconds";
    public static final String READ_TIMEOUT_SECONDS = "readTimeoutSeconds";
    public static final String REFUSE_UNENCRYPTED = "refuseUnencrypted";
    public static final String JOURNAL_DIRECTORY = "journalDirectory";

    // Providers lock out clients that open many sessions at once; four stays below every limit we know of.
    public static final int DEFAULT_CONNECTIONS_PER_HOST = 4;
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 20;
    public static final int DEFAULT_READ_TIMEOUT_SECONDS = 120;
    public static final boolean DEFAULT_REFUSE_UNENCRYPTED = false;

    public static final int MAX_CONNECTIONS_PER_HOST = 50;
    public static final int MAX_TIMEOUT_SECONDS = 3600;

    /** Values out of range (a hand-edited preference file) fall back to the defaults rather than failing. */
    public static MailPreferences read(IEclipsePreferences node) {
        int connections = inRange(node.getInt(CONNECTIONS_PER_HOST, DEFAULT_CONNECTIONS_PER_HOST), 1,
                MAX_CONNECTIONS_PER_HOST, DEFAULT_CONNECTIONS_PER_HOST);
        int connect = inRange(node.getInt(CONNECT_TIMEOUT_SECONDS, DEFAULT_CONNECT_TIMEOUT_SECONDS), 1,
                MAX_TIMEOUT_SECONDS, DEFAULT_CONNECT_TIMEOUT_SECONDS);
        int read = inRange(node.getInt(READ_TIMEOUT_SECONDS, DEFAULT_READ_TIMEOUT_SECONDS), 1, MAX_TIMEOUT_SECONDS,
                DEFAULT_READ_TIMEOUT_SECONDS);
        String journal = node.get(JOURNAL_DIRECTORY, "").strip();
        return new MailPreferences(connections, Duration.ofSeconds(connect), Duration.ofSeconds(read),
                node.getBoolean(REFUSE_UNENCRYPTED, DEFAULT_REFUSE_UNENCRYPTED),
                journal.isEmpty() ? defaultJournalDirectory() : Path.of(journal));
    }

    /** The command line's journal directory, so that both see the same runs unless the user says otherwise. */
    public static Path defaultJournalDirectory() {
        return JournalLocation.fromSystem();
    }

    public ConnectorOptions connectorOptions() {
        return ConnectorOptions.defaults().withTimeouts(connectTimeout, readTimeout);
    }

    private static int inRange(int value, int min, int max, int fallback) {
        return value < min || value > max ? fallback : value;
    }
}
