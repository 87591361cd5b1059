package io.mailrules.core.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.stream.LongStream;

/**
 * An immutable set of IMAP UIDs, held as sorted, disjoint, non-adjacent ranges in one {@code long[]} so that a folder
 * of 100k+ messages costs a few longs per run of consecutive UIDs rather than an object per UID.
 * <p>
 * Its text form is the compressed IMAP sequence set ({@code 1:500,502,610:900}); the empty set is the empty string,
 * which IMAP never sends but which lets an empty set round-trip through JSON.
 */
public final class UidSet implements Iterable<Long> {

    public static final long MIN_UID = 1;
    public static final long MAX_UID = 0xFFFF_FFFFL;

    /** The longest element {@link #split(int)} may have to place on its own: two ten-digit UIDs and a colon. */
    public static final int LONGEST_ELEMENT_BYTES = 21;

    private static final UidSet EMPTY = new UidSet(new long[0]);

    /** Receives ranges of UIDs, first and last inclusive. */
    @FunctionalInterface
    public interface RangeConsumer {
        void accept(long first, long last);
    }

    /** start0, end0, start1, end1, ...: ascending, and each start is at least two above the previous end. */
    private final long[] bounds;
    private final long size;

    UidSet(long[] bounds) {
        this.bounds = bounds;
        long count = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            count += bounds[i + 1] - bounds[i] + 1;
        }
        this.size = count;
    }

    public static UidSet empty() {
        return EMPTY;
    }

    /** The UIDs in any order, duplicates allowed. */
    public static UidSet of(long... uids) {
        Builder builder = builder();
        for (long uid : uids) {
            builder.add(uid);
        }
        return builder.build();
    }

    public static UidSet range(long first, long last) {
        return builder().addRange(first, last).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses an IMAP sequence set of UIDs. Elements may come in any order, overlap or name a range backwards
     * ({@code 9:3}); the result is normalised. {@code *} is refused because a UidSet names concrete UIDs.
     *
     * @throws IllegalArgumentException naming the position of the first error
     */
    public static UidSet parse(CharSequence text) {
        Builder builder = builder();
        SequenceSetParser.parse(text, builder::addRange);
        return builder.build();
    }

    /**
     * Parses an IMAP sequence set and hands out its ranges in the order they are written, each ascending. For
     * responses such as COPYUID whose element order carries meaning and must not be normalised away.
     */
    public static void parseInTextOrder(CharSequence text, RangeConsumer consumer) {
        SequenceSetParser.parse(text, consumer);
    }

    static void checkUid(long uid) {
        if (uid < MIN_UID || uid > MAX_UID) {
            throw new IllegalArgumentException("UID " + uid + " is outside 1.." + MAX_UID);
        }
    }

    public long size() {
        return size;
    }

    public boolean isEmpty() {
        return bounds.length == 0;
    }

    public int rangeCount() {
        return bounds.length / 2;
    }

    public long rangeFirst(int rangeIndex) {
        return bounds[2 * rangeIndex];
    }

    public long rangeLast(int rangeIndex) {
        return bounds[2 * rangeIndex + 1];
    }

    public void forEachRange(RangeConsumer consumer) {
        for (int i = 0; i < bounds.length; i += 2) {
            consumer.accept(bounds[i], bounds[i + 1]);
        }
    }

    public long first() {
        if (isEmpty()) {
            throw new NoSuchElementException("empty UID set");
        }
        return bounds[0];
    }

    public long last() {
        if (isEmpty()) {
            throw new NoSuchElementException("empty UID set");
        }
        return bounds[bounds.length - 1];
    }

    public boolean contains(long uid) {
        int low = 0;
        int high = rangeCount() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (uid < bounds[2 * mid]) {
                high = mid - 1;
            } else if (uid > bounds[2 * mid + 1]) {
                low = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    public boolean containsAll(UidSet other) {
        return other.minus(this).isEmpty();
    }

    public UidSet union(UidSet other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        long[] mine = bounds;
        long[] theirs = other.bounds;
        RangeSink sink = new RangeSink(mine.length + theirs.length);
        int i = 0;
        int j = 0;
        while (i < mine.length || j < theirs.length) {
            if (j >= theirs.length || (i < mine.length && mine[i] <= theirs[j])) {
                sink.append(mine[i], mine[i + 1]);
                i += 2;
            } else {
                sink.append(theirs[j], theirs[j + 1]);
                j += 2;
            }
        }
        return sink.toUidSet();
    }

    public UidSet intersect(UidSet other) {
        long[] mine = bounds;
        long[] theirs = other.bounds;
        RangeSink sink = new RangeSink(Math.min(mine.length, theirs.length) * 2);
        int i = 0;
        int j = 0;
        while (i < mine.length && j < theirs.length) {
            long low = Math.max(mine[i], theirs[j]);
            long high = Math.min(mine[i + 1], theirs[j + 1]);
            if (low <= high) {
                sink.append(low, high);
            }
            if (mine[i + 1] < theirs[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return sink.toUidSet();
    }

    public UidSet minus(UidSet other) {
        if (isEmpty() || other.isEmpty()) {
            return this;
        }
        long[] theirs = other.bounds;
        RangeSink sink = new RangeSink(bounds.length + theirs.length);
        int j = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            long next = bounds[i];
            long end = bounds[i + 1];
            while (j < theirs.length && theirs[j + 1] < next) {
                j += 2;
            }
            for (int k = j; k < theirs.length && theirs[k] <= end && next <= end; k += 2) {
                if (theirs[k] > next) {
                    sink.append(next, theirs[k] - 1);
                }
                next = Math.max(next, theirs[k + 1] + 1);
            }
            if (next <= end) {
                sink.append(next, end);
            }
        }
        return sink.toUidSet();
    }

    /** Ascending; {@link PrimitiveIterator.OfLong#nextLong()} walks the set without boxing. */
    @Override
    public PrimitiveIterator.OfLong iterator() {
        return new PrimitiveIterator.OfLong() {
            private int range;
            private long next = bounds.length == 0 ? 0 : bounds[0];

            @Override
            public boolean hasNext() {
                return range < bounds.length;
            }

            @Override
            public long nextLong() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long uid = next;
                if (uid == bounds[range + 1]) {
                    range += 2;
                    next = range < bounds.length ? bounds[range] : 0;
                } else {
                    next = uid + 1;
                }
                return uid;
            }
        };
    }

    public LongStream stream() {
        return LongStream.range(0, rangeCount())
                .flatMap(i -> LongStream.rangeClosed(bounds[(int) (2 * i)], bounds[(int) (2 * i + 1)]));
    }

    /** The length in bytes (all ASCII) of {@link #toString()}, computed without building it. */
    public long formattedLength() {
        long length = Math.max(0, rangeCount() - 1);
        for (int i = 0; i < rangeCount(); i++) {
            length += elementLength(i);
        }
        return length;
    }

    /**
     * Cuts this set into consecutive parts, in ascending UID order, whose text each takes at most {@code maxBytes}
     * bytes, so that a UID command stays under the server's line limit. Ranges are never broken up (that would only
     * add bytes), and each part is filled as far as the next range allows, so the number of parts is the least
     * possible for this set.
     *
     * @param maxBytes the room left on the command line for the UID set, at least {@link #LONGEST_ELEMENT_BYTES}
     */
    public List<UidSet> split(int maxBytes) {
        if (maxBytes < LONGEST_ELEMENT_BYTES) {
            throw new IllegalArgumentException("maxBytes " + maxBytes + " leaves no room for a UID range of up to "
                    + LONGEST_ELEMENT_BYTES + " bytes");
        }
        List<UidSet> parts = new ArrayList<>();
        int partStart = 0;
        long used = 0;
        for (int i = 0; i < rangeCount(); i++) {
            int element = elementLength(i);
            long needed = i == partStart ? element : used + 1 + element;
            if (needed > maxBytes) {
                parts.add(slice(partStart, i));
                partStart = i;
                used = element;
            } else {
                used = needed;
            }
        }
        if (!isEmpty()) {
            parts.add(slice(partStart, rangeCount()));
        }
        return List.copyOf(parts);
    }

    /**
     * The set cut in two of equal size (the first one UID larger for an odd size), the first holding the lower UIDs:
     * for sharing work on a set's messages between two connections. An empty or one-UID set has an empty second half.
     */
    public List<UidSet> halves() {
        long wanted = (size() + 1) / 2;
        Builder lower = builder();
        Builder upper = builder();
        long taken = 0;
        for (int i = 0; i < rangeCount(); i++) {
            long first = bounds[2 * i];
            long last = bounds[2 * i + 1];
            long room = wanted - taken;
            if (room <= 0) {
                upper.addRange(first, last);
            } else if (last - first + 1 <= room) {
                lower.addRange(first, last);
                taken += last - first + 1;
            } else {
                lower.addRange(first, first + room - 1);
                upper.addRange(first + room, last);
                taken = wanted;
            }
        }
        return List.of(lower.build(), upper.build());
    }

    private UidSet slice(int fromRange, int toRange) {
        if (fromRange == 0 && toRange == rangeCount()) {
            return this;
        }
        return new UidSet(Arrays.copyOfRange(bounds, 2 * fromRange, 2 * toRange));
    }

    private int elementLength(int rangeIndex) {
        long first = bounds[2 * rangeIndex];
        long last = bounds[2 * rangeIndex + 1];
        return first == last ? digits(first) : digits(first) + 1 + digits(last);
    }

    private static int digits(long value) {
        int digits = 1;
        for (long rest = value; rest >= 10; rest /= 10) {
            digits++;
        }
        return digits;
    }

    /** The compressed IMAP sequence set, e.g. {@code 1:500,502,610:900}; empty for the empty set. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 8, formattedLength()));
        for (int i = 0; i < bounds.length; i += 2) {
            if (i > 0) {
                text.append(',');
            }
            text.append(bounds[i]);
            if (bounds[i + 1] != bounds[i]) {
                text.append(':').append(bounds[i + 1]);
            }
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UidSet set && Arrays.equals(bounds, set.bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds);
    }

    /**
     * Collects UIDs and ranges in any order. Each addition is one packed {@code long} (first UID in the high half,
     * last in the low half), so building from 100k unsorted UIDs is one primitive sort and one merge pass.
     */
    public static final class Builder {
        private long[] packed = new long[16];
        private int count;

        private Builder() {
        }

        public Builder add(long uid) {
            checkUid(uid);
            push(uid, uid);
            return this;
        }

        public Builder addRange(long first, long last) {
            checkUid(first);
            checkUid(last);
            if (first > last) {
                throw new IllegalArgumentException("range " + first + ":" + last + " is backwards");
            }
            push(first, last);
            return this;
        }

        public Builder addAll(UidSet uids) {
            uids.forEachRange(this::push);
            return this;
        }

        private void push(long first, long last) {
            if (count == packed.length) {
                packed = Arrays.copyOf(packed, packed.length * 2);
            }
            // Flipping the sign bit makes signed order equal unsigned order, i.e. by first UID, then last.
            packed[count++] = ((first << 32) | last) ^ Long.MIN_VALUE;
        }

        public UidSet build() {
            if (count == 0) {
                return EMPTY;
            }
            long[] sorted = Arrays.copyOf(packed, count);
            Arrays.sort(sorted);
            RangeSink sink = new RangeSink(Math.min(2 * count, 1024));
            for (long entry : sorted) {
                long plain = entry ^ Long.MIN_VALUE;
                sink.append(plain >>> 32, plain & MAX_UID);
            }
            return sink.toUidSet();
        }
    }
}
