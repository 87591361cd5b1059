package io.mailrules.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.iap.ParsingException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;

/**
 * Reads the resources out of a GETQUOTAROOT answer (RFC 2087, RFC 9208). Written here rather than left to Angus
 * Mail, which takes a {@code QUOTA} line without a resource list for a parse error: Courier-IMAP answers
 * {@code * QUOTA "ROOT"} for a root without limits, and that mailbox has a quota root and no limits, not a broken
 * server.
 */
public final class QuotaAnswer {

    private QuotaAnswer() {
    }

    /**
     * The resources of every {@code QUOTA} line, e.g. {@code * QUOTA "User quota" (STORAGE 10 512 MESSAGE 3 1000)};
     * a root with no list, or an empty one, has none. Other lines are passed over.
     *
     * @throws ParsingException for a resource list that is not one, naming the line
     */
    public static List<QuotaUsage> read(List<Response> responses) throws ParsingException {
        List<QuotaUsage> usages = new ArrayList<>();
        for (Response response : responses) {
            if (response instanceof IMAPResponse line && !line.isTagged() && line.keyEquals("QUOTA")) {
                usages.addAll(resources(line));
            }
        }
        return usages;
    }

    /** The same for the untagged lines as a server sent them, e.g. {@code * QUOTA "ROOT"}. */
    public static List<QuotaUsage> parse(List<String> lines) throws ParsingException {
        List<Response> responses = new ArrayList<>();
        for (String line : lines) {
            try {
                responses.add(new IMAPResponse(line));
            } catch (IOException | ProtocolException e) {
                throw new ParsingException("not an IMAP response: " + line);
            }
        }
        return read(responses);
    }

    private static List<QuotaUsage> resources(IMAPResponse line) throws ParsingException {
        String root = line.readAtomString();
        if (root == null) {
            throw new ParsingException("QUOTA without a quota root: " + line);
        }
        List<QuotaUsage> usages = new ArrayList<>();
        line.skipSpaces();
        if (line.peekByte() != '(') {
            // The end of the line, or nothing this reads: a root without resources either way.
            return usages;
        }
        line.readByte();
        while (!line.isNextNonSpace(')')) {
            String resource = line.readAtom();
            long usage = line.readLong();
            long limit = line.readLong();
            if (resource == null || resource.isEmpty() || usage < 0 || limit < 0) {
                throw new ParsingException("QUOTA resource list of \"" + root + "\" is malformed: " + line);
            }
            usages.add(new QuotaUsage(root, resource, usage, limit));
        }
        return usages;
    }
}
