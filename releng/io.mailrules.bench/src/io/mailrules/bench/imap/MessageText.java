package io.mailrules.bench.imap;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/** The RFC 5322 text of one generated message: headers that make it the kind it is, and a short body. */
final class MessageText {

    private static final String[] FIRST = {"ana", "bo", "cy", "di", "eli", "femi", "gus", "hana", "ivo", "jun"};
    private static final String[] DOMAINS = {"northwind.example", "contoso.example", "globex.example",
            "initech.example", "umbrella.example", "hooli.example"};
    private static final String[] TOPICS = {"pricing", "demo next week", "renewal", "the proposal", "onboarding",
            "contract terms", "pilot results", "security questionnaire"};
    private static final String OUR_ADDRESS = "sdr@ourteam.example";

    private final SplittableRandom random;

    MessageText(SplittableRandom random) {
        this.random = random;
    }

    String render(MessageKind kind, String messageId, ZonedDateTime sent) {
        StringBuilder text = new StringBuilder();
        header(text, "Return-Path", "<" + returnPath(kind) + ">");
        header(text, "Message-ID", messageId);
        header(text, "Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(sent.withZoneSameInstant(ZoneOffset.UTC)));
        header(text, "From", from(kind));
        header(text, "To", OUR_ADDRESS);
        header(text, "Subject", subject(kind));
        header(text, "MIME-Version", "1.0");
        switch (kind) {
            case NEWSLETTER -> {
                header(text, "List-Unsubscribe", "<mailto:leave-" + random.nextInt(1000) + "@lists.vendor.example>");
                header(text, "Precedence", "bulk");
            }
            case AUTO_REPLY, CUSTOMER_OUT_OF_OFFICE -> header(text, "Auto-Submitted", "auto-replied");
            case REPLY -> header(text, "In-Reply-To", "<out-" + random.nextInt(1_000_000) + "@ourteam.example>");
            default -> {
            }
        }
        if (kind.name().startsWith("BOUNCE")) {
            header(text, "Content-Type", "multipart/report; report-type=delivery-status; boundary=\"b1\"");
            text.append("\n--b1\nContent-Type: text/plain\n\nDelivery to the following recipient failed:"
                    + " lead").append(random.nextInt(100_000)).append("@").append(pick(DOMAINS))
                    .append("\n--b1\nContent-Type: message/delivery-status\n\nStatus: 5.1.1\n--b1--\n");
            return text.toString();
        }
        header(text, "Content-Type", "text/plain; charset=us-ascii");
        text.append("\nHi,\n\n");
        int lines = 3 + random.nextInt(12);
        for (int i = 0; i < lines; i++) {
            text.append("About ").append(pick(TOPICS)).append(": line ").append(i).append(" of a short message.\n");
        }
        return text.append("\nRegards\n").toString();
    }

    private String returnPath(MessageKind kind) {
        return kind.name().startsWith("BOUNCE") ? "" : person() + "@" + pick(DOMAINS);
    }

    private String from(MessageKind kind) {
        String name = pick(FIRST);
        return switch (kind) {
            case CUSTOMER, CUSTOMER_OUT_OF_OFFICE -> capitalised(name) + " <" + name + "@"
                    + SalesRules.CUSTOMER_DOMAIN + ">";
            case NEWSLETTER -> "Weekly digest <news@lists.vendor.example>";
            case BOUNCE_MAILER_DAEMON -> "Mail Delivery Subsystem <MAILER-DAEMON@mx." + pick(DOMAINS) + ">";
            case BOUNCE_POSTMASTER -> "postmaster@" + pick(DOMAINS);
            case BOUNCE_REPORT_ONLY -> "Mail Delivery System <delivery@relay." + pick(DOMAINS) + ">";
            default -> capitalised(name) + " <" + person() + "@" + pick(DOMAINS) + ">";
        };
    }

    private String subject(MessageKind kind) {
        return switch (kind) {
            case REPLY -> "Re: " + pick(TOPICS);
            case PROSPECT -> "Question about " + pick(TOPICS);
            case CUSTOMER -> "Re: " + pick(TOPICS) + " (order " + random.nextInt(100_000) + ")";
            case NEWSLETTER -> "This week in sales #" + random.nextInt(500);
            case BOUNCE_MAILER_DAEMON, BOUNCE_POSTMASTER -> "Undelivered Mail Returned to Sender";
            case BOUNCE_REPORT_ONLY -> "Delivery Status Notification (Failure)";
            case AUTO_REPLY -> random.nextBoolean() ? "Automatic reply: " + pick(TOPICS)
                    : SalesRules.AUTO_REPLY_SUBJECT + ": back on Monday";
            case CUSTOMER_OUT_OF_OFFICE -> SalesRules.AUTO_REPLY_SUBJECT + " until the 3rd";
            case OUT_OF_OFFICE_SUBJECT_ONLY -> SalesRules.AUTO_REPLY_SUBJECT.toUpperCase() + " - " + pick(TOPICS);
        };
    }

    private String person() {
        return pick(FIRST) + "." + pick(FIRST) + random.nextInt(1000);
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static void header(StringBuilder text, String name, String value) {
        text.append(name).append(": ").append(value).append("\n");
    }
}
