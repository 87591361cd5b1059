package io.mailrules.imap;

import io.mailrules.core.source.AuthenticationFailedException;
import io.mailrules.core.source.ConnectionLostException;
import io.mailrules.core.source.FolderNotFoundException;
import io.mailrules.core.source.HostUnreachableException;
import io.mailrules.core.source.MailboxException;
import io.mailrules.core.source.ServerRefusedException;
import io.mailrules.core.source.UnsupportedByServerException;
import io.mailrules.core.source.UntrustedCertificateException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.iap.ProtocolException;

/** Turns what Angus Mail throws into {@link MailboxException}s that say, in the user's terms, what went wrong. */
final class Failures {

    private final MailboxSettings settings;
    private final ServerCertificateTrust trust;

    Failures(MailboxSettings settings, ServerCertificateTrust trust) {
        this.settings = settings;
        this.trust = trust;
    }

    MailboxException onConnect(MessagingException failure) {
        if (failure instanceof jakarta.mail.AuthenticationFailedException) {
            return new AuthenticationFailedException(settings.name(), settings.host(), settings.user(),
                    Optional.ofNullable(failure.getMessage()).orElse(""), failure);
        }
        Throwable cause = rootOf(failure, CertificateException.class, SSLException.class, UnknownHostException.class,
                ConnectException.class, NoRouteToHostException.class, SocketTimeoutException.class);
        if (cause instanceof CertificateException || cause instanceof SSLException) {
            return new UntrustedCertificateException(settings.name(), settings.host(), tlsReason(cause),
                    trust == null ? Optional.empty() : trust.presentedSha256(), failure);
        }
        if (cause instanceof UnknownHostException) {
            return unreachable("unknown host name", failure);
        }
        if (cause instanceof ConnectException) {
            return unreachable("connection refused: no IMAP server listens there", failure);
        }
        if (cause instanceof NoRouteToHostException) {
            return unreachable("no route to the host", failure);
        }
        if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException) {
            return unreachable("no answer in time", failure);
        }
        String text = Optional.ofNullable(failure.getMessage()).orElse(failure.toString());
        if (text.toUpperCase(Locale.ROOT).contains("STARTTLS")) {
            return new UnsupportedByServerException(settings.name(), settings.host(),
                    "the server does not offer STARTTLS, which this mailbox requires; nothing was sent unencrypted.");
        }
        return unreachable(text, failure);
    }

    private static String tlsReason(Throwable cause) {
        String message = Optional.ofNullable(cause.getMessage()).orElse(cause.getClass().getSimpleName());
        if (message.contains("PKIX") || message.contains("unable to find valid certification path")) {
            return "it is not signed by an authority this computer trusts";
        }
        if (message.contains("No subject alternative") || message.contains("No name matching")) {
            return "it is issued for another host name";
        }
        return message;
    }

    private HostUnreachableException unreachable(String reason, Throwable cause) {
        return new HostUnreachableException(settings.name(), settings.host(), settings.port(), reason, cause);
    }

    /** A command failed below the level of a NO: the connection broke or the reply was unreadable. */
    MailboxException duringCommand(String during, Exception failure) {
        if (failure instanceof FolderClosedException || failure instanceof StoreClosedException
                || rootOf(failure, ConnectionException.class, java.io.IOException.class) != null) {
            return new ConnectionLostException(settings.name(), settings.host(), during, failure);
        }
        if (failure instanceof jakarta.mail.FolderNotFoundException notFound) {
            return new FolderNotFoundException(settings.name(), settings.host(),
                    notFound.getFolder() == null ? during : notFound.getFolder().getFullName(), "", failure);
        }
        if (rootOf(failure, ProtocolException.class) instanceof ProtocolException protocol
                && protocol.getResponse() != null) {
            return refusal(during, null, protocol.getResponse().getRest());
        }
        return new ServerRefusedException(settings.name(), settings.host(), during,
                Optional.ofNullable(failure.getMessage()).orElse(failure.toString()), failure);
    }

    /**
     * A NO or BAD answer. {@code [TRYCREATE]} and {@code [NONEXISTENT]} name a missing folder, which deserves its own
     * message, since provisioning the layout fixes it.
     */
    MailboxException refusal(String what, String folder, String serverText) {
        String upper = serverText.toUpperCase(Locale.ROOT);
        if (upper.contains("[TRYCREATE]") || upper.contains("[NONEXISTENT]")) {
            return new FolderNotFoundException(settings.name(), settings.host(), folder == null ? "?" : folder,
                    "create it first (the server said: " + serverText + ")", null);
        }
        return new ServerRefusedException(settings.name(), settings.host(), what, serverText, null);
    }

    MailboxException unsupported(String explanation) {
        return new UnsupportedByServerException(settings.name(), settings.host(), explanation);
    }

    @SafeVarargs
    private static Throwable rootOf(Throwable failure, Class<? extends Throwable>... wanted) {
        Throwable found = null;
        // Bounded, because exception chains from foreign code may loop.
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 32; depth++, t = next(t)) {
            for (Class<? extends Throwable> type : wanted) {
                if (type.isInstance(t)) {
                    found = t;
                }
            }
        }
        return found;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return t.getCause();
    }
}
