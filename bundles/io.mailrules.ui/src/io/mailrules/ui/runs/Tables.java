package io.mailrules.ui.runs;

import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

/** The tables of the Preview, Runs and Schedules views: a list of rows, headers, lines, and text columns. */
public final class Tables {

    private Tables() {
    }

    /** @param id the widget id ({@code setData("id", ...)}) tests and accessibility tools find the table by */
    public static TableViewer create(Composite parent, int style, String id) {
        TableViewer viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | style);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.getTable().setData("id", id);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        return viewer;
    }

    public static <T> TableViewerColumn column(TableViewer viewer, String title, int width, Class<T> type,
            Function<T, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(type.cast(element));
            }
        });
        return column;
    }
}
