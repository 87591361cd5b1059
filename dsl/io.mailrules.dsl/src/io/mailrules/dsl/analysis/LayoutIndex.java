package io.mailrules.dsl.analysis;

import io.mailrules.core.source.FolderPaths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.mailrules.dsl.mailrules.Folder;
import io.mailrules.dsl.mailrules.Layout;
import io.mailrules.dsl.mailrules.MailrulesPackage;
import io.mailrules.dsl.mailrules.Role;

/**
 * All folder paths of one layout, built once per layout and cached (see {@link AnalysisCache}), so that resolving
 * a rule's target is a hash lookup per path segment.
 */
public final class LayoutIndex {

    private final Layout layout;
    private final Map<String, Folder> byPath = new HashMap<>();
    private final Map<Role, String> roles = new EnumMap<>(Role.class);

    public LayoutIndex(Layout layout) {
        this.layout = layout;
        for (Folder folder : layout.getFolders()) {
            add("", folder);
        }
    }

    private void add(String parent, Folder folder) {
        if (folder.getName() == null) {
            return;
        }
        String path = FolderPaths.normalize(parent.isEmpty() ? folder.getName() : parent + "/" + folder.getName());
        byPath.putIfAbsent(path, folder);
        if (Syntax.isWritten(folder, MailrulesPackage.Literals.FOLDER__ROLE)) {
            roles.putIfAbsent(folder.getRole(), path);
        }
        for (Folder child : folder.getChildren()) {
            add(path, child);
        }
    }

    public Layout layout() {
        return layout;
    }

    public Folder folder(String path) {
        return byPath.get(FolderPaths.normalize(path));
    }

    public String rolePath(Role role) {
        return roles.get(role);
    }

    public Map<String, Folder> folders() {
        return byPath;
    }

    /**
     * Resolves a path: INBOX always exists; {year}/{month} stand for folders the engine creates under an existing
     * parent; {archive} (any role name) stands for the folder with that role.
     */
    public Resolution resolve(String path) {
        List<String> segments = FolderPaths.segments(FolderPaths.normalize(path));
        if (segments.isEmpty()) {
            return Resolution.problem("an empty folder path");
        }
        if (segments.size() == 1 && FolderPaths.INBOX.equals(segments.get(0))) {
            return Resolution.FOUND;
        }
        String prefix = "";
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (FolderPaths.isVariable(segment)) {
                String variable = FolderPaths.variableName(segment);
                Role role = role(variable);
                if (role != null) {
                    String rolePath = roles.get(role);
                    if (rolePath == null || i > 0) {
                        return Resolution.problem(rolePath == null
                                ? "no folder with role " + variable
                                : "{" + variable + "} only at the start of a path");
                    }
                    prefix = rolePath;
                    continue;
                }
                if (!FolderPaths.DATE_VARIABLES.contains(variable)) {
                    return Resolution.problem("unknown placeholder " + segment + " (use {year}, {month} or a role)");
                }
                // Date folders are created at run time under their parent, whatever follows them.
                return Resolution.FOUND;
            }
            String next = prefix.isEmpty() ? segment : prefix + "/" + segment;
            if (!byPath.containsKey(next)) {
                return Resolution.missing(prefix, segments.subList(i, segments.size()));
            }
            prefix = next;
        }
        return Resolution.FOUND;
    }

    private static Role role(String name) {
        for (Role role : Role.values()) {
            if (role.getLiteral().equals(name.toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        return null;
    }

    /**
     * Outcome of {@link #resolve}: found, or missing below {@code existingParent} (empty for the layout root), or a
     * path that cannot be resolved at all.
     */
    public record Resolution(boolean found, String existingParent, List<String> missingSegments, String problem) {
        static final Resolution FOUND = new Resolution(true, null, List.of(), null);

        static Resolution missing(String parent, List<String> missing) {
            return new Resolution(false, parent, new ArrayList<>(missing), null);
        }

        static Resolution problem(String problem) {
            return new Resolution(false, null, List.of(), problem);
        }
    }
}
