package io.mailrules.tests.support;

import java.util.List;

import io.mailrules.ui.schedules.SchedulesView;

/** The Schedules view: the open files' schedules, their next runs, Enable and Disable. */
public final class SchedulesViewPage extends ViewPage {

    private SchedulesViewPage(SchedulesView view) {
        super(view, SchedulesView.TABLE);
    }

    public static SchedulesViewPage show() {
        return new SchedulesViewPage((SchedulesView) ViewPage.show(SchedulesView.ID));
    }

    public List<List<String>> schedules() {
        return rows(SchedulesView.TABLE);
    }

    public int column(String header) {
        return column(SchedulesView.TABLE, header);
    }

    public void select(String schedule) {
        selectRow(SchedulesView.TABLE, "Schedule", schedule);
    }

    public void enableSelected() {
        clickToolbar("Run this schedule while the workbench is open");
    }

    public void disableSelected() {
        clickToolbar("Stop running this schedule in this workbench");
    }

    public String status() {
        return labelText(SchedulesView.STATUS);
    }
}
