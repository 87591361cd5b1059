package io.mailrules.imap.testsupport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy between an IMAP client and the private Dovecot (plain IMAP) that breaks the connection at an exact
 * point of a run: it counts the commands that change a mailbox (MOVE, COPY, STORE, EXPUNGE, with or without UID)
 * over all connections it carries, and at the armed {@link FaultPoint} either cuts every connection at once, as a
 * dropped network would, or holds the traffic there until the test has killed the client and then cuts. Commands
 * and replies are read line by line, with literals passed through as they are, so a tag inside a message body is
 * never mistaken for a reply.
 */
public final class FaultProxy implements AutoCloseable {

    /** Where, relative to the counted command, the connection breaks. */
    public enum Cut {
        /** The command never reaches the server. */
        BEFORE_COMMAND("before command"),
        /** The server carried the command out; its tagged reply never reaches the client. */
        REPLY_LOST("reply lost of command"),
        /**
         * The client got the tagged reply; the next thing it sends on that connection is not forwarded. After the last
         * command of a batch this is the boundary between two batches.
         */
        AFTER_REPLY("after reply of command");

        private final String words;

        Cut(String words) {
            this.words = words;
        }
    }

    /** @param command the number of the mailbox-changing command, from 1, counted since {@link #arm} */
    public record FaultPoint(int command, Cut cut) {
        @Override
        public String toString() {
            return cut.words + " " + command;
        }

        /** Every point of a run that sends {@code commands} mailbox-changing commands. */
        public static List<FaultPoint> all(int commands) {
            List<FaultPoint> points = new ArrayList<>();
            for (int command = 1; command <= commands; command++) {
                for (Cut cut : Cut.values()) {
                    points.add(new FaultPoint(command, cut));
                }
            }
            return List.copyOf(points);
        }
    }

    /** A mailbox-changing command as the client sent it; {@code verb} is e.g. {@code UID MOVE}. */
    public record Command(int number, String verb, String line) {
    }

    private static final Pattern COMMAND = Pattern.compile("^(\\S+) (?:(UID) )?(MOVE|COPY|STORE|EXPUNGE)\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("^(\\S+) ");
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\+?\\}$");

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Pair> pairs = new CopyOnWriteArrayList<>();
    private final List<Command> commands = new ArrayList<>();
    private final List<String> clientLines = new ArrayList<>();
    private final Thread acceptor;
    private FaultPoint armed;
    private volatile long commandDelayMillis;
    private boolean hold;
    private boolean fired;
    private CountDownLatch reached = new CountDownLatch(1);
    private Interlude interlude;
    private Exception interludeFailure;

    private FaultProxy(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
        this.acceptor = new Thread(this::accept, "fault-proxy-accept-" + listener.getLocalPort());
        acceptor.setDaemon(true);
    }

    /** Listens on a free loopback port and forwards to {@code targetPort} on loopback. */
    public static FaultProxy start(int targetPort) throws IOException {
        FaultProxy proxy = new FaultProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
        proxy.acceptor.start();
        return proxy;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Something another client does to the mailbox while the client under test waits. */
    @FunctionalInterface
    public interface Change {
        void make() throws Exception;
    }

    private record Interlude(Pattern line, Change change) {
    }

    /**
     * Makes {@code change} once, just before the first client line matching {@code line} goes to the server: another
     * client's change lands exactly between two commands of the client under test. A change that fails is rethrown
     * by {@link #interludeDone()}.
     */
    public synchronized void before(Pattern line, Change change) {
        interlude = new Interlude(line, change);
        interludeFailure = null;
    }

    /** Whether the change asked for with {@link #before} was made; rethrows it if it failed. */
    public synchronized boolean interludeDone() throws Exception {
        if (interludeFailure != null) {
            throw interludeFailure;
        }
        return interlude == null;
    }

    /** Cuts every connection at {@code point}; the count of commands starts again from 1. */
    public synchronized void arm(FaultPoint point) {
        reset(point, false);
    }

    /**
     * Stops the traffic at {@code point} instead of cutting it: {@link #awaitReached} then returns, and the
     * connections are cut when the test calls {@link #cutAll} (after it has killed the client).
     */
    public synchronized void holdAt(FaultPoint point) {
        reset(point, true);
    }

    /**
     * Holds every mailbox-changing command this long before forwarding it, so that a run lasts long enough to be
     * killed at a random moment in the middle of it rather than before it begins or after it ends.
     */
    public void slowDown(long millisPerCommand) {
        commandDelayMillis = millisPerCommand;
    }

    /** Forwards everything from now on and counts the commands from 1 again. */
    public synchronized void disarm() {
        reset(null, false);
    }

    private void reset(FaultPoint point, boolean holding) {
        armed = point;
        hold = holding;
        fired = false;
        commands.clear();
        reached = new CountDownLatch(1);
    }

    /** Every line a client sent, commands that change nothing included, in order. */
    public synchronized List<String> clientLines() {
        return List.copyOf(clientLines);
    }

    /** The mailbox-changing commands seen since the proxy was last armed or disarmed. */
    public synchronized List<Command> commands() {
        return List.copyOf(commands);
    }

    /** Whether the armed point was reached. */
    public synchronized boolean fired() {
        return fired;
    }

    public boolean awaitReached(long timeout, TimeUnit unit) throws InterruptedException {
        CountDownLatch latch;
        synchronized (this) {
            latch = reached;
        }
        return latch.await(timeout, unit);
    }

    /** How many connections clients opened through the proxy so far. */
    public int connections() {
        return pairs.size();
    }

    /** Drops every connection the proxy carries, as a network failure would. */
    public void cutAll() {
        for (Pair pair : pairs) {
            pair.cut();
        }
    }

    /** What a pump does with the line it just read. */
    private enum Verdict {
        FORWARD, DROP_AND_CUT
    }

    private synchronized Verdict onClientCommand(Pair pair, String line) {
        clientLines.add(line);
        if (interlude != null && interlude.line().matcher(line).matches()) {
            try {
                interlude.change().make();
            } catch (Exception e) {
                interludeFailure = e;
            }
            interlude = null;
        }
        if (pair.cutBeforeNextLine) {
            return reachPoint();
        }
        Matcher matcher = COMMAND.matcher(line);
        if (!matcher.matches()) {
            return Verdict.FORWARD;
        }
        String verb = (matcher.group(2) == null ? "" : "UID ") + matcher.group(3).toUpperCase(Locale.ROOT);
        Command command = new Command(commands.size() + 1, verb, line);
        commands.add(command);
        if (armed == null || fired || armed.command() != command.number()) {
            return Verdict.FORWARD;
        }
        return switch (armed.cut()) {
            case BEFORE_COMMAND -> reachPoint();
            case REPLY_LOST, AFTER_REPLY -> {
                pair.watchedTag = matcher.group(1);
                yield Verdict.FORWARD;
            }
        };
    }

    private synchronized Verdict onServerLine(Pair pair, String line) {
        Matcher tag = TAG.matcher(line);
        if (pair.watchedTag == null || !tag.find() || !tag.group(1).equals(pair.watchedTag)) {
            return Verdict.FORWARD;
        }
        pair.watchedTag = null;
        if (armed.cut() == Cut.REPLY_LOST) {
            return reachPoint();
        }
        pair.cutBeforeNextLine = true;
        return Verdict.FORWARD;
    }

    private Verdict reachPoint() {
        fired = true;
        reached.countDown();
        return Verdict.DROP_AND_CUT;
    }

    private synchronized boolean holding() {
        return hold;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                // Without this, Nagle's algorithm and delayed acknowledgements stall every multi-line reply.
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Pair pair = new Pair(client, server);
                pairs.add(pair);
                pair.start();
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    System.err.println("fault proxy: cannot accept or connect: " + e);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cutAll();
    }

    /** One client connection and its connection to the server, each direction pumped by its own thread. */
    private final class Pair {
        private final Socket client;
        private final Socket server;
        /** Set only while the proxy's lock is held. */
        private String watchedTag;
        private boolean cutBeforeNextLine;

        Pair(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            daemon(() -> pump(client, server, true), "fault-proxy-up-" + client.getPort()).start();
            daemon(() -> pump(server, client, false), "fault-proxy-down-" + client.getPort()).start();
        }

        private Thread daemon(Runnable body, String name) {
            Thread thread = new Thread(body, name);
            thread.setDaemon(true);
            return thread;
        }

        private void pump(Socket from, Socket to, boolean upstream) {
            try {
                InputStream in = new BufferedInputStream(from.getInputStream());
                OutputStream out = new BufferedOutputStream(to.getOutputStream());
                boolean commandStart = true;
                while (true) {
                    byte[] line = readLine(in);
                    if (line == null) {
                        break;
                    }
                    String text = new String(line, StandardCharsets.ISO_8859_1).stripTrailing();
                    Verdict verdict = Verdict.FORWARD;
                    if (upstream && commandStart) {
                        if (commandDelayMillis > 0 && COMMAND.matcher(text).matches()) {
                            Thread.sleep(commandDelayMillis);
                        }
                        verdict = onClientCommand(this, text);
                    } else if (!upstream) {
                        verdict = onServerLine(this, text);
                    }
                    if (verdict == Verdict.DROP_AND_CUT) {
                        // What came before the fault point gets through; only the line at the point is lost.
                        out.flush();
                        if (holding()) {
                            // The test kills the client now; whatever is held is never forwarded.
                            awaitClosed(this);
                        }
                        cutAll();
                        return;
                    }
                    out.write(line);
                    Optional<Long> literal = literalLength(text);
                    if (literal.isPresent()) {
                        // A client sending a synchronizing literal waits for the server's go-ahead first.
                        out.flush();
                        copyExactly(in, out, literal.get());
                    }
                    // Whole replies go out in one piece; a peer waiting for more never waits on the proxy.
                    if (in.available() == 0) {
                        out.flush();
                    }
                    commandStart = literal.isEmpty();
                }
            } catch (IOException e) {
                // A cut or a peer hanging up ends the pump; the other direction notices on its own.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cut();
        }

        void cut() {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    /** Waits until the test (or the client hanging up) closes the connection, i.e. until the test is done with it. */
    private void awaitClosed(Pair pair) {
        try {
            while (!listener.isClosed() && !pair.client.isClosed()) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Long> literalLength(String line) {
        Matcher matcher = LITERAL.matcher(line);
        return matcher.find() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }

    private static void copyExactly(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("the stream ended inside a literal");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    /** One line including its CRLF, or null at the end of the stream. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already gone is as good as closed.
        }
    }
}
