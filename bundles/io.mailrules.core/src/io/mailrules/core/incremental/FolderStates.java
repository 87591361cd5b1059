package io.mailrules.core.incremental;

import java.util.Optional;

/** Where a plan looks up what earlier runs saw of a folder; {@link #NONE} plans every folder in full. */
@FunctionalInterface
public interface FolderStates {

    FolderStates NONE = (mailbox, folder) -> Optional.empty();

    Optional<FolderState> find(String mailbox, String folder);
}
