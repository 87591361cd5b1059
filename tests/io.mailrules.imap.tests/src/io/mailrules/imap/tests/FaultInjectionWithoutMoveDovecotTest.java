package io.mailrules.imap.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.FaultProxy;
import io.mailrules.imap.testsupport.PrivateDovecot;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link FaultInjection} on a server without MOVE, where a move is UID COPY, UID STORE +FLAGS (\Deleted) and UID
 * EXPUNGE: a cut between the copy and the expunge leaves a message in both folders, which the resume must settle.
 */
class FaultInjectionWithoutMoveDovecotTest extends FaultInjection {

    @RegisterExtension
    static final PrivateDovecot DOVECOT = new PrivateDovecot("faults-no-move", DovecotServer.Variant.WITHOUT_MOVE);

    @Override
    PrivateDovecot dovecot() {
        return DOVECOT;
    }

    @Override
    void checkCommands(List<FaultProxy.Command> commands) {
        List<String> verbs = commands.stream().map(FaultProxy.Command::verb).toList();
        assertFalse(verbs.contains("UID MOVE"), verbs.toString());
        assertTrue(verbs.contains("UID COPY") && verbs.contains("UID EXPUNGE"), verbs.toString());
    }
}
