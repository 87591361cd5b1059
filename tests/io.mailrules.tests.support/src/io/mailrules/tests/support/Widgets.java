package io.mailrules.tests.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;

/** Finds widgets in a widget tree; call on the UI thread. */
public final class Widgets {

    private Widgets() {
    }

    public static List<Control> all(Composite root) {
        List<Control> all = new ArrayList<>();
        for (Control child : root.getChildren()) {
            all.add(child);
            if (child instanceof Composite composite) {
                all.addAll(all(composite));
            }
        }
        return all;
    }

    public static <T extends Control> Optional<T> find(Composite root, Class<T> type, Predicate<T> wanted) {
        return all(root).stream().filter(type::isInstance).map(type::cast).filter(c -> !c.isDisposed())
                .filter(wanted).findFirst();
    }

    /** The control the product tagged with {@code setData("id", id)}. */
    public static <T extends Control> Optional<T> byId(Composite root, Class<T> type, String id) {
        return find(root, type, control -> id.equals(control.getData("id")));
    }

    /** A visible tool bar button by its text or tool tip. */
    public static Optional<ToolItem> toolItem(Composite root, String label) {
        return all(root).stream().filter(ToolBar.class::isInstance).map(ToolBar.class::cast)
                .filter(bar -> bar.isVisible())
                .flatMap(bar -> Arrays.stream(bar.getItems()))
                .filter(item -> label.equals(item.getText()) || label.equals(item.getToolTipText()))
                .findFirst();
    }
}
