package io.mailrules.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import io.mailrules.core.source.FolderPaths;
import io.mailrules.core.source.ServerFolders;
import io.mailrules.dsl.analysis.LayoutIndex;
import io.mailrules.dsl.mailrules.Layout;
import io.mailrules.dsl.mailrules.Mailbox;
import io.mailrules.dsl.mailrules.Role;
import io.mailrules.dsl.mailrules.TrashFolder;

/**
 * Turns folder paths of one job into the paths a plan uses for one mailbox: role placeholders ({@code {archive}}) by
 * the job's layout, date placeholders ({@code {year}}, {@code {month}}) by the message's arrival day.
 */
final class FolderTargets {

    private static final String DEFAULT_TRASH = "Trash";

    private final ServerFolders server;
    private final Mailbox mailbox;
    private final Optional<LayoutIndex> layout;

    FolderTargets(ServerFolders server, Mailbox mailbox, Layout layout) {
        this.server = server;
        this.mailbox = mailbox;
        this.layout = Optional.ofNullable(layout).map(LayoutIndex::new);
    }

    /**
     * The path a plan names the folder of a rules path by.
     *
     * @throws UnusableFolder when the server cannot name it, e.g. a part contains its hierarchy delimiter
     */
    String path(String rulesPath) {
        return path(server, rulesPath);
    }

    /** @throws UnusableFolder when the server cannot name the folder */
    static String path(ServerFolders server, String rulesPath) {
        try {
            return server.path(rulesPath);
        } catch (IllegalArgumentException e) {
            throw new UnusableFolder(rulesPath, e.getMessage());
        }
    }

    /** The rules path with role placeholders replaced; date placeholders stay. */
    String withRoles(String rulesPath) {
        List<String> segments = new ArrayList<>(FolderPaths.segments(rulesPath));
        if (!segments.isEmpty() && FolderPaths.isVariable(segments.getFirst()) && layout.isPresent()) {
            String variable = FolderPaths.variableName(segments.getFirst());
            for (Role role : Role.values()) {
                String rolePath = layout.get().rolePath(role);
                if (role.getLiteral().equals(variable) && rolePath != null) {
                    segments.set(0, rolePath);
                }
            }
        }
        return String.join("/", segments);
    }

    /** The server folder for a message that arrived on a given day. */
    Function<LocalDate, String> target(String rulesPath) {
        String path = withRoles(rulesPath);
        if (!FolderPaths.hasVariables(path)) {
            String fixed = path(path);
            return day -> fixed;
        }
        // Dates fill in digits only, so a name the server cannot take fails now, for any day, rather than mid-plan.
        path(fillDate(path, LocalDate.EPOCH));
        return day -> path(fillDate(path, day));
    }

    /** How much of a message's arrival day the folder of a rules path depends on. */
    TargetPeriod period(String rulesPath) {
        TargetPeriod period = TargetPeriod.NONE;
        for (String segment : FolderPaths.segments(withRoles(rulesPath))) {
            if (FolderPaths.isVariable(segment) && FolderPaths.variableName(segment).equals("month")) {
                period = TargetPeriod.MONTH;
            } else if (FolderPaths.isVariable(segment) && FolderPaths.variableName(segment).equals("year")) {
                period = period.finer(TargetPeriod.YEAR);
            }
        }
        return period;
    }

    private static String fillDate(String path, LocalDate day) {
        List<String> segments = new ArrayList<>();
        for (String segment : FolderPaths.segments(path)) {
            if (FolderPaths.isVariable(segment) && FolderPaths.variableName(segment).equals("year")) {
                segments.add(String.format(Locale.ROOT, "%04d", day.getYear()));
            } else if (FolderPaths.isVariable(segment) && FolderPaths.variableName(segment).equals("month")) {
                segments.add(String.format(Locale.ROOT, "%02d", day.getMonthValue()));
            } else {
                segments.add(segment);
            }
        }
        return String.join("/", segments);
    }

    /**
     * Where delete moves mail: the server's SPECIAL-USE {@code \Trash} first, because other clients use it too; then
     * the mailbox's {@code trash} setting, the layout's trash role, and finally the conventional name.
     */
    String trash() {
        if (server.specialUseTrash().isPresent()) {
            return server.specialUseTrash().get();
        }
        Optional<String> configured = mailbox.getSettings().stream()
                .filter(TrashFolder.class::isInstance).map(setting -> ((TrashFolder) setting).getFolder()).findFirst();
        if (configured.isPresent()) {
            return path(configured.get());
        }
        return path(layout.map(index -> index.rolePath(Role.TRASH)).orElse(DEFAULT_TRASH));
    }
}
