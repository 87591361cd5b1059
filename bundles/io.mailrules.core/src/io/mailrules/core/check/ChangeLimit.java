package io.mailrules.core.check;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many of a folder's messages a run may remove or move: at most a share of the folder, at most a number of
 * messages, or both, joined by "and" (both must hold) or "or" (either is enough). Without either part there is no
 * limit.
 *
 * @param percent the share of the folder's messages, 0..100
 * @param messages the number of messages
 * @param either whether one part holding is enough ("or"); otherwise both must hold ("and")
 * @param source where the limit was set, for messages: {@code the default}, {@code --max-remove}, a rules block
 */
public record ChangeLimit(OptionalInt percent, OptionalLong messages, boolean either, String source) {

    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,18})\\s*(%?)");
    private static final Pattern TEXT = Pattern.compile("\\s*" + AMOUNT.pattern() + "(?:\\s+(and|or)\\s+"
            + AMOUNT.pattern() + ")?\\s*", Pattern.CASE_INSENSITIVE);

    public ChangeLimit {
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(source, "source");
        if (percent.isPresent() && (percent.getAsInt() < 0 || percent.getAsInt() > 100)) {
            throw new IllegalArgumentException("a share of a folder is 0% to 100%, not " + percent.getAsInt() + "%");
        }
        if (messages.isPresent() && messages.getAsLong() < 0) {
            throw new IllegalArgumentException("a number of messages cannot be negative: " + messages.getAsLong());
        }
    }

    public static ChangeLimit of(int percent, boolean either, long messages, String source) {
        return new ChangeLimit(OptionalInt.of(percent), OptionalLong.of(messages), either, source);
    }

    public static ChangeLimit percent(int percent, String source) {
        return new ChangeLimit(OptionalInt.of(percent), OptionalLong.empty(), false, source);
    }

    public static ChangeLimit messages(long messages, String source) {
        return new ChangeLimit(OptionalInt.empty(), OptionalLong.of(messages), false, source);
    }

    /**
     * Reads a limit as the rules language writes it after {@code at most}: {@code 20%}, {@code 500},
     * {@code 20% and 2000}, {@code 50% or 5000} (the two parts in either order).
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static ChangeLimit parse(String text, String source) {
        Matcher matcher = TEXT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a limit; write a share, a number of messages or"
                    + " both, e.g. 20%, 500, '20% and 2000' or '50% or 5000'");
        }
        boolean firstIsPercent = !matcher.group(2).isEmpty();
        long first = Long.parseLong(matcher.group(1));
        if (matcher.group(3) == null) {
            return firstIsPercent ? percent(share(first), source) : messages(first, source);
        }
        boolean secondIsPercent = !matcher.group(5).isEmpty();
        long second = Long.parseLong(matcher.group(4));
        if (firstIsPercent == secondIsPercent) {
            throw new IllegalArgumentException("'" + text + "' names two " + (firstIsPercent ? "shares" : "numbers")
                    + "; join a share and a number of messages, e.g. '20% and 2000'");
        }
        boolean either = matcher.group(3).toLowerCase(Locale.ROOT).equals("or");
        return firstIsPercent ? of(share(first), either, second, source) : of(share(second), either, first, source);
    }

    private static int share(long value) {
        if (value > 100) {
            throw new IllegalArgumentException("a share of a folder is 0% to 100%, not " + value + "%");
        }
        return (int) value;
    }

    /** Whether the limit bounds anything. */
    public boolean isSet() {
        return percent.isPresent() || messages.isPresent();
    }

    /**
     * Whether changing {@code count} of a folder's messages stays within this limit. A share is exact: 20% of 10
     * messages allows 2 and refuses 3. When the folder's size is unknown (a plan saved by an earlier version), a
     * share cannot be shown to hold and counts as exceeded.
     */
    public boolean allows(long count, OptionalLong folderMessages) {
        if (count <= 0 || !isSet()) {
            return true;
        }
        boolean shareHolds = percent.isEmpty() || folderMessages.isPresent()
                && count * 100 <= (long) percent.getAsInt() * folderMessages.getAsLong();
        boolean numberHolds = messages.isEmpty() || count <= messages.getAsLong();
        if (percent.isPresent() && messages.isPresent() && either) {
            return shareHolds || numberHolds;
        }
        return shareHolds && numberHolds;
    }

    /** As written after {@code at most}: {@code 20% and 2000}; {@code no limit} when none is set. */
    public String describe() {
        if (!isSet()) {
            return "no limit";
        }
        if (percent.isEmpty()) {
            return Long.toString(messages.getAsLong());
        }
        if (messages.isEmpty()) {
            return percent.getAsInt() + "%";
        }
        return percent.getAsInt() + "% " + (either ? "or" : "and") + " " + messages.getAsLong();
    }

    /** The same bounds, set somewhere else. */
    public ChangeLimit from(String otherSource) {
        return new ChangeLimit(percent, messages, either, otherSource);
    }
}
