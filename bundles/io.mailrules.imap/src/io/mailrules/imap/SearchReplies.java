package io.mailrules.imap;

import io.mailrules.core.plan.UidSet;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;

/** Reads the UIDs out of SEARCH and ESEARCH responses without creating an object per UID. */
final class SearchReplies {

    private SearchReplies() {
    }

    static UidSet uids(Reply reply) {
        UidSet.Builder uids = UidSet.builder();
        for (IMAPResponse response : reply.untagged("ESEARCH")) {
            addEsearch(response.getRest(), uids);
        }
        for (IMAPResponse response : reply.untagged("SEARCH")) {
            addNumbers(response.getRest(), uids);
        }
        return uids.build();
    }

    /**
     * {@code (TAG "A5") UID ALL 1:3,7} (RFC 4731): skip the correlator, then read return-data pairs; only ALL is
     * asked for. A search that matched nothing has no ALL at all.
     */
    static void addEsearch(String text, UidSet.Builder uids) {
        int position = 0;
        if (text.startsWith("(")) {
            int close = text.indexOf(')');
            position = close < 0 ? text.length() : close + 1;
        }
        String[] tokens = text.substring(position).trim().split(" +");
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].equalsIgnoreCase("ALL") && i + 1 < tokens.length) {
                uids.addAll(UidSet.parse(tokens[i + 1]));
                i++;
            }
        }
    }

    /** {@code 4 9 10 11}: numbers separated by spaces, possibly followed by a CONDSTORE {@code (MODSEQ n)}. */
    static void addNumbers(String text, UidSet.Builder uids) {
        long value = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (c == '(') {
                return;
            }
            if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
            } else {
                if (value >= 0) {
                    uids.add(value);
                }
                value = -1;
            }
        }
    }
}
