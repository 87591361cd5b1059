package io.mailrules.core.source;

import io.mailrules.core.plan.Flags;
import io.mailrules.core.plan.UidSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the planner knows about one message without reading its body.
 *
 * @param internalDate when the server received it; retention rules age messages by this date
 * @param size RFC822.SIZE in bytes
 * @param headers fetched header fields by name (case-insensitive), each field's values in message order, unfolded
 *        and with encoded words decoded; a field asked for but absent from the message has no entry. Each value is
 *        cut to its first {@link #VALUE_LIMIT} characters: rules match on what a mail client shows, and a crafted
 *        header of megabytes must not make every rule that reads it slow
 */
public record MessageHeaders(long uid, Instant internalDate, long size, Flags flags,
        SortedMap<String, List<String>> headers) {

    /** The longest header value rules see, in characters (64 Ki); longer values are cut to it. */
    public static final int VALUE_LIMIT = 64 * 1024;

    public MessageHeaders {
        if (uid < UidSet.MIN_UID || uid > UidSet.MAX_UID) {
            throw new IllegalArgumentException("uid " + uid + " is outside 1.." + UidSet.MAX_UID);
        }
        Objects.requireNonNull(internalDate, "internalDate");
        Objects.requireNonNull(flags, "flags");
        if (size < 0) {
            throw new IllegalArgumentException("size " + size + " is negative");
        }
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.merge(name, capped(values), MessageHeaders::concat));
        headers = Collections.unmodifiableSortedMap(copy);
    }

    private static List<String> capped(List<String> values) {
        return values.stream().map(value -> value.length() > VALUE_LIMIT ? value.substring(0, VALUE_LIMIT) : value)
                .toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    /** Every value of the field, in message order; empty when the message lacks it or it was not fetched. */
    public List<String> values(String fieldName) {
        return headers.getOrDefault(fieldName, List.of());
    }

    public Optional<String> first(String fieldName) {
        return values(fieldName).stream().findFirst();
    }

    public boolean has(String fieldName) {
        return headers.containsKey(fieldName);
    }

    public Optional<String> messageId() {
        return first("Message-ID").map(String::strip);
    }

    public Optional<String> from() {
        return first("From");
    }

    public Optional<String> subject() {
        return first("Subject");
    }

    /** Builds the header multimap field by field, as a header block is parsed. */
    public static SortedMap<String, List<String>> headerMap(List<Map.Entry<String, String>> fields) {
        TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> field : fields) {
            map.computeIfAbsent(field.getKey(), name -> new ArrayList<>()).add(field.getValue());
        }
        return map;
    }
}
