package io.mailrules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.mailrules.dsl.analysis.FolderPaths;

/**
 * A mailbox's folder naming and inventory. Rules write paths with '/', servers use their own hierarchy delimiter
 * and may put personal folders under a namespace prefix (Cyrus: {@code INBOX.}), so every path is mapped before it
 * reaches a command.
 *
 * @param delimiter the hierarchy delimiter from LIST
 * @param personalPrefix the personal namespace prefix, including its trailing delimiter; empty when there is none
 * @param existing server names of the folders that exist now
 * @param specialUseTrash the folder the server marks {@code \Trash}, if any
 */
public record ServerFolders(char delimiter, String personalPrefix, Set<String> existing,
        Optional<String> specialUseTrash) {

    public ServerFolders {
        Objects.requireNonNull(personalPrefix, "personalPrefix");
        existing = Set.copyOf(existing);
        Objects.requireNonNull(specialUseTrash, "specialUseTrash");
    }

    /** A '/'-separated rules path as the server names it; INBOX is never prefixed, whatever its case. */
    public String serverName(String rulesPath) {
        List<String> segments = FolderPaths.segments(FolderPaths.normalize(rulesPath));
        String joined = String.join(String.valueOf(delimiter), segments);
        return FolderPaths.INBOX.equals(segments.getFirst()) ? joined : personalPrefix + joined;
    }

    public boolean exists(String serverName) {
        return existing.contains(serverName)
                || (serverName.equalsIgnoreCase(FolderPaths.INBOX) && existing.stream().anyMatch(
                        name -> name.equalsIgnoreCase(FolderPaths.INBOX)));
    }

    /** The folder and its parents, outermost first, e.g. {@code Archive}, {@code Archive/2025}. */
    public List<String> withAncestors(String serverName) {
        boolean prefixed = !personalPrefix.isEmpty() && serverName.startsWith(personalPrefix);
        String prefix = prefixed ? personalPrefix : "";
        String rest = serverName.substring(prefix.length());
        List<String> chain = new ArrayList<>();
        int next = rest.indexOf(delimiter);
        while (next >= 0) {
            chain.add(prefix + rest.substring(0, next));
            next = rest.indexOf(delimiter, next + 1);
        }
        chain.add(serverName);
        return chain;
    }
}
