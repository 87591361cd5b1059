package io.mailrules.ui.preview;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * The filter box of the preview: a row stays when every word typed appears in one of its cells, ignoring case, so
 * that {@code bounces inbox} finds what the bounces rule does in INBOX.
 */
public final class PreviewFilter implements Predicate<PreviewRow> {

    private final String[] words;

    public PreviewFilter(String typed) {
        String trimmed = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
        this.words = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
    }

    @Override
    public boolean test(PreviewRow row) {
        for (String word : words) {
            boolean found = false;
            for (PreviewColumn column : PreviewColumn.values()) {
                if (column.text(row).toLowerCase(Locale.ROOT).contains(word)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
