package io.mailrules.core.source;

import java.util.Optional;

/**
 * The TLS handshake failed: the server's certificate is not trusted, does not name the host, or does not match the
 * pinned fingerprint. When the certificate was seen, its SHA-256 fingerprint is in the message so that a user who
 * recognises a self-signed server certificate can pin exactly that one.
 */
public final class UntrustedCertificateException extends MailboxException {
    private static final long serialVersionUID = 1L;

    private final String presentedSha256;

    public UntrustedCertificateException(String mailbox, String host, String reason, Optional<String> presentedSha256,
            Throwable cause) {
        super(mailbox, host, message(mailbox, host, reason, presentedSha256), cause);
        this.presentedSha256 = presentedSha256.orElse(null);
    }

    private static String message(String mailbox, String host, String reason, Optional<String> fingerprint) {
        StringBuilder text = new StringBuilder("Mailbox ").append(mailbox).append(": the TLS certificate of ")
                .append(host).append(" is not trusted (").append(reason).append(").");
        fingerprint.ifPresent(sha256 -> text.append(" Its SHA-256 fingerprint is ").append(sha256)
                .append(". If this is your server's own self-signed certificate, trust exactly this certificate")
                .append(" by setting the mailbox's trusted certificate fingerprint to that value."));
        return text.toString();
    }

    /** The SHA-256 fingerprint of the certificate the server presented, if the handshake got that far. */
    public Optional<String> presentedSha256() {
        return Optional.ofNullable(presentedSha256);
    }

    @Override
    public boolean isConnectionProblem() {
        return true;
    }
}
