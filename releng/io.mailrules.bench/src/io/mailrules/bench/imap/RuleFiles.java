package io.mailrules.bench.imap;

import static io.mailrules.bench.imap.SalesRules.ARCHIVE;
import static io.mailrules.bench.imap.SalesRules.AUTO_REPLIES;
import static io.mailrules.bench.imap.SalesRules.AUTO_REPLY_HEADER;
import static io.mailrules.bench.imap.SalesRules.AUTO_REPLY_SUBJECT;
import static io.mailrules.bench.imap.SalesRules.BOUNCES;
import static io.mailrules.bench.imap.SalesRules.BOUNCE_CONTENT_TYPE;
import static io.mailrules.bench.imap.SalesRules.BOUNCE_SENDERS;
import static io.mailrules.bench.imap.SalesRules.CUSTOMER_DOMAIN;
import static io.mailrules.bench.imap.SalesRules.NEWSLETTER_HEADER;
import static io.mailrules.bench.imap.SalesRules.TRASH;

/**
 * The sales rules as a {@code .mailrules} file and as an imapfilter configuration. Both are written the way a user of
 * each tool would write them, not translated command by command: that is what the comparison is about.
 */
final class RuleFiles {

    /** An imapfilter archive pass looks this many years back; the generated mail spans three. */
    static final int ARCHIVE_YEARS_BACK = 5;

    private RuleFiles() {
    }

    /** The password comes from the environment variable {@code passwordVariable}, never from the file. */
    static String mailrules(String host, int port, String user, String passwordVariable) {
        return """
                mailbox bench {
                    host "%s" port %d plain insecure
                    user "%s"
                    password from env "%s"
                }

                layout sales {
                    folder "%s"
                    folder "%s"
                    folder "%s" role archive
                }

                rules sales for bench layout sales in "INBOX" {
                    rule bounces when from contains "%s" or from contains "%s" or header "Content-Type" contains "%s"
                        then move to "%s"
                    rule auto-replies when header "%s" exists or subject contains "%s"
                        then move to "%s"
                    rule customer when from domain "%s"
                        then flag
                    rule old-newsletters when header "%s" exists and older than %d days
                        then delete
                    rule archive when older than %d days
                        then move to "%s/{year}"
                }
                """.formatted(host, port, user, passwordVariable, BOUNCES, AUTO_REPLIES, ARCHIVE, BOUNCE_SENDERS[0],
                BOUNCE_SENDERS[1], BOUNCE_CONTENT_TYPE, BOUNCES, AUTO_REPLY_HEADER, AUTO_REPLY_SUBJECT, AUTO_REPLIES,
                CUSTOMER_DOMAIN, NEWSLETTER_HEADER, SalesRules.NEWSLETTER_DAYS, SalesRules.ARCHIVE_DAYS, ARCHIVE);
    }

    /**
     * imapfilter has no MOVE: {@code move_messages} copies, marks \Deleted and expunges. {@code limit} keeps each
     * command under Dovecot's line limit on large result sets, which imapfilter would otherwise send in one line.
     */
    static String imapfilter(SalesRules rules, String host, int port, String user, String password) {
        int lastArchiveYear = rules.archiveCutoff().getYear();
        return """
                options.info = false
                options.create = true
                options.subscribe = true
                options.timeout = 600
                options.limit = 5000

                local account = IMAP {
                    server = '%s',
                    port = %d,
                    username = '%s',
                    password = '%s',
                }
                local inbox = account.INBOX

                local bounces = inbox:contain_from('%s') + inbox:contain_from('%s')
                    + inbox:contain_field('Content-Type', '%s')
                bounces:move_messages(account['%s'])

                local autoreplies = inbox:contain_field('%s', '') + inbox:contain_subject('%s')
                autoreplies:move_messages(account['%s'])

                inbox:contain_from('@%s'):mark_flagged()

                local newsletters = inbox:contain_field('%s', '') * inbox:is_older(%d)
                newsletters:move_messages(account['%s'])

                local old = inbox:is_older(%d)
                for year = %d, %d do
                    local part = old * inbox:arrived_since('01-Jan-' .. year) * inbox:arrived_before('01-Jan-' .. (year + 1))
                    if #part > 0 then
                        part:move_messages(account['%s/' .. year])
                    end
                end
                """.formatted(host, port, user, password, BOUNCE_SENDERS[0], BOUNCE_SENDERS[1], BOUNCE_CONTENT_TYPE,
                BOUNCES, AUTO_REPLY_HEADER, AUTO_REPLY_SUBJECT, AUTO_REPLIES, CUSTOMER_DOMAIN, NEWSLETTER_HEADER,
                SalesRules.NEWSLETTER_DAYS, TRASH, SalesRules.ARCHIVE_DAYS, lastArchiveYear - ARCHIVE_YEARS_BACK,
                lastArchiveYear, ARCHIVE);
    }
}
