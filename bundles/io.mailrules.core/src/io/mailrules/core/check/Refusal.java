package io.mailrules.core.check;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Why a run refuses a mailbox before sending anything to it: its plan goes past a change limit, or asks for a
 * command the server cannot carry out safely. Each says which mailbox, folder and rules, how many messages, and
 * the limit or the server's lack.
 */
public sealed interface Refusal {

    String mailbox();

    String folder();

    /** The rules behind it, by name in the plan, with their messages. */
    SortedMap<String, Long> rules();

    /** One sentence for people, naming everything above. */
    String message();

    /** What the user agrees to that lets a run go on. */
    Consent.Kind consent();

    /**
     * A block's rules would remove or move more of a folder than the block's limit allows.
     *
     * @param block how messages name the block, e.g. {@code rules 'purge-old'}
     * @param folderMessages the folder's messages when it was planned; empty in a plan that does not record it
     */
    record OverLimit(String mailbox, String folder, String block, ChangeKind kind, long count,
            OptionalLong folderMessages, ChangeLimit limit, SortedMap<String, Long> rules) implements Refusal {

        public OverLimit {
            Objects.requireNonNull(mailbox, "mailbox");
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(block, "block");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(folderMessages, "folderMessages");
            Objects.requireNonNull(limit, "limit");
            rules = new TreeMap<>(rules);
        }

        @Override
        public String message() {
            String share = folderMessages.isPresent()
                    ? count + " of " + folderMessages.getAsLong() + " messages ("
                            + percent(count, folderMessages.getAsLong()) + ")"
                    : count + (count == 1 ? " message" : " messages")
                            + " (the plan does not say how many the folder holds; plan again)";
            return "mailbox " + mailbox + ", folder \"" + folder + "\": " + Refusal.rulesText(rules) + " would "
                    + kind.word() + " " + share + "; the limit of " + block + " is " + kind.word() + " at most "
                    + limit.describe() + " (" + limit.source() + ")";
        }

        @Override
        public Consent.Kind consent() {
            return Consent.Kind.LARGE;
        }

        private static String percent(long part, long whole) {
            return whole == 0 ? "all" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
        }
    }

    /**
     * The server cannot carry out one of the plan's commands without touching mail the plan does not name.
     *
     * @param command the command as people read it, e.g. {@code move to Bounces}
     * @param reason what the server lacks and why that matters
     */
    record Unsupported(String mailbox, String folder, String command, long count, SortedMap<String, Long> rules,
            String reason) implements Refusal {

        public Unsupported {
            Objects.requireNonNull(mailbox, "mailbox");
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(reason, "reason");
            rules = new TreeMap<>(rules);
        }

        @Override
        public String message() {
            return "mailbox " + mailbox + ", folder \"" + folder + "\": " + Refusal.rulesText(rules) + " would \""
                    + command + "\" " + count + (count == 1 ? " message" : " messages")
                    + ", which the server cannot do safely: " + reason;
        }

        @Override
        public Consent.Kind consent() {
            return Consent.Kind.UNSUPPORTED;
        }
    }

    private static String rulesText(Map<String, Long> rules) {
        if (rules.size() == 1) {
            return "rule " + rules.keySet().iterator().next();
        }
        return "rules " + rules.entrySet().stream().map(rule -> rule.getKey() + " (" + rule.getValue() + ")")
                .collect(Collectors.joining(", "));
    }
}
