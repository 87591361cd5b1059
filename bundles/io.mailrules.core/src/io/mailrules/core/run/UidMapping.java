package io.mailrules.core.run;

import io.mailrules.core.plan.UidSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Which UID each moved or copied message got in the target folder (COPYUID, RFC 4315), kept as runs of consecutive
 * source UIDs mapped onto consecutive target UIDs so that a move of 100k messages costs a handful of runs.
 * <p>
 * Text form: the runs by ascending source UID, {@code source>target} each, e.g. {@code 1:500>1001:1500,502>1501}.
 * Undo moves {@link #targets()} back, and resume uses it to tell which messages already arrived.
 */
public final class UidMapping {

    private static final UidMapping EMPTY = new UidMapping(new long[0]);

    /** sourceFirst, targetFirst, length per run, ascending by source, adjacent runs merged. */
    private final long[] runs;

    private UidMapping(long[] runs) {
        this.runs = runs;
    }

    public static UidMapping empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * From the two UID sets of a COPYUID response, paired element by element in the order the server wrote them (a
     * backwards range {@code 9:3} counts as ascending, as in every IMAP sequence set).
     */
    public static UidMapping fromCopyUid(CharSequence sourceUids, CharSequence targetUids) {
        List<long[]> sources = rangesInTextOrder(sourceUids);
        List<long[]> targets = rangesInTextOrder(targetUids);
        Builder builder = builder();
        int s = 0;
        int t = 0;
        long sourceNext = sources.isEmpty() ? 0 : sources.get(0)[0];
        long targetNext = targets.isEmpty() ? 0 : targets.get(0)[0];
        while (s < sources.size() && t < targets.size()) {
            long sourceLeft = sources.get(s)[1] - sourceNext + 1;
            long targetLeft = targets.get(t)[1] - targetNext + 1;
            long length = Math.min(sourceLeft, targetLeft);
            builder.mapRange(sourceNext, targetNext, length);
            sourceNext += length;
            targetNext += length;
            if (length == sourceLeft && ++s < sources.size()) {
                sourceNext = sources.get(s)[0];
            }
            if (length == targetLeft && ++t < targets.size()) {
                targetNext = targets.get(t)[0];
            }
        }
        if (s < sources.size() || t < targets.size()) {
            throw new IllegalArgumentException("COPYUID source set \"" + sourceUids + "\" and target set \""
                    + targetUids + "\" name different numbers of UIDs");
        }
        return builder.build();
    }

    private static List<long[]> rangesInTextOrder(CharSequence text) {
        List<long[]> ranges = new ArrayList<>();
        UidSet.parseInTextOrder(text, (first, last) -> ranges.add(new long[] {first, last}));
        return ranges;
    }

    /** Parses the text form written by {@link #toString()}. */
    public static UidMapping parse(String text) {
        Builder builder = builder();
        if (text.isEmpty()) {
            return EMPTY;
        }
        for (String element : text.split(",", -1)) {
            int arrow = element.indexOf('>');
            if (arrow < 0) {
                throw new IllegalArgumentException("UID mapping element \"" + element + "\" lacks '>'");
            }
            UidSet source = UidSet.parse(element.substring(0, arrow));
            UidSet target = UidSet.parse(element.substring(arrow + 1));
            if (source.rangeCount() != 1 || target.rangeCount() != 1 || source.size() != target.size()) {
                throw new IllegalArgumentException("UID mapping element \"" + element
                        + "\" must map one range onto one range of the same length");
            }
            builder.mapRange(source.first(), target.first(), source.size());
        }
        return builder.build();
    }

    public boolean isEmpty() {
        return runs.length == 0;
    }

    public long size() {
        long size = 0;
        for (int i = 0; i < runs.length; i += 3) {
            size += runs[i + 2];
        }
        return size;
    }

    public int runCount() {
        return runs.length / 3;
    }

    public UidSet sources() {
        UidSet.Builder sources = UidSet.builder();
        for (int i = 0; i < runs.length; i += 3) {
            sources.addRange(runs[i], runs[i] + runs[i + 2] - 1);
        }
        return sources.build();
    }

    public UidSet targets() {
        UidSet.Builder targets = UidSet.builder();
        for (int i = 0; i < runs.length; i += 3) {
            targets.addRange(runs[i + 1], runs[i + 1] + runs[i + 2] - 1);
        }
        return targets.build();
    }

    public OptionalLong targetOf(long source) {
        int low = 0;
        int high = runCount() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long first = runs[3 * mid];
            if (source < first) {
                high = mid - 1;
            } else if (source >= first + runs[3 * mid + 2]) {
                low = mid + 1;
            } else {
                return OptionalLong.of(runs[3 * mid + 1] + (source - first));
            }
        }
        return OptionalLong.empty();
    }

    /** Target to source, as undo needs it to find where a message came from. */
    public UidMapping inverse() {
        Builder builder = builder();
        for (int i = 0; i < runs.length; i += 3) {
            builder.mapRange(runs[i + 1], runs[i], runs[i + 2]);
        }
        return builder.build();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < runs.length; i += 3) {
            if (i > 0) {
                text.append(',');
            }
            appendRange(text, runs[i], runs[i + 2]).append('>');
            appendRange(text, runs[i + 1], runs[i + 2]);
        }
        return text.toString();
    }

    private static StringBuilder appendRange(StringBuilder text, long first, long length) {
        text.append(first);
        return length == 1 ? text : text.append(':').append(first + length - 1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UidMapping mapping && Arrays.equals(runs, mapping.runs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(runs);
    }

    /** Collects single pairs or runs in any order; refuses a source or target UID used twice. */
    public static final class Builder {
        private long[] runs = new long[3 * 8];
        private int length;

        private Builder() {
        }

        public Builder map(long source, long target) {
            return mapRange(source, target, 1);
        }

        public Builder mapRange(long sourceFirst, long targetFirst, long count) {
            if (count < 1) {
                throw new IllegalArgumentException("a mapped run needs at least one UID, not " + count);
            }
            requireUids(sourceFirst, count);
            requireUids(targetFirst, count);
            if (length > 0 && runs[length - 3] + runs[length - 1] == sourceFirst
                    && runs[length - 2] + runs[length - 1] == targetFirst) {
                runs[length - 1] += count;
                return this;
            }
            if (length == runs.length) {
                runs = Arrays.copyOf(runs, runs.length * 2);
            }
            runs[length++] = sourceFirst;
            runs[length++] = targetFirst;
            runs[length++] = count;
            return this;
        }

        private static void requireUids(long first, long count) {
            if (first < UidSet.MIN_UID || first + count - 1 > UidSet.MAX_UID) {
                throw new IllegalArgumentException("UIDs " + first + ".." + (first + count - 1) + " leave 1.."
                        + UidSet.MAX_UID);
            }
        }

        public UidMapping build() {
            int count = length / 3;
            if (count == 0) {
                return EMPTY;
            }
            Integer[] order = new Integer[count];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Long.compare(runs[3 * a], runs[3 * b]));
            long[] sorted = new long[length];
            int out = 0;
            long total = 0;
            for (int index : order) {
                long source = runs[3 * index];
                long target = runs[3 * index + 1];
                long runLength = runs[3 * index + 2];
                total += runLength;
                if (out > 0 && sorted[out - 3] + sorted[out - 1] == source
                        && sorted[out - 2] + sorted[out - 1] == target) {
                    sorted[out - 1] += runLength;
                } else {
                    sorted[out++] = source;
                    sorted[out++] = target;
                    sorted[out++] = runLength;
                }
            }
            UidMapping mapping = new UidMapping(Arrays.copyOf(sorted, out));
            if (mapping.sources().size() != total) {
                throw new IllegalArgumentException("a source UID is mapped twice");
            }
            if (mapping.targets().size() != total) {
                throw new IllegalArgumentException("a target UID is mapped twice");
            }
            return mapping;
        }
    }
}
