package io.mailrules.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import io.mailrules.core.source.UnsupportedByServerException;
import io.mailrules.dsl.MailrulesStandaloneSetup;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.imap.ConnectorOptions;
import io.mailrules.imap.Credentials;
import io.mailrules.imap.HostConnectionLimiter;
import io.mailrules.imap.ImapConnector;
import io.mailrules.imap.ImapMailbox;
import io.mailrules.imap.MailboxLogin;
import io.mailrules.imap.MailboxSettings;
import io.mailrules.imap.Security;
import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.FaultProxy;
import io.mailrules.logins.CredentialsFile;
import io.mailrules.logins.RulesFileLogins;
import io.mailrules.logins.SecretSources;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password crosses the network unencrypted only for a mailbox whose rules file says {@code plain insecure}: the
 * connector itself refuses {@code plain} alone, for a file that was never validated too. A {@link FaultProxy} in
 * front of the private Dovecot's plaintext port records every line a client sends.
 */
class PlaintextRefusalDovecotTest {

    private static DovecotServer server;

    @TempDir
    Path directory;

    @BeforeAll
    static void startDovecot() throws Exception {
        server = DovecotServer.start("plaintext", DovecotServer.Variant.FULL);
    }

    @AfterAll
    static void stopDovecot() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static boolean logsIn(String line) {
        String upper = line.toUpperCase(Locale.ROOT);
        return upper.matches("^\\S+ (LOGIN|AUTHENTICATE)\\b.*");
    }

    /** Parsed only: the command line and the workbench validate first, other front ends may not. */
    private static Model parsedNotValidated(String text) throws Exception {
        Injector injector = new MailrulesStandaloneSetup().createInjectorAndDoEMFRegistration();
        Resource resource = injector.getInstance(XtextResourceSet.class).createResource(
                URI.createURI("memory:/plain.mailrules"));
        resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
        assertEquals(List.of(), resource.getErrors());
        return (Model) resource.getContents().getFirst();
    }

    @Test
    void plainWithoutInsecureSendsNoLoginWhileConfirmedPlainDoes() throws Exception {
        String user = server.freshUser();
        Path marker = directory.resolve("secret-was-asked-for");
        try (FaultProxy proxy = FaultProxy.start(server.imapPort())) {
            Model file = parsedNotValidated("""
                    mailbox lab {
                        host "127.0.0.1" port %d plain
                        user "%s"
                        password from command "touch '%s'; echo %s"
                    }
                    mailbox confirmed {
                        host "127.0.0.1" port %1$d plain insecure
                        user "%2$s"
                        password from command "echo %4$s"
                    }
                    """.formatted(proxy.port(), user, marker, DovecotServer.PASSWORD));
            Map<String, String> environment = Map.of("PATH", System.getenv("PATH"));
            RulesFileLogins logins = new RulesFileLogins(file, new SecretSources(environment, directory,
                    CredentialsFile.of(environment)));
            ImapConnector connector = new ImapConnector(ConnectorOptions.defaults(), new HostConnectionLimiter(4));

            UnsupportedByServerException refused = assertThrows(UnsupportedByServerException.class,
                    () -> logins.login("lab"));
            assertEquals("Mailbox lab on 127.0.0.1: the mailbox says 'plain' without 'insecure', so its password"
                    + " would cross the network unencrypted; nothing was sent. Write 'plain insecure' to confirm"
                    + " that, or use tls or starttls.", refused.getMessage());
            assertFalse(Files.exists(marker), "the secret's command did not even run");

            // A front end that resolved the secret some other way still gets nothing past the connector.
            MailboxSettings unconfirmed = new MailboxSettings("lab", "127.0.0.1", proxy.port(),
                    Security.PLAIN_UNCONFIRMED, user, Optional.empty(), Optional.empty());
            UnsupportedByServerException alsoRefused = assertThrows(UnsupportedByServerException.class,
                    () -> connector.connect(unconfirmed, Credentials.password(DovecotServer.PASSWORD)));
            assertEquals(refused.getMessage(), alsoRefused.getMessage());
            assertEquals(0, proxy.connections(), "not even a connection was opened");
            assertEquals(List.of(), proxy.clientLines());

            MailboxLogin confirmed = logins.login("confirmed");
            try (ImapMailbox session = connector.connect(confirmed.settings(), confirmed.credentials())) {
                assertTrue(session.capabilities().move());
            }
            assertTrue(proxy.clientLines().stream().anyMatch(PlaintextRefusalDovecotTest::logsIn),
                    "the proxy sees a login when one is sent: " + proxy.clientLines());
        }
    }
}
