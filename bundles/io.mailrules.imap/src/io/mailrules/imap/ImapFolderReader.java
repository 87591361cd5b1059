package io.mailrules.imap;

import io.mailrules.core.plan.FolderSnapshot;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.search.ImapSearch;
import io.mailrules.core.search.SearchKey;
import io.mailrules.core.search.SearchToken;
import io.mailrules.core.source.FolderReader;
import io.mailrules.core.source.MailboxException;
import io.mailrules.core.source.MessageHeaders;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.imap.IMAPFolder;

/** An open folder of an {@link ImapMailbox}; read-only when opened for a dry run. Close it when done. */
public final class ImapFolderReader implements FolderReader, AutoCloseable {

    /** Room on a command line for the tag, the command and CRLF besides its arguments. */
    static final int COMMAND_OVERHEAD = 40;

    private final ImapMailbox mailbox;
    private final String layoutPath;
    private final IMAPFolder folder;

    ImapFolderReader(ImapMailbox mailbox, String layoutPath, IMAPFolder folder) {
        this.mailbox = mailbox;
        this.layoutPath = layoutPath;
        this.folder = folder;
    }

    public String layoutPath() {
        return layoutPath;
    }

    IMAPFolder folder() {
        return folder;
    }

    /**
     * UIDVALIDITY, UIDNEXT, (with CONDSTORE) HIGHESTMODSEQ and the number of messages as the server reported them
     * when the folder opened.
     */
    @Override
    public FolderSnapshot snapshot() throws MailboxException {
        String asked = "read the state of folder \"" + layoutPath + "\"";
        try {
            long uidNext = folder.getUIDNext();
            if (uidNext < 1) {
                uidNext = mailbox.statusUidNext(layoutPath);
            }
            long modSeq = mailbox.capabilities().condStore() ? folder.getHighestModSeq() : -1;
            return new FolderSnapshot(layoutPath, uid32("UIDVALIDITY", folder.getUIDValidity()),
                    uid32("UIDNEXT", uidNext), modSeq >= 0 ? OptionalLong.of(modSeq) : OptionalLong.empty(),
                    OptionalLong.of(folder.getMessageCount()));
        } catch (MessagingException e) {
            throw mailbox.failures().duringCommand(asked, e);
        } catch (MalformedAnswer e) {
            throw mailbox.unreadable(asked, e);
        }
    }

    /** The UIDVALIDITY the server reported when the folder was opened. */
    long folderUidValidity() throws MailboxException {
        String asked = "read the state of folder \"" + layoutPath + "\"";
        try {
            return uid32("UIDVALIDITY", folder.getUIDValidity());
        } catch (MessagingException e) {
            throw mailbox.failures().duringCommand(asked, e);
        } catch (MalformedAnswer e) {
            throw mailbox.unreadable(asked, e);
        }
    }

    /** Angus reads a missing or unreadable number as -1; a plan pinned to it would pin nothing. */
    private static long uid32(String what, long value) throws MalformedAnswer {
        if (value < UidSet.MIN_UID || value > UidSet.MAX_UID) {
            throw new MalformedAnswer((value < 0 ? "no valid " + what : what + " " + value) + " in the answer, where"
                    + " a number of 1 to " + UidSet.MAX_UID + " belongs");
        }
        return value;
    }

    /** The number of messages the server reported when the folder was opened. */
    int messageCount() throws MailboxException {
        try {
            return folder.getMessageCount();
        } catch (MessagingException e) {
            throw mailbox.failures().duringCommand("read the state of folder \"" + layoutPath + "\"", e);
        }
    }

    @Override
    public UidSet search(SearchKey key) throws MailboxException {
        ImapSearch search = key.toImap();
        Argument arguments = new Argument();
        if (mailbox.capabilities().esearch()) {
            arguments.writeAtom("RETURN");
            arguments.writeArgument(Wire.atoms("ALL"));
        }
        search.charset().ifPresent(charset -> arguments.writeAtom("CHARSET").writeAtom(charset));
        for (SearchToken token : search.criteria()) {
            append(arguments, token);
        }
        String asked = "search folder \"" + layoutPath + "\"";
        Reply reply = send("UID SEARCH", arguments, asked);
        try {
            return SearchReplies.uids(reply);
        } catch (MalformedAnswer e) {
            throw mailbox.unreadable(asked, e);
        }
    }

    private static void append(Argument arguments, SearchToken token) {
        switch (token) {
            case SearchToken.Atom atom -> arguments.writeAtom(atom.text());
            case SearchToken.Quoted quoted -> arguments.writeAtom(quoted.quoted());
            // Angus announces the literal as {n+} when the server has LITERAL+, else waits for the continuation.
            case SearchToken.Literal literal -> arguments.writeBytes(literal.bytes());
            case SearchToken.Group group -> {
                Argument nested = new Argument();
                group.tokens().forEach(inner -> append(nested, inner));
                arguments.writeArgument(nested);
            }
        }
    }

    /** Which of {@code uids} are still in the folder, asked in parts that fit on a command line. */
    UidSet present(UidSet uids) throws MailboxException {
        return searchWithin(uids, new SearchKey.All());
    }

    /** Asked in parts that fit on a command line together with the key. */
    @Override
    public UidSet searchWithin(UidSet uids, SearchKey key) throws MailboxException {
        int keyBytes = 0;
        for (SearchToken token : key.toImap().criteria()) {
            keyBytes += length(token) + 1;
        }
        UidSet.Builder found = UidSet.builder();
        int room = roomFor("UID SEARCH RETURN (ALL) CHARSET UTF-8 UID ") - keyBytes;
        for (UidSet part : uids.split(Math.max(UidSet.LONGEST_ELEMENT_BYTES, room))) {
            SearchKey within = new SearchKey.Uid(part);
            found.addAll(search(key instanceof SearchKey.All ? within : SearchKey.and(within, key)));
        }
        return found.build().intersect(uids);
    }

    private static int length(SearchToken token) {
        return switch (token) {
            case SearchToken.Atom atom -> atom.text().length();
            case SearchToken.Quoted quoted -> quoted.quoted().length();
            // A literal goes out as {n+}, a line break and its bytes.
            case SearchToken.Literal literal -> literal.bytes().length + 16;
            case SearchToken.Group group -> group.tokens().stream().mapToInt(inner -> length(inner) + 1).sum() + 2;
        };
    }

    @Override
    public List<MessageHeaders> fetchHeaders(UidSet uids, Set<String> headerFieldNames) throws MailboxException {
        String items = HeaderBlocks.fetchItems(headerFieldNames);
        List<MessageHeaders> headers = new ArrayList<>();
        String asked = "read headers in folder \"" + layoutPath + "\"";
        for (UidSet part : uids.split(roomFor("UID FETCH " + items + " "))) {
            Reply reply = send("UID FETCH", Wire.atoms(part.toString(), items), asked);
            try {
                headers.addAll(HeaderBlocks.parse(reply, part));
            } catch (MalformedAnswer e) {
                throw mailbox.unreadable(asked, e);
            }
        }
        return List.copyOf(headers);
    }

    int roomFor(String commandText) {
        return Math.max(UidSet.LONGEST_ELEMENT_BYTES,
                mailbox.options().lineLimitBytes() - COMMAND_OVERHEAD - commandText.length());
    }

    /** Sends a command and turns a NO or BAD into the matching {@link MailboxException}. */
    Reply send(String command, Argument arguments, String what) throws MailboxException {
        Reply reply = sendAllowingRefusal(command, arguments, what);
        if (!reply.ok()) {
            throw mailbox.failures().refusal(what, null, reply.taggedText());
        }
        return reply;
    }

    Reply sendAllowingRefusal(String command, Argument arguments, String what) throws MailboxException {
        try {
            return Wire.send(folder, command, arguments);
        } catch (MessagingException e) {
            throw mailbox.failures().duringCommand(what, e);
        }
    }

    @Override
    public void close() {
        try {
            if (folder.isOpen()) {
                // CLOSE would expunge every \Deleted message, including other clients' ones: never expunge here.
                folder.close(false);
            }
        } catch (MessagingException ignored) {
            // The session goes on; a folder that failed to close is dropped with the connection.
        }
    }
}
