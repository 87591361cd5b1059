package io.mailrules.bench.imap;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The least IMAP a client can speak: one command at a time over a plain socket, each answered before the next goes
 * out (Dovecot 2.3 reports EXPUNGEISSUED when a SEARCH is pipelined behind a MOVE).
 */
final class ImapWire implements AutoCloseable {

    private final Optional<PrintStream> trace;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int tag;

    /** @param trace where each command's time goes, when finding out where a run spends it */
    ImapWire(String host, int port, Optional<PrintStream> trace) throws IOException {
        this.trace = trace;
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 10_000);
        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        out = socket.getOutputStream();
        String greeting = line();
        if (!greeting.startsWith("* OK")) {
            throw new IOException("unexpected greeting: " + greeting);
        }
    }

    /** Sends one command and returns its untagged answers. @throws IOException on NO or BAD */
    List<String> command(String text) throws IOException {
        Answer answer = send(text);
        if (!answer.ok()) {
            throw new IOException(abbreviated(text) + " -> " + answer.status());
        }
        return answer.untagged();
    }

    record Answer(boolean ok, String status, List<String> untagged) {
    }

    Answer send(String text) throws IOException {
        long start = System.nanoTime();
        String t = "b" + (++tag);
        out.write((t + " " + text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        List<String> untagged = new ArrayList<>();
        while (true) {
            String line = line();
            if (line.startsWith(t + " ")) {
                String status = line.substring(t.length() + 1);
                trace.ifPresent(out -> out.printf(Locale.ROOT, "imap command %-60s %8.3f s%n", abbreviated(text),
                        (System.nanoTime() - start) / 1e9));
                return new Answer(status.startsWith("OK"), status, untagged);
            }
            untagged.add(line);
        }
    }

    /** One response line, with any literal it announces read into it. */
    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed by the server");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                int open = text.lastIndexOf('{');
                if (!text.endsWith("}") || open < 0) {
                    return text;
                }
                int length = Integer.parseInt(text.substring(open + 1, text.length() - 1).replace("+", ""));
                line.reset();
                line.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
                line.write(in.readNBytes(length));
                continue;
            }
            line.write(b);
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
