package io.mailrules.imap.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample rules for {@link io.mailrules.imap.testsupport.SalesMail}: four routing rules in the inbox (a move, a
 * keyword and a move, a flag and a move, a flag) and a retention policy on the auto-replies, each mailbox logging in
 * with plain IMAP on loopback.
 */
final class SalesRules {

    private SalesRules() {
    }

    /** A mailbox block whose password comes from the secret named like the mailbox. */
    static String mailbox(String name, int port, String user) {
        return "mailbox " + name + " {\n    host \"127.0.0.1\" port " + port + " plain insecure\n    user \"" + user
                + "\"\n    password from secret \"" + name + "\"\n}\n";
    }

    /**
     * @param targets the mailbox or group the rules are for
     * @param retentionEnd what happens to auto-replies older than 30 days: {@code delete} or {@code expunge}
     */
    static Path write(Path file, String targets, String retentionEnd, String... mailboxBlocks) throws IOException {
        Files.writeString(file, String.join("", mailboxBlocks) + """
                layout sales {
                    folder "Bounces"
                    folder "AutoReplies"
                    folder "Newsletters"
                    folder "Archive" role archive
                }

                rules routing for TARGETS layout sales in "INBOX" {
                    rule bounces when from matches /mailer-daemon|postmaster/ then move to "Bounces"
                    rule ooo when header "Auto-Submitted" exists or subject contains "out of office"
                        then add keyword "$AutoReply", move to "AutoReplies"
                    rule newsletters when header "List-Unsubscribe" exists then mark seen, move to "Newsletters"
                    rule vip when from domain "bigcustomer.com" then flag
                }

                retention cleanup for TARGETS layout sales {
                    in "AutoReplies" keep 30 days then END
                }
                """.replace("TARGETS", targets).replace("END", retentionEnd));
        return file;
    }
}
