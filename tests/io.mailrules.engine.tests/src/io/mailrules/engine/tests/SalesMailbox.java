package io.mailrules.engine.tests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.mailrules.core.plan.Flags;

/**
 * A sender mailbox of a sales team, generated from a fixed seed so every run sees the same mail: prospects' replies
 * (interested, unsubscribing), bounces, out-of-office answers, newsletters, key-account mail and cold inbound, over
 * two years before the fixed "now".
 */
final class SalesMailbox {

    static final Instant NOW = Instant.parse("2026-03-15T09:30:00Z");

    private static final String[] KINDS = {"interested", "unsubscribe", "bounce", "ooo", "newsletter", "vip", "cold",
        "autoheader"};

    private SalesMailbox() {
    }

    /** Fills INBOX (and a few older messages in the routing targets) of one mailbox of the fake server. */
    static void fill(FakeMailbox server, String mailbox, long seed, int count) {
        Random random = new Random(seed);
        FakeFolder inbox = server.folder(mailbox, "INBOX");
        for (String existing : List.of("Replies", "Replies/Positive", "Bounces", "AutoReplies", "Trash")) {
            server.folder(mailbox, existing);
        }
        for (int uid = 1; uid <= count; uid++) {
            String kind = KINDS[random.nextInt(KINDS.length)];
            Instant date = NOW.minus(Duration.ofHours(random.nextInt(24 * 730)));
            inbox.add(message(uid, kind, date, random));
        }
        FakeFolder bounces = server.folder(mailbox, "Bounces");
        for (int uid = 1; uid <= 6; uid++) {
            bounces.add(message(uid, "bounce", NOW.minus(Duration.ofDays(uid * 9L)), random));
        }
    }

    private static FakeMessage message(long uid, String kind, Instant date, Random random) {
        int person = random.nextInt(40);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Message-ID", "<" + kind + "-" + uid + "." + person + "@mail.example>"));
        headers.add(Map.entry("To", "Ana Sales <ana@example.com>"));
        String from = "Prospect " + person + " <p" + person + "@prospect" + person % 7 + ".com>";
        String subject = "Quick question";
        Flags flags = random.nextInt(4) == 0 ? Flags.of("\\Seen") : Flags.NONE;
        switch (kind) {
            case "interested" -> subject = random.nextBoolean() ? "Re: pricing for next year" : "RE: Demo next week?";
            case "unsubscribe" -> subject = "Re: please unsubscribe me";
            case "bounce" -> {
                from = random.nextBoolean() ? "Mail Delivery System <MAILER-DAEMON@mx.example>"
                        : "postmaster@relay.example";
                subject = "Undelivered Mail Returned to Sender";
                headers.add(Map.entry("Content-Type", "multipart/report; report-type=delivery-status"));
            }
            case "ooo" -> {
                subject = "Out of Office: back on Monday";
                headers.add(Map.entry("Auto-Submitted", "auto-replied"));
            }
            case "newsletter" -> {
                from = "News <news@vendor" + person % 3 + ".io>";
                subject = "This week in sales";
                headers.add(Map.entry("List-Unsubscribe", "<mailto:unsub@vendor.io>"));
                headers.add(Map.entry("List-Id", "Sales Weekly <weekly.vendor.io>"));
            }
            case "vip" -> {
                from = "Chief " + person + " <c" + person + "@" + (person % 2 == 0 ? "eu.bigcustomer.com" : "keyaccount.io")
                        + ">";
                subject = random.nextBoolean() ? "Re: pricing" : "Contract renewal";
            }
            case "autoheader" -> {
                subject = "Automatic reply";
                headers.add(Map.entry("X-Autoreply", "yes"));
                headers.add(Map.entry("Precedence", "bulk"));
            }
            default -> {
                // cold inbound: the defaults
            }
        }
        headers.add(Map.entry("From", from));
        headers.add(Map.entry("Subject", subject));
        long size = 2_000 + random.nextInt(60_000) + (random.nextInt(25) == 0 ? 25L * 1024 * 1024 : 0);
        return new FakeMessage(uid, date, size, flags, headers);
    }
}
