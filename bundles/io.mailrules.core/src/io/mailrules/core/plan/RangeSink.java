package io.mailrules.core.plan;

import java.util.Arrays;

/** Collects ranges given in ascending order of their first UID, merging those that overlap or touch. */
final class RangeSink {
    private long[] bounds;
    private int length;

    RangeSink(int initialCapacity) {
        bounds = new long[Math.max(2, initialCapacity + (initialCapacity & 1))];
    }

    void append(long first, long last) {
        if (length > 0 && first <= bounds[length - 1] + 1) {
            bounds[length - 1] = Math.max(bounds[length - 1], last);
            return;
        }
        if (length == bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[length++] = first;
        bounds[length++] = last;
    }

    UidSet toUidSet() {
        return length == 0 ? UidSet.empty() : new UidSet(Arrays.copyOf(bounds, length));
    }
}
