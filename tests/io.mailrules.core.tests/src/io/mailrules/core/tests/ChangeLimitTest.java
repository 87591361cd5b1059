package io.mailrules.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.check.BlockLimits;
import io.mailrules.core.check.ChangeLimit;
import io.mailrules.core.check.ChangeLimits;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The limit arithmetic at its boundaries: exactly the share or the number is allowed, one more is not. */
class ChangeLimitTest {

    private static final ChangeLimit REMOVE = ChangeLimits.DEFAULTS.remove();
    private static final ChangeLimit MOVE = ChangeLimits.DEFAULTS.move();

    private static boolean allows(ChangeLimit limit, long count, long folder) {
        return limit.allows(count, OptionalLong.of(folder));
    }

    @Test
    void removingExactlyTwentyPercentIsAllowedAndOneMessageMoreIsNot() {
        assertTrue(allows(REMOVE, 20, 100));
        assertFalse(allows(REMOVE, 21, 100));
        assertTrue(allows(REMOVE, 1, 5), "1 of 5 is exactly 20%");
        assertFalse(allows(REMOVE, 1, 4), "1 of 4 is 25%");
    }

    @Test
    void removingMoreThanTwoThousandIsRefusedHoweverLargeTheFolder() {
        assertTrue(allows(REMOVE, 2000, 10_000), "exactly 20% and exactly 2,000");
        assertFalse(allows(REMOVE, 2001, 100_000), "2% of the folder, but more than 2,000 messages");
        assertFalse(allows(REMOVE, 1595, 1600), "the reported test mailbox: 99.7% of INBOX");
    }

    @Test
    void aMoveIsRefusedOnlyWhenItIsBothMoreThanHalfAndMoreThanFiveThousand() {
        assertTrue(allows(MOVE, 5001, 10_002), "exactly half, though more than 5,000");
        assertFalse(allows(MOVE, 5001, 10_001), "just over half and more than 5,000");
        assertTrue(allows(MOVE, 5000, 5000), "all of the folder, but exactly 5,000");
        assertFalse(allows(MOVE, 5001, 5001), "all of the folder and 5,001");
        assertTrue(allows(MOVE, 6000, 20_000), "more than 5,000, but 30%");
        assertTrue(allows(MOVE, 900, 1000), "90%, but far below 5,000");
    }

    @Test
    void nothingChangedIsAlwaysAllowedAndAnEmptyLimitAllowsEverything() {
        assertTrue(allows(ChangeLimit.percent(0, "test"), 0, 0));
        assertFalse(allows(ChangeLimit.percent(0, "test"), 1, 1000));
        ChangeLimit none = ChangeLimit.parse("100%", "test");
        assertTrue(allows(none, 1000, 1000));
    }

    @Test
    void aShareOfAFolderOfUnknownSizeCountsAsExceeded() {
        assertFalse(REMOVE.allows(1, OptionalLong.empty()), "'and': the share must hold and cannot be shown to");
        assertTrue(MOVE.allows(5000, OptionalLong.empty()), "'or': the number alone is enough");
        assertFalse(MOVE.allows(5001, OptionalLong.empty()));
        assertTrue(ChangeLimit.messages(10, "test").allows(10, OptionalLong.empty()));
    }

    @Test
    void limitsAreReadAsTheLanguageWritesThem() {
        assertEquals(ChangeLimit.of(20, false, 2000, "x"), ChangeLimit.parse("20% and 2000", "x"));
        assertEquals(ChangeLimit.of(20, false, 2000, "x"), ChangeLimit.parse("2000 AND 20%", "x"));
        assertEquals(ChangeLimit.of(50, true, 5000, "x"), ChangeLimit.parse(" 50 % or 5000 ", "x"));
        assertEquals(ChangeLimit.percent(10, "x"), ChangeLimit.parse("10%", "x"));
        assertEquals(ChangeLimit.messages(500, "x"), ChangeLimit.parse("500", "x"));
        assertEquals("20% and 2000", REMOVE.describe());
        assertEquals("50% or 5000", MOVE.describe());
        assertEquals("'20% and 30%' names two shares; join a share and a number of messages, e.g. '20% and 2000'",
                assertThrows(IllegalArgumentException.class, () -> ChangeLimit.parse("20% and 30%", "x"))
                        .getMessage());
        assertEquals("a share of a folder is 0% to 100%, not 150%",
                assertThrows(IllegalArgumentException.class, () -> ChangeLimit.parse("150%", "x")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ChangeLimit.parse("lots", "x")).getMessage()
                .startsWith("'lots' is not a limit"));
    }

    @Test
    void limitsGivenForTheRunReplaceTheBlocksOwnAndTheDefaults() {
        ChangeLimits own = new ChangeLimits(ChangeLimit.percent(100, "set in a.mailrules, line 3"), MOVE);
        BlockLimits blocks = new BlockLimits(Map.of("archive/old", new BlockLimits.Block("rules 'archive'", own)),
                ChangeLimits.DEFAULTS);
        BlockLimits overridden = blocks.overriding(Optional.of(ChangeLimit.messages(10, "--max-remove")),
                Optional.empty());
        assertEquals(ChangeLimit.messages(10, "--max-remove"), overridden.of("archive/old").limits().remove());
        assertEquals(MOVE, overridden.of("archive/old").limits().move());
        assertEquals(ChangeLimit.messages(10, "--max-remove"), overridden.of("other/rule").limits().remove());
        assertEquals("'other'", blocks.of("other/rule").label(), "an unknown rule counts with its block's others");
        assertEquals(ChangeLimits.DEFAULTS, blocks.of("other/rule").limits());
    }
}
