package io.mailrules.bench.imap;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The five-rule sales set the IMAP benchmark runs with every tool, and the day it is run on. Each tool gets the rules
 * in its own language, but every number and name comes from here, so the three cannot drift apart.
 *
 * @param today the day ages are counted from, in the zone all processes of the benchmark share (UTC)
 */
record SalesRules(LocalDate today) {

    static final String CUSTOMER_DOMAIN = "acme-corp.example";
    static final int NEWSLETTER_DAYS = 30;
    static final int ARCHIVE_DAYS = 365;
    static final String BOUNCES = "Bounces";
    static final String AUTO_REPLIES = "AutoReplies";
    static final String TRASH = "Trash";
    static final String ARCHIVE = "Archive";
    static final String[] BOUNCE_SENDERS = {"mailer-daemon", "postmaster"};
    static final String BOUNCE_CONTENT_TYPE = "multipart/report";
    static final String AUTO_REPLY_HEADER = "Auto-Submitted";
    static final String AUTO_REPLY_SUBJECT = "Out of office";
    static final String NEWSLETTER_HEADER = "List-Unsubscribe";

    /** The IMAP date format of SEARCH BEFORE / SINCE. */
    static final DateTimeFormatter IMAP_DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ROOT);

    /** Newsletters that arrived before this day are deleted. */
    LocalDate newsletterCutoff() {
        return today.minusDays(NEWSLETTER_DAYS);
    }

    /** Mail that arrived before this day is archived by year. */
    LocalDate archiveCutoff() {
        return today.minusDays(ARCHIVE_DAYS);
    }

    /**
     * Whether a day is too close to a boundary where the tools could honestly disagree: a cutoff (a client may take
     * "today" a moment later or in another zone) or New Year (which archive year). The generated mailbox avoids them,
     * so a census difference always means a real difference in what the tools did.
     */
    boolean nearBoundary(LocalDate day) {
        return near(day, newsletterCutoff()) || near(day, archiveCutoff()) || day.getDayOfYear() <= 2
                || day.getDayOfYear() >= day.lengthOfYear() - 1;
    }

    private static boolean near(LocalDate day, LocalDate boundary) {
        return Math.abs(day.toEpochDay() - boundary.toEpochDay()) <= 2;
    }
}
