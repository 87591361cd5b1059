package io.mailrules.imap.testsupport;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * An independent IMAP client for arranging and inspecting test mailboxes with plain Jakarta Mail, so assertions about
 * the final mailbox state do not go through the connector under test. Uses unencrypted IMAP on loopback.
 */
public final class MailClient implements AutoCloseable {

    private final Store store;

    public MailClient(String host, int port, String user, String password) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "10000");
        properties.put("mail.imap.timeout", "30000");
        store = withMailLoader(() -> {
            try {
                Store opened = Session.getInstance(properties).getStore("imap");
                opened.connect(host, port, user, password);
                return opened;
            } catch (MessagingException e) {
                throw new IllegalStateException("test client cannot log in as " + user + ": " + e, e);
            }
        });
    }

    /** Jakarta Mail finds its providers through the context class loader, which in OSGi must be Angus Mail's. */
    public static <T> T withMailLoader(Supplier<T> action) {
        try {
            return withMailLoaderChecked(action::get);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public interface MailAction<T> {
        T run() throws MessagingException;
    }

    /** Also for writing messages: the content handlers of text/plain are found the same way. */
    public static <T> T withMailLoaderChecked(MailAction<T> action) throws MessagingException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(IMAPStore.class.getClassLoader());
        try {
            return action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public void append(String folderName, TestMessage... messages) throws MessagingException {
        Folder folder = store.getFolder(folderName);
        if (!folder.exists()) {
            folder.create(Folder.HOLDS_MESSAGES);
        }
        withMailLoaderChecked(() -> {
            Session session = TestMessage.plainSession();
            List<Message> mime = new ArrayList<>();
            for (TestMessage message : messages) {
                mime.add(message.toMime(session));
            }
            folder.appendMessages(mime.toArray(Message[]::new));
            return null;
        });
    }

    public void create(String folderName) throws MessagingException {
        store.getFolder(folderName).create(Folder.HOLDS_MESSAGES);
    }

    public boolean exists(String folderName) throws MessagingException {
        return store.getFolder(folderName).exists();
    }

    /** Deletes a folder and its messages, as a person tidying up their folders would. */
    public void delete(String folderName) throws MessagingException {
        store.getFolder(folderName).delete(true);
    }

    /** Deleting and creating a folder again gives it a new UIDVALIDITY, as a server-side restore would. */
    public void recreate(String folderName, TestMessage... messages) throws MessagingException {
        store.getFolder(folderName).delete(true);
        create(folderName);
        append(folderName, messages);
    }

    /** Subject to flags (system flags as {@code \Seen}, keywords as they are) of every message in the folder. */
    public Map<String, List<String>> contents(String folderName) throws MessagingException {
        Folder folder = store.getFolder(folderName);
        folder.open(Folder.READ_ONLY);
        try {
            Message[] messages = folder.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            profile.add(FetchProfile.Item.FLAGS);
            folder.fetch(messages, profile);
            Map<String, List<String>> contents = new TreeMap<>();
            for (Message message : messages) {
                contents.put(message.getSubject(), flagNames(message.getFlags()));
            }
            return contents;
        } finally {
            folder.close(false);
        }
    }

    private static List<String> flagNames(Flags flags) {
        List<String> names = new ArrayList<>();
        for (Flags.Flag flag : flags.getSystemFlags()) {
            if (flag == Flags.Flag.SEEN) {
                names.add("\\Seen");
            } else if (flag == Flags.Flag.FLAGGED) {
                names.add("\\Flagged");
            } else if (flag == Flags.Flag.DELETED) {
                names.add("\\Deleted");
            } else if (flag == Flags.Flag.ANSWERED) {
                names.add("\\Answered");
            }
        }
        names.addAll(List.of(flags.getUserFlags()));
        names.sort(null);
        return names;
    }

    /** Every folder that can hold messages, by its server name. */
    public List<String> folderNames() throws MessagingException {
        List<String> names = new ArrayList<>();
        for (Folder folder : store.getDefaultFolder().list("*")) {
            if ((folder.getType() & Folder.HOLDS_MESSAGES) != 0) {
                names.add(folder.getFullName());
            }
        }
        return names;
    }

    /** One entry per message of the folder: its Message-ID, subject and flags, read without changing them. */
    public List<Census.Placement> placements(String folderName) throws MessagingException {
        // Parsing the fetched headers looks up Angus Mail's stream provider, which the caller's loader may not see.
        return withMailLoaderChecked(() -> placementsIn(folderName));
    }

    private List<Census.Placement> placementsIn(String folderName) throws MessagingException {
        Folder folder = store.getFolder(folderName);
        folder.open(Folder.READ_ONLY);
        try {
            Message[] messages = folder.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            profile.add(FetchProfile.Item.FLAGS);
            profile.add("Message-ID");
            folder.fetch(messages, profile);
            List<Census.Placement> placements = new ArrayList<>();
            for (Message message : messages) {
                String[] ids = message.getHeader("Message-ID");
                placements.add(new Census.Placement(ids == null ? "" : ids[0].strip(), folderName,
                        message.getSubject(), flagNames(message.getFlags())));
            }
            return placements;
        } finally {
            folder.close(false);
        }
    }

    /** Moves a message away the way another mail client would, while a plan waits to be applied. */
    public void move(String folderName, String subject, String targetName) throws MessagingException {
        IMAPFolder folder = (IMAPFolder) store.getFolder(folderName);
        Folder target = store.getFolder(targetName);
        if (!target.exists()) {
            target.create(Folder.HOLDS_MESSAGES);
        }
        folder.open(Folder.READ_WRITE);
        try {
            List<Message> matching = new ArrayList<>();
            for (Message message : folder.getMessages()) {
                if (subject.equals(message.getSubject())) {
                    matching.add(message);
                }
            }
            folder.moveMessages(matching.toArray(Message[]::new), target);
        } finally {
            folder.close(false);
        }
    }

    /** Copies the messages with this subject to another folder, as a person keeping a second copy would. */
    public void copy(String folderName, String subject, String targetName) throws MessagingException {
        Folder folder = store.getFolder(folderName);
        Folder target = store.getFolder(targetName);
        if (!target.exists()) {
            target.create(Folder.HOLDS_MESSAGES);
        }
        folder.open(Folder.READ_ONLY);
        try {
            List<Message> matching = new ArrayList<>();
            for (Message message : folder.getMessages()) {
                if (subject.equals(message.getSubject())) {
                    matching.add(message);
                }
            }
            folder.copyMessages(matching.toArray(Message[]::new), target);
        } finally {
            folder.close(false);
        }
    }

    /** Marks a message \Deleted the way another mail client would, without expunging. */
    public void markDeleted(String folderName, String subject) throws MessagingException {
        setFlag(folderName, subject, Flags.Flag.DELETED, true);
    }

    /** Sets or clears a flag of the messages with this subject, as a person does in their mail client. */
    public void setFlag(String folderName, String subject, Flags.Flag flag, boolean set) throws MessagingException {
        Folder folder = store.getFolder(folderName);
        folder.open(Folder.READ_WRITE);
        try {
            for (Message message : folder.getMessages()) {
                if (subject.equals(message.getSubject())) {
                    message.setFlag(flag, set);
                }
            }
        } finally {
            folder.close(false);
        }
    }

    @Override
    public void close() throws MessagingException {
        store.close();
    }
}
