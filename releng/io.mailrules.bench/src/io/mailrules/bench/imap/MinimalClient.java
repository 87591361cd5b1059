package io.mailrules.bench.imap;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor for the sales rules: one UID SEARCH RETURN (ALL) per rule (and per archive year), one UID MOVE or UID
 * STORE per target, split only where a command would pass the server's line limit, and a CREATE for each target
 * folder. No fetches, no journal, no checks: what any correct client has to send at least.
 */
final class MinimalClient {

    /** Dovecot's default imap_max_line_length is 64 KB; keep well under it. */
    private static final int MAX_SET_BYTES = 60_000;

    private final ImapWire wire;
    private final SalesRules rules;

    MinimalClient(ImapWire wire, SalesRules rules) {
        this.wire = wire;
        this.rules = rules;
    }

    void run(String user, String password) throws IOException {
        wire.command("LOGIN " + quoted(user) + " " + quoted(password));
        wire.command("SELECT INBOX");
        move(search("OR OR FROM " + quoted(SalesRules.BOUNCE_SENDERS[0]) + " FROM "
                + quoted(SalesRules.BOUNCE_SENDERS[1]) + " HEADER Content-Type "
                + quoted(SalesRules.BOUNCE_CONTENT_TYPE)), SalesRules.BOUNCES);
        move(search("OR HEADER " + SalesRules.AUTO_REPLY_HEADER + " \"\" SUBJECT "
                + quoted(SalesRules.AUTO_REPLY_SUBJECT)), SalesRules.AUTO_REPLIES);
        for (String part : parts(search("FROM " + quoted("@" + SalesRules.CUSTOMER_DOMAIN)))) {
            wire.command("UID STORE " + part + " +FLAGS.SILENT (\\Flagged)");
        }
        move(search("HEADER " + SalesRules.NEWSLETTER_HEADER + " \"\" BEFORE " + imapDate(rules.newsletterCutoff())),
                SalesRules.TRASH);
        archive();
        wire.command("LOGOUT");
    }

    /** Year by year back from the cutoff, until every message older than the cutoff has its year's folder. */
    private void archive() throws IOException {
        LocalDate cutoff = rules.archiveCutoff();
        long remaining = count(search("BEFORE " + imapDate(cutoff)));
        for (int year = cutoff.getYear(); remaining > 0 && year >= 1970; year--) {
            LocalDate end = LocalDate.of(year + 1, 1, 1).isBefore(cutoff) ? LocalDate.of(year + 1, 1, 1) : cutoff;
            String uids = search("SINCE " + imapDate(LocalDate.of(year, 1, 1)) + " BEFORE " + imapDate(end));
            remaining -= count(uids);
            move(uids, SalesRules.ARCHIVE + "/" + year);
        }
    }

    private String search(String criteria) throws IOException {
        for (String line : wire.command("UID SEARCH RETURN (ALL) " + criteria)) {
            int all = line.indexOf(" ALL ");
            if (line.startsWith("* ESEARCH") && all >= 0) {
                return line.substring(all + 5).trim();
            }
        }
        return "";
    }

    private void move(String uids, String target) throws IOException {
        if (uids.isEmpty()) {
            return;
        }
        ImapWire.Answer created = wire.send("CREATE " + quoted(target));
        if (!created.ok() && !created.status().contains("ALREADYEXISTS")) {
            throw new IOException("CREATE " + target + " -> " + created.status());
        }
        for (String part : parts(uids)) {
            wire.command("UID MOVE " + part + " " + quoted(target));
        }
    }

    static List<String> parts(String uids) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < uids.length()) {
            int end = Math.min(uids.length(), start + MAX_SET_BYTES);
            if (end < uids.length()) {
                end = uids.lastIndexOf(',', end);
            }
            parts.add(uids.substring(start, end));
            start = end + 1;
        }
        return parts;
    }

    static long count(String uids) {
        long count = 0;
        for (String element : uids.isEmpty() ? new String[0] : uids.split(",")) {
            int colon = element.indexOf(':');
            count += colon < 0 ? 1
                    : Math.abs(Long.parseLong(element.substring(colon + 1)) - Long.parseLong(element.substring(0, colon))) + 1;
        }
        return count;
    }

    private static String imapDate(LocalDate day) {
        return SalesRules.IMAP_DATE.format(day);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
