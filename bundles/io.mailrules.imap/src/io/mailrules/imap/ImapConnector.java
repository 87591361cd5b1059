package io.mailrules.imap;

import io.mailrules.core.source.MailboxException;
import io.mailrules.core.source.UnsupportedByServerException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;

/**
 * Opens IMAP sessions with Angus Mail. Connections honour the host limits of the {@link HostConnectionLimiter} the
 * caller shares among its connectors.
 */
public final class ImapConnector {

    private final ConnectorOptions options;
    private final HostConnectionLimiter limiter;

    public ImapConnector(ConnectorOptions options, HostConnectionLimiter limiter) {
        this.options = Objects.requireNonNull(options, "options");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
    }

    /**
     * Connects and logs in, then reads capabilities and the personal namespace.
     *
     * @throws MailboxException naming the mailbox and host: wrong credentials, unreachable host, untrusted
     *         certificate, no STARTTLS where it is required, or a plain connection the file did not confirm
     * @throws InterruptedException if cancelled while waiting for a free connection slot
     */
    public ImapMailbox connect(MailboxSettings settings, Credentials credentials)
            throws MailboxException, InterruptedException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(credentials, "credentials");
        requireConfirmedSecurity(settings);
        ServerCertificateTrust trust = settings.security() == Security.PLAIN ? null
                : settings.trustedCertificateSha256().map(ServerCertificateTrust::pinned)
                        .orElseGet(ServerCertificateTrust::platformAuthorities);
        Failures failures = new Failures(settings, trust);
        HostConnectionLimiter.Permit permit;
        try {
            permit = limiter.acquire(settings.host(), options.permitWait());
        } catch (IllegalStateException busy) {
            throw failures.onConnect(new MessagingException(busy.getMessage()));
        }
        boolean connected = false;
        try {
            IMAPStore store = openStore(settings, credentials, trust, failures);
            ImapMailbox mailbox = ImapMailbox.start(settings, options, store, failures, permit, limiter);
            connected = true;
            return mailbox;
        } finally {
            if (!connected) {
                permit.close();
            }
        }
    }

    /**
     * The refusal {@link #connect} makes before it opens a socket, for a front end to make before it asks for or
     * looks up a secret that would not be sent: a password goes out unencrypted only for a mailbox whose rules file
     * says {@code plain insecure}, whether or not the file was validated.
     *
     * @throws UnsupportedByServerException naming the mailbox, for {@link Security#PLAIN_UNCONFIRMED}
     */
    public static void requireConfirmedSecurity(MailboxSettings settings) throws UnsupportedByServerException {
        if (settings.security() == Security.PLAIN_UNCONFIRMED) {
            throw new UnsupportedByServerException(settings.name(), settings.host(), "the mailbox says 'plain'"
                    + " without 'insecure', so its password would cross the network unencrypted; nothing was sent."
                    + " Write 'plain insecure' to confirm that, or use tls or starttls.");
        }
    }

    /**
     * Loads Angus Mail's session, provider and protocol classes and the platform's TLS context on a daemon thread,
     * without connecting: a command calls this first thing, so that its first connection does not wait for them
     * while the rules file is still being validated on the main thread.
     */
    public static void prepareInBackground() {
        Thread.ofPlatform().daemon().name("mailrules-imap-warm-up").start(() -> {
            Thread.currentThread().setContextClassLoader(IMAPStore.class.getClassLoader());
            try {
                Session session = Session.getInstance(new Properties());
                session.getStore("imap");
                session.getStore("imaps");
                SSLContext.getDefault();
                for (Class<?> type : List.of(IMAPFolder.class, IMAPProtocol.class, FetchResponse.class,
                        IMAPResponse.class, Argument.class, InternetHeaders.class, MimeUtility.class)) {
                    Class.forName(type.getName(), true, type.getClassLoader());
                }
            } catch (MessagingException | GeneralSecurityException | ClassNotFoundException e) {
                // Only a head start: the first real connection loads whatever is missing and reports any failure.
            }
        });
    }

    private IMAPStore openStore(MailboxSettings settings, Credentials credentials, ServerCertificateTrust trust,
            Failures failures) throws MailboxException {
        String protocol = settings.security() == Security.TLS ? "imaps" : "imap";
        Properties properties = sessionProperties(settings, credentials, trust, protocol);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Jakarta Mail finds its providers through the context class loader; in OSGi without SPI-Fly that has to be
        // the loader of the bundle that holds them.
        thread.setContextClassLoader(IMAPStore.class.getClassLoader());
        IMAPStore store = null;
        try {
            Session session = Session.getInstance(properties);
            store = (IMAPStore) session.getStore(protocol);
            store.connect(settings.host(), settings.port(), settings.user(), credentials.secret());
            return store;
        } catch (MessagingException e) {
            closeQuietly(store);
            throw failures.onConnect(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private Properties sessionProperties(MailboxSettings settings, Credentials credentials,
            ServerCertificateTrust trust, String protocol) {
        String prefix = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.put(prefix + "connectiontimeout", Long.toString(options.connectTimeout().toMillis()));
        properties.put(prefix + "timeout", Long.toString(options.readTimeout().toMillis()));
        if (trust != null) {
            properties.put(prefix + "ssl.socketFactory", new TlsSocketFactory(trust));
            // Host names are checked in the handshake by TlsSocketFactory (and deliberately not for a pinned key).
            properties.put(prefix + "ssl.checkserveridentity", "false");
        }
        if (settings.security() == Security.STARTTLS) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        if (credentials instanceof Credentials.OAuth2AccessToken) {
            properties.put(prefix + "auth.mechanisms", "XOAUTH2");
            properties.put(prefix + "auth.xoauth2.disable", "false");
            properties.put(prefix + "auth.login.disable", "true");
            properties.put(prefix + "auth.plain.disable", "true");
        }
        return properties;
    }

    private static void closeQuietly(IMAPStore store) {
        if (store == null) {
            return;
        }
        try {
            store.close();
        } catch (MessagingException ignored) {
            // The failure being reported matters more than one while hanging up.
        }
    }
}
