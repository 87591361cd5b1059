package io.mailrules.imap.tests;

import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.PrivateDovecot;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ExactPairing} on a server with MOVE and UIDPLUS: a message is in one folder or the other, never both. */
class ExactPairingDovecotTest extends ExactPairing {

    @RegisterExtension
    static final PrivateDovecot DOVECOT = new PrivateDovecot("pairing", DovecotServer.Variant.FULL);

    @Override
    PrivateDovecot dovecot() {
        return DOVECOT;
    }
}
