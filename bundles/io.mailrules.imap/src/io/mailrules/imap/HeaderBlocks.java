package io.mailrules.imap;

import io.mailrules.core.plan.Flags;
import io.mailrules.core.plan.SystemFlag;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.source.MessageHeaders;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;

/** Builds the header FETCH request and reads its answers into {@link MessageHeaders}. */
final class HeaderBlocks {

    private HeaderBlocks() {
    }

    /**
     * {@code (UID INTERNALDATE RFC822.SIZE FLAGS BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)])}: PEEK, so that reading
     * headers for a plan never marks mail as read.
     */
    static String fetchItems(Set<String> headerFieldNames) {
        StringBuilder items = new StringBuilder("(UID INTERNALDATE RFC822.SIZE FLAGS");
        if (!headerFieldNames.isEmpty()) {
            TreeSet<String> names = new TreeSet<>();
            for (String name : headerFieldNames) {
                names.add(requireFieldName(name).toUpperCase(Locale.ROOT));
            }
            items.append(" BODY.PEEK[HEADER.FIELDS (").append(String.join(" ", names)).append(")]");
        }
        return items.append(')').toString();
    }

    private static String requireFieldName(String name) {
        if (name.isEmpty() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ':' && "()\"\\[]{}%*".indexOf(c) < 0)) {
            throw new IllegalArgumentException("\"" + name + "\" is not a header field name");
        }
        return name;
    }

    /**
     * Only answers for requested UIDs count: other FETCH responses are flag changes made by other clients.
     *
     * @throws MalformedAnswer when an answer for a requested message gives it no size a message can have
     */
    static List<MessageHeaders> parse(Reply reply, UidSet requested) throws MalformedAnswer {
        List<MessageHeaders> result = new ArrayList<>();
        for (Response response : reply.responses()) {
            if (!(response instanceof FetchResponse fetch)) {
                continue;
            }
            UID uid = fetch.getItem(UID.class);
            INTERNALDATE date = fetch.getItem(INTERNALDATE.class);
            RFC822SIZE size = fetch.getItem(RFC822SIZE.class);
            if (uid == null || date == null || size == null || !requested.contains(uid.uid)) {
                continue;
            }
            if (size.size < 0) {
                // Angus reads a size that is no number as -1.
                throw new MalformedAnswer("FETCH gave message " + uid.uid + " no valid RFC822.SIZE");
            }
            FLAGS flags = fetch.getItem(FLAGS.class);
            BODY body = fetch.getItem(BODY.class);
            result.add(new MessageHeaders(uid.uid, Instant.ofEpochMilli(date.getDate().getTime()), size.size,
                    flags == null ? Flags.NONE : toFlags(flags),
                    MessageHeaders.headerMap(body == null ? List.of() : fields(body.getByteArrayInputStream()))));
        }
        return result;
    }

    private static List<Map.Entry<String, String>> fields(ByteArrayInputStream block) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // The header parser finds its stream provider through the context class loader, as the connector's session
        // does; in OSGi the caller's loader (a command line or UI bundle) cannot see Angus Mail's.
        thread.setContextClassLoader(IMAPStore.class.getClassLoader());
        try {
            InternetHeaders headers = new InternetHeaders(block, true);
            Enumeration<Header> all = headers.getAllHeaders();
            while (all.hasMoreElements()) {
                Header header = all.nextElement();
                fields.add(Map.entry(header.getName(), decode(header.getValue())));
            }
        } catch (MessagingException e) {
            // A header block the parser cannot read leaves the message without fields, so no rule matches on them.
            return List.of();
        } finally {
            thread.setContextClassLoader(previous);
        }
        return fields;
    }

    /** Unfolds continuation lines and decodes RFC 2047 encoded words, so rules compare what a mail client shows. */
    private static String decode(String raw) {
        String unfolded = MimeUtility.unfold(raw == null ? "" : raw).strip();
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException e) {
            return unfolded;
        }
    }

    private static Flags toFlags(jakarta.mail.Flags flags) {
        List<String> names = new ArrayList<>();
        for (jakarta.mail.Flags.Flag flag : flags.getSystemFlags()) {
            systemName(flag).ifPresent(names::add);
        }
        for (String keyword : flags.getUserFlags()) {
            if (isAtom(keyword)) {
                names.add(keyword);
            }
        }
        return Flags.of(names);
    }

    private static java.util.Optional<String> systemName(jakarta.mail.Flags.Flag flag) {
        SystemFlag mapped = flag == jakarta.mail.Flags.Flag.SEEN ? SystemFlag.SEEN
                : flag == jakarta.mail.Flags.Flag.ANSWERED ? SystemFlag.ANSWERED
                : flag == jakarta.mail.Flags.Flag.FLAGGED ? SystemFlag.FLAGGED
                : flag == jakarta.mail.Flags.Flag.DELETED ? SystemFlag.DELETED
                : flag == jakarta.mail.Flags.Flag.DRAFT ? SystemFlag.DRAFT
                : null;
        return java.util.Optional.ofNullable(mapped).map(SystemFlag::imapName);
    }

    private static boolean isAtom(String keyword) {
        return !keyword.isEmpty() && keyword.chars().allMatch(c -> c > 0x20 && c < 0x7f && "(){ %*\"\\]".indexOf(c) < 0);
    }
}
