package io.mailrules.tests.support;

import java.util.Arrays;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/** Window > Preferences: choosing a page, editing its fields and pressing its buttons with real input events. */
public final class PreferencesDialogPage extends ShellPage {

    public static final String TITLE = "Preferences";

    private PreferencesDialogPage(Shell shell) {
        super(shell);
    }

    /** Opens the dialog from the Window menu. */
    public static PreferencesDialogPage open(WorkbenchWindowPage workbench) {
        workbench.chooseMenuItem("Window", "Preferences...");
        return new PreferencesDialogPage(ShellPage.waitFor(TITLE).shell);
    }

    /** Clicks a top-level page in the dialog's tree. */
    public void selectPage(String name) {
        activate();
        Tree tree = Ui.call(() -> Widgets.find(shell, Tree.class, t -> true).orElseThrow());
        TreeItem item = Wait.forValue("page '" + name + "' in the preference tree", () -> Ui.call(() -> Arrays
                .stream(tree.getItems()).filter(i -> name.equals(i.getText())).findFirst().orElse(null)),
                Wait.DEFAULT_TIMEOUT);
        Mouse.click(tree, Ui.call(item::getBounds));
        Wait.until("page '" + name + "' to be selected", () -> Ui.call(() -> tree.getSelectionCount() == 1
                && tree.getSelection()[0] == item));
    }

    /** The text of the field the product tagged with this id. */
    public String field(String id) {
        return Ui.call(() -> text(id).getText());
    }

    /** Clicks into the field, selects what it holds and types the new value over it. */
    public void typeInto(String id, String value) {
        Text field = Ui.call(() -> text(id));
        Mouse.click(field);
        Keyboard.press(SWT.CTRL, 'a');
        Keyboard.typeText(value);
        Wait.until("field " + id + " to read '" + value + "'", () -> Ui.call(() -> field.getText().equals(value)));
    }

    public boolean isChecked(String label) {
        return Ui.call(() -> button(label).getSelection());
    }

    public boolean isEnabled(String label) {
        return Ui.call(() -> button(label).isEnabled());
    }

    /** Clicks a button or check box by its label (mnemonics left out). */
    public void click(String label) {
        Mouse.click(Ui.call(() -> button(label)));
    }

    private Text text(String id) {
        return Widgets.byId(shell, Text.class, id).filter(Text::isVisible)
                .orElseThrow(() -> new AssertionError("no field " + id + " on the page shown"));
    }

    private Button button(String label) {
        return Widgets.find(shell, Button.class, b -> b.isVisible() && label.equals(b.getText().replace("&", "")))
                .orElseThrow(() -> new AssertionError("no button '" + label + "' in " + TITLE));
    }
}
