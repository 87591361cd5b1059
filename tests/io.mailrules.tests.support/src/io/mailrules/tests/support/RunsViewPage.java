package io.mailrules.tests.support;

import java.util.List;

import io.mailrules.ui.runs.RunsView;

/** The Runs view: the journal's runs, the batches of the selected one, Undo and Resume. */
public final class RunsViewPage extends ViewPage {

    private RunsViewPage(RunsView view) {
        super(view, RunsView.RUNS);
    }

    /** Shows the view once it has read the journal, so that counting its runs counts the journal's. */
    public static RunsViewPage show() {
        RunsView view = (RunsView) ViewPage.show(RunsView.ID);
        Wait.until("the Runs view to have read the journal", view::journalShown);
        return new RunsViewPage(view);
    }

    public List<List<String>> runs() {
        return rows(RunsView.RUNS);
    }

    public List<List<String>> batches() {
        return rows(RunsView.BATCHES);
    }

    public int column(String header) {
        return column(RunsView.RUNS, header);
    }

    public void select(String runId) {
        selectRow(RunsView.RUNS, "Run", runId);
    }

    public void undoSelected() {
        clickToolbar("Reverse the selected run from its journal");
    }

    public boolean canUndo() {
        return isToolbarEnabled("Reverse the selected run from its journal");
    }
}
