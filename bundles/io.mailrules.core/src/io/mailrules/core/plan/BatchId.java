package io.mailrules.core.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a batch within its plan, e.g. {@code b3-5f1c09aa}: its position in the plan and a digest of its content.
 * The digest lets a journal written for one plan refuse to be resumed against a different plan whose batch at the
 * same position does something else.
 */
public record BatchId(int sequence, String digest) {

    private static final Pattern TEXT = Pattern.compile("b(0|[1-9][0-9]{0,9})-([0-9a-f]{8})");
    private static final int DIGEST_BYTES = 4;

    public BatchId {
        if (sequence < 0) {
            throw new IllegalArgumentException("batch sequence " + sequence + " is negative");
        }
        Objects.requireNonNull(digest, "digest");
        if (!digest.matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("batch digest \"" + digest + "\" is not 8 lower-case hex digits");
        }
    }

    public static BatchId parse(String text) {
        Matcher matcher = TEXT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a batch id like b3-5f1c09aa");
        }
        return new BatchId(Integer.parseInt(matcher.group(1)), matcher.group(2));
    }

    static BatchId of(int sequence, String mailbox, String folder, long uidValidity, BatchCommand command,
            UidSet uids) {
        StringBuilder content = new StringBuilder()
                .append(mailbox).append('\n')
                .append(folder).append('\n')
                .append(uidValidity).append('\n')
                .append(command.kind()).append('\n')
                .append(command.target().orElse("")).append('\n')
                .append(command.flags().map(Flags::toString).orElse("")).append('\n')
                .append(uids);
        return new BatchId(sequence, sha256Prefix(content.toString()));
    }

    private static String sha256Prefix(String content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, DIGEST_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "b" + sequence + "-" + digest;
    }
}
