package io.mailrules.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.FaultProxy;
import io.mailrules.imap.testsupport.PrivateDovecot;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link FaultInjection} on a server with MOVE: every cut around a UID MOVE or UID STORE. */
class FaultInjectionDovecotTest extends FaultInjection {

    @RegisterExtension
    static final PrivateDovecot DOVECOT = new PrivateDovecot("faults", DovecotServer.Variant.FULL);

    @Override
    PrivateDovecot dovecot() {
        return DOVECOT;
    }

    @Override
    void checkCommands(List<FaultProxy.Command> commands) {
        assertEquals(Set.of("UID MOVE", "UID STORE"),
                commands.stream().map(FaultProxy.Command::verb).collect(Collectors.toSet()), commands.toString());
    }
}
