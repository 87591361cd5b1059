package io.mailrules.bench;

/** A large, realistic rule file: every rule distinct, so no analysis can short-cut through duplicates. */
final class GeneratedRules {

    private GeneratedRules() {
    }

    static String withRules(int count) {
        StringBuilder text = new StringBuilder("""
                mailbox sdr { host "imap.example.com" port 993 tls user "sdr@example.com" password from secret "sdr" }
                layout sales { folder "Replies" { folder "Positive" folder "Negative" } folder "Bounces"
                    folder "Customers" folder "Archive" role archive }
                rules routing for sdr layout sales in "INBOX" {
                """);
        for (int i = 0; i < count; i++) {
            String target = switch (i % 4) {
                case 0 -> "Replies/Positive";
                case 1 -> "Replies/Negative";
                case 2 -> "Customers";
                default -> "Bounces";
            };
            text.append("    rule r").append(i)
                    .append(" when from domain \"customer").append(i).append(".example\" and subject contains \"order ")
                    .append(i).append("\" and newer than ").append(1 + i % 300).append(" days\n")
                    .append("        then add keyword \"c").append(i).append("\", move to \"").append(target).append("\"\n");
        }
        return text.append("}\n").toString();
    }
}
