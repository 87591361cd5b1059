package io.mailrules.core.incremental;

import java.util.Optional;

/** Where a plan looks up what earlier runs saw of a folder; {@link #NONE} plans every folder in full. */
@FunctionalInterface
public interface FolderStates {

    FolderStates NONE = (accountKey, mailbox, folder) -> Optional.empty();

    /**
     * @param accountKey the {@link io.mailrules.core.account.MailboxAccount#key() key} of the account the mailbox
     *        logs in to: two rules files may give one name to two accounts
     * @param mailbox the mailbox's name in the rules file
     */
    Optional<FolderState> find(String accountKey, String mailbox, String folder);
}
