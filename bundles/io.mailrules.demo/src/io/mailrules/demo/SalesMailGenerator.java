package io.mailrules.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes the mail a sender mailbox of a sales team collects: customer replies, bounces, out-of-office answers,
 * newsletters and colleagues' mail, dated over the two years before "today". The same seed, mailbox and day always
 * give the same messages, so a preview of the demo shows the same counts on every machine.
 */
public final class SalesMailGenerator {

    private static final int DAYS_BACK = 730;
    // Retention cutoffs in the sample rules (30 and 365 days): mail dated near them could fall on either side
    // depending on the hour and zone a preview runs in, so no message is dated within this margin of them.
    private static final int[] CUTOFF_DAYS = {30, 365};
    private static final int CUTOFF_MARGIN_DAYS = 3;

    private static final String[] CUSTOMER_DOMAINS = {"acme.example", "globex.example", "initech.example",
            "umbrella.example", "hooli.example"};
    private static final String[] FIRST_NAMES = {"Maria", "Jonas", "Aiko", "Pedro", "Fatima", "Liam", "Chen", "Olga",
            "Noah", "Priya", "Emre", "Sofia"};
    private static final String[] LAST_NAMES = {"Keller", "Santos", "Tanaka", "Novak", "Haddad", "Murphy", "Wei",
            "Ivanova", "Berg", "Sharma", "Yilmaz", "Rossi"};
    private static final String[] INTERESTED_SUBJECTS = {"Re: Pricing for the team plan", "Re: Quick demo next week?",
            "Re: Demo of the reporting module", "Re: Volume pricing", "Re: Can we book a demo?"};
    private static final String[] OTHER_SUBJECTS = {"Pipeline review Thursday", "Lunch?", "Updated territory list",
            "Expense report reminder", "Q3 targets", "Slides for the offsite"};
    private static final String[] NEWSLETTER_SENDERS = {"news@saasweekly.example", "digest@salesbrief.example",
            "updates@crmtools.example"};

    private final long seed;
    private final LocalDate today;

    public SalesMailGenerator(long seed, LocalDate today) {
        this.seed = seed;
        this.today = today;
    }

    /** The messages of one mailbox, oldest first; {@code owner} is its address, the recipient of every message. */
    public List<DemoMessage> generate(String owner, int mailboxIndex, int count) {
        Random random = new Random(seed * 31 + mailboxIndex);
        List<DemoMessage> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(message(random, owner, mailboxIndex, i));
        }
        messages.sort((a, b) -> a.date().compareTo(b.date()));
        return List.copyOf(messages);
    }

    private DemoMessage message(Random random, String owner, int mailboxIndex, int index) {
        DemoCategory category = category(random.nextInt(100));
        Instant date = date(random);
        String customer = pick(random, FIRST_NAMES) + " " + pick(random, LAST_NAMES);
        String customerAddress = customer.toLowerCase().replace(' ', '.') + "@" + pick(random, CUSTOMER_DOMAINS);
        String messageId = "<demo-" + mailboxIndex + "-" + index + "-" + Long.toHexString(seed) + "@mailrules.demo>";
        return switch (category) {
            case INTERESTED_REPLY -> new DemoMessage(category, messageId, customer + " <" + customerAddress + ">",
                    owner, pick(random, INTERESTED_SUBJECTS), date, Map.of(),
                    "Thanks for reaching out. We would like to know more.");
            case UNSUBSCRIBE_REPLY -> new DemoMessage(category, messageId, customer + " <" + customerAddress + ">",
                    owner, "Re: Following up - please unsubscribe me", date, Map.of(),
                    "Please remove me from your list.");
            case BOUNCE -> new DemoMessage(category, messageId,
                    "Mail Delivery System <MAILER-DAEMON@mx." + pick(random, CUSTOMER_DOMAINS) + ">", owner,
                    "Undelivered Mail Returned to Sender", date, Map.of(),
                    "Your message to " + customerAddress + " could not be delivered: mailbox unavailable.");
            case AUTO_REPLY -> new DemoMessage(category, messageId, customer + " <" + customerAddress + ">", owner,
                    "Out of office: Re: Following up", date, Map.of("Auto-Submitted", "auto-replied"),
                    "I am out of the office and will reply when I am back.");
            case NEWSLETTER -> new DemoMessage(category, messageId, pick(random, NEWSLETTER_SENDERS), owner,
                    "This week in sales: " + pick(random, OTHER_SUBJECTS), date,
                    Map.of("List-Unsubscribe", "<mailto:unsubscribe@lists.example>", "Precedence", "bulk"),
                    "The week's news for sales teams.");
            case OTHER -> new DemoMessage(category, messageId,
                    pick(random, FIRST_NAMES) + " <colleague" + random.nextInt(20) + "@mailrules.demo>", owner,
                    pick(random, OTHER_SUBJECTS), date, Map.of(), "See you there.");
        };
    }

    private static DemoCategory category(int percentile) {
        if (percentile < 20) {
            return DemoCategory.INTERESTED_REPLY;
        }
        if (percentile < 26) {
            return DemoCategory.UNSUBSCRIBE_REPLY;
        }
        if (percentile < 36) {
            return DemoCategory.BOUNCE;
        }
        if (percentile < 50) {
            return DemoCategory.AUTO_REPLY;
        }
        if (percentile < 72) {
            return DemoCategory.NEWSLETTER;
        }
        return DemoCategory.OTHER;
    }

    private Instant date(Random random) {
        int daysBack;
        LocalDate day;
        do {
            daysBack = 1 + random.nextInt(DAYS_BACK);
            day = today.minusDays(daysBack);
        } while (nearCutoff(daysBack) || nearNewYear(day));
        // Office hours in UTC keep a message on the same calendar day in the zones our users work in.
        LocalTime time = LocalTime.of(8 + random.nextInt(9), random.nextInt(60), random.nextInt(60));
        return day.atTime(time).toInstant(ZoneOffset.UTC);
    }

    private static boolean nearCutoff(int daysBack) {
        for (int cutoff : CUTOFF_DAYS) {
            if (Math.abs(daysBack - cutoff) <= CUTOFF_MARGIN_DAYS) {
                return true;
            }
        }
        return false;
    }

    // Archived mail goes to Archive/<year>: a message dated on New Year's Eve could land in either year by zone.
    private static boolean nearNewYear(LocalDate day) {
        MonthDay monthDay = MonthDay.from(day);
        return monthDay.equals(MonthDay.of(12, 31)) || monthDay.equals(MonthDay.of(1, 1));
    }

    private static String pick(Random random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
