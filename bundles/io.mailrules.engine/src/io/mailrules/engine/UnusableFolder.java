package io.mailrules.engine;

import java.util.Optional;

/**
 * A folder path of the rules that cannot be named on the server being planned (it contains the server's hierarchy
 * delimiter, or names no folder). Thrown inside the compiler where the path is met, and completed with the rule or
 * layout naming it on the way out, where it becomes the mailbox's {@link io.mailrules.core.source.FolderNameException}.
 */
final class UnusableFolder extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String folder;
    private final Optional<String> where;

    UnusableFolder(String folder, String problem) {
        this(folder, problem, Optional.empty());
    }

    private UnusableFolder(String folder, String problem, Optional<String> where) {
        super(problem);
        this.folder = folder;
        this.where = where;
    }

    String folder() {
        return folder;
    }

    /** The rule, layout or setting that names the folder, e.g. {@code rule routing/reports}. */
    String where() {
        return where.orElse("a folder of its rules");
    }

    /** This problem, as met in {@code place}, unless a nearer place was already named. */
    UnusableFolder in(String place) {
        return where.isPresent() ? this : new UnusableFolder(folder, getMessage(), Optional.of(place));
    }
}
