package io.mailrules.demo;

import java.time.Instant;
import java.util.Map;

/**
 * One generated message before it is stored: what a client would see of it.
 *
 * @param headers extra header fields (Auto-Submitted, List-Unsubscribe, Content-Type of a report ...)
 */
public record DemoMessage(DemoCategory category, String messageId, String from, String to, String subject,
        Instant date, Map<String, String> headers, String body) {

    public DemoMessage {
        headers = Map.copyOf(headers);
    }
}
