package io.mailrules.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailrules.core.source.Sha256Fingerprint;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Sha256FingerprintTest {

    private static final String HEX = "0123456789abcdef".repeat(4);

    private static String pairs(String hex, String separator) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            text.append(i == 0 ? "" : separator).append(hex, i, i + 2);
        }
        return text.toString();
    }

    @Test
    void everyWrittenFormBecomesLowerCaseHexWithoutSeparators() {
        for (String written : new String[] {HEX, HEX.toUpperCase(), pairs(HEX, ":"), pairs(HEX.toUpperCase(), ":"),
                pairs(HEX, " "), "sha256:" + HEX, "SHA256:" + pairs(HEX.toUpperCase(), " "), "  " + pairs(HEX, ":") + "\n"}) {
            assertEquals(Optional.of(HEX), Sha256Fingerprint.normalize(written), written);
        }
    }

    @Test
    void whatIsNotExactlyThirtyTwoBytesInPairsIsRefused() {
        for (String written : new String[] {"", "abc", HEX.substring(2), HEX + "00", pairs(HEX, ":") + ":",
                ":" + pairs(HEX, ":"), pairs(HEX, "::"), pairs(HEX, ":").replaceFirst(":", " "),
                HEX.substring(0, 3) + ":" + HEX.substring(3), HEX.replace('a', 'g'), "sha1:" + HEX,
                HEX.substring(0, 63) + "\u0660", pairs(HEX, "-")}) {
            assertEquals(Optional.empty(), Sha256Fingerprint.normalize(written), written);
        }
        assertEquals(Optional.empty(), Sha256Fingerprint.normalize(null));
    }

    @Test
    void theResultIsTheBytesTheHexSpells() {
        String normalized = Sha256Fingerprint.normalize(pairs(HEX.toUpperCase(), ":")).orElseThrow();
        assertEquals(32, HexFormat.of().parseHex(normalized).length);
    }
}
