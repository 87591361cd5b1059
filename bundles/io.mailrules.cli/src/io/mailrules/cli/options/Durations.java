package io.mailrules.cli.options;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailrules.cli.UsageException;

/** Durations as ops type them on a command line: {@code 30s}, {@code 15m}, {@code 2h}. */
public final class Durations {

    private static final Pattern TYPED = Pattern.compile("(\\d{1,6})\\s*(s|m|h)");

    private Durations() {
    }

    /** @throws IllegalArgumentException naming the accepted forms */
    public static Duration parse(String typed) {
        Matcher matcher = TYPED.matcher(typed.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw new IllegalArgumentException("'" + typed + "' is not a duration; use a positive number with s, m"
                    + " or h, e.g. 30s, 15m or 2h");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** The value of a duration option such as {@code --every}, if given. */
    public static Optional<Duration> option(Arguments arguments, String option) throws UsageException {
        Optional<String> typed = arguments.value(option);
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(typed.get()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " " + e.getMessage());
        }
    }
}
