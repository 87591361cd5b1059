package io.mailrules.core.plan;

import java.util.Optional;

/** The IMAP system flags a rule may set or clear ({@code \Recent} is server-managed and cannot be stored). */
public enum SystemFlag {
    SEEN("\\Seen"),
    ANSWERED("\\Answered"),
    FLAGGED("\\Flagged"),
    DELETED("\\Deleted"),
    DRAFT("\\Draft");

    private final String imapName;

    SystemFlag(String imapName) {
        this.imapName = imapName;
    }

    public String imapName() {
        return imapName;
    }

    /** IMAP flag names are case-insensitive. */
    public static Optional<SystemFlag> ofImapName(String name) {
        for (SystemFlag flag : values()) {
            if (flag.imapName.equalsIgnoreCase(name)) {
                return Optional.of(flag);
            }
        }
        return Optional.empty();
    }
}
