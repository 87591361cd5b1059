package io.mailrules.logins.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailrules.core.source.CredentialsUnavailableException;
import io.mailrules.dsl.mailrules.MailrulesFactory;
import io.mailrules.dsl.mailrules.SecretKind;
import io.mailrules.dsl.mailrules.SecretSource;
import io.mailrules.logins.CredentialsFile;
import io.mailrules.logins.CredentialsProblem;
import io.mailrules.logins.RulesFileLogins;
import io.mailrules.logins.SecretSources;

/**
 * {@code password from command}: a command that hangs, or leaves a child holding its output open, is stopped with
 * everything it started once the timeout passes, and no message quotes what it printed.
 */
class SecretCommandTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Far beyond the timeout and the kill's grace, far below what a hang without the fix would take. */
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    private final List<Long> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        // Only when a test failed is anything left; the run's other tests must not find it.
        started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    private SecretSources sources() {
        Map<String, String> environment = Map.of("PATH", System.getenv("PATH"));
        return new SecretSources(environment, directory, CredentialsFile.of(environment), TIMEOUT);
    }

    private static SecretSource command(String command) {
        SecretSource source = MailrulesFactory.eINSTANCE.createSecretSource();
        source.setKind(SecretKind.COMMAND);
        source.setReference(command);
        return source;
    }

    private List<Long> pids(String file) throws Exception {
        List<Long> pids = Files.readAllLines(directory.resolve(file)).stream().map(String::strip)
                .filter(line -> !line.isEmpty()).map(Long::parseLong).toList();
        started.addAll(pids);
        return pids;
    }

    private static void assertGone(long pid) throws InterruptedException {
        // A killed process may take a moment to be reaped by whoever is its parent now.
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " still runs");
    }

    @Test
    void aHangingCommandIsStoppedWithItsChildrenWhenTheTimeoutPasses() throws Exception {
        CredentialsProblem problem = assertTimeoutPreemptively(BOUND, () -> assertThrows(CredentialsProblem.class,
                () -> sources().resolve(command("sleep 600 & echo $$ > pids; echo $! >> pids; wait"))));
        assertEquals("command `sleep` did not finish within 2 s and was stopped, with every process it started",
                problem.getMessage());
        List<Long> pids = pids("pids");
        assertEquals(2, pids.size(), "the shell and its sleeping child");
        for (long pid : pids) {
            assertGone(pid);
        }
    }

    @Test
    void aChildThatKeepsTheOutputOpenAfterTheCommandExitedIsStoppedToo() throws Exception {
        long start = System.nanoTime();
        CredentialsProblem problem = assertTimeoutPreemptively(BOUND, () -> assertThrows(CredentialsProblem.class,
                () -> sources().resolve(command("echo hunter2; sleep 600 & echo $! > child; exit 0"))));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals("command `echo` did not finish within 2 s and was stopped, with every process it started",
                problem.getMessage());
        assertTrue(took.compareTo(TIMEOUT) >= 0, "it waited for the output to close: " + took);
        // The shell exited at once, so only its process group still leads to the sleep.
        assertGone(pids("child").getFirst());
    }

    @Test
    void endlessOutputIsDrainedAndCutAndTheErrorSaysSoWithoutQuotingIt() {
        CredentialsProblem problem = assertTimeoutPreemptively(BOUND, () -> assertThrows(CredentialsProblem.class,
                () -> sources().resolve(command("yes hunter2"))));
        assertEquals("command `yes` did not finish within 2 s and was stopped, with every process it started;"
                + " it printed more than 64 KiB, of which only the first 64 KiB were kept", problem.getMessage());
    }

    @Test
    void aFirstLineLongerThanTheLimitIsRefusedWithoutQuotingIt() throws Exception {
        CredentialsProblem problem = assertThrows(CredentialsProblem.class,
                () -> sources().resolve(command("head -c 100000 /dev/zero | tr '\\0' x")));
        assertEquals("command `head` printed more than 64 KiB without a line break; a secret is its first line",
                problem.getMessage());
    }

    @Test
    void aCommandThatFinishesInTimeStillGivesItsFirstLine() throws Exception {
        assertEquals("s3cret", sources().resolve(command("sleep 0.2; printf 's3cret\\r\\nmore'")));
    }

    @Test
    void theMailboxIsNamedAndNeitherTheOutputNorTheArgumentsAre() {
        RulesFileLogins logins = new RulesFileLogins(RulesText.parse("""
                mailbox ana {
                    host "imap.example.com" tls
                    user "ana@example.com"
                    password from command "cat ./hunter2-file; echo hunter2; sleep 600"
                }
                """), sources());
        CredentialsUnavailableException failure = assertTimeoutPreemptively(BOUND, () -> assertThrows(
                CredentialsUnavailableException.class, () -> logins.login("ana")));
        assertEquals("ana", failure.mailbox());
        assertEquals("Mailbox ana: no credentials: command `cat` did not finish within 2 s and was stopped, with"
                + " every process it started.", failure.getMessage());
        assertFalse(failure.getMessage().contains("hunter2"), failure.getMessage());
        assertEquals(Optional.empty(), Optional.ofNullable(failure.getCause()));
    }
}
