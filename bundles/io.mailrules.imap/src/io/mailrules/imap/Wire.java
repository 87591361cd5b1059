package io.mailrules.imap;

import jakarta.mail.MessagingException;
import java.util.Arrays;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;

/**
 * Sends raw IMAP commands on a folder's connection. Angus Mail's own move and expunge use sequence numbers and have
 * no MOVE-less fallback, so UID commands go through its protocol layer instead. Each call waits for its tagged
 * completion before returning: Dovecot 2.3 interleaves a pipelined SEARCH with the expunges of a preceding MOVE.
 */
final class Wire {

    private Wire() {
    }

    /**
     * @return the reply, also when the server said NO or BAD; only a broken connection throws
     */
    static Reply send(IMAPFolder folder, String command, Argument arguments) throws MessagingException {
        return (Reply) folder.doCommand(protocol -> {
            Response[] responses = protocol.command(command, arguments);
            // Lets the folder track EXISTS and alerts. Not expunges: Angus renumbers its whole message cache for
            // each one, which made the moves of a 100,000-message folder take three times what the server needed.
            // Not FETCH either: with CONDSTORE enabled a STORE answers with a FETCH (MODSEQ) per message even when
            // silent, and Angus makes a message object for each. Nothing here uses Angus's messages or message
            // numbers (every command is by UID, every answer is read from the reply), and a folder that was written
            // to is closed, never read again.
            protocol.notifyResponseHandlers(Arrays.stream(responses).filter(response -> !isPerMessage(response))
                    .toArray(Response[]::new));
            Response last = responses[responses.length - 1];
            if (!last.isTagged()) {
                protocol.handleResult(last);
            }
            return new Reply(Arrays.asList(responses));
        });
    }

    private static boolean isPerMessage(Response response) {
        return response instanceof IMAPResponse imap
                && (imap.keyEquals("EXPUNGE") || imap.keyEquals("VANISHED") || imap.keyEquals("FETCH"));
    }

    static Argument atoms(String... atoms) {
        Argument argument = new Argument();
        for (String atom : atoms) {
            argument.writeAtom(atom);
        }
        return argument;
    }
}
