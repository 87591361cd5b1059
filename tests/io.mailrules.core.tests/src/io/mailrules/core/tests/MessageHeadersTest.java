package io.mailrules.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.plan.Flags;
import io.mailrules.core.source.MessageHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageHeadersTest {

    private final MessageHeaders headers = new MessageHeaders(42, Instant.parse("2024-05-01T10:00:00Z"), 1234,
            Flags.of("\\Seen", "$AutoReply"), MessageHeaders.headerMap(List.of(
                    Map.entry("Message-ID", " <abc@example.com> "),
                    Map.entry("From", "Ana <ana@example.com>"),
                    Map.entry("received", "by a"),
                    Map.entry("Received", "by b"))));

    @Test
    void fieldNamesAreCaseInsensitiveAndKeepMessageOrder() {
        assertEquals(List.of("by a", "by b"), headers.values("RECEIVED"));
        assertTrue(headers.has("message-id"));
        assertFalse(headers.has("Subject"));
    }

    @Test
    void conveniencesReadTheUsualFields() {
        assertEquals(Optional.of("<abc@example.com>"), headers.messageId());
        assertEquals(Optional.of("Ana <ana@example.com>"), headers.from());
        assertEquals(Optional.empty(), headers.subject());
    }

    @Test
    void refusesImpossibleUidsAndSizes() {
        assertThrows(IllegalArgumentException.class,
                () -> new MessageHeaders(0, Instant.EPOCH, 1, Flags.NONE, MessageHeaders.headerMap(List.of())));
        assertThrows(IllegalArgumentException.class,
                () -> new MessageHeaders(1, Instant.EPOCH, -1, Flags.NONE, MessageHeaders.headerMap(List.of())));
    }

    @Test
    void aValueLongerThanTheLimitIsCutToIt() {
        String huge = "a".repeat(MessageHeaders.VALUE_LIMIT + 10);
        MessageHeaders crafted = new MessageHeaders(7, Instant.parse("2024-05-01T10:00:00Z"), 1, Flags.NONE,
                MessageHeaders.headerMap(List.of(Map.entry("Subject", huge), Map.entry("Subject", "short"))));
        assertEquals(List.of(huge.substring(0, MessageHeaders.VALUE_LIMIT), "short"), crafted.values("Subject"));
        assertEquals(65_536, MessageHeaders.VALUE_LIMIT);
    }
}
