package io.mailrules.imap.testsupport;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** A message to put into a test mailbox; the subject identifies it in assertions. */
public record TestMessage(String from, String subject, Instant received, List<Map.Entry<String, String>> extraHeaders) {

    public static TestMessage of(String from, String subject) {
        return new TestMessage(from, subject, null, List.of());
    }

    public TestMessage receivedAt(Instant when) {
        return new TestMessage(from, subject, when, extraHeaders);
    }

    public TestMessage withHeader(String name, String value) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(extraHeaders);
        headers.add(Map.entry(name, value));
        return new TestMessage(from, subject, received, headers);
    }

    /** The same message under a Message-ID of the test's choosing, e.g. one another message has too. */
    public TestMessage withMessageId(String messageId) {
        return withHeader("Message-ID", messageId);
    }

    public MimeMessage toMime(Session session) throws MessagingException {
        Date receivedDate = received == null ? null : Date.from(received);
        // APPEND sends the received date as INTERNALDATE, which date searches and retention rules read.
        MimeMessage message = new MimeMessage(session) {
            @Override
            public Date getReceivedDate() {
                return receivedDate;
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setHeader("To", "team@example.com");
        message.setSubject(subject, "UTF-8");
        for (Map.Entry<String, String> header : extraHeaders) {
            message.addHeader(header.getKey(), header.getValue());
        }
        message.setText("Body of " + subject, "UTF-8");
        message.saveChanges();
        // After saveChanges, which would otherwise replace it with a generated one.
        message.setHeader("Message-ID", extraHeaders.stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Message-ID")).map(Map.Entry::getValue)
                .reduce((first, last) -> last)
                .orElse("<" + Math.abs(subject.hashCode()) + "." + System.nanoTime() + "@test>"));
        return message;
    }

    public static Session plainSession() {
        return MailClient.withMailLoader(() -> Session.getInstance(new Properties()));
    }
}
