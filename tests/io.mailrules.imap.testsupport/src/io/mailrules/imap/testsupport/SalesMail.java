package io.mailrules.imap.testsupport;

import jakarta.mail.MessagingException;
import java.time.Instant;

/**
 * The small sales-team mailbox the IMAP tests route: one message for each rule of the sample rules (bounce,
 * auto-reply, newsletter, customer mail), one for none, and an old and a recent auto-reply for retention.
 */
public final class SalesMail {

    public static final String BOUNCE = "Undelivered Mail Returned to Sender";
    public static final String OUT_OF_OFFICE = "Out of Office: back Monday";
    public static final String NEWSLETTER = "This week in sales";
    public static final String CUSTOMER = "Re: pricing";
    public static final String COLLEAGUE = "Lunch?";
    public static final String OLD_AUTO_REPLY = "Automatic reply: away in March";
    public static final String RECENT_AUTO_REPLY = "Automatic reply: away this week";

    /** The day the tests plan on: the old auto-reply is past a 30-day retention then, the recent one is not. */
    public static final Instant NOW = Instant.parse("2024-06-10T12:00:00Z");

    private SalesMail() {
    }

    public static void seed(MailClient client) throws MessagingException {
        seed(client, "");
    }

    /** @param folderPrefix the server's personal namespace prefix, e.g. {@code INBOX.}, for folders other than INBOX */
    public static void seed(MailClient client, String folderPrefix) throws MessagingException {
        client.append("INBOX",
                TestMessage.of("MAILER-DAEMON@mx.example.net", BOUNCE).receivedAt(Instant.parse("2024-06-08T10:00:00Z")),
                TestMessage.of("Ana Lima <ana@example.org>", OUT_OF_OFFICE)
                        .withHeader("Auto-Submitted", "auto-replied").receivedAt(Instant.parse("2024-06-08T11:00:00Z")),
                TestMessage.of("Weekly <news@vendor.example>", NEWSLETTER)
                        .withHeader("List-Unsubscribe", "<mailto:leave@vendor.example>")
                        .receivedAt(Instant.parse("2024-06-09T08:00:00Z")),
                TestMessage.of("CEO <ceo@bigcustomer.com>", CUSTOMER).receivedAt(Instant.parse("2024-06-09T09:00:00Z")),
                TestMessage.of("Colleague <bo@ourteam.example>", COLLEAGUE)
                        .receivedAt(Instant.parse("2024-06-09T10:00:00Z")));
        client.append(folderPrefix + "AutoReplies",
                TestMessage.of("Cy <cy@example.org>", OLD_AUTO_REPLY).receivedAt(Instant.parse("2024-03-01T10:00:00Z")),
                TestMessage.of("Di <di@example.org>", RECENT_AUTO_REPLY).receivedAt(Instant.parse("2024-06-05T10:00:00Z")));
    }
}
