package io.mailrules.imap.tests;

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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy to the private Dovecot's plaintext port that rewrites the server's answer lines the test chooses, so a
 * real session gets exactly one malformed answer in the middle of real ones. Literals (header blocks of a FETCH)
 * pass through untouched. It counts the client connections still open, to show whether the client hung up.
 */
final class RewritingProxy implements AutoCloseable {

    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\}$");

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final List<String> clientLines = new CopyOnWriteArrayList<>();
    private volatile UnaryOperator<String> rewrite = UnaryOperator.identity();

    private RewritingProxy(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
        Thread acceptor = new Thread(this::accept, "rewriting-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static RewritingProxy start(int targetPort) throws IOException {
        return new RewritingProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** From now on, every server line (without its CRLF) goes to the client as {@code rewrite} makes it. */
    void rewrite(UnaryOperator<String> rewrite) {
        this.rewrite = rewrite;
    }

    /** Every line the clients sent, in order. */
    List<String> clientLines() {
        return List.copyOf(clientLines);
    }

    /** Connections through the proxy that neither side has closed yet. */
    int openConnections() {
        return open.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                open.incrementAndGet();
                daemon(() -> {
                    pump(client, server, false);
                    open.decrementAndGet();
                }).start();
                daemon(() -> pump(server, client, true)).start();
            } catch (IOException e) {
                // closed
            }
        }
    }

    private static Thread daemon(Runnable body) {
        Thread thread = new Thread(body, "rewriting-proxy-pump");
        thread.setDaemon(true);
        return thread;
    }

    private void pump(Socket from, Socket to, boolean answers) {
        try (InputStream in = new BufferedInputStream(from.getInputStream());
                OutputStream out = new BufferedOutputStream(to.getOutputStream())) {
            while (true) {
                byte[] line = readLine(in);
                if (line == null) {
                    break;
                }
                String text = new String(line, StandardCharsets.ISO_8859_1);
                String body = text.endsWith("\r\n") ? text.substring(0, text.length() - 2) : text;
                String sent = answers ? rewrite.apply(body) : body;
                if (!answers) {
                    clientLines.add(body);
                }
                out.write((sent + (text.endsWith("\r\n") ? "\r\n" : "")).getBytes(StandardCharsets.ISO_8859_1));
                Matcher literal = LITERAL.matcher(sent);
                if (literal.find()) {
                    out.write(in.readNBytes(Integer.parseInt(literal.group(1))));
                }
                out.flush();
            }
        } catch (IOException e) {
            // One side hung up.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        for (int b = in.read(); b >= 0; b = in.read()) {
            line.write(b);
            if (previous == '\r' && b == '\n') {
                return line.toByteArray();
            }
            previous = b;
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(RewritingProxy::closeQuietly);
    }
}
