package io.mailrules.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The streams and working directory a command talks to. Commands never touch {@code System.out} or the JVM's working
 * directory themselves, so tests run them in-process with captured streams and a directory of their own.
 *
 * @param out results only (diagnostics, tables, JSON, protocol), so that it can be piped into other programs
 * @param err messages for people: summaries, progress, logs, usage
 * @param workingDirectory what relative paths on the command line are relative to
 */
public record Console(InputStream in, PrintStream out, PrintStream err, Path workingDirectory) {

    /** A path as typed on the command line, resolved the way the user's shell would. */
    public Path resolve(String typedPath) {
        return workingDirectory.resolve(typedPath).normalize();
    }
}
