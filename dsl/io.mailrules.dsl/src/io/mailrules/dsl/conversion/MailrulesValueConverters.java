package io.mailrules.dsl.conversion;

import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.AbstractNullSafeConverter;
import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.nodemodel.INode;

/**
 * Value conversion for the regex literal and for names, which may be written with a leading '^'.
 */
public class MailrulesValueConverters extends DefaultTerminalConverters {

    private final IValueConverter<String> regexConverter = new RegexConverter();
    private final IValueConverter<String> nameConverter = new NameConverter();

    @ValueConverter(rule = "REGEX")
    public IValueConverter<String> REGEX() {
        return regexConverter;
    }

    @ValueConverter(rule = "Name")
    public IValueConverter<String> Name() {
        return nameConverter;
    }

    /** {@code /a\/b/} holds the pattern {@code a/b}; other escapes belong to java.util.regex and stay. */
    static final class RegexConverter extends AbstractNullSafeConverter<String> {
        @Override
        protected String internalToValue(String string, INode node) {
            if (string.length() < 2 || !string.startsWith("/") || !string.endsWith("/")) {
                throw new ValueConverterException("A regular expression is written /like this/", node, null);
            }
            return string.substring(1, string.length() - 1).replace("\\/", "/");
        }

        @Override
        protected String internalToString(String value) {
            return "/" + value.replace("/", "\\/") + "/";
        }
    }

    /** The '^' escape lets a name clash with a keyword; it is not part of the name. */
    static final class NameConverter extends AbstractNullSafeConverter<String> {
        @Override
        protected String internalToValue(String string, INode node) {
            return string.startsWith("^") ? string.substring(1) : string;
        }

        @Override
        protected String internalToString(String value) {
            return value;
        }
    }
}
