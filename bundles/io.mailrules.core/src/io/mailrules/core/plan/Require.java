package io.mailrules.core.plan;

import java.util.Objects;

/** Argument checks shared by the model's constructors, so every rejection names the offending field. */
final class Require {
    private Require() {
    }

    static String name(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    static long uid32(long value, String field) {
        if (value < UidSet.MIN_UID || value > UidSet.MAX_UID) {
            throw new IllegalArgumentException(field + " " + value + " is outside 1.." + UidSet.MAX_UID);
        }
        return value;
    }
}
