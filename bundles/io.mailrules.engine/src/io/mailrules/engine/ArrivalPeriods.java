package io.mailrules.engine;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import io.mailrules.core.plan.UidSet;
import io.mailrules.core.search.SearchKey;
import io.mailrules.core.source.FolderReader;
import io.mailrules.core.source.MailboxException;

/**
 * Finds the year or month messages arrived in by asking the server, one SEARCH per period going back from the newest
 * period they can be in, instead of fetching a date per message: a plan for {@code Archive/{year}} then costs a few
 * small index lookups, and the server's day decides the year exactly as it decides the age conditions' cutoff. The
 * few messages still undated after {@link #searchLimit} periods (mail decades old, or dated in the future) are dated
 * by the given fallback.
 */
final class ArrivalPeriods {

    /** Dates messages by other means, e.g. by their fetched internal date; leaves out messages no longer there. */
    @FunctionalInterface
    interface Fallback {
        Map<Long, LocalDate> days(UidSet uids) throws MailboxException;
    }

    private final FolderReader reader;
    private final Fallback fallback;

    ArrivalPeriods(FolderReader reader, Fallback fallback) {
        this.reader = reader;
        this.fallback = fallback;
    }

    /**
     * @param newest a day no message of {@code uids} arrived after, as far as the rules know
     * @return for each message found, the first day of the period it arrived in
     */
    Map<Long, LocalDate> firstDays(UidSet uids, TargetPeriod period, LocalDate newest) throws MailboxException {
        Map<Long, LocalDate> days = new HashMap<>();
        UidSet remaining = uids;
        LocalDate start = period.start(newest);
        for (int searched = 0; searched < searchLimit(period) && !remaining.isEmpty(); searched++) {
            UidSet arrived = reader.search(SearchKey.and(new SearchKey.Since(start),
                    new SearchKey.Before(period.next(start)))).intersect(remaining);
            for (long uid : arrived) {
                days.put(uid, start);
            }
            remaining = remaining.minus(arrived);
            start = period.previous(start);
        }
        if (!remaining.isEmpty()) {
            fallback.days(remaining).forEach((uid, day) -> days.put(uid, period.start(day)));
        }
        return days;
    }

    /** Searches are cheap but not free: about a decade of yearly archives, two years of monthly ones. */
    static int searchLimit(TargetPeriod period) {
        return period == TargetPeriod.MONTH ? 24 : 10;
    }
}
