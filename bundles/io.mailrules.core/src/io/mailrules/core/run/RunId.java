package io.mailrules.core.run;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a run, e.g. {@code 20250301T101530Z-4f2a9c}. Restricted to characters safe in file names because the
 * journal store keeps a file per run; sortable by start time when made by {@link #startedAt(Instant, UUID)}.
 */
public record RunId(String value) {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    public RunId {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
            throw new IllegalArgumentException("run id \"" + value
                    + "\" must be 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    /** The start time to the second, plus six hex digits of {@code nonce} so two runs in one second differ. */
    public static RunId startedAt(Instant start, UUID nonce) {
        String suffix = Long.toHexString(nonce.getLeastSignificantBits() & 0xFF_FFFFL);
        return new RunId(STAMP.format(start) + "-" + "0".repeat(6 - suffix.length()) + suffix);
    }

    @Override
    public String toString() {
        return value;
    }
}
