package io.mailrules.imap;

import io.mailrules.core.plan.UidSet;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;

/**
 * Reads the UIDs out of SEARCH and ESEARCH responses without creating an object per UID. Strict: a UID that is not
 * a number of 1 to 4294967295 makes the whole answer unreadable, since a UID read wrongly would have the plan act on
 * another message.
 */
final class SearchReplies {

    private SearchReplies() {
    }

    static UidSet uids(Reply reply) throws MalformedAnswer {
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
    static void addEsearch(String text, UidSet.Builder uids) throws MalformedAnswer {
        int position = 0;
        if (text.startsWith("(")) {
            int close = text.indexOf(')');
            position = close < 0 ? text.length() : close + 1;
        }
        String[] tokens = text.substring(position).trim().split(" +");
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].equalsIgnoreCase("ALL")) {
                if (i + 1 == tokens.length) {
                    throw new MalformedAnswer("ESEARCH names ALL without a UID set");
                }
                try {
                    uids.addAll(UidSet.parse(tokens[i + 1]));
                } catch (IllegalArgumentException e) {
                    throw new MalformedAnswer("ESEARCH ALL " + MalformedAnswer.excerpt(tokens[i + 1])
                            + " is not a UID set (" + e.getMessage() + ")");
                }
                i++;
            }
        }
    }

    /** {@code 4 9 10 11}: numbers separated by spaces, possibly followed by a CONDSTORE {@code (MODSEQ n)}. */
    static void addNumbers(String text, UidSet.Builder uids) throws MalformedAnswer {
        long value = -1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (c == '(' && value < 0) {
                return;
            }
            if (c >= '0' && c <= '9') {
                if (value < 0) {
                    start = i;
                }
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > UidSet.MAX_UID) {
                    throw new MalformedAnswer("SEARCH answered " + MalformedAnswer.excerpt(token(text, start))
                            + ", which exceeds the largest UID " + UidSet.MAX_UID);
                }
            } else if (c == ' ') {
                if (value == 0) {
                    throw new MalformedAnswer("SEARCH answered UID 0; UIDs start at 1");
                }
                if (value > 0) {
                    uids.add(value);
                }
                value = -1;
            } else {
                throw new MalformedAnswer("SEARCH answered " + MalformedAnswer.excerpt(token(text, value < 0 ? i
                        : start)) + ", which is not a UID");
            }
        }
    }

    private static String token(String text, int start) {
        int end = text.indexOf(' ', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
