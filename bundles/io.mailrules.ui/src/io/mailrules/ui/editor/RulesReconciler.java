package io.mailrules.ui.editor;

import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.MonoReconciler;

/** The reconciler of a rules editor, which the editor also asks to run when the text did not change (a save). */
final class RulesReconciler extends MonoReconciler {

    /** How long the user pauses typing before the text is validated again. */
    static final int DELAY_MILLIS = 400;

    RulesReconciler(IReconcilingStrategy strategy) {
        super(strategy, false);
        setDelay(DELAY_MILLIS);
    }

    /** Validates again, e.g. because a file this one imports was saved. */
    void reconcileNow() {
        forceReconciling();
    }
}
