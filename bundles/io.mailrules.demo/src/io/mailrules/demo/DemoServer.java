package io.mailrules.demo;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.eclipse.angus.mail.imap.IMAPStore;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * An IMAP server in this process (GreenMail, on loopback only) holding two generated sales mailboxes, so that a
 * newcomer can preview, apply and undo rules without an IMAP account. It forgets everything when closed.
 */
public final class DemoServer implements AutoCloseable {

    /**
     * The password of every demo mailbox. It protects nothing: the server listens on loopback only and holds
     * generated mail. The sample rules file reads it from {@link #PASSWORD_VARIABLE} like any real secret.
     */
    public static final String PASSWORD = "demo";
    /** The environment variable the sample rules file names as the source of the demo password. */
    public static final String PASSWORD_VARIABLE = "MAILRULES_DEMO_PASSWORD";
    public static final String HOST = "127.0.0.1";
    /** Created empty on start; the sample rules delete into it. */
    public static final String TRASH = "Trash";

    private static final List<DemoMailbox> MAILBOXES = List.of(
            new DemoMailbox("ana", "ana", "ana@mailrules.demo"),
            new DemoMailbox("ben", "ben", "ben@mailrules.demo"));

    private final GreenMail greenMail;
    private final DemoOptions options;
    private final Map<DemoMailbox, List<DemoMessage>> seeded;

    private DemoServer(GreenMail greenMail, DemoOptions options, Map<DemoMailbox, List<DemoMessage>> seeded) {
        this.greenMail = greenMail;
        this.options = options;
        this.seeded = seeded;
    }

    /**
     * Starts the server and fills its mailboxes.
     *
     * @throws DemoException when the port is taken or the mail cannot be stored
     */
    public static DemoServer start(DemoOptions options) throws DemoException {
        ServerSetup setup = new ServerSetup(options.port(), HOST, ServerSetup.PROTOCOL_IMAP);
        GreenMail greenMail = withMailLoader(() -> {
            GreenMail server = new GreenMail(options.port() == 0 ? setup.dynamicPort() : setup);
            server.start();
            return server;
        });
        try {
            SalesMailGenerator generator = new SalesMailGenerator(options.seed(), options.today());
            Map<DemoMailbox, List<DemoMessage>> seeded = new java.util.LinkedHashMap<>();
            for (int i = 0; i < MAILBOXES.size(); i++) {
                DemoMailbox mailbox = MAILBOXES.get(i);
                List<DemoMessage> messages = generator.generate(mailbox.address(), i, options.messagesPerMailbox());
                withMailLoader(() -> {
                    seed(greenMail, mailbox, messages);
                    return null;
                });
                seeded.put(mailbox, messages);
            }
            return new DemoServer(greenMail, options, Map.copyOf(seeded));
        } catch (DemoException | RuntimeException e) {
            greenMail.stop();
            throw e;
        }
    }

    private static void seed(GreenMail greenMail, DemoMailbox mailbox, List<DemoMessage> messages) throws Exception {
        GreenMailUser user = greenMail.setUser(mailbox.address(), mailbox.login(), PASSWORD);
        var folders = greenMail.getManagers().getImapHostManager();
        folders.createMailbox(user, TRASH);
        MailFolder inbox = folders.getInbox(user);
        Session session = Session.getInstance(new Properties());
        for (DemoMessage message : messages) {
            inbox.appendMessage(mime(session, message), new Flags(), Date.from(message.date()));
        }
    }

    private static MimeMessage mime(Session session, DemoMessage message) throws MessagingException {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(new InternetAddress(message.from()));
        mime.setRecipients(jakarta.mail.Message.RecipientType.TO, message.to());
        mime.setSubject(message.subject(), "UTF-8");
        mime.setSentDate(Date.from(message.date()));
        for (Map.Entry<String, String> header : message.headers().entrySet()) {
            mime.setHeader(header.getKey(), header.getValue());
        }
        mime.setText(message.body(), "UTF-8");
        mime.saveChanges();
        // saveChanges() invents a Message-ID; undo and resume find mail by it, so it must be the generated one.
        mime.setHeader("Message-ID", message.messageId());
        return mime;
    }

    // GreenMail parses and stores mail with Jakarta Mail, which finds its providers through the context class
    // loader; inside OSGi that has to be a loader that sees Angus.
    private static <T> T withMailLoader(Callable<T> work) throws DemoException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(IMAPStore.class.getClassLoader());
        try {
            return work.call();
        } catch (FolderException | MessagingException e) {
            throw new DemoException("cannot store the demo mail: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new DemoException("cannot start the demo IMAP server on " + HOST + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new DemoException("cannot set up the demo server: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public String host() {
        return HOST;
    }

    /** The port it listens on (the chosen free one when the options said 0). */
    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    public List<DemoMailbox> mailboxes() {
        return MAILBOXES;
    }

    /** What each mailbox was filled with, oldest first: what a check of the demo compares against. */
    public List<DemoMessage> seededMessages(DemoMailbox mailbox) {
        return seeded.getOrDefault(mailbox, List.of());
    }

    public DemoOptions options() {
        return options;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
