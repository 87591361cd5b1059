package io.mailrules.engine.tests;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.mailrules.core.plan.Flags;

/** A message of the in-memory server: what IMAP SEARCH and FETCH can see of it. */
record FakeMessage(long uid, Instant internalDate, long size, Flags flags, List<Map.Entry<String, String>> headers) {
    FakeMessage {
        headers = List.copyOf(headers);
    }
}
