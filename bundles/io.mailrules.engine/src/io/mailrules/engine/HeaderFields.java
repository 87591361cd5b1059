package io.mailrules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailrules.dsl.mailrules.FieldKind;
import io.mailrules.dsl.mailrules.FieldSelector;
import io.mailrules.dsl.mailrules.HeaderField;
import io.mailrules.dsl.mailrules.StandardField;

/** Header names behind the language's field selectors, and the addresses inside address fields. */
final class HeaderFields {

    /** An addr-spec as it appears inside angle brackets or bare; good enough to find the domain of a sender. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"(),;:]+@([^\\s<>\"(),;:]+)");

    private HeaderFields() {
    }

    static String name(FieldSelector selector) {
        if (selector instanceof HeaderField header) {
            return header.getName();
        }
        return switch (((StandardField) selector).getKind()) {
            case FROM -> "From";
            case TO -> "To";
            case CC -> "Cc";
            case SUBJECT -> "Subject";
        };
    }

    static boolean isAddressField(FieldSelector selector) {
        return selector instanceof StandardField standard && standard.getKind() != FieldKind.SUBJECT
                || selector instanceof HeaderField header && List.of("from", "to", "cc", "bcc", "sender", "reply-to")
                        .contains(header.getName().toLowerCase(Locale.ROOT));
    }

    static List<String> addresses(String value) {
        List<String> addresses = new ArrayList<>();
        Matcher matcher = ADDRESS.matcher(value);
        while (matcher.find()) {
            addresses.add(matcher.group());
        }
        return addresses;
    }

    /** Lower-cased domains of the addresses in a header value, without a trailing dot. */
    static List<String> domains(String value) {
        List<String> domains = new ArrayList<>();
        Matcher matcher = ADDRESS.matcher(value);
        while (matcher.find()) {
            String domain = matcher.group(1).toLowerCase(Locale.ROOT);
            domains.add(domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain);
        }
        return domains;
    }
}
