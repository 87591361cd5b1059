package io.mailrules.dsl.ide.hover;

import static java.util.Map.entry;

import java.util.Map;

/**
 * Hover texts (Markdown) of the language's words. A word whose meaning depends on where it stands has entries
 * keyed "EClass:word" for each place, looked up before the plain word.
 */
public final class KeywordDocumentation {

    private static final Map<String, String> DOCS = Map.ofEntries(
            entry("import", "**import** \"file.mailrules\"  \nMakes the mailboxes, groups, layouts and policies of another file visible here, resolved relative to this file. Declarations of files that are not imported stay invisible."),
            entry("mailbox", "**mailbox** NAME { ... }  \nAn IMAP account: `host`, `user`, credentials, optionally `trust certificate` and `trash`."),
            entry("host", "**host** \"imap.example.com\" [port N] [tls | starttls | plain insecure]  \nThe IMAP server. Port defaults to 993 with tls, 143 otherwise."),
            entry("port", "**port** N  \nTCP port of the IMAP server, 1..65535."),
            entry("tls", "**tls**  \nImplicit TLS from the first byte (IMAPS, usually port 993)."),
            entry("starttls", "**starttls**  \nPlain connection upgraded with STARTTLS before login (usually port 143). The run fails if the server does not offer it."),
            entry("plain", "**plain insecure**  \nNo encryption at all: the password crosses the network in clear text. Must be confirmed with `insecure`."),
            entry("insecure", "**insecure**  \nConfirms a `plain` connection without encryption."),
            entry("user", "**user** \"login\"  \nThe IMAP login name."),
            entry("password", "**password** from secret \"name\" | from env \"VAR\" | from command \"cmd\"  \nWhere the password comes from. A literal `password \"...\"` is an error: passwords never live in rule files."),
            entry("oauth2", "**oauth2 token** from secret | env | command  \nLogs in with XOAUTH2 (Google Workspace, Microsoft 365) using a bearer token from the given source."),
            entry("token", "**oauth2 token**  \nAn OAuth 2 access token, used with SASL XOAUTH2."),
            entry("SecretSource:from", "**from** secret | env | command  \nWhere a credential is read at run time."),
            entry("secret", "**secret** \"name\"  \nA credential kept in the workbench's secure storage (Equinox secure storage) under this name."),
            entry("env", "**env** \"VARIABLE\"  \nA credential read from an environment variable of the process that runs the rules."),
            entry("command", "**command** \"cmd\"  \nA credential printed by a command (for example a password manager) on its standard output."),
            entry("trust", "**trust certificate** \"sha256 fingerprint\"  \nAccepts exactly this server certificate (for self-signed servers) instead of the usual chain validation."),
            entry("certificate", "**trust certificate** \"AB:CD:...\"  \nSHA-256 fingerprint of the server certificate: 64 hex digits."),
            entry("TrashFolder:trash", "**trash** \"Folder\"  \nWhere `delete` moves mail when the server does not mark a folder with SPECIAL-USE \\\\Trash."),
            entry("group", "**group** NAME = mailbox, mailbox, ...  \nA set of mailboxes that rules and retention policies can name at once."),
            entry("layout", "**layout** NAME { folder ... }  \nThe folder tree that rules move mail into. Folders missing on a server are created before a run; the dry run lists them."),
            entry("folder", "**folder** \"Name\" [role R] [{ subfolders }]  \nA folder of a layout. Rules name nested folders with '/', like \"Replies/Positive\"; the server's own delimiter is used on the wire."),
            entry("role", "**role** archive | trash | sent | drafts | junk  \nMarks the folder that plays a SPECIAL-USE role; `{archive}` in a target path stands for it."),
            entry("archive", "**archive**  \nThe archive folder (SPECIAL-USE \\\\Archive)."),
            entry("Role:trash", "**trash**  \nThe trash folder (SPECIAL-USE \\\\Trash); `delete` moves mail there."),
            entry("sent", "**sent**  \nThe sent-mail folder (SPECIAL-USE \\\\Sent)."),
            entry("drafts", "**drafts**  \nThe drafts folder (SPECIAL-USE \\\\Drafts)."),
            entry("junk", "**junk**  \nThe spam folder (SPECIAL-USE \\\\Junk)."),
            entry("rules", "**rules** NAME for TARGETS [layout L] [in \"Folder\"] { rule ... }  \nRouting rules for the messages of one folder (INBOX by default). Rules are tried in order; non-terminal actions accumulate, and the first terminal action (move, delete, expunge, stop) ends the message's evaluation."),
            entry("for", "**for** mailbox | group, ...  \nThe mailboxes the block or policy applies to."),
            entry("RuleBlock:in", "**in** \"Folder\"  \nThe folder whose messages the rules read; INBOX if omitted."),
            entry("RetentionPolicy:in", "**in** \"Folder\" keep N days|months then ACTION  \nThe folder this retention entry cleans."),
            entry("rule", "**rule** [NAME] when CONDITION then ACTION, ...  \nOne routing rule. It fires for messages matching the condition unless an earlier rule ended their evaluation."),
            entry("when", "**when** CONDITION  \nCombine tests with `and`, `or`, `not`, parentheses, `all(...)` and `any(...)`; `always` matches every message."),
            entry("then", "**then** ACTION, ...  \nActions run in the order written. move, delete, expunge and stop are terminal: later rules do not see the message."),
            entry("and", "**and**  \nBoth sides must match. Binds tighter than `or`."),
            entry("or", "**or**  \nEither side matches."),
            entry("not", "**not** CONDITION  \nInverts a test (IMAP SEARCH NOT)."),
            entry("all", "**all**(c1, c2, ...)  \nEvery listed condition matches; the same as joining them with `and`."),
            entry("any", "**any**(c1, c2, ...)  \nAt least one listed condition matches; the same as joining them with `or`."),
            entry("always", "**always**  \nMatches every message: a catch-all. Rules after a terminal catch-all never fire."),
            entry("from", "**from** is | contains | matches | exists | domain  \nTests the From address (IMAP SEARCH FROM)."),
            entry("to", "**to** is | contains | matches | exists | domain  \nTests the To recipients (IMAP SEARCH TO)."),
            entry("MoveAction:to", "**move to** \"Folder\"  \nThe target folder, a layout path such as \"Archive/{year}\"."),
            entry("CopyAction:to", "**copy to** \"Folder\"  \nThe folder that receives a copy."),
            entry("cc", "**cc** is | contains | matches | exists | domain  \nTests the Cc recipients (IMAP SEARCH CC)."),
            entry("subject", "**subject** is | contains | matches | exists  \nTests the Subject (IMAP SEARCH SUBJECT)."),
            entry("header", "**header** \"Name\" is | contains | matches | exists | domain  \nTests any header field (IMAP SEARCH HEADER). Regex and domain tests need a header fetch."),
            entry("IsMatcher:is", "**is** \"value\"  \nThe whole field equals the value, ignoring case. Found with SEARCH and confirmed on the envelope."),
            entry("contains", "**contains** \"text\"  \nThe field contains the text, ignoring case: a plain IMAP SEARCH, evaluated on the server."),
            entry("matches", "**matches** /regex/  \nJava regular expression, searched anywhere in the field. IMAP SEARCH cannot express it, so the field of every candidate message is fetched: use contains where it will do."),
            entry("exists", "**exists**  \nThe header field is present (IMAP SEARCH HEADER name \"\")."),
            entry("domain", "**domain** \"example.com\"  \nThe address is at this domain or one of its subdomains."),
            entry("older", "**older than** N days|months  \nInternal date before today minus N (IMAP SEARCH BEFORE)."),
            entry("newer", "**newer than** N days|months  \nInternal date on or after today minus N (IMAP SEARCH SINCE)."),
            entry("than", "**than**  \nPart of `older than`, `newer than`, `size larger than`, `size smaller than`."),
            entry("days", "**days**  \nCalendar days."),
            entry("months", "**months**  \nCalendar months; \"2 months\" on 31 March means before 31 January."),
            entry("size", "**size** larger|smaller than N kb|mb  \nRFC 822 size of the message (IMAP SEARCH LARGER / SMALLER)."),
            entry("larger", "**larger than**  \nIMAP SEARCH LARGER."),
            entry("smaller", "**smaller than**  \nIMAP SEARCH SMALLER."),
            entry("kb", "**kb**  \nKibibytes (1024 bytes)."),
            entry("mb", "**mb**  \nMebibytes (1024 kb)."),
            entry("FlagCondition:is", "**is** flagged | seen | answered  \nTests a system flag (IMAP SEARCH FLAGGED / SEEN / ANSWERED)."),
            entry("flagged", "**flagged**  \nThe message has the \\\\Flagged flag."),
            entry("FlagCondition:seen", "**seen**  \nThe message has the \\\\Seen flag (it was read)."),
            entry("answered", "**answered**  \nThe message has the \\\\Answered flag."),
            entry("has", "**has keyword** \"k\"  \nThe message carries this IMAP keyword (IMAP SEARCH KEYWORD)."),
            entry("keyword", "**keyword** \"name\"  \nAn IMAP keyword (a user flag such as $AutoReply). Servers may refuse new keywords if PERMANENTFLAGS lacks \\\\*."),
            entry("move", "**move to** \"Folder\"  \nTerminal. One UID MOVE per target folder, or COPY + STORE \\\\Deleted + UID EXPUNGE of exactly those messages where MOVE is missing."),
            entry("copy", "**copy to** \"Folder\"  \nNot terminal: a copy goes to the folder and evaluation continues."),
            entry("delete", "**delete**  \nTerminal. Moves the message to Trash (SPECIAL-USE \\\\Trash, else the mailbox's trash folder); undo can bring it back."),
            entry("expunge", "**expunge**  \nTerminal and permanent: marks \\\\Deleted and UID EXPUNGEs exactly these messages. Never a plain EXPUNGE."),
            entry("flag", "**flag**  \nAdds the \\\\Flagged flag. Not terminal."),
            entry("unflag", "**unflag**  \nRemoves the \\\\Flagged flag. Not terminal."),
            entry("mark", "**mark** seen | unseen  \nSets or clears \\\\Seen. Not terminal."),
            entry("MarkAction:seen", "**mark seen**  \nAdds the \\\\Seen flag."),
            entry("unseen", "**mark unseen**  \nRemoves the \\\\Seen flag."),
            entry("add", "**add keyword** \"k\"  \nAdds an IMAP keyword. Not terminal."),
            entry("remove", "**remove keyword** \"k\"  \nRemoves an IMAP keyword. Not terminal."),
            entry("stop", "**stop**  \nTerminal: ends evaluation of the message without doing anything else."),
            entry("retention", "**retention** NAME for TARGETS [layout L] { in \"F\" keep N days then ACTION }  \nAge-based cleanup; each entry costs one SEARCH BEFORE per folder."),
            entry("keep", "**keep** N days|months  \nMessages younger than this stay where they are."),
            entry("limits", "**limits** { remove at most 20% and 2000  move at most 50% or 5000 }  \nHow much of a folder one run of this block may change. A run that would go past a limit refuses the whole mailbox before sending anything; the dry run shows it, and `--allow-large` (or the workbench's Apply, after asking) goes past. Without a setting, the defaults shown here apply."),
            entry("LimitSetting:remove", "**remove at most** SHARE [and | or NUMBER]  \nMessages this block may delete or expunge from one folder in one run. Default: 20% and 2000 (more than 20% of the folder, or more than 2,000 messages, is refused)."),
            entry("LimitSetting:move", "**move at most** SHARE [and | or NUMBER]  \nMessages this block may move out of one folder in one run. Default: 50% or 5000 (refused only when both more than half of the folder and more than 5,000 messages)."),
            entry("LimitSetting:at", "**at most**  \nThe most a run may change; more refuses the mailbox."),
            entry("most", "**at most**  \nThe most a run may change; more refuses the mailbox."),
            entry("LimitSetting:and", "**and**  \nBoth the share and the number must hold."),
            entry("LimitSetting:or", "**or**  \nEither the share or the number is enough."),
            entry("%", "**N%**  \nA share of the folder's messages when the run was planned, 0% to 100%."),
            entry("schedule", "**schedule** NAME every N minutes|hours | daily at HH:MM | cron \"expr\" run NAME, ...  \nWhen `mailrules serve` runs rules blocks and retention policies."),
            entry("every", "**every** N minutes|hours  \nA fixed interval: 1..1440 minutes or 1..24 hours."),
            entry("minutes", "**minutes**  \n1..1440."),
            entry("hours", "**hours**  \n1..24."),
            entry("daily", "**daily at** HH:MM  \nOnce a day at this local time, 00:00 to 23:59."),
            entry("at", "**at** HH:MM  \nLocal time of day."),
            entry("cron", "**cron** \"m h dom mon dow\"  \nA five-field cron expression, for example \"30 3 * * 0\" for Sundays at 03:30."),
            entry("run", "**run** NAME, ...  \nThe rules blocks and retention policies to run."));

    private KeywordDocumentation() {
    }

    /** @return the Markdown documentation of {@code keyword} where it appears in an element of {@code eClassName} */
    public static String lookup(String eClassName, String keyword) {
        String specific = DOCS.get(eClassName + ":" + keyword);
        return specific != null ? specific : DOCS.get(keyword);
    }
}
