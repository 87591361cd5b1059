package io.mailrules.tests.support;

import java.time.Duration;
import java.util.List;

import io.mailrules.ui.preview.PreviewView;

/** The Preview view: its counts, the message table, the filter and the Apply and Export buttons. */
public final class PreviewViewPage extends ViewPage {

    private static final String APPLY = "Apply exactly the previewed plan, journaled";

    private PreviewViewPage(PreviewView view) {
        super(view, PreviewView.TABLE);
    }

    /** The Preview view once it is open (e.g. after Preview Run). */
    public static PreviewViewPage waitForView() {
        PreviewView view = Wait.forValue("the Preview view", () -> Ui.call(() -> page().findView(PreviewView.ID)
                instanceof PreviewView found ? found : null), Wait.DEFAULT_TIMEOUT);
        return new PreviewViewPage(view);
    }

    /** Waits until the dry run has read every mailbox and the view shows its result. */
    public void waitForPreview() {
        Wait.until("the preview to finish", () -> labelText(PreviewView.STATUS).contains("would change"),
                Duration.ofSeconds(60));
    }

    public String status() {
        return labelText(PreviewView.STATUS);
    }

    public String ruleCounts() {
        return labelText(PreviewView.RULES);
    }

    public String folderCounts() {
        return labelText(PreviewView.FOLDERS);
    }

    public String folderDeltas() {
        return labelText(PreviewView.DELTAS);
    }

    public String foldersToCreate() {
        return labelText(PreviewView.CREATE);
    }

    public String warnings() {
        return labelText(PreviewView.WARNINGS);
    }

    /** What Apply would refuse before sending anything, as the view lists it. */
    public String checks() {
        return labelText(PreviewView.CHECKS);
    }

    public List<List<String>> messages() {
        return rows(PreviewView.TABLE);
    }

    public int column(String header) {
        return column(PreviewView.TABLE, header);
    }

    /** Empties the filter box and types the text into it. */
    public void filter(String text) {
        clearText(PreviewView.FILTER);
        typeInto(PreviewView.FILTER, text);
    }

    public void sortBy(String header) {
        clickColumnHeader(PreviewView.TABLE, header);
    }

    /** Clicks Apply and waits until the view reports what the run did. */
    public String apply() {
        clickToolbar(APPLY);
        return waitForApplied();
    }

    /** Clicks Apply where the preview found something Apply would refuse, which makes it ask first. */
    public ApplyPastChecksPage applyAndExpectTheQuestion() {
        clickToolbar(APPLY);
        return ApplyPastChecksPage.waitForDialog();
    }

    /** Waits until the view reports what the run did. */
    public String waitForApplied() {
        return Wait.forValue("the apply to finish", () -> {
            String status = status();
            return status.startsWith("Applied ") ? status : null;
        }, Duration.ofSeconds(60));
    }

    public boolean canApply() {
        return isToolbarEnabled(APPLY);
    }
}
