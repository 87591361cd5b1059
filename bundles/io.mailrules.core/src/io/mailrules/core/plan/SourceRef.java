package io.mailrules.core.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The rule file a plan was computed from and the SHA-256 of its content, so applying a saved plan can tell that the
 * rules were edited since.
 */
public record SourceRef(String file, String sha256) {

    public SourceRef {
        Require.name(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 \"" + sha256 + "\" is not 64 lower-case hex digits");
        }
    }

    public static SourceRef of(String file, byte[] content) {
        try {
            return new SourceRef(file, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    public static SourceRef of(String file, String content) {
        return of(file, content.getBytes(StandardCharsets.UTF_8));
    }

    public boolean matches(byte[] content) {
        return of(file, content).equals(this);
    }
}
