package io.mailrules.bench.imap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a deterministic sales INBOX as maildir files, which Dovecot indexes far faster than it would take the same
 * messages by APPEND. Each file's mtime is its INTERNALDATE, and file names start with that time, so the UIDs
 * Dovecot assigns on its resync follow arrival order as they would on a real server. Same seed, count and day: the
 * same mailbox.
 */
final class SalesMailbox {

    /** About three years of mail, as a long-running sales inbox has. */
    static final int DAYS_SPAN = 3 * 365;

    private final SalesRules rules;
    private final long seed;

    SalesMailbox(SalesRules rules, long seed) {
        this.rules = rules;
        this.seed = seed;
    }

    /** @return how many messages of each kind were written */
    Map<MessageKind, Integer> write(Path maildir, int count) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long[] arrivals = arrivals(random, count);
        Path cur = maildir.resolve("cur");
        for (String sub : new String[] {"cur", "new", "tmp"}) {
            Files.createDirectories(maildir.resolve(sub));
        }
        MessageText texts = new MessageText(random);
        Map<MessageKind, Integer> kinds = new EnumMap<>(MessageKind.class);
        for (int i = 0; i < count; i++) {
            MessageKind kind = MessageKind.pick(random);
            kinds.merge(kind, 1, Integer::sum);
            Instant arrived = Instant.ofEpochSecond(arrivals[i]);
            String messageId = "<" + (i + 1) + "." + Long.toHexString(seed) + "@bench.mailrules.example>";
            // The Date header is a little before arrival, as mail spends a while on its way.
            byte[] text = texts.render(kind, messageId, arrived.minusSeconds(30 + random.nextInt(600))
                    .atZone(ZoneOffset.UTC)).getBytes(StandardCharsets.US_ASCII);
            Path file = cur.resolve(arrivals[i] + ".M" + i + "P1.bench,S=" + text.length + ":2," + flags(random));
            Files.write(file, text);
            Files.setLastModifiedTime(file, FileTime.from(arrived));
        }
        return kinds;
    }

    /** Arrival times spread over the span before today, sorted, none near a day where the tools could disagree. */
    private long[] arrivals(SplittableRandom random, int count) {
        long end = rules.today().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long start = end - DAYS_SPAN * 86_400L;
        long[] arrivals = new long[count];
        for (int i = 0; i < count; i++) {
            long candidate;
            do {
                candidate = random.nextLong(start, end);
            } while (rules.nearBoundary(LocalDate.ofEpochDay(Math.floorDiv(candidate, 86_400L))));
            arrivals[i] = candidate;
        }
        Arrays.sort(arrivals);
        return arrivals;
    }

    /** Most mail has been read; a few messages were flagged by hand before any rule ran. */
    private static String flags(SplittableRandom random) {
        boolean flagged = random.nextInt(100) < 4;
        boolean seen = random.nextInt(100) < 70;
        return (flagged ? "F" : "") + (seen ? "S" : "");
    }
}
