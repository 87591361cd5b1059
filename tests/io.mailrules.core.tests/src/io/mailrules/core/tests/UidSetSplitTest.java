package io.mailrules.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.plan.UidSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UidSetSplitTest {

    /** Dovecot's default line limit of 64 KiB less room for {@code A0001 UID MOVE ... "Folder"}. */
    private static final int DOVECOT_ROOM = 64 * 1024 - 200;

    @Test
    void textOfExactlyTheLimitStaysInOnePart() {
        UidSet set = UidSet.parse("1,3,5,7,9,11,13,15,17");
        assertEquals(21, set.toString().length());
        assertEquals(List.of(set), set.split(21));
    }

    @Test
    void oneByteOverTheLimitStartsANewPart() {
        UidSet set = UidSet.parse("1,3,5,7,9,11,13,15,17,19");
        assertEquals(List.of(UidSet.parse("1,3,5,7,9,11,13,15,17"), UidSet.parse("19")), set.split(21));
    }

    @Test
    void setThatFitsIsReturnedWhole() {
        UidSet set = UidSet.parse("1:500,502,610:900");
        assertSame(set, set.split(DOVECOT_ROOM).getFirst());
        assertEquals(List.of(), UidSet.empty().split(DOVECOT_ROOM));
    }

    @Test
    void refusesALimitThatCannotHoldTheLongestRange() {
        assertThrows(IllegalArgumentException.class, () -> UidSet.of(1).split(UidSet.LONGEST_ELEMENT_BYTES - 1));
        UidSet widest = UidSet.range(UidSet.MAX_UID - 1, UidSet.MAX_UID);
        assertEquals(UidSet.LONGEST_ELEMENT_BYTES, widest.toString().length());
        assertEquals(List.of(widest), widest.split(UidSet.LONGEST_ELEMENT_BYTES));
    }

    @ParameterizedTest
    @ValueSource(ints = {21, 22, 64, 1000, DOVECOT_ROOM})
    void partsRespectTheLimitAndKeepEveryUidOnce(int maxBytes) {
        Random random = new Random(64 * 1024 + maxBytes);
        for (int round = 0; round < 5; round++) {
            UidSet set = randomLargeSet(random);
            assertPartition(set, set.split(maxBytes), maxBytes);
        }
    }

    @Test
    void oneHundredThousandScatteredUidsSplitUnderDovecotsLimit() {
        UidSet.Builder builder = UidSet.builder();
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            builder.add(1_000_000_000L + random.nextInt(2_000_000_000));
        }
        UidSet set = builder.build();
        assertTrue(set.formattedLength() > 10L * DOVECOT_ROOM, "the text is long enough to need many parts");
        List<UidSet> parts = set.split(DOVECOT_ROOM);
        assertPartition(set, parts, DOVECOT_ROOM);
    }

    private static UidSet randomLargeSet(Random random) {
        UidSet.Builder builder = UidSet.builder();
        int elements = 2_000 + random.nextInt(20_000);
        for (int i = 0; i < elements; i++) {
            long start = 1 + (long) (random.nextDouble() * (UidSet.MAX_UID - 1000));
            if (random.nextBoolean()) {
                builder.add(start);
            } else {
                builder.addRange(start, start + random.nextInt(1000));
            }
        }
        return builder.build();
    }

    /**
     * Every part fits, parts are ascending and disjoint, together they are the original set, and each part is as
     * full as it can be: its first range after it would not have fitted.
     */
    private static void assertPartition(UidSet set, List<UidSet> parts, int maxBytes) {
        long totalSize = 0;
        UidSet.Builder union = UidSet.builder();
        for (int i = 0; i < parts.size(); i++) {
            UidSet part = parts.get(i);
            String text = part.toString();
            assertTrue(text.length() <= maxBytes, "part " + i + " has " + text.length() + " bytes");
            assertEquals(text.length(), part.formattedLength());
            assertFalse(part.isEmpty(), "part " + i + " is empty");
            totalSize += part.size();
            union.addAll(part);
            if (i + 1 < parts.size()) {
                UidSet next = parts.get(i + 1);
                assertTrue(part.last() < next.first(), "parts " + i + " and " + (i + 1) + " overlap or are unordered");
                String nextElement = UidSet.range(next.rangeFirst(0), next.rangeLast(0)).toString();
                assertTrue(text.length() + 1 + nextElement.length() > maxBytes, "part " + i + " could hold more");
            }
        }
        assertEquals(set.size(), totalSize, "no UID lost or duplicated");
        assertEquals(set, union.build());
    }
}
