package io.mailrules.dsl.validation;

import static io.mailrules.dsl.mailrules.MailrulesPackage.Literals.*;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.xtext.validation.Check;

import io.mailrules.core.source.Sha256Fingerprint;
import io.mailrules.dsl.analysis.Syntax;
import io.mailrules.dsl.mailrules.Credential;
import io.mailrules.dsl.mailrules.Mailbox;
import io.mailrules.dsl.mailrules.MailboxSetting;
import io.mailrules.dsl.mailrules.PasswordCredential;
import io.mailrules.dsl.mailrules.Security;
import io.mailrules.dsl.mailrules.Server;
import io.mailrules.dsl.mailrules.Trust;
import io.mailrules.dsl.mailrules.User;

/**
 * Connection settings and credentials of a mailbox.
 */
public class MailboxValidator extends MailrulesCheckBase {

    @Check
    public void checkSettings(Mailbox mailbox) {
        Map<EClass, MailboxSetting> seen = new HashMap<>();
        boolean credentials = false;
        boolean host = false;
        boolean user = false;
        for (MailboxSetting setting : mailbox.getSettings()) {
            EClass kind = setting instanceof Credential ? CREDENTIAL : setting.eClass();
            if (seen.putIfAbsent(kind, setting) != null) {
                error("Mailbox '" + mailbox.getName() + "' sets " + settingName(kind) + " twice", setting, null,
                        MailrulesIssueCodes.DUPLICATE_SETTING);
            }
            credentials |= setting instanceof Credential;
            host |= setting instanceof Server;
            user |= setting instanceof User found && found.getUser() != null && !found.getUser().isEmpty();
        }
        if (!host) {
            error("Mailbox '" + mailbox.getName() + "' has no host: add host \"imap.example.com\" port 993 tls",
                    mailbox, TOP_LEVEL__NAME, MailrulesIssueCodes.MISSING_HOST);
        }
        // Logins, locks, journals and folder states all name the account by host, port and user.
        if (!user) {
            error("Mailbox '" + mailbox.getName() + "' has no user: add user \"" + mailbox.getName()
                    + "@example.com\" with the account's login name", mailbox, TOP_LEVEL__NAME,
                    MailrulesIssueCodes.MISSING_USER);
        }
        if (!credentials) {
            warning("Mailbox '" + mailbox.getName()
                    + "' has no credentials: add password from secret \"" + mailbox.getName()
                    + "\" or oauth2 token from env \"...\"", mailbox, TOP_LEVEL__NAME,
                    MailrulesIssueCodes.MISSING_CREDENTIALS);
        }
    }

    @Check
    public void checkInlinePassword(PasswordCredential credential) {
        if (credential.getLiteral() != null) {
            Mailbox mailbox = (Mailbox) credential.eContainer();
            error("Mailbox '" + mailbox.getName()
                    + "' has its password written in the file: store it as a secret and use password from secret \""
                    + mailbox.getName() + "\"", credential, PASSWORD_CREDENTIAL__LITERAL,
                    MailrulesIssueCodes.INLINE_PASSWORD, mailbox.getName());
        }
    }

    @Check
    public void checkServer(Server server) {
        Mailbox mailbox = (Mailbox) server.eContainer();
        if (Syntax.isWritten(server, SERVER__PORT) && (server.getPort() < 1 || server.getPort() > 65535)) {
            error("Port " + server.getPort() + " of mailbox '" + mailbox.getName() + "' is outside 1..65535", server,
                    SERVER__PORT, MailrulesIssueCodes.INVALID_PORT);
        }
        boolean plain = Syntax.isWritten(server, SERVER__SECURITY) && server.getSecurity() == Security.PLAIN;
        if (plain && !server.isInsecure()) {
            error("Mailbox '" + mailbox.getName() + "' would send its password unencrypted: write 'plain insecure'"
                    + " to confirm, or use tls or starttls", server, SERVER__SECURITY,
                    MailrulesIssueCodes.PLAIN_NOT_CONFIRMED);
        }
        if (!plain && server.isInsecure()) {
            error("'insecure' confirms a plain connection; mailbox '" + mailbox.getName() + "' does not use plain",
                    server, SERVER__INSECURE, MailrulesIssueCodes.INSECURE_WITHOUT_PLAIN);
        }
    }

    @Check
    public void checkFingerprint(Trust trust) {
        if (trust.getFingerprint() != null && Sha256Fingerprint.normalize(trust.getFingerprint()).isEmpty()) {
            Mailbox mailbox = (Mailbox) trust.eContainer();
            error("The certificate fingerprint of mailbox '" + mailbox.getName()
                    + "' must be a SHA-256 fingerprint: 64 hex digits, optionally in pairs separated by ':'", trust,
                    TRUST__FINGERPRINT, MailrulesIssueCodes.INVALID_FINGERPRINT);
        }
    }

    private static String settingName(EClass kind) {
        if (kind == SERVER) {
            return "its host";
        } else if (kind == CREDENTIAL) {
            return "credentials";
        } else if (kind == USER) {
            return "its user";
        } else if (kind == TRUST) {
            return "a trusted certificate";
        }
        return "its trash folder";
    }
}
