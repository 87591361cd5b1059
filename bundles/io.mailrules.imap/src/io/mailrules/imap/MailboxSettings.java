package io.mailrules.imap;

import io.mailrules.core.source.Sha256Fingerprint;
import io.mailrules.core.account.MailboxAccount;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and as whom to log in to one mailbox. The secret itself is not part of the settings: it comes as
 * {@link Credentials} from whatever resolved it (secure storage, environment, a command).
 *
 * @param name the mailbox's name in the rules file, used in every message shown to the user
 * @param trustedCertificateSha256 the SHA-256 fingerprint of the one self-signed certificate to accept instead of
 *        a certificate chain to a trusted authority, in any form {@link Sha256Fingerprint} reads. Host name
 *        checking is skipped for a pinned certificate, since the pin already names exactly one key.
 * @param trashFolder the folder deletes go to when the server marks none as {@code \Trash} (or to override it)
 */
public record MailboxSettings(String name, String host, int port, Security security, String user,
        Optional<String> trustedCertificateSha256, Optional<String> trashFolder) {

    public MailboxSettings {
        requireText(name, "name");
        requireText(host, "host");
        requireText(user, "user");
        Objects.requireNonNull(security, "security");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        }
        trustedCertificateSha256 = Objects.requireNonNull(trustedCertificateSha256, "trustedCertificateSha256")
                .map(MailboxSettings::normalizeFingerprint);
        Objects.requireNonNull(trashFolder, "trashFolder");
    }

    /** The account these settings log in to, which locks, journals and folder states go by. */
    public MailboxAccount account() {
        return new MailboxAccount(host, port, user);
    }

    /** TLS on the IMAPS port with the platform's trusted authorities. */
    public static MailboxSettings tls(String name, String host, String user) {
        return new MailboxSettings(name, host, 993, Security.TLS, user, Optional.empty(), Optional.empty());
    }

    public MailboxSettings withPort(int newPort) {
        return new MailboxSettings(name, host, newPort, security, user, trustedCertificateSha256, trashFolder);
    }

    public MailboxSettings withSecurity(Security newSecurity) {
        return new MailboxSettings(name, host, port, newSecurity, user, trustedCertificateSha256, trashFolder);
    }

    public MailboxSettings withTrustedCertificate(String sha256) {
        return new MailboxSettings(name, host, port, security, user, Optional.of(sha256), trashFolder);
    }

    public MailboxSettings withTrashFolder(String folder) {
        return new MailboxSettings(name, host, port, security, user, trustedCertificateSha256, Optional.of(folder));
    }

    /** Lower-case hex without separators, the form fingerprints are compared and shown in. */
    static String normalizeFingerprint(String fingerprint) {
        return Sha256Fingerprint.normalize(fingerprint).orElseThrow(() -> new IllegalArgumentException("\""
                + fingerprint + "\" is not a SHA-256 fingerprint (64 hex digits, optionally in pairs separated by ':')"));
    }

    private static void requireText(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
