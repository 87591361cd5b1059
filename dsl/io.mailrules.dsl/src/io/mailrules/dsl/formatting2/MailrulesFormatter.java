package io.mailrules.dsl.formatting2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.formatting2.AbstractJavaFormatter;
import org.eclipse.xtext.formatting2.FormatterPreferenceKeys;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.IHiddenRegionFormatter;
import org.eclipse.xtext.formatting2.regionaccess.IEObjectRegion;
import org.eclipse.xtext.formatting2.regionaccess.IHiddenRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.preferences.MapBasedPreferenceValues;

import io.mailrules.dsl.mailrules.Folder;
import io.mailrules.dsl.mailrules.Group;
import io.mailrules.dsl.mailrules.Import;
import io.mailrules.dsl.mailrules.Layout;
import io.mailrules.dsl.mailrules.Limits;
import io.mailrules.dsl.mailrules.Mailbox;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.dsl.mailrules.Retention;
import io.mailrules.dsl.mailrules.Rule;
import io.mailrules.dsl.mailrules.RuleBlock;
import io.mailrules.dsl.mailrules.Schedule;
import io.mailrules.dsl.mailrules.TopLevel;

/**
 * The one canonical layout of .mailrules files:
 * <ul>
 * <li>single spaces between tokens, none inside parentheses or before commas;</li>
 * <li>braces open on the line of their declaration; one entry per line inside, indented by 4 spaces;</li>
 * <li>a rule is "rule NAME when CONDITION" on one line and "then ACTIONS" on the next, indented once more;</li>
 * <li>one blank line between top-level declarations, except within a run of groups or of schedules; no blank
 * lines inside blocks (a range of allowed blank lines would not be idempotent next to line comments, whose token
 * includes the line break); a final newline.</li>
 * </ul>
 * Comments stay where they are, and a line comment sticks to the line below it (no blank line after it);
 * continuation lines of block comments are aligned one space right of the
 * comment's indentation. Formatting twice gives the same text.
 */
public class MailrulesFormatter extends AbstractJavaFormatter {

    private static final String INDENT = "    ";

    // The layout is canonical, so the editor's or client's indentation preference does not apply.
    @Override
    public void initialize(FormatterRequest request) {
        request.setPreferences(new MapBasedPreferenceValues(request.getPreferences(),
                Map.of(FormatterPreferenceKeys.indentation.getId(), INDENT,
                        FormatterPreferenceKeys.lineSeparator.getId(), "\n")));
        super.initialize(request);
    }

    protected void format(Model model, IFormattableDocument doc) {
        spacing(model, doc);
        List<Import> imports = model.getImports();
        for (int i = 0; i < imports.size(); i++) {
            boolean lastImport = i == imports.size() - 1;
            int lines = lastImport && !model.getElements().isEmpty() ? 2 : 1;
            doc.append(imports.get(i), r -> r.setNewLines(lines));
        }
        List<TopLevel> elements = model.getElements();
        for (int i = 0; i < elements.size(); i++) {
            int lines = i == elements.size() - 1 || oneLiners(elements.get(i), elements.get(i + 1)) ? 1 : 2;
            doc.append(elements.get(i), r -> r.setNewLines(lines));
            doc.format(elements.get(i));
        }
        ISemanticRegion first = getTextRegionAccess().regionForEObject(model).getPreviousHiddenRegion()
                .getNextSemanticRegion();
        if (first != null) {
            doc.prepend(first, IHiddenRegionFormatter::noSpace);
        }
    }

    /** Consecutive groups, or consecutive schedules, form one paragraph. */
    private static boolean oneLiners(TopLevel a, TopLevel b) {
        return a.eClass() == b.eClass() && (a instanceof Group || a instanceof Schedule);
    }

    protected void format(Mailbox mailbox, IFormattableDocument doc) {
        block(mailbox, mailbox.getSettings(), doc);
    }

    protected void format(Layout layout, IFormattableDocument doc) {
        block(layout, layout.getFolders(), doc);
    }

    protected void format(Folder folder, IFormattableDocument doc) {
        block(folder, folder.getChildren(), doc);
    }

    protected void format(RuleBlock block, IFormattableDocument doc) {
        block(block, withLimits(block.getLimits(), block.getRules()), doc);
    }

    protected void format(Retention retention, IFormattableDocument doc) {
        block(retention, withLimits(retention.getLimits(), retention.getPolicies()), doc);
    }

    protected void format(Limits limits, IFormattableDocument doc) {
        block(limits, limits.getSettings(), doc);
    }

    /** A block's limits come first, on lines of their own like its rules. */
    private static List<EObject> withLimits(Limits limits, List<? extends EObject> entries) {
        List<EObject> children = new ArrayList<>();
        if (limits != null) {
            children.add(limits);
        }
        children.addAll(entries);
        return children;
    }

    protected void format(Rule rule, IFormattableDocument doc) {
        ISemanticRegion then = regionFor(rule).keyword("then");
        IEObjectRegion whole = getTextRegionAccess().regionForEObject(rule);
        if (then != null) {
            doc.prepend(then, IHiddenRegionFormatter::newLine);
            doc.set(then.getPreviousHiddenRegion(), whole.getNextHiddenRegion(), IHiddenRegionFormatter::indent);
        }
    }

    /** Braces on the declaration's line, each child on its own line, indented. */
    private void block(EObject owner, List<? extends EObject> children, IFormattableDocument doc) {
        ISemanticRegion open = regionFor(owner).keyword("{");
        ISemanticRegion close = regionFor(owner).keyword("}");
        if (open == null || close == null) {
            return;
        }
        doc.interior(open, close, IHiddenRegionFormatter::indent);
        doc.append(open, IHiddenRegionFormatter::newLine);
        for (int i = 0; i < children.size(); i++) {
            EObject child = children.get(i);
            doc.append(child, IHiddenRegionFormatter::newLine);
            doc.format(child);
        }
    }

    /**
     * Token spacing of the whole file in one pass: one space by default (at low priority, so that line breaks set
     * by the structure win), none after '(' and before ')', ',' and '%'.
     */
    private void spacing(Model model, IFormattableDocument doc) {
        for (ISemanticRegion region : getTextRegionAccess().regionForEObject(model).getAllSemanticRegions()) {
            IHiddenRegion after = region.getNextHiddenRegion();
            ISemanticRegion next = after.getNextSemanticRegion();
            if (next == null) {
                continue;
            }
            String text = region.getText();
            String nextText = next.getText();
            if ("(".equals(text) || ")".equals(nextText) || ",".equals(nextText) || "%".equals(nextText)
                    || ":".equals(text) || ":".equals(nextText)
                    || ("(".equals(nextText) && ("all".equals(text) || "any".equals(text)))) {
                doc.set(after, IHiddenRegionFormatter::noSpace);
            } else {
                doc.set(after, r -> {
                    r.oneSpace();
                    r.lowPriority();
                });
            }
        }
    }
}
