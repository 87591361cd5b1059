package io.mailrules.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.plan.UidSet;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UidSetTest {

    @ParameterizedTest
    @ValueSource(strings = {"1", "1:500,502,610:900", "7,9,11", "1:4294967295"})
    void canonicalTextRoundTrips(String text) {
        assertEquals(text, UidSet.parse(text).toString());
        assertEquals(UidSet.parse(text).toString().length(), UidSet.parse(text).formattedLength());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5:1,3,10        | 1:5,10",
        "10,9,8,2,1      | 1:2,8:10",
        "3:7,5:9,10,1    | 1,3:10",
        "900:610,502,1:500,501 | 1:502,610:900",
        "4294967294,4294967295 | 4294967294:4294967295",
    })
    void parseNormalisesUnsortedOverlappingAndBackwardRanges(String input, String canonical) {
        assertEquals(canonical, UidSet.parse(input).toString());
    }

    @Test
    void compressesUnsortedUidsWithDuplicates() {
        UidSet set = UidSet.of(610, 3, 2, 900, 1, 3, 611, 2, 612, 5, 1);
        assertEquals("1:3,5,610:612,900", set.toString());
        assertEquals(8, set.size());
        assertEquals(4, set.rangeCount());
    }

    @Test
    void builderMergesRangesAndSingles() {
        UidSet set = UidSet.builder().addRange(10, 20).add(21).addRange(1, 5).add(6).addRange(15, 30).build();
        assertEquals("1:6,10:30", set.toString());
        assertEquals(UidSet.empty(), UidSet.builder().build());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "1:10; 1:5; 6:10",
            "1:9; 1:5; 6:9",
            "1:3,10:12,20; 1:3,10; 11:12,20",
            "1:2,5:40,100; 1:2,5:22; 23:40,100",
            "7; 7; ''",
            "''; ''; ''"})
    void halvesShareTheUidsEquallyLowerOnesFirst(String set, String lower, String upper) {
        UidSet uids = UidSet.parse(set);
        assertEquals(List.of(UidSet.parse(lower), UidSet.parse(upper)), uids.halves());
        assertEquals(uids, uids.halves().get(0).union(uids.halves().get(1)));
    }

    @Test
    void emptySetIsTheEmptyString() {
        assertEquals("", UidSet.empty().toString());
        assertEquals(UidSet.empty(), UidSet.parse(""));
        assertTrue(UidSet.parse("").isEmpty());
        assertEquals(0, UidSet.empty().formattedLength());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0            | character 1: UID 0 does not exist",
        "1:           | character 3: expected a UID",
        ",1           | character 1: expected a UID",
        "1,,2         | character 3: expected a UID",
        "1,*          | character 3: '*' is not allowed",
        "4294967296   | character 1: UID exceeds 4294967295",
        "007          | character 1: UID with a leading zero",
        "1 2          | character 2: expected ',' or ':'",
        "1:2:3        | character 4: expected ',' or ':'",
    })
    void parseErrorsNameThePosition(String input, String expected) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> UidSet.parse(input));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    @Test
    void rejectsUidsOutsideTheImapRange() {
        assertThrows(IllegalArgumentException.class, () -> UidSet.of(0));
        assertThrows(IllegalArgumentException.class, () -> UidSet.of(UidSet.MAX_UID + 1));
        assertThrows(IllegalArgumentException.class, () -> UidSet.range(5, 4));
    }

    @Test
    void hugeRangeIsCountedWithoutExpanding() {
        UidSet all = UidSet.range(1, UidSet.MAX_UID);
        assertEquals(UidSet.MAX_UID, all.size());
        assertTrue(all.contains(UidSet.MAX_UID));
        assertFalse(all.contains(0));
    }

    @Test
    void containsAndIteration() {
        UidSet set = UidSet.parse("2:4,8,10:11");
        for (long uid : new long[] {2, 4, 8, 11}) {
            assertTrue(set.contains(uid), "contains " + uid);
        }
        for (long uid : new long[] {1, 5, 9, 12}) {
            assertFalse(set.contains(uid), "contains " + uid);
        }
        assertArrayEquals(new long[] {2, 3, 4, 8, 10, 11}, set.stream().toArray());
        PrimitiveIterator.OfLong iterator = set.iterator();
        long[] walked = new long[6];
        for (int i = 0; iterator.hasNext(); i++) {
            walked[i] = iterator.nextLong();
        }
        assertArrayEquals(new long[] {2, 3, 4, 8, 10, 11}, walked);
        assertEquals(2, set.first());
        assertEquals(11, set.last());
    }

    @Test
    void setAlgebraOnKnownSets() {
        UidSet a = UidSet.parse("1:10,20:30");
        UidSet b = UidSet.parse("5:25,40");
        assertEquals("1:30,40", a.union(b).toString());
        assertEquals("5:10,20:25", a.intersect(b).toString());
        assertEquals("1:4,26:30", a.minus(b).toString());
        assertEquals("11:19,40", b.minus(a).toString());
        assertTrue(a.containsAll(UidSet.parse("2,21:29")));
        assertFalse(a.containsAll(UidSet.parse("2,11")));
    }

    @Test
    void setAlgebraAgreesWithAPlainSetOnRandomInput() {
        Random random = new Random(20250301);
        for (int round = 0; round < 200; round++) {
            TreeSet<Long> left = randomUids(random, 300);
            TreeSet<Long> right = randomUids(random, 300);
            UidSet a = toUidSet(left);
            UidSet b = toUidSet(right);

            TreeSet<Long> union = new TreeSet<>(left);
            union.addAll(right);
            TreeSet<Long> intersection = new TreeSet<>(left);
            intersection.retainAll(right);
            TreeSet<Long> difference = new TreeSet<>(left);
            difference.removeAll(right);

            assertEquals(toUidSet(union), a.union(b), "union in round " + round);
            assertEquals(toUidSet(intersection), a.intersect(b), "intersection in round " + round);
            assertEquals(toUidSet(difference), a.minus(b), "difference in round " + round);
            assertEquals(left.size(), a.size());
            assertArrayEquals(left.stream().mapToLong(Long::longValue).toArray(), a.stream().toArray());
            assertEquals(a, UidSet.parse(a.toString()));
        }
    }

    /** Clustered UIDs, so that the sets have both long ranges and isolated UIDs. */
    private static TreeSet<Long> randomUids(Random random, int bound) {
        TreeSet<Long> uids = new TreeSet<>();
        int clusters = random.nextInt(6);
        for (int c = 0; c < clusters; c++) {
            long start = 1 + random.nextInt(bound);
            int length = random.nextInt(40);
            for (long uid = start; uid < start + length; uid++) {
                if (random.nextInt(5) > 0) {
                    uids.add(uid);
                }
            }
        }
        return uids;
    }

    private static UidSet toUidSet(TreeSet<Long> uids) {
        UidSet.Builder builder = UidSet.builder();
        uids.forEach(builder::add);
        return builder.build();
    }
}
