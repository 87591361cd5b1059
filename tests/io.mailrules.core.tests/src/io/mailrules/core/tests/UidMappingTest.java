package io.mailrules.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mailrules.core.plan.UidSet;
import io.mailrules.core.run.UidMapping;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class UidMappingTest {

    @Test
    void copyUidIsPairedInTheOrderTheServerWroteIt() {
        UidMapping mapping = UidMapping.fromCopyUid("1:500,502,610:612", "1001:1501,1502:1504");
        assertEquals("1:500>1001:1500,502>1501,610:612>1502:1504", mapping.toString());
        assertEquals(504, mapping.size());
        assertEquals(OptionalLong.of(1501), mapping.targetOf(502));
        assertEquals(OptionalLong.of(1503), mapping.targetOf(611));
        assertEquals(OptionalLong.empty(), mapping.targetOf(501));
        assertEquals(UidSet.parse("1:500,502,610:612"), mapping.sources());
        assertEquals(UidSet.parse("1001:1504"), mapping.targets());
    }

    @Test
    void unorderedCopyUidKeepsItsPairs() {
        UidMapping mapping = UidMapping.fromCopyUid("7,3,5", "20,21,22");
        assertEquals(OptionalLong.of(20), mapping.targetOf(7));
        assertEquals(OptionalLong.of(21), mapping.targetOf(3));
        assertEquals("3>21,5>22,7>20", mapping.toString());
    }

    @Test
    void textFormRoundTripsAndInverts() {
        UidMapping mapping = UidMapping.parse("1:500>1001:1500,502>1501");
        assertEquals(mapping, UidMapping.parse(mapping.toString()));
        assertEquals("1001:1500>1:500,1501>502", mapping.inverse().toString());
        assertEquals(UidMapping.empty(), UidMapping.parse(""));
    }

    @Test
    void refusesMismatchedOrAmbiguousMappings() {
        assertThrows(IllegalArgumentException.class, () -> UidMapping.fromCopyUid("1:3", "10:11"));
        assertThrows(IllegalArgumentException.class, () -> UidMapping.parse("1:3>10:11"));
        assertThrows(IllegalArgumentException.class, () -> UidMapping.parse("1:3"));
        assertThrows(IllegalArgumentException.class, () -> UidMapping.builder().map(1, 10).map(2, 10).build());
        assertThrows(IllegalArgumentException.class, () -> UidMapping.builder().map(1, 10).map(1, 11).build());
    }
}
