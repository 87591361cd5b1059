package io.mailrules.cli.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.mailrules.cli.Console;

/**
 * The secrets of {@code password from secret "NAME"} on machines without a desktop keyring:
 * {@code ${XDG_CONFIG_HOME:-~/.config}/mailrules/credentials}, one {@code NAME = SECRET} per line, blank lines and
 * lines starting with {@code #} ignored. The file is read only when nobody but its owner may read or change it, the
 * way ssh treats private keys: a secret others could read is already leaked, one others could change redirects the
 * login.
 */
public final class CredentialsFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final Path path;
    private Map<String, String> secrets;

    public CredentialsFile(Path path) {
        this.path = path;
    }

    /** Where the file is for the console's environment; a relative XDG_CONFIG_HOME is ignored, as XDG says. */
    public static CredentialsFile of(Console console) {
        Optional<Path> configHome = console.variable("XDG_CONFIG_HOME").map(Path::of).filter(Path::isAbsolute);
        Path base = configHome.orElseGet(() -> Path.of(console.variable("HOME")
                .orElseGet(() -> System.getProperty("user.home")), ".config"));
        return new CredentialsFile(base.resolve("mailrules").resolve("credentials"));
    }

    public Path path() {
        return path;
    }

    /**
     * @throws CredentialsProblem when the file is missing, unsafe or malformed, or lacks the name
     */
    public String secret(String name) throws CredentialsProblem {
        String secret = secrets().get(name);
        if (secret == null) {
            throw new CredentialsProblem("no secret named \"" + name + "\" in " + path + "; add a line '" + name
                    + " = ...' to it");
        }
        return secret;
    }

    // Mailboxes of a fleet run log in from several threads; the file is read once for all of them.
    private synchronized Map<String, String> secrets() throws CredentialsProblem {
        if (secrets == null) {
            requireOwnerOnly();
            secrets = parse(read());
        }
        return secrets;
    }

    private void requireOwnerOnly() throws CredentialsProblem {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(path);
        } catch (NoSuchFileException e) {
            throw new CredentialsProblem(path + " does not exist; create it with lines 'name = secret' and make it"
                    + " private with: chmod 600 " + path);
        } catch (UnsupportedOperationException e) {
            throw new CredentialsProblem(path + " is on a file system without owner-only permissions; Mailrules"
                    + " keeps secrets only on one that has them");
        } catch (IOException e) {
            throw new CredentialsProblem("cannot read " + path + ": " + e.getMessage());
        }
        Set<PosixFilePermission> others = EnumSet.copyOf(permissions);
        others.removeAll(OWNER_ONLY);
        if (!others.isEmpty()) {
            throw new CredentialsProblem(path + " is accessible to " + who(others) + " (mode "
                    + PosixFilePermissions.toString(permissions) + "); it holds passwords, so Mailrules reads it only"
                    + " when nobody but its owner can: chmod 600 " + path);
        }
    }

    private static String who(Set<PosixFilePermission> permissions) {
        boolean group = permissions.stream().anyMatch(p -> p.name().startsWith("GROUP"));
        boolean world = permissions.stream().anyMatch(p -> p.name().startsWith("OTHERS"));
        return group && world ? "its group and all users" : group ? "its group" : "all users";
    }

    private List<String> read() throws CredentialsProblem {
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CredentialsProblem("cannot read " + path + ": " + e.getMessage());
        }
    }

    // A malformed line is named by number only: its text may be a secret.
    private Map<String, String> parse(List<String> lines) throws CredentialsProblem {
        Map<String, String> parsed = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0 || line.substring(0, equals).isBlank()) {
                throw new CredentialsProblem(path + " line " + (i + 1) + " is not of the form 'name = secret'");
            }
            parsed.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
        }
        return parsed;
    }
}
