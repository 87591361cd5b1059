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
 * small index lookups, and the server's day decides the year exactly as it decides the age conditions' cutoff. Each
 * SEARCH is asked about the messages still undated only, so the server looks at every message about once in all,
 * not once per period. The few messages still undated after {@link #searchLimit} periods (mail decades old, or dated
 * in the future) are dated by the given fallback.
 */
final class ArrivalPeriods {

    /** Dates messages by other means, e.g. by their fetched internal date; leaves out messages no longer there. */
    @FunctionalInterface
    interface Fallback {
        Map<Long, LocalDate> days(UidSet uids) throws MailboxException;
    }

    /**
     * The newest day the messages to date can have arrived on.
     *
     * @param day a day no message arrived after, as far as the rules know
     * @param confirmedByServer whether a SEARCH already placed every message on or before {@code day} (an age
     *        rule's cutoff does); otherwise mail dated later, by a clock running ahead, is looked for first
     */
    record Newest(LocalDate day, boolean confirmedByServer) {
    }

    private final FolderReader reader;
    private final Fallback fallback;

    ArrivalPeriods(FolderReader reader, Fallback fallback) {
        this.reader = reader;
        this.fallback = fallback;
    }

    /** @return for each message found, the first day of the period it arrived in */
    Map<Long, LocalDate> firstDays(UidSet uids, TargetPeriod period, Newest newest) throws MailboxException {
        Map<Long, LocalDate> days = new HashMap<>();
        LocalDate start = period.start(newest.day());
        UidSet later = newest.confirmedByServer() ? UidSet.empty()
                : reader.searchWithin(uids, new SearchKey.Since(period.next(start)));
        // Everything still undated arrived before the period searched last, so SINCE alone bounds the next one.
        UidSet remaining = uids.minus(later);
        for (int searched = 0; searched < searchLimit(period) && !remaining.isEmpty(); searched++) {
            UidSet arrived = reader.searchWithin(remaining, new SearchKey.Since(start));
            for (long uid : arrived) {
                days.put(uid, start);
            }
            remaining = remaining.minus(arrived);
            start = period.previous(start);
        }
        UidSet undated = remaining.union(later);
        if (!undated.isEmpty()) {
            fallback.days(undated).forEach((uid, day) -> days.put(uid, period.start(day)));
        }
        return days;
    }

    /** Searches are cheap but not free: about a decade of yearly archives, two years of monthly ones. */
    static int searchLimit(TargetPeriod period) {
        return period == TargetPeriod.MONTH ? 24 : 10;
    }
}
