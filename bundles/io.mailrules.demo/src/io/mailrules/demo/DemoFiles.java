package io.mailrules.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample rules file of the demo: the two demo mailboxes on the running server, a sales folder layout, routing
 * for replies, bounces, out-of-office answers and newsletters, retention, and a schedule. It is an ordinary rules
 * file: the password comes from an environment variable, as a real one would.
 */
public final class DemoFiles {

    public static final String RULES_FILE_NAME = "sales-demo.mailrules";

    private DemoFiles() {
    }

    /** Writes the sample file for this server into {@code directory} (created if needed) and returns its path. */
    public static Path write(Path directory, DemoServer server) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(RULES_FILE_NAME);
        Files.writeString(file, rules(server), StandardCharsets.UTF_8);
        return file;
    }

    /** The text of the sample file for this server. */
    public static String rules(DemoServer server) {
        StringBuilder text = new StringBuilder();
        text.append("""
                // Mailrules demo: two sales mailboxes on the embedded demo server (loopback only, generated mail).
                // Preview a run, apply it, then undo it: nothing here touches a real account.

                """);
        for (DemoMailbox mailbox : server.mailboxes()) {
            text.append("mailbox ").append(mailbox.name()).append(" {\n")
                    .append("    // The demo server speaks IMAP without TLS, on this machine only.\n")
                    .append("    host \"").append(server.host()).append("\" port ").append(server.imapPort())
                    .append(" plain insecure\n")
                    .append("    user \"").append(mailbox.login()).append("\"\n")
                    .append("    password from env \"").append(DemoServer.PASSWORD_VARIABLE).append("\"\n")
                    .append("    trash \"").append(DemoServer.TRASH).append("\"\n")
                    .append("}\n\n");
        }
        text.append("group sales = ")
                .append(String.join(", ", server.mailboxes().stream().map(DemoMailbox::name).toList()))
                .append("\n\n");
        text.append("""
                layout sales {
                    folder "Replies" {
                        folder "Interested"
                        folder "Unsubscribe"
                    }
                    folder "Bounces"
                    folder "AutoReplies"
                    folder "Newsletters"
                    folder "Archive" role archive
                    folder "Trash" role trash
                }

                rules routing for sales layout sales in "INBOX" {
                    // Bounces first: some of them also look like auto-replies.
                    rule bounces when from matches /mailer-daemon|postmaster/
                        then move to "Bounces"
                    rule out-of-office when header "Auto-Submitted" exists
                        then add keyword "$AutoReply", move to "AutoReplies"
                    rule newsletters when header "List-Unsubscribe" exists
                        then mark seen, move to "Newsletters"
                    rule interested when subject contains "re:" and (subject contains "demo" or subject contains "pricing")
                        then flag, move to "Replies/Interested"
                    rule unsubscribe when subject contains "re:" and subject contains "unsubscribe"
                        then move to "Replies/Unsubscribe"
                }

                retention cleanup for sales layout sales {
                    // Runs refuse to remove more than 20% of a folder; expired newsletters can be most of theirs.
                    limits {
                        remove at most 500
                    }
                    in "Newsletters" keep 30 days then delete
                    in "INBOX" keep 365 days then move to "Archive/{year}"
                }

                schedule routing-often every 15 minutes run routing
                schedule nightly daily at 02:00 run cleanup
                """);
        return text.toString();
    }
}
