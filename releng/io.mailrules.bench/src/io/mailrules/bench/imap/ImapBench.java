package io.mailrules.bench.imap;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Java steps of {@code run.sh imap}; the script owns Dovecot, the copies of the mailbox and the table. Each step
 * prints {@code key=value} lines the script reads. The password reaches the steps through the environment only.
 *
 * <pre>
 * generate MAILDIR COUNT SEED DAY       the sales INBOX as maildir files
 * files DIR HOST PORT USER DAY          the .mailrules file and the imapfilter configuration
 * mailrules FILE JOURNAL_DIR [WARM_UP_FILE WARM_UP_JOURNAL_DIR]
 *                                       plan + apply through the product's wiring
 * minimal HOST PORT USER DAY [WARM_UP_USER]
 *                                       the minimal client
 * census MAILDIR                        one line per message: folder, Message-ID, flags
 * </pre>
 * With a warm-up mailbox (another copy of the same mailbox), a tool first does all its work there, untimed, and only
 * then on the measured one: its classes are loaded and its hot code compiled by then, so that the IMAP figures of
 * both Java clients count the server and the protocol rather than the JVM warming up. The whole-process line of the
 * benchmark counts the start-up.
 */
public final class ImapBench {

    static final String PASSWORD_VARIABLE = "MAILRULES_BENCH_PASSWORD";

    private ImapBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        switch (args.length == 0 ? "" : args[0]) {
            case "generate" -> generate(rest);
            case "files" -> files(rest);
            case "mailrules" -> mailrules(rest);
            case "minimal" -> minimal(rest);
            case "census" -> MaildirCensus.of(Path.of(rest.get(0))).forEach(System.out::println);
            default -> {
                System.err.println("usage: ImapBench generate|files|mailrules|minimal|census ARGS (see its javadoc)");
                System.exit(64);
            }
        }
        // Xtext leaves non-daemon threads behind.
        System.exit(0);
    }

    private static void generate(List<String> args) throws Exception {
        SalesMailbox mailbox = new SalesMailbox(new SalesRules(LocalDate.parse(args.get(3))), Long.parseLong(args.get(2)));
        Map<MessageKind, Integer> kinds = mailbox.write(Path.of(args.get(0)), Integer.parseInt(args.get(1)));
        kinds.forEach((kind, count) -> System.out.println("kind." + kind.name().toLowerCase(Locale.ROOT) + "=" + count));
    }

    private static void files(List<String> args) throws Exception {
        Path directory = Path.of(args.get(0));
        String host = args.get(1);
        int port = Integer.parseInt(args.get(2));
        String user = args.get(3);
        SalesRules rules = new SalesRules(LocalDate.parse(args.get(4)));
        Files.writeString(directory.resolve("sales.mailrules"), RuleFiles.mailrules(host, port, user, PASSWORD_VARIABLE));
        Files.writeString(directory.resolve("imapfilter.lua"),
                RuleFiles.imapfilter(rules, host, port, user, password()));
    }

    private static void mailrules(List<String> args) throws Exception {
        if (args.size() >= 4) {
            new MailrulesRun(Clock.systemDefaultZone(), Optional.empty(), sessionsPerHost())
                    .run(Path.of(args.get(2)), password(), Path.of(args.get(3)));
            writeBack();
        }
        MailrulesRun.Timings timings = new MailrulesRun(Clock.systemDefaultZone(), trace(), sessionsPerHost())
                .run(Path.of(args.get(0)), password(), Path.of(args.get(1)));
        System.out.printf(Locale.ROOT, "load_s=%.3f%nplan_s=%.3f%nplan_imap_s=%.3f%nplan_imap_calls=%d%n"
                + "apply_s=%.3f%nimap_s=%.3f%nbatches=%d%nstatus=%s%nrerun_imap_s=%.3f%nrerun_imap_calls=%d%n"
                + "rerun_batches=%d%n", timings.loadSeconds(), timings.planSeconds(),
                timings.planImapSeconds(), timings.planImapCalls(), timings.applySeconds(),
                timings.planImapSeconds() + timings.applySeconds(), timings.batches(), timings.status(),
                timings.rerunImapSeconds(), timings.rerunImapCalls(), timings.rerunBatches());
    }

    private static void minimal(List<String> args) throws Exception {
        SalesRules rules = new SalesRules(LocalDate.parse(args.get(3)));
        String host = args.get(0);
        int port = Integer.parseInt(args.get(1));
        if (args.size() >= 5) {
            try (ImapWire wire = new ImapWire(host, port, Optional.empty())) {
                new MinimalClient(wire, rules).run(args.get(4), password());
            }
            writeBack();
        }
        long start = System.nanoTime();
        try (ImapWire wire = new ImapWire(host, port, trace())) {
            new MinimalClient(wire, rules).run(args.get(2), password());
        }
        System.out.printf(Locale.ROOT, "imap_s=%.3f%n", (System.nanoTime() - start) / 1e9);
    }

    /**
     * Has the kernel write back what the warm-up pass changed (Dovecot's index files, the renamed maildir files) now,
     * rather than in the middle of the measured pass.
     */
    private static void writeBack() throws Exception {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
    }

    /** As the command line's {@code --per-host}, from MAILRULES_BENCH_PER_HOST; 4 as its default when unset. */
    private static int sessionsPerHost() {
        return Integer.parseInt(Optional.ofNullable(System.getenv("MAILRULES_BENCH_PER_HOST")).orElse("4"));
    }

    /** Per-call times on standard error when MAILRULES_BENCH_TRACE is set. */
    private static Optional<PrintStream> trace() {
        return Optional.ofNullable(System.getenv("MAILRULES_BENCH_TRACE")).map(set -> System.err);
    }

    private static String password() {
        String password = System.getenv(PASSWORD_VARIABLE);
        if (password == null || password.isEmpty()) {
            throw new IllegalStateException("set " + PASSWORD_VARIABLE);
        }
        return password;
    }
}
