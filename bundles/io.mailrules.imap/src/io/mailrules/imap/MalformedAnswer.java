package io.mailrules.imap;

/**
 * A server answer that breaks the protocol where the connector reads it: a UID that is no number or is out of range,
 * a number too large, a size below zero. Checked, so that every reader of an answer has to turn it into a
 * {@link io.mailrules.core.source.MailboxException} naming the mailbox (see {@link ImapMailbox#unreadable}) rather
 * than let an unchecked exception escape with the session still open.
 */
final class MalformedAnswer extends Exception {

    private static final long serialVersionUID = 1L;
    /** Enough of a bad token to recognise it; a hostile server's answer is never copied whole into a message. */
    private static final int EXCERPT_CHARS = 40;

    /** @param problem what is wrong, with at most a short excerpt of the answer (see {@link #excerpt}) */
    MalformedAnswer(String problem) {
        super(problem, null, false, false);
    }

    static String excerpt(CharSequence text) {
        return "\"" + (text.length() <= EXCERPT_CHARS ? text : text.subSequence(0, EXCERPT_CHARS) + "...") + "\"";
    }
}
