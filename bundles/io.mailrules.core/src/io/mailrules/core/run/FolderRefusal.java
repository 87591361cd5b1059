package io.mailrules.core.run;

import java.util.Objects;

/** A folder of the plan that a run left untouched, and why (e.g. it was renumbered since the plan was made). */
public record FolderRefusal(String folder, int batchesNotSent, String reason) {
    public FolderRefusal {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(reason, "reason");
    }
}
