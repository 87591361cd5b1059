package io.mailrules.imap.testsupport;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One private Dovecot for all tests of a class: register it as a static field with
 * {@code @RegisterExtension}; it starts before the first test and stops after the last.
 */
public final class PrivateDovecot implements BeforeAllCallback, AfterAllCallback {

    private final String name;
    private final DovecotServer.Variant variant;
    private DovecotServer server;

    /** @param name names the server's directory under {@code target/dovecot}, so it must differ per test class */
    public PrivateDovecot(String name, DovecotServer.Variant variant) {
        this.name = name;
        this.variant = variant;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = DovecotServer.start(name, variant);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public DovecotServer server() {
        if (server == null) {
            throw new IllegalStateException("the private Dovecot " + name + " runs only while the test class does");
        }
        return server;
    }

    public DovecotServer.Variant variant() {
        return variant;
    }

    public int imapPort() {
        return server().imapPort();
    }

    public String freshUser() {
        return server().freshUser();
    }

    /** The independent client, logged in as {@code user} directly, never through a proxy under test. */
    public MailClient client(String user) throws MessagingException {
        return new MailClient("127.0.0.1", imapPort(), user, DovecotServer.PASSWORD);
    }
}
