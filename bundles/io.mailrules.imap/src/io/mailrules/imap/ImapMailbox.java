package io.mailrules.imap;

import io.mailrules.core.plan.FolderSnapshot;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.source.ConnectionLostException;
import io.mailrules.core.source.FolderNaming;
import io.mailrules.core.source.FolderNotFoundException;
import io.mailrules.core.source.FolderPaths;
import io.mailrules.core.source.MailboxException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.ResyncData;
import org.eclipse.angus.mail.imap.protocol.ListInfo;
import org.eclipse.angus.mail.imap.protocol.Namespaces;
import org.eclipse.angus.mail.imap.protocol.Status;

/**
 * One logged-in session with one mailbox. Folders are named by paths ({@code Archive/2024}, see
 * {@link FolderPaths}); the session maps them to the server's names with its {@link FolderNaming}. Not thread-safe: one job uses a session at a time. Closing it logs out and frees the
 * host's connection slot.
 */
public final class ImapMailbox implements AutoCloseable {

    private final MailboxSettings settings;
    private final ConnectorOptions options;
    private final IMAPStore store;
    private final Failures failures;
    private final HostConnectionLimiter.Permit permit;
    private final HostConnectionLimiter limiter;
    private final ServerCapabilities capabilities;
    private final FolderNaming folderNames;

    private ImapMailbox(MailboxSettings settings, ConnectorOptions options, IMAPStore store, Failures failures,
            HostConnectionLimiter.Permit permit, HostConnectionLimiter limiter, ServerCapabilities capabilities,
            FolderNaming folderNames) {
        this.settings = settings;
        this.options = options;
        this.store = store;
        this.failures = failures;
        this.permit = permit;
        this.limiter = limiter;
        this.capabilities = capabilities;
        this.folderNames = folderNames;
    }

    static ImapMailbox start(MailboxSettings settings, ConnectorOptions options, IMAPStore store, Failures failures,
            HostConnectionLimiter.Permit permit, HostConnectionLimiter limiter) throws MailboxException {
        try {
            IMAPFolder root = (IMAPFolder) store.getDefaultFolder();
            @SuppressWarnings("unchecked")
            Map<String, String> announced = (Map<String, String>) root.doCommand(protocol -> protocol.getCapabilities());
            ServerCapabilities capabilities = new ServerCapabilities(announced.keySet());
            FolderNaming names = (FolderNaming) root.doCommand(protocol -> {
                if (capabilities.namespace()) {
                    Namespaces namespaces = protocol.namespace();
                    if (namespaces != null && namespaces.personal != null && namespaces.personal.length > 0) {
                        // NIL as the prefix is the root itself.
                        String prefix = namespaces.personal[0].prefix;
                        return new FolderNaming(prefix == null ? "" : prefix, namespaces.personal[0].delimiter);
                    }
                }
                // No NAMESPACE: LIST "" "" answers with the hierarchy delimiter of the root.
                ListInfo[] root0 = protocol.list("", "");
                char delimiter = root0 != null && root0.length > 0 && root0[0].separator != '\0'
                        ? root0[0].separator : '/';
                return new FolderNaming("", delimiter);
            });
            return new ImapMailbox(settings, options, store, failures, permit, limiter, capabilities, names);
        } catch (MessagingException e) {
            closeQuietly(store);
            throw failures.duringCommand("reading the server's capabilities", e);
        } catch (RuntimeException e) {
            // Angus Mail read the answer to CAPABILITY, NAMESPACE or LIST into something unusable: the session is
            // not handed out, so it is closed here or never.
            closeQuietly(store);
            throw ConnectionLostException.unreadableAnswer(settings.name(), settings.host(),
                    "name its capabilities and folder namespace", e.getClass().getSimpleName()
                            + Optional.ofNullable(e.getMessage()).map(text -> ": " + MalformedAnswer.excerpt(text))
                                    .orElse(""));
        }
    }

    private static void closeQuietly(IMAPStore store) {
        try {
            store.close();
        } catch (MessagingException | RuntimeException ignored) {
            // Reporting why the session could not start matters more.
        }
    }

    public MailboxSettings settings() {
        return settings;
    }

    public ServerCapabilities capabilities() {
        return capabilities;
    }

    public FolderNaming folderNames() {
        return folderNames;
    }

    ConnectorOptions options() {
        return options;
    }

    Failures failures() {
        return failures;
    }

    /**
     * Hangs up after an answer that could not be read: what the server says next on this session cannot be trusted
     * either. The host's slot is freed by {@link #close()}, as always, which whoever holds the session calls.
     *
     * @param asked what the server was asked, e.g. {@code search folder "INBOX"}
     */
    MailboxException unreadable(String asked, MalformedAnswer problem) {
        try {
            store.close();
        } catch (MessagingException | RuntimeException ignored) {
            // Hanging up is all that is left to do; the answer's problem is what the user needs to read.
        }
        return ConnectionLostException.unreadableAnswer(settings.name(), settings.host(), asked,
                problem.getMessage());
    }

    /** Every folder on the server, by layout path, with its attributes ({@code \Trash}, {@code \Noselect}, ...). */
    public Map<String, Set<String>> listFolders() throws MailboxException {
        Map<String, Set<String>> folders = new TreeMap<>();
        for (ListInfo info : list("*")) {
            if (info.name == null) {
                // A nameless folder cannot be addressed: it is left out rather than read as "null".
                continue;
            }
            Set<String> attributes = new LinkedHashSet<>();
            for (String attribute : info.attrs) {
                attributes.add(attribute);
            }
            if (attributes.stream().noneMatch(a -> a.equalsIgnoreCase("\\NonExistent"))) {
                folders.put(folderNames.toPath(info.name), Set.copyOf(attributes));
            }
        }
        return folders;
    }

    private ListInfo[] list(String pattern) throws MailboxException {
        try {
            ListInfo[] infos = (ListInfo[]) root().doCommand(protocol -> protocol.list("", pattern));
            return infos == null ? new ListInfo[0] : infos;
        } catch (MessagingException e) {
            throw failures.duringCommand("list the folders", e);
        }
    }

    /**
     * The folder deletes go to: the configured one, else the one the server marks {@code \Trash} (SPECIAL-USE).
     *
     * @throws FolderNotFoundException if neither exists, naming the setting that fixes it
     */
    public String trashFolder() throws MailboxException {
        if (settings.trashFolder().isPresent()) {
            return settings.trashFolder().get();
        }
        for (Map.Entry<String, Set<String>> folder : listFolders().entrySet()) {
            if (folder.getValue().stream().anyMatch(a -> a.equalsIgnoreCase("\\Trash"))) {
                return folder.getKey();
            }
        }
        throw new FolderNotFoundException(settings.name(), settings.host(), "Trash",
                "the server marks no folder as \\Trash; set the mailbox's trash folder to the one deletes should go to",
                null);
    }

    /**
     * Creates and subscribes the folders of a layout that the server lacks, parents first.
     *
     * @return the layout paths created, and those that already existed
     */
    public ProvisioningReport provision(List<String> layoutPaths) throws MailboxException {
        Set<String> existing = new LinkedHashSet<>();
        for (String name : listFolders().keySet()) {
            existing.add(name.toLowerCase(Locale.ROOT));
        }
        List<String> created = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (String path : layoutPaths) {
            String[] segments = path.split("/");
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < segments.length; i++) {
                prefix.append(i == 0 ? "" : "/").append(segments[i]);
                String current = prefix.toString();
                if (FolderPaths.isInbox(current) || existing.contains(current.toLowerCase(Locale.ROOT))) {
                    if (i == segments.length - 1 && !present.contains(current)) {
                        present.add(current);
                    }
                    continue;
                }
                create(current);
                existing.add(current.toLowerCase(Locale.ROOT));
                created.add(current);
            }
        }
        return new ProvisioningReport(settings.name(), created, present);
    }

    private void create(String layoutPath) throws MailboxException {
        String serverName = folderNames.toServer(layoutPath);
        try {
            root().doCommand(protocol -> {
                protocol.create(serverName);
                protocol.subscribe(serverName);
                return null;
            });
        } catch (MessagingException e) {
            throw failures.duringCommand("create folder \"" + layoutPath + "\"", e);
        }
    }

    /** Opens a folder read-only (EXAMINE) for a dry run: nothing done through the reader changes the mailbox. */
    public ImapFolderReader openReader(String layoutPath) throws MailboxException {
        return new ImapFolderReader(this, layoutPath, open(layoutPath, Folder.READ_ONLY, condStore()));
    }

    /**
     * Opens a folder read-only (EXAMINE) once more, on a connection of its own, for searches beside those of
     * {@link #openReader}; take a {@link #spareSlot()} first. Without CONDSTORE: a search needs no modification
     * sequences, and asking for them makes Dovecot walk the folder's index.
     */
    ImapFolderReader openSearchReader(String layoutPath) throws MailboxException {
        return new ImapFolderReader(this, layoutPath, open(layoutPath, Folder.READ_ONLY, Optional.empty()));
    }

    /** Whether this session may ever open more connections than its own, by the host's limit. */
    boolean mayAddConnections() {
        return limiter.maxPerHost() > 1;
    }

    /** A slot of the host if one is free now, for a connection that speeds work up but that the work can do without. */
    Optional<HostConnectionLimiter.Permit> spareSlot() {
        return limiter.tryAcquire(settings.host());
    }

    /**
     * Opens a folder read-write to apply a plan made against {@code planned}.
     *
     * @throws io.mailrules.core.source.SnapshotChangedException if the folder's UIDVALIDITY changed, before
     *         anything is done to it
     */
    public FolderApplier openApplier(FolderSnapshot planned) throws MailboxException {
        ImapFolderReader folder = new ImapFolderReader(this, planned.folder(),
                open(planned.folder(), Folder.READ_WRITE, resyncFrom(planned)));
        return FolderApplier.start(this, folder, planned);
    }

    /** SELECT/EXAMINE (CONDSTORE) makes the server report HIGHESTMODSEQ for the snapshot. */
    private Optional<ResyncData> condStore() {
        return capabilities.condStore() ? Optional.of(ResyncData.CONDSTORE) : Optional.empty();
    }

    /**
     * A folder about to be written to is opened with QRESYNC where the server has it: the server then reports what a
     * MOVE or UID EXPUNGE removes as one VANISHED line of UID ranges instead of an EXPUNGE line per message, which
     * for a large folder is most of what a move sends back. Changes since the plan come along in the same answer.
     */
    private Optional<ResyncData> resyncFrom(FolderSnapshot planned) {
        if (capabilities.qresync() && planned.highestModSeq().isPresent()) {
            return Optional.of(new ResyncData(planned.uidValidity(), planned.highestModSeq().getAsLong()));
        }
        return condStore();
    }

    private IMAPFolder open(String layoutPath, int mode, Optional<ResyncData> resync) throws MailboxException {
        String serverName = folderNames.toServer(layoutPath);
        try {
            IMAPFolder folder = (IMAPFolder) store.getFolder(serverName);
            if (resync.isPresent()) {
                folder.open(mode, resync.get());
            } else {
                folder.open(mode);
            }
            return folder;
        } catch (jakarta.mail.FolderNotFoundException e) {
            throw new FolderNotFoundException(settings.name(), settings.host(), layoutPath, "", e);
        } catch (MessagingException e) {
            throw folderFailure("open folder \"" + layoutPath + "\"", layoutPath, e);
        }
    }

    /** What went wrong with one folder, as a missing folder where the server said it has none. */
    private MailboxException folderFailure(String what, String layoutPath, MessagingException e) {
        MailboxException failure = failures.duringCommand(what, e);
        return failure instanceof FolderNotFoundException
                ? new FolderNotFoundException(settings.name(), settings.host(), layoutPath, "", e)
                : failure;
    }

    /**
     * A folder's messages, UIDVALIDITY, UIDNEXT and, with CONDSTORE, HIGHESTMODSEQ by STATUS, without selecting it;
     * empty when the server's answer lacks one of them.
     */
    Optional<FolderSnapshot> statusSnapshot(String layoutPath) throws MailboxException {
        Status status = capabilities.condStore()
                ? status(layoutPath, "MESSAGES", "UIDVALIDITY", "UIDNEXT", "HIGHESTMODSEQ")
                : status(layoutPath, "MESSAGES", "UIDVALIDITY", "UIDNEXT");
        if (status == null || status.uidvalidity <= 0 || status.uidnext <= 0 || status.total < 0
                || capabilities.condStore() && status.highestmodseq < 0) {
            return Optional.empty();
        }
        if (status.uidvalidity > UidSet.MAX_UID || status.uidnext > UidSet.MAX_UID) {
            throw unreadable("read the status of folder \"" + layoutPath + "\"", new MalformedAnswer("STATUS gave"
                    + " UIDVALIDITY " + status.uidvalidity + " and UIDNEXT " + status.uidnext + ", beyond the largest"
                    + " UID " + UidSet.MAX_UID));
        }
        return Optional.of(new FolderSnapshot(layoutPath, status.uidvalidity, status.uidnext,
                capabilities.condStore() ? OptionalLong.of(status.highestmodseq) : OptionalLong.empty(),
                OptionalLong.of(status.total)));
    }

    /** The UIDNEXT of a folder by STATUS, for servers that leave it out of the SELECT answer. */
    long statusUidNext(String layoutPath) throws MailboxException {
        return status(layoutPath, "UIDNEXT").uidnext;
    }

    private Status status(String layoutPath, String... items) throws MailboxException {
        String serverName = folderNames.toServer(layoutPath);
        try {
            return (Status) root().doCommand(protocol -> protocol.status(serverName, items));
        } catch (MessagingException e) {
            throw folderFailure("read the status of folder \"" + layoutPath + "\"", layoutPath, e);
        }
    }

    private IMAPFolder root() throws MessagingException {
        return (IMAPFolder) store.getDefaultFolder();
    }

    /** For {@link MailboxStatusReader}, which asks about the session rather than about one folder. */
    IMAPStore store() {
        return store;
    }

    @Override
    public void close() {
        try {
            store.close();
        } catch (MessagingException ignored) {
            // Logging out is a courtesy; the connection is dropped either way.
        } finally {
            permit.close();
        }
    }
}
