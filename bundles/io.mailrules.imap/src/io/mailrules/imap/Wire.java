package io.mailrules.imap;

import jakarta.mail.MessagingException;
import java.util.Arrays;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;

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
            // Lets the folder track EXISTS and EXPUNGE so its view of the mailbox stays consistent.
            protocol.notifyResponseHandlers(responses);
            Response last = responses[responses.length - 1];
            if (!last.isTagged()) {
                protocol.handleResult(last);
            }
            return new Reply(Arrays.asList(responses));
        });
    }

    static Argument atoms(String... atoms) {
        Argument argument = new Argument();
        for (String atom : atoms) {
            argument.writeAtom(atom);
        }
        return argument;
    }
}
