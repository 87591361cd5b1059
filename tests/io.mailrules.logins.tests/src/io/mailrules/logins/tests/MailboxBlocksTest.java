package io.mailrules.logins.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.mailrules.dsl.mailrules.Mailbox;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.dsl.mailrules.SecretKind;
import io.mailrules.imap.Credentials;
import io.mailrules.imap.MailboxSettings;
import io.mailrules.imap.Security;
import io.mailrules.logins.DeclaredCredential;
import io.mailrules.logins.MailboxBlocks;

class MailboxBlocksTest {

    private static final String FINGERPRINT = "ab".repeat(32);

    private final Model model = RulesText.parse("""
            mailbox ana {
                host "imap.example.com" tls
                user "ana@example.com"
                password from secret "sdr-ana"
                trash "Bin"
            }
            mailbox ben {
                host "mail.example.org" starttls
                user "ben"
                oauth2 token from env "BEN_TOKEN"
                trust certificate "%s"
            }
            mailbox cho {
                host "localhost" port 3143 plain insecure
                user "cho"
            }
            """.formatted(FINGERPRINT));

    @Test
    void listsEveryMailboxInFileOrder() {
        assertEquals(List.of("ana", "ben", "cho"), MailboxBlocks.all(model).stream().map(Mailbox::getName).toList());
    }

    @Test
    void tlsWithoutPortUsesTheImapsPortAndKeepsTheTrashFolder() {
        MailboxSettings ana = MailboxBlocks.settings(MailboxBlocks.find(model, "ana").orElseThrow());
        assertEquals(new MailboxSettings("ana", "imap.example.com", 993, Security.TLS, "ana@example.com",
                Optional.empty(), Optional.of("Bin")), ana);
    }

    @Test
    void starttlsWithoutPortUsesTheImapPortAndPinsTheCertificate() {
        MailboxSettings ben = MailboxBlocks.settings(MailboxBlocks.find(model, "ben").orElseThrow());
        assertEquals(143, ben.port());
        assertEquals(Security.STARTTLS, ben.security());
        assertEquals(Optional.of(FINGERPRINT), ben.trustedCertificateSha256());
    }

    @Test
    void aFingerprintTheValidatorAcceptsIsTheOneTheConnectorPins() {
        String written = "SHA256:" + "AB ".repeat(31) + "AB";
        Model file = RulesText.parse("""
                mailbox dee {
                    host "imap.example.com" tls
                    user "dee"
                    password from secret "dee"
                    trust certificate "%s"
                }
                """.formatted(written));
        assertEquals(List.of(), RulesText.errors(file));
        assertEquals(Optional.of(FINGERPRINT),
                MailboxBlocks.settings(MailboxBlocks.find(file, "dee").orElseThrow()).trustedCertificateSha256());
    }

    @Test
    void aFingerprintTheValidatorRefusesIsRefusedByTheConnectorToo() {
        String written = "AB:".repeat(31) + "A";
        Model file = RulesText.parse("""
                mailbox dee {
                    host "imap.example.com" tls
                    user "dee"
                    password from secret "dee"
                    trust certificate "%s"
                }
                """.formatted(written));
        assertEquals(1, RulesText.errors(file).size(), RulesText.errors(file)::toString);
        assertTrue(RulesText.errors(file).getFirst().contains("must be a SHA-256 fingerprint"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> MailboxBlocks.settings(MailboxBlocks.find(file, "dee").orElseThrow()));
        assertTrue(refused.getMessage().contains("is not a SHA-256 fingerprint"), refused.getMessage());
    }

    @Test
    void plainIsConfirmedOnlyByInsecure() {
        Model file = RulesText.parse("""
                mailbox lab { host "localhost" port 3143 plain user "lab" }
                mailbox ok { host "localhost" port 3143 plain insecure user "ok" }
                """);
        assertEquals(Security.PLAIN_UNCONFIRMED,
                MailboxBlocks.settings(MailboxBlocks.find(file, "lab").orElseThrow()).security());
        assertEquals(Security.PLAIN, MailboxBlocks.settings(MailboxBlocks.find(file, "ok").orElseThrow()).security());
    }

    @Test
    void anExplicitPortWins() {
        assertEquals(3143, MailboxBlocks.settings(MailboxBlocks.find(model, "cho").orElseThrow()).port());
    }

    @Test
    void declaredCredentialsSayWhereTheSecretComesFrom() {
        DeclaredCredential ana = MailboxBlocks.declaredCredential(MailboxBlocks.find(model, "ana").orElseThrow())
                .orElseThrow();
        assertFalse(ana.oauth2());
        assertEquals(SecretKind.SECRET, ana.source().orElseThrow().getKind());
        assertEquals("sdr-ana", ana.source().orElseThrow().getReference());
        assertTrue(ana.with("pw") instanceof Credentials.Password);

        DeclaredCredential ben = MailboxBlocks.declaredCredential(MailboxBlocks.find(model, "ben").orElseThrow())
                .orElseThrow();
        assertTrue(ben.oauth2());
        assertEquals(SecretKind.ENV, ben.source().orElseThrow().getKind());
        assertTrue(ben.with("token") instanceof Credentials.OAuth2AccessToken);

        assertTrue(MailboxBlocks.declaredCredential(MailboxBlocks.find(model, "cho").orElseThrow()).isEmpty());
    }

    @Test
    void anUnknownNameIsNotFound() {
        assertTrue(MailboxBlocks.find(model, "dan").isEmpty());
    }
}
