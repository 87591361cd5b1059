package io.mailrules.logins.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailrules.dsl.mailrules.MailrulesFactory;
import io.mailrules.dsl.mailrules.SecretKind;
import io.mailrules.dsl.mailrules.SecretSource;
import io.mailrules.logins.CredentialsFile;
import io.mailrules.logins.CredentialsProblem;
import io.mailrules.logins.SecretSources;

class SecretSourcesTest {

    @TempDir
    Path home;

    private SecretSources sources(Map<String, String> environment) {
        return new SecretSources(environment, home, CredentialsFile.of(environment));
    }

    private static SecretSource source(SecretKind kind, String reference) {
        SecretSource source = MailrulesFactory.eINSTANCE.createSecretSource();
        source.setKind(kind);
        source.setReference(reference);
        return source;
    }

    @Test
    void readsAnEnvironmentVariableAndNamesAMissingOne() throws Exception {
        SecretSources secrets = sources(Map.of("ANA_PASSWORD", "s3cret", "EMPTY", ""));
        assertEquals("s3cret", secrets.resolve(source(SecretKind.ENV, "ANA_PASSWORD")));
        CredentialsProblem empty = assertThrows(CredentialsProblem.class,
                () -> secrets.resolve(source(SecretKind.ENV, "EMPTY")));
        assertEquals("environment variable EMPTY is not set", empty.getMessage());
    }

    @Test
    void takesTheFirstLineACommandPrintsWithTheGivenEnvironment() throws Exception {
        SecretSources secrets = sources(Map.of("WORD", "from-env", "PATH", System.getenv("PATH")));
        assertEquals("from-env", secrets.resolve(source(SecretKind.COMMAND, "echo $WORD; echo second line")));
    }

    @Test
    void aFailingCommandIsReportedWithItsExitStatusAndFirstErrorLine() {
        SecretSources secrets = sources(Map.of("PATH", System.getenv("PATH")));
        CredentialsProblem problem = assertThrows(CredentialsProblem.class,
                () -> secrets.resolve(source(SecretKind.COMMAND, "echo no such entry >&2; exit 3")));
        assertEquals("command `echo` exited with 3: no such entry", problem.getMessage());
    }

    @Test
    void readsAPrivateCredentialsFileUnderXdgConfigHome() throws Exception {
        Path file = credentialsFile("# secrets\nsdr-ana = correct horse\n", "rw-------");
        SecretSources secrets = sources(Map.of("XDG_CONFIG_HOME", home.toString()));
        assertEquals("correct horse", secrets.resolve(source(SecretKind.SECRET, "sdr-ana")));
        CredentialsProblem missing = assertThrows(CredentialsProblem.class,
                () -> secrets.resolve(source(SecretKind.SECRET, "sdr-ben")));
        assertTrue(missing.getMessage().startsWith("no secret named \"sdr-ben\" in " + file), missing.getMessage());
    }

    @Test
    void refusesACredentialsFileOthersCanRead() throws Exception {
        credentialsFile("sdr-ana = correct horse\n", "rw-r--r--");
        SecretSources secrets = sources(Map.of("XDG_CONFIG_HOME", home.toString()));
        CredentialsProblem problem = assertThrows(CredentialsProblem.class,
                () -> secrets.resolve(source(SecretKind.SECRET, "sdr-ana")));
        assertTrue(problem.getMessage().contains("accessible to its group and all users"), problem.getMessage());
        assertTrue(problem.getMessage().contains("chmod 600"), problem.getMessage());
    }

    private Path credentialsFile(String content, String permissions) throws IOException {
        Path file = home.resolve("mailrules").resolve("credentials");
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}
