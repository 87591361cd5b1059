package io.mailrules.core.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The account a mailbox block logs in to: host, port and user. Two rules files may give one account different
 * names, or one name to different accounts; what one run did to a mailbox is the account's business, so journals,
 * folder states and locks go by the account, not by the name.
 *
 * @param host compared without regard to case, as DNS does
 */
public record MailboxAccount(String host, int port, String user) {

    public MailboxAccount {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        host = host.strip().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || user.isEmpty()) {
            throw new IllegalArgumentException("an account needs a host and a user");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        }
    }

    /**
     * A stable name of the account that spells out neither host nor user (32 hex digits of a SHA-256), for plans,
     * journals and lock file names: a plan can be passed on for review without the user names of its mailboxes.
     */
    public String key() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((host + "\n" + port + "\n" + user).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Whether {@code key} is the form {@link #key()} has, for reading it back from a file. */
    public static boolean isKey(String key) {
        return key != null && key.matches("[0-9a-f]{32}");
    }
}
