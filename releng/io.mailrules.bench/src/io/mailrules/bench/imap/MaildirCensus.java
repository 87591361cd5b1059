package io.mailrules.bench.imap;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Where every message of a maildir (Maildir++ layout) ended up, read from the files rather than through IMAP, so that
 * the check depends on none of the tools it checks. One line per message, sorted: folder, Message-ID, and which of
 * \Flagged and \Deleted it carries. Empty folders leave no line: whether a tool created a folder it did not need
 * (a layout's parent folder) is not what this census compares.
 */
final class MaildirCensus {

    private MaildirCensus() {
    }

    static List<String> of(Path maildir) throws IOException {
        TreeSet<String> lines = new TreeSet<>();
        collect(maildir, "INBOX", lines);
        try (Stream<Path> children = Files.list(maildir)) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith(".") && !name.equals(".") && !name.equals("..") && Files.isDirectory(child)) {
                    // Maildir++ writes the hierarchy separator as '.'; the benchmark's folder names contain none.
                    collect(child, name.substring(1).replace('.', '/'), lines);
                }
            }
        }
        return List.copyOf(lines);
    }

    private static void collect(Path folder, String name, TreeSet<String> lines) throws IOException {
        for (String sub : new String[] {"cur", "new"}) {
            Path directory = folder.resolve(sub);
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    String messageId = messageId(file);
                    if (!lines.add(name + "\t" + messageId + "\t" + flags(file.getFileName().toString()))) {
                        throw new IllegalStateException(messageId + " is twice in " + name);
                    }
                }
            }
        }
    }

    private static String flags(String fileName) {
        int info = fileName.indexOf(":2,");
        String letters = info < 0 ? "" : fileName.substring(info + 3);
        List<String> flags = new ArrayList<>();
        if (letters.indexOf('F') >= 0) {
            flags.add("\\Flagged");
        }
        if (letters.indexOf('T') >= 0) {
            flags.add("\\Deleted");
        }
        return String.join(" ", flags);
    }

    private static String messageId(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
                if (line.toLowerCase(Locale.ROOT).startsWith("message-id:")) {
                    return line.substring("message-id:".length()).trim();
                }
            }
        }
        throw new IllegalStateException(file + " has no Message-ID");
    }
}
