package io.mailrules.imap.tests;

import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.PrivateDovecot;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ExactPairing} on a server without MOVE (with UIDPLUS, an {@code INBOX.} namespace and {@code .} as
 * separator), where a move is UID COPY, UID STORE and UID EXPUNGE: a cut after the copy leaves a message in both
 * folders, and only an exactly paired copy lets the resume expunge the source's.
 */
class ExactPairingWithoutMoveDovecotTest extends ExactPairing {

    @RegisterExtension
    static final PrivateDovecot DOVECOT = new PrivateDovecot("pairing-no-move", DovecotServer.Variant.WITHOUT_MOVE);

    @Override
    PrivateDovecot dovecot() {
        return DOVECOT;
    }
}
