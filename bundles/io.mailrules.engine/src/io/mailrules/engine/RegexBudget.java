package io.mailrules.engine;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs a rule's regular expression on a message's header values within a time budget. java.util.regex backtracks:
 * a pattern such as {@code (a+)+$} on a crafted header takes time exponential in its length, and one message could
 * stall a whole plan. The matcher reads the value through a {@link CharSequence} that checks the clock as it is
 * read, so whatever the pattern, it gives up within about the budget; a pattern that recurses too deeply for a value
 * gives up as well. A rule that gave up has not decided the message: the caller leaves it alone and says so.
 */
final class RegexBudget {

    /** Ample for any pattern that does not backtrack wildly on a value of {@code MessageHeaders.VALUE_LIMIT}. */
    static final Duration PER_MESSAGE = Duration.ofSeconds(1);
    /** Reading the clock costs about as much as a few hundred characters' matching; it is read every so often. */
    private static final int CHARACTERS_PER_CLOCK_READ = 256;

    private final Duration budget;

    RegexBudget(Duration budget) {
        this.budget = budget;
    }

    /** Whether the pattern is found in any of one message's values, all of them within one budget. */
    boolean findInAny(Pattern pattern, String field, List<String> values) {
        if (values.isEmpty()) {
            return false;
        }
        Deadline deadline = new Deadline(System.nanoTime() + budget.toNanos());
        for (String value : values) {
            try {
                if (pattern.matcher(new Timed(value, deadline)).find()) {
                    return true;
                }
            } catch (OutOfTime e) {
                throw new GaveUp(pattern.pattern(), field, "it took longer than " + seconds(budget));
            } catch (StackOverflowError e) {
                throw new GaveUp(pattern.pattern(), field, "it nests too deeply for the value");
            }
        }
        return false;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /**
     * A rule's pattern could not decide a message within the budget. Unchecked, because it has to cross the
     * predicates a condition is built of; the folder evaluator catches it per message.
     */
    static final class GaveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GaveUp(String pattern, String field, String why) {
            super("its pattern \"" + pattern + "\" on " + field + " gave up: " + why, null, false, false);
        }
    }

    private static final class OutOfTime extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutOfTime() {
            super(null, null, false, false);
        }
    }

    /** The moment one message's budget runs out, and how many characters were read since the clock last was. */
    private static final class Deadline {
        private final long nanos;
        private int reads;

        Deadline(long nanos) {
            this.nanos = nanos;
        }

        void check() {
            if (++reads % CHARACTERS_PER_CLOCK_READ == 0 && System.nanoTime() - nanos > 0) {
                throw new OutOfTime();
            }
        }
    }

    /** A header value that checks the deadline whenever the matcher reads a character of it. */
    private record Timed(CharSequence text, Deadline deadline) implements CharSequence {

        @Override
        public char charAt(int index) {
            deadline.check();
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Timed(text.subSequence(start, end), deadline);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
