package io.mailrules.core.source;

import java.util.Locale;
import java.util.Optional;

/**
 * The one reading of a certificate's SHA-256 fingerprint as users write it in {@code trust certificate "..."}: the
 * rules validator and the connector both go through it, so a fingerprint the editor accepts is one the connector
 * pins, and the reverse. Accepted: 64 hex digits in either case, as one run or in pairs separated by colons or
 * spaces, optionally after {@code sha256:}; the result is lower-case hex without separators, the form in which
 * fingerprints are compared and shown.
 */
public final class Sha256Fingerprint {

    private static final String PREFIX = "sha256:";

    private Sha256Fingerprint() {
    }

    /** @return the lower-case hex, or empty when {@code written} is not a SHA-256 fingerprint */
    public static Optional<String> normalize(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String text = written.strip().toLowerCase(Locale.ROOT);
        if (text.startsWith(PREFIX)) {
            text = text.substring(PREFIX.length()).strip();
        }
        StringBuilder hex = new StringBuilder(64);
        char separator = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.digit(c, 16) >= 0 && c < 0x80) {
                hex.append(c);
            } else if ((c == ':' || c == ' ') && hex.length() % 2 == 0 && hex.length() > 0 && i + 1 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && (separator == 0 || separator == c)) {
                // A separator only between pairs, and the same one throughout.
                separator = c;
            } else {
                return Optional.empty();
            }
        }
        return hex.length() == 64 ? Optional.of(hex.toString()) : Optional.empty();
    }
}
