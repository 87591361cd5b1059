package io.mailrules.core.incremental;

import io.mailrules.core.account.MailboxAccount;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an applied run saw of one folder, so the next run of the same rules can look at new mail only.
 *
 * @param rulesDigest the SHA-256 of the rules file the run planned with: other rules have to see every message again
 * @param uidValidity a different UIDVALIDITY now means the folder was renumbered and needs a full pass
 * @param highestUidSeen every message up to this UID was evaluated by every rule
 * @param highestModSeq the folder's HIGHESTMODSEQ when it was evaluated, on servers with CONDSTORE
 * @param evaluatedOn the day the rules' ages were counted from: a message that was too young then is looked at
 *        again once it crosses an age rule's cutoff
 * @param accountKey the {@link MailboxAccount#key() key} of the account the mailbox logs in to; absent in states
 *        recorded before states recorded it, which are known by the mailbox's name only
 */
public record FolderState(String mailbox, String folder, String rulesDigest, long uidValidity, long highestUidSeen,
        OptionalLong highestModSeq, LocalDate evaluatedOn, Optional<String> accountKey) {

    public FolderState {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(rulesDigest, "rulesDigest");
        Objects.requireNonNull(highestModSeq, "highestModSeq");
        Objects.requireNonNull(evaluatedOn, "evaluatedOn");
        Objects.requireNonNull(accountKey, "accountKey");
        if (accountKey.filter(key -> !MailboxAccount.isKey(key)).isPresent()) {
            throw new IllegalArgumentException("folder \"" + folder + "\": \"" + accountKey.get()
                    + "\" is not an account key");
        }
        if (uidValidity < 1 || highestUidSeen < 0) {
            throw new IllegalArgumentException("folder \"" + folder + "\": UIDVALIDITY " + uidValidity
                    + " and highest UID seen " + highestUidSeen + " cannot be");
        }
    }

    /** A state known by its mailbox's name only, as states were recorded before they named the account. */
    public FolderState(String mailbox, String folder, String rulesDigest, long uidValidity, long highestUidSeen,
            OptionalLong highestModSeq, LocalDate evaluatedOn) {
        this(mailbox, folder, rulesDigest, uidValidity, highestUidSeen, highestModSeq, evaluatedOn, Optional.empty());
    }

    /** Whether this state still describes the folder a run with {@code digest} sees under {@code currentValidity}. */
    public boolean holdsFor(String digest, long currentValidity) {
        return rulesDigest.equals(digest) && uidValidity == currentValidity;
    }
}
