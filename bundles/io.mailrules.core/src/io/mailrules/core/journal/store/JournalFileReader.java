package io.mailrules.core.journal.store;

import io.mailrules.core.json.JournalJson;
import io.mailrules.core.run.RunId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a run's journal file. Only the unterminated end of the file is forgiven (see {@link TornLine}); a complete
 * line that does not parse, or that breaks the order of a run, was not made by a crash of our writer and is reported
 * with its line number rather than guessed around.
 */
final class JournalFileReader {

    private JournalFileReader() {
    }

    static RunJournal read(Path file, RunId run) throws IOException {
        // Read whole: a journal holds UID sets in ranges, so even a run over 100k messages stays small.
        byte[] bytes = Files.readAllBytes(file);
        JournalSequence sequence = new JournalSequence(run);
        int lineNumber = 0;
        int start = 0;
        while (true) {
            int end = indexOf(bytes, (byte) '\n', start);
            if (end < 0) {
                break;
            }
            lineNumber++;
            accept(sequence, file, lineNumber, decode(bytes, start, end, file, lineNumber));
            start = end + 1;
        }
        Optional<TornLine> torn = start < bytes.length
                ? Optional.of(new TornLine(file, lineNumber + 1, start, bytes.length - start))
                : Optional.empty();
        if (!sequence.hasHeader()) {
            // The writer renames a file into place only once its header is synced, so no crash leaves this.
            throw new JournalCorruptException(file, 1, "no complete header line", null);
        }
        return sequence.toJournal(file, torn);
    }

    private static void accept(JournalSequence sequence, Path file, int lineNumber, String line)
            throws JournalCorruptException {
        try {
            sequence.accept(JournalJson.entryFromLine(line));
        } catch (IllegalArgumentException e) {
            throw new JournalCorruptException(file, lineNumber, e.getMessage(), e);
        }
    }

    private static String decode(byte[] bytes, int start, int end, Path file, int lineNumber)
            throws JournalCorruptException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, end - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new JournalCorruptException(file, lineNumber, "not UTF-8", e);
        }
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
