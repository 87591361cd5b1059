package io.mailrules.core.source;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A mailbox's folder naming and inventory, as the planner needs it. Everything here is in canonical
 * {@link FolderPaths paths}; only the connector turns them into server names, through {@link #naming()}.
 *
 * @param existing paths of the folders that exist now
 * @param specialUseTrash the path of the folder the server marks {@code \Trash}, if any
 */
public record ServerFolders(FolderNaming naming, Set<String> existing, Optional<String> specialUseTrash) {

    public ServerFolders {
        Objects.requireNonNull(naming, "naming");
        existing = existing.stream().map(FolderPaths::normalize).collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(specialUseTrash, "specialUseTrash");
    }

    /** The path a plan names the folder of a rules path by; see {@link FolderNaming#canonical(String)}. */
    public String path(String rulesPath) {
        return naming.canonical(rulesPath);
    }

    public boolean exists(String path) {
        return existing.contains(FolderPaths.normalize(path));
    }

    /** The folder and its parents, outermost first, e.g. {@code Archive}, {@code Archive/2025}. */
    public List<String> withAncestors(String path) {
        return FolderPaths.withAncestors(path);
    }
}
