package io.mailrules.imap.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import io.mailrules.imap.CertificateFingerprint;
import org.junit.jupiter.api.Assumptions;

/**
 * A private Dovecot instance for interop tests: its own configuration, users, maildirs, self-signed certificate and
 * log under the test bundle's {@code target/}, listening on free loopback ports. It never touches a system Dovecot.
 * Its sockets and runtime files live in a private folder of their own under the system temp folder, because a Unix
 * socket path holds at most 107 bytes and a checkout can sit at any depth. Where Dovecot is not installed the tests are skipped, except under CI ({@code CI=true}), where
 * a missing Dovecot fails them: the interop suite must not silently vanish from the build.
 */
public final class DovecotServer implements AutoCloseable {

    public static final String PASSWORD = "secret-pass";
    public static final int USERS = 400;

    /** What the server announces; the capability list is how fallbacks are provoked on a real server. */
    public enum Variant {
        FULL("/", "", ""),
        /** As FULL, plus the quota plugins: QUOTA is announced, with limits of 10 MiB and 1000 messages. */
        FULL_WITH_QUOTA("/", "", ""),
        WITHOUT_MOVE(".", "INBOX.", "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT NAMESPACE CHILDREN UNSELECT"
                + " UIDPLUS LIST-EXTENDED CONDSTORE QRESYNC ESEARCH SPECIAL-USE LITERAL+"),
        WITHOUT_MOVE_AND_UIDPLUS("/", "", "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT NAMESPACE CHILDREN"
                + " UNSELECT LIST-EXTENDED ESEARCH SPECIAL-USE LITERAL+");

        public final String separator;
        public final String prefix;
        public final String capability;

        Variant(String separator, String prefix, String capability) {
            this.separator = separator;
            this.prefix = prefix;
            this.capability = capability;
        }
    }

    /** The longest socket path Dovecot creates below its runtime folder, with some room to spare. */
    private static final int SOCKET_NAME_ROOM = 40;
    private static final int UNIX_SOCKET_PATH_MAX = 107;

    private final Process process;
    private final Path directory;
    private final Path runtime;
    private final int imapPort;
    private final int imapsPort;
    private final String certificateSha256;
    private int nextUser = 1;

    private DovecotServer(Process process, Path directory, Path runtime, int imapPort, int imapsPort,
            String certificateSha256) {
        this.process = process;
        this.directory = directory;
        this.runtime = runtime;
        this.imapPort = imapPort;
        this.imapsPort = imapsPort;
        this.certificateSha256 = certificateSha256;
    }

    /** Starts a server whose files live in the test bundle's {@code target/dovecot/NAME}. */
    public static DovecotServer start(String name, Variant variant) throws Exception {
        return start(Path.of("target", "dovecot"), name, variant);
    }

    /**
     * Starts a server whose configuration, mail and logs live in {@code base/NAME}, however long that path is; its
     * sockets go to a fresh private runtime folder, removed again by {@link #close()}.
     */
    public static DovecotServer start(Path base, String name, Variant variant) throws Exception {
        Path binary = locate("dovecot");
        Path openssl = locate("openssl");
        Path directory = base.resolve(name).toAbsolutePath();
        deleteRecursively(directory);
        Files.createDirectories(directory.resolve("home"));
        Path certificate = directory.resolve("cert.pem");
        Path key = directory.resolve("key.pem");
        run(directory, openssl.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", key.toString(), "-out", certificate.toString());
        StringBuilder users = new StringBuilder();
        for (int i = 1; i <= USERS; i++) {
            users.append("user").append(i).append(":{PLAIN}").append(PASSWORD).append('\n');
        }
        Files.writeString(directory.resolve("users"), users);
        int imapPort = freePort();
        int imapsPort = freePort();
        Path runtime = privateRuntimeFolder();
        Process process;
        try {
            Files.writeString(directory.resolve("dovecot.conf"),
                    config(name, variant, directory, runtime, certificate, key, imapPort, imapsPort));
            process = new ProcessBuilder(binary.toString(), "-F", "-c", directory.resolve("dovecot.conf").toString())
                    .directory(directory.toFile())
                    // The master keeps its output open for its lifetime, so it goes to files, never to a pipe.
                    .redirectOutput(directory.resolve("stdout.log").toFile())
                    .redirectError(directory.resolve("stderr.log").toFile())
                    .start();
        } catch (IOException | RuntimeException e) {
            deleteRecursively(runtime);
            throw e;
        }
        DovecotServer server =
                new DovecotServer(process, directory, runtime, imapPort, imapsPort, fingerprint(certificate));
        server.awaitListening(Duration.ofSeconds(20));
        return server;
    }

    /**
     * A folder only this user can enter, under the system temp folder (or {@code /tmp} where that is too deep for a
     * socket path). Dovecot makes its {@code base_dir} inside world-readable itself, as its unprivileged processes
     * need; they are handed their sockets by the master, so the private parent does not stop them.
     */
    private static Path privateRuntimeFolder() throws IOException {
        Path temp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        if (temp.toString().length() + "/mrdc0123456789/run/".length() + SOCKET_NAME_ROOM > UNIX_SOCKET_PATH_MAX) {
            temp = Path.of("/tmp");
        }
        return Files.createTempDirectory(temp, "mrdc",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    private static String config(String name, Variant variant, Path directory, Path runtime, Path certificate,
            Path key, int imapPort, int imapsPort) throws IOException {
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> lines = new ArrayList<>(List.of(
                "instance_name = mailrules-test-" + name,
                "base_dir = " + runtime.resolve("run"),
                "state_dir = " + runtime.resolve("state"),
                "log_path = " + directory.resolve("dovecot.log"),
                "protocols = imap",
                "listen = 127.0.0.1",
                "ssl = yes",
                "ssl_cert = <" + certificate,
                "ssl_key = <" + key,
                "disable_plaintext_auth = no",
                "auth_mechanisms = plain login",
                "mail_location = maildir:~/Maildir",
                // Nothing here tests Dovecot's own crash safety; not syncing keeps hundreds of test runs fast.
                "mail_fsync = never",
                "first_valid_uid = 1",
                "first_valid_gid = 1",
                "passdb {", "  driver = passwd-file",
                "  args = scheme=PLAIN username_format=%u " + directory.resolve("users"), "}"));
        if (root) {
            // uid 0 may not be a mail user: maildirs belong to the unprivileged system user "mail".
            lines.addAll(List.of("userdb {", "  driver = static",
                    "  args = uid=mail gid=mail home=" + directory.resolve("home") + "/%u", "}"));
            chownToMailUser(directory.resolve("home"));
        } else {
            String user = System.getProperty("user.name");
            lines.addAll(List.of("default_login_user = " + user, "default_internal_user = " + user,
                    "default_internal_group = " + group(), "userdb {", "  driver = static",
                    "  args = home=" + directory.resolve("home") + "/%u", "}",
                    "service imap-login {", "  chroot =", "}"));
        }
        lines.addAll(List.of(
                "namespace inbox {", "  inbox = yes", "  separator = " + variant.separator,
                "  prefix = " + variant.prefix,
                "  mailbox Trash {", "    special_use = \\Trash", "    auto = subscribe", "  }", "}",
                "service imap-login {",
                "  inet_listener imap {", "    address = 127.0.0.1", "    port = " + imapPort, "  }",
                "  inet_listener imaps {", "    address = 127.0.0.1", "    port = " + imapsPort, "    ssl = yes",
                "  }", "}"));
        if (variant == Variant.FULL_WITH_QUOTA) {
            lines.addAll(List.of("mail_plugins = $mail_plugins quota",
                    "protocol imap {", "  mail_plugins = $mail_plugins imap_quota", "}",
                    "plugin {", "  quota = maildir:User quota", "  quota_rule = *:storage=10M:messages=1000", "}"));
        }
        if (!variant.capability.isEmpty()) {
            lines.addAll(List.of("protocol imap {", "  imap_capability = " + variant.capability, "}"));
        }
        return String.join("\n", lines) + "\n";
    }

    private static void chownToMailUser(Path path) throws IOException {
        UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName("mail");
        GroupPrincipal group = lookup.lookupPrincipalByGroupName("mail");
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(user);
        view.setGroup(group);
    }

    /**
     * Gives {@code toUser}, who must not have logged in yet, an exact copy of {@code fromUser}'s mailbox: the same
     * messages with the same Message-IDs, UIDs, UIDVALIDITY and flags. Cheaper than appending the messages again,
     * and the only way to get identical mailboxes, since every append makes new Message-IDs.
     */
    public void copyMailbox(String fromUser, String toUser) throws IOException {
        Path from = directory.resolve("home").resolve(fromUser);
        Path to = directory.resolve("home").resolve(toUser);
        if (Files.exists(to)) {
            throw new IllegalStateException(toUser + " already has a mailbox; copy only to a fresh user");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                if (root) {
                    chownToMailUser(target);
                }
            }
        }
    }

    private static String group() throws IOException {
        Path probe = Files.createTempFile("mailrules-group", ".probe");
        try {
            return Files.readAttributes(probe, java.nio.file.attribute.PosixFileAttributes.class).group().getName();
        } finally {
            Files.delete(probe);
        }
    }

    /**
     * Finds a program on the PATH (or the directory named by {@code MAILRULES_DOVECOT_DIR}); skips the test when it
     * is missing, or fails it under CI.
     */
    public static Path locate(String program) {
        List<String> directories = new ArrayList<>();
        Optional.ofNullable(System.getenv("MAILRULES_DOVECOT_DIR")).ifPresent(directories::add);
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            directories.add(entry);
            // Debian puts daemons in sbin, which an ordinary user's PATH lacks.
            if (entry.endsWith("/bin")) {
                directories.add(entry.substring(0, entry.length() - 3) + "sbin");
            }
        }
        for (String directory : directories) {
            Path candidate = Path.of(directory, program);
            if (!directory.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = "the Dovecot interop tests need '" + program + "' (Debian packages dovecot-imapd and"
                + " openssl), which is not installed";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + "; under CI=true this is an error, not a reason to skip");
        }
        Assumptions.abort(message + "; skipping");
        throw new IllegalStateException("unreachable");
    }

    private static void run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("setup.log").toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroy();
            throw new IllegalStateException(String.join(" ", command) + " failed: "
                    + Files.readString(directory.resolve("setup.log")));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String fingerprint(Path pem) throws Exception {
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(pem))) {
            X509Certificate certificate =
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return CertificateFingerprint.sha256(certificate);
        }
    }

    private void awaitListening(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String logs = logs();
                close();
                throw new IllegalStateException("dovecot exited with " + process.exitValue() + ": " + logs);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), imapPort), 500);
                try (Socket tls = new Socket()) {
                    tls.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), imapsPort), 500);
                }
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IllegalStateException("dovecot did not listen within " + timeout.toSeconds() + " s: " + logs());
    }

    public String logs() {
        StringBuilder text = new StringBuilder();
        for (String file : List.of("stderr.log", "dovecot.log")) {
            try {
                text.append('\n').append(file).append(":\n").append(Files.readString(directory.resolve(file)));
            } catch (IOException missing) {
                text.append('\n').append(file).append(": (none)");
            }
        }
        return text.toString();
    }

    /** A user nobody else in the test run logs in as, so tests need no cleanup between them. */
    public synchronized String freshUser() {
        if (nextUser > USERS) {
            throw new IllegalStateException("all " + USERS + " test users are taken; raise DovecotServer.USERS");
        }
        return "user" + nextUser++;
    }

    public int imapPort() {
        return imapPort;
    }

    public int imapsPort() {
        return imapsPort;
    }

    public String certificateSha256() {
        return certificateSha256;
    }

    /** The private folder that holds the server's sockets and runtime files while it runs. */
    public Path runtimeFolder() {
        return runtime;
    }

    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(15, TimeUnit.SECONDS);
        }
        deleteRecursively(runtime);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
