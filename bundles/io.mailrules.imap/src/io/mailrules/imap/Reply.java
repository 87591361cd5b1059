package io.mailrules.imap;

import io.mailrules.core.plan.UidSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;

/** Everything the server sent for one command, up to and including its tagged completion. */
record Reply(List<Response> responses) {

    Reply {
        responses = List.copyOf(responses);
        if (responses.isEmpty() || !responses.getLast().isTagged()) {
            throw new IllegalArgumentException("a reply ends with the tagged completion");
        }
    }

    Response tagged() {
        return responses.getLast();
    }

    boolean ok() {
        return tagged().isOK();
    }

    /** The completion's text, response code included, e.g. {@code [TRYCREATE] Mailbox doesn't exist: X}. */
    String taggedText() {
        return tagged().getRest();
    }

    List<IMAPResponse> untagged(String key) {
        List<IMAPResponse> matching = new ArrayList<>();
        for (Response response : responses) {
            if (!response.isTagged() && response instanceof IMAPResponse imap && imap.keyEquals(key)) {
                matching.add(imap);
            }
        }
        return matching;
    }

    /** A COPYUID response code: the target folder's UIDVALIDITY and the source and target UID sets as written. */
    record CopyUid(long targetUidValidity, String sources, String targets) {
    }

    /**
     * The COPYUID response code (RFC 4315). Servers put it in an untagged OK (Dovecot, for MOVE) or in the tagged OK
     * (Gmail, and every server for COPY).
     */
    Optional<CopyUid> copyUid() {
        for (Response response : responses) {
            if (!response.isOK()) {
                continue;
            }
            String text = response.getRest();
            int start = text.toUpperCase(Locale.ROOT).indexOf("[COPYUID ");
            if (start < 0) {
                continue;
            }
            int end = text.indexOf(']', start);
            String[] parts = text.substring(start + 1, end < 0 ? text.length() : end).trim().split(" +");
            if (parts.length == 4) {
                try {
                    long uidValidity = Long.parseLong(parts[1]);
                    // Malformed, the code is as good as absent: the move is done, undo pairs by Message-ID instead.
                    return uidValidity >= UidSet.MIN_UID && uidValidity <= UidSet.MAX_UID
                            ? Optional.of(new CopyUid(uidValidity, parts[2], parts[3])) : Optional.empty();
                } catch (NumberFormatException malformed) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
