package io.mailrules.imap;

import io.mailrules.core.journal.FlagGroup;
import io.mailrules.core.journal.TargetMark;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.BatchCommand;
import io.mailrules.core.plan.Flags;
import io.mailrules.core.plan.FolderSnapshot;
import io.mailrules.core.plan.SystemFlag;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.run.BatchOutcome;
import io.mailrules.core.run.UidMapping;
import io.mailrules.core.search.SearchKey;
import io.mailrules.core.source.MailboxException;
import io.mailrules.core.source.SnapshotChangedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.ParsingException;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.Status;

/**
 * Applies the batches of a plan to one folder opened read-write. Before anything is done it checks that the folder
 * still has the plan's UIDVALIDITY, and each batch acts only on the planned UIDs that are still there, so mail the
 * plan never saw is never touched. Nothing here ever sends a plain EXPUNGE.
 */
public final class FolderApplier implements AutoCloseable {

    private final ImapMailbox mailbox;
    private final ImapFolderReader folder;
    private final FolderSnapshot current;
    private final Presence presence;
    /** Marks of targets asked together ahead of their batches, each used by the first batch to its target only. */
    private final Map<String, TargetMark> markedAhead = new HashMap<>();

    private FolderApplier(ImapMailbox mailbox, ImapFolderReader folder, FolderSnapshot current,
            boolean unchangedSincePlan) {
        this.mailbox = mailbox;
        this.folder = folder;
        this.current = current;
        this.presence = new Presence(unchangedSincePlan);
    }

    static FolderApplier start(ImapMailbox mailbox, ImapFolderReader folder, FolderSnapshot planned)
            throws MailboxException {
        FolderSnapshot current;
        try {
            current = folder.snapshot();
        } catch (MailboxException e) {
            folder.close();
            throw e;
        }
        if (current.uidValidity() != planned.uidValidity()) {
            folder.close();
            throw new SnapshotChangedException(mailbox.settings().name(), mailbox.settings().host(),
                    planned.folder(), planned.uidValidity(), current.uidValidity());
        }
        return new FolderApplier(mailbox, folder, current, unchangedSince(planned, current));
    }

    /**
     * With CONDSTORE every change to a folder, an expunge included, raises its HIGHESTMODSEQ: an unchanged value
     * means every message the plan saw is still there, and no SEARCH has to ask.
     */
    private static boolean unchangedSince(FolderSnapshot planned, FolderSnapshot current) {
        return planned.highestModSeq().isPresent() && planned.highestModSeq().equals(current.highestModSeq())
                && planned.uidNext() == current.uidNext();
    }

    /**
     * Asks the server once which of {@code uids} are still in the folder, so that the batches that follow need no
     * SEARCH of their own; call it with the UIDs of all batches about to be applied here.
     */
    public void expect(UidSet uids) throws MailboxException {
        presence.check(uids);
    }

    /** The folder's state when it was opened for applying. */
    public FolderSnapshot current() {
        return current;
    }

    /**
     * Runs one batch. A refusal by the server (missing target folder, no UIDPLUS for a move without MOVE, any NO)
     * comes back as a failed result whose message names the mailbox; a broken connection throws.
     *
     * @throws SnapshotChangedException if the batch was planned for another folder or UIDVALIDITY
     */
    public BatchResult apply(Batch batch) throws MailboxException {
        if (!batch.folder().equals(current.folder()) || batch.uidValidity() != current.uidValidity()) {
            throw new SnapshotChangedException(mailbox.settings().name(), mailbox.settings().host(), batch.folder(),
                    batch.uidValidity(), current.uidValidity());
        }
        UidSet present = presence.check(batch.uids());
        UidSet skipped = batch.uids().minus(present);
        if (present.isEmpty()) {
            return new BatchResult(batch, present, skipped, BatchOutcome.done(), Optional.empty());
        }
        Progress progress = new Progress();
        try {
            BatchOutcome outcome = switch (batch.command()) {
                case BatchCommand.Move move -> move(present, move.targetFolder(), progress);
                case BatchCommand.Copy copy -> copy(present, copy.targetFolder(), progress);
                case BatchCommand.AddFlags add -> store(present, "+FLAGS.SILENT", add.storedFlags(), progress);
                case BatchCommand.RemoveFlags remove -> store(present, "-FLAGS.SILENT", remove.storedFlags(), progress);
                case BatchCommand.Expunge expunge -> expunge(present, progress);
            };
            presence.removedIfMoved(batch.command(), present);
            return new BatchResult(batch, present, skipped, outcome, Optional.empty());
        } catch (Refused refused) {
            presence.removedIfMoved(batch.command(), progress.acted.build());
            return BatchResult.failed(batch, progress.acted.build(), skipped, refused.failure);
        }
    }

    /**
     * The target of a move or copy as it is just before the batch goes out, for the batch's intent: undo and resume
     * find the moved messages by it when the answer naming their new UIDs is lost. Empty for other commands, and when
     * the server does not tell (the batch itself then fails or succeeds on its own terms).
     */
    public Optional<TargetMark> targetMark(BatchCommand command) throws MailboxException {
        if (command.target().isEmpty()) {
            return Optional.empty();
        }
        TargetMark ahead = markedAhead.remove(command.target().get());
        if (ahead != null) {
            // Nothing of this run went there since: an earlier batch to the same target would have used the mark.
            return Optional.of(ahead);
        }
        Argument arguments = new Argument();
        arguments.writeString(BASE64MailboxEncoder.encode(mailbox.folderNames().toServer(command.target().get())));
        arguments.writeAtom("(UIDNEXT UIDVALIDITY)");
        Reply reply = send("STATUS", arguments);
        if (!reply.ok()) {
            return Optional.empty();
        }
        return reply.untagged("STATUS").stream().map(FolderApplier::marked).flatMap(Optional::stream).findFirst()
                .map(Marked::mark);
    }

    /**
     * Takes the marks of all targets of the batches about to be sent with one LIST where the server answers STATUS
     * with it, instead of a STATUS before each batch. A mark taken early is still a lower bound of what arrives later,
     * which is all undo and resume need of it. Servers without LIST-STATUS get a STATUS per batch as before.
     */
    public void markTargets(List<Batch> batches) throws MailboxException {
        Map<String, String> targetsByServerName = new LinkedHashMap<>();
        for (Batch batch : batches) {
            batch.command().target().ifPresent(target -> targetsByServerName
                    .putIfAbsent(mailbox.folderNames().toServer(target), target));
        }
        if (targetsByServerName.size() < 2 || !mailbox.capabilities().listStatus()) {
            return;
        }
        Argument patterns = new Argument();
        // Wildcards in a name would match more folders; the answers are taken by exact name only.
        targetsByServerName.keySet().forEach(name -> patterns.writeString(BASE64MailboxEncoder.encode(name)));
        Argument arguments = new Argument();
        arguments.writeString("");
        arguments.writeArgument(patterns);
        arguments.writeAtom("RETURN");
        arguments.writeAtom("(STATUS (UIDNEXT UIDVALIDITY))");
        Reply reply = send("LIST", arguments);
        if (!reply.ok()) {
            return;
        }
        // A target without a usable answer gets its own STATUS before its batch.
        for (IMAPResponse response : reply.untagged("STATUS")) {
            marked(response).ifPresent(marked -> {
                String target = targetsByServerName.get(marked.serverName());
                if (target != null) {
                    markedAhead.put(target, marked.mark());
                }
            });
        }
    }

    /** A folder's mark as a STATUS answer names it, by the folder's server name. */
    private record Marked(String serverName, TargetMark mark) {
    }

    private static Optional<Marked> marked(IMAPResponse response) {
        try {
            Status status = new Status(response);
            return status.uidvalidity > 0 && status.uidnext > 0
                    ? Optional.of(new Marked(status.mbox, new TargetMark(status.uidvalidity, status.uidnext)))
                    : Optional.empty();
        } catch (ParsingException | IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** Which of {@code uids} are still in the folder. */
    UidSet present(UidSet uids) throws MailboxException {
        return folder.present(uids);
    }

    /**
     * Which of the flags a flag batch changes each of its messages still in the folder has now, one group per
     * combination: what undo has to restore. One SEARCH per flag, so the server answers with UID sets rather than a
     * FETCH line per message. Flags the batch does not change are left out: a STORE leaves them alone.
     */
    public List<FlagGroup> flagGroups(BatchCommand command, UidSet uids) throws MailboxException {
        Flags changed = switch (command) {
            case BatchCommand.AddFlags add -> add.storedFlags();
            case BatchCommand.RemoveFlags remove -> remove.storedFlags();
            default -> Flags.NONE;
        };
        UidSet present = presence.check(uids);
        if (present.isEmpty() || changed.isEmpty()) {
            return List.of();
        }
        Map<Flags, UidSet> groups = new LinkedHashMap<>();
        groups.put(Flags.NONE, present);
        for (SystemFlag flag : changed.system()) {
            groups = split(groups, folder.searchWithin(present, new SearchKey.HasFlag(flag)),
                    flags -> flags.with(flag));
        }
        for (String keyword : changed.keywords()) {
            groups = split(groups, folder.searchWithin(present, new SearchKey.Keyword(keyword)),
                    flags -> flags.with(keyword));
        }
        List<FlagGroup> result = new ArrayList<>();
        groups.forEach((flags, members) -> result.add(new FlagGroup(flags, members)));
        return List.copyOf(result);
    }

    private static Map<Flags, UidSet> split(Map<Flags, UidSet> groups, UidSet having, UnaryOperator<Flags> adding) {
        Map<Flags, UidSet> split = new LinkedHashMap<>();
        groups.forEach((flags, members) -> {
            UidSet with = members.intersect(having);
            UidSet without = members.minus(having);
            if (!without.isEmpty()) {
                split.put(flags, without);
            }
            if (!with.isEmpty()) {
                split.put(adding.apply(flags), with);
            }
        });
        return split;
    }

    /** Applies batches in order, stopping at the first failure; the results say how far it got. */
    public List<BatchResult> applyAll(List<Batch> batches) throws MailboxException {
        List<BatchResult> results = new ArrayList<>();
        for (Batch batch : batches) {
            BatchResult result = apply(batch);
            results.add(result);
            if (!result.outcome().succeeded()) {
                break;
            }
        }
        return List.copyOf(results);
    }

    private BatchOutcome move(UidSet uids, String target, Progress progress)
            throws MailboxException, Refused {
        ServerCapabilities capabilities = mailbox.capabilities();
        if (capabilities.move()) {
            CopyUids copyUids = new CopyUids();
            for (UidSet part : parts(uids, "UID MOVE", target)) {
                Reply reply = require(send("UID MOVE", uidsAndFolder(part, target)), "move messages to \""
                        + target + "\"", target);
                copyUids.add(reply);
                progress.acted.addAll(part);
            }
            return copyUids.outcome(uids);
        }
        if (!capabilities.uidPlus()) {
            throw new Refused(mailbox.failures().unsupported("cannot move messages to \"" + target
                    + "\": the server offers neither MOVE nor UIDPLUS, and the only other way (COPY, then EXPUNGE"
                    + " of the whole folder) would also erase messages other mail clients marked as deleted."
                    + " Nothing was moved."));
        }
        CopyUids copyUids = new CopyUids();
        for (UidSet part : parts(uids, "UID COPY", target)) {
            // Copy, mark and expunge part by part, so that a failure leaves at most one part copied but not removed.
            Reply copied = require(send("UID COPY", uidsAndFolder(part, target)), "copy messages to \"" + target
                    + "\"", target);
            copyUids.add(copied);
            markDeletedAndExpunge(part);
            progress.acted.addAll(part);
        }
        return copyUids.outcome(uids);
    }

    private BatchOutcome copy(UidSet uids, String target, Progress progress) throws MailboxException, Refused {
        CopyUids copyUids = new CopyUids();
        for (UidSet part : parts(uids, "UID COPY", target)) {
            copyUids.add(require(send("UID COPY", uidsAndFolder(part, target)), "copy messages to \"" + target
                    + "\"", target));
            progress.acted.addAll(part);
        }
        return copyUids.outcome(uids);
    }

    private BatchOutcome store(UidSet uids, String operation, Flags flags, Progress progress)
            throws MailboxException, Refused {
        String flagList = "(" + flags + ")";
        for (UidSet part : folderParts(uids, "UID STORE " + operation + " " + flagList)) {
            require(send("UID STORE", Wire.atoms(part.toString(), operation, flagList)), "change flags "
                    + flagList, null);
            progress.acted.addAll(part);
        }
        return BatchOutcome.done();
    }

    private BatchOutcome expunge(UidSet uids, Progress progress) throws MailboxException, Refused {
        if (!mailbox.capabilities().uidPlus()) {
            throw new Refused(mailbox.failures().unsupported("cannot expunge messages in \"" + current.folder()
                    + "\": the server lacks UIDPLUS, so only a plain EXPUNGE is possible, which would also erase"
                    + " messages other mail clients marked as deleted. Nothing was expunged."));
        }
        for (UidSet part : folderParts(uids, "UID STORE +FLAGS.SILENT (\\Deleted)")) {
            markDeletedAndExpunge(part);
            progress.acted.addAll(part);
        }
        return BatchOutcome.done();
    }

    /** UID EXPUNGE removes exactly these UIDs, whatever else in the folder carries {@code \Deleted}. */
    private void markDeletedAndExpunge(UidSet part) throws MailboxException, Refused {
        require(send("UID STORE", Wire.atoms(part.toString(), "+FLAGS.SILENT", "(\\Deleted)")),
                "mark messages as deleted", null);
        require(send("UID EXPUNGE", Wire.atoms(part.toString())), "expunge the moved messages", null);
    }

    private List<UidSet> parts(UidSet uids, String command, String target) {
        String serverName = mailbox.folderNames().toServer(target);
        // A quoted mailbox name can double in length through escapes; modified UTF-7 is already accounted for.
        return folderParts(uids, command + " \"" + BASE64MailboxEncoder.encode(serverName) + "\"" + serverName);
    }

    private List<UidSet> folderParts(UidSet uids, String commandWithoutUids) {
        return uids.split(folder.roomFor(commandWithoutUids + " "));
    }

    private Argument uidsAndFolder(UidSet part, String target) {
        Argument arguments = Wire.atoms(part.toString());
        arguments.writeString(BASE64MailboxEncoder.encode(mailbox.folderNames().toServer(target)));
        return arguments;
    }

    private Reply send(String command, Argument arguments) throws MailboxException {
        return folder.sendAllowingRefusal(command, arguments, command + " in folder \"" + current.folder() + "\"");
    }

    private Reply require(Reply reply, String what, String folderNamed) throws Refused {
        if (!reply.ok()) {
            throw new Refused(mailbox.failures().refusal(what, folderNamed, reply.taggedText()));
        }
        return reply;
    }

    @Override
    public void close() {
        folder.close();
    }

    /**
     * Which planned UIDs are still in the folder: checked with the server once per UID, or not at all when the
     * folder is unchanged since the plan, then kept up to date with what this applier moves or expunges itself.
     * A message another client removes in between is ignored by the UID command sent for it.
     */
    private final class Presence {
        private final boolean unchangedSincePlan;
        private UidSet checked = UidSet.empty();
        private UidSet found = UidSet.empty();
        private UidSet removed = UidSet.empty();

        Presence(boolean unchangedSincePlan) {
            this.unchangedSincePlan = unchangedSincePlan;
        }

        UidSet check(UidSet uids) throws MailboxException {
            if (unchangedSincePlan) {
                // UIDs are never reused, so no message at or above UIDNEXT can be there.
                UidSet seen = current.uidNext() > 1 ? UidSet.range(1, current.uidNext() - 1) : UidSet.empty();
                return uids.intersect(seen).minus(removed);
            }
            UidSet unchecked = uids.minus(checked);
            if (!unchecked.isEmpty()) {
                found = found.union(folder.present(unchecked));
                checked = checked.union(unchecked);
            }
            return uids.intersect(found).minus(removed);
        }

        void removedIfMoved(BatchCommand command, UidSet acted) {
            if (command instanceof BatchCommand.Move || command instanceof BatchCommand.Expunge) {
                removed = removed.union(acted);
            }
        }
    }

    /** Which UIDs the server has already acted on while a batch goes out in parts. */
    private static final class Progress {
        final UidSet.Builder acted = UidSet.builder();
    }

    /** Collects COPYUID answers of all parts; their sets pair up element by element in the order written. */
    private static final class CopyUids {
        private final StringBuilder sources = new StringBuilder();
        private final StringBuilder targets = new StringBuilder();
        private final Set<Long> targetUidValidities = new HashSet<>();
        private boolean missing;

        void add(Reply reply) {
            Optional<Reply.CopyUid> copyUid = reply.copyUid();
            if (copyUid.isEmpty()) {
                missing = true;
                return;
            }
            sources.append(sources.isEmpty() ? "" : ",").append(copyUid.get().sources());
            targets.append(targets.isEmpty() ? "" : ",").append(copyUid.get().targets());
            targetUidValidities.add(copyUid.get().targetUidValidity());
        }

        /** Done with the mapping and the target's UIDVALIDITY, or plainly done when there is no usable mapping. */
        BatchOutcome outcome(UidSet acted) {
            return mapping(acted).filter(found -> targetUidValidities.size() == 1)
                    .<BatchOutcome>map(found -> BatchOutcome.done(found, targetUidValidities.iterator().next()))
                    .orElseGet(BatchOutcome::done);
        }

        /**
         * Empty when any part lacked COPYUID or the server's COPYUID does not name exactly the UIDs acted on (GreenMail
         * 2.1.7 repeats source UIDs in its MOVE answer): a wrong mapping would make undo move the wrong messages, so
         * undo then has to find them by Message-ID instead. The messages were moved either way.
         */
        Optional<UidMapping> mapping(UidSet acted) {
            if (missing || sources.isEmpty()) {
                return Optional.empty();
            }
            try {
                UidMapping mapping = UidMapping.fromCopyUid(sources, targets);
                return mapping.sources().equals(acted) ? Optional.of(mapping) : Optional.empty();
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
        }
    }

    /** A NO from the server for this batch; carried out of the command helpers to become a failed result. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient MailboxException failure;

        Refused(MailboxException failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }
}
