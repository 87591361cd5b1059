package io.mailrules.app;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The Mail Rules perspective: rule files on the left, the editor in the middle, problems below, outline right. */
public final class MailRulesPerspective implements IPerspectiveFactory {

    public static final String ID = "io.mailrules.app.perspective";
    public static final String PROJECT_EXPLORER = "org.eclipse.ui.navigator.ProjectExplorer";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editorArea = layout.getEditorArea();
        layout.setEditorAreaVisible(true);
        IFolderLayout left = layout.createFolder("io.mailrules.app.left", IPageLayout.LEFT, 0.22f, editorArea);
        left.addView(PROJECT_EXPLORER);
        IFolderLayout bottom = layout.createFolder("io.mailrules.app.bottom", IPageLayout.BOTTOM, 0.70f, editorArea);
        bottom.addView(IPageLayout.ID_PROBLEM_VIEW);
        IFolderLayout right = layout.createFolder("io.mailrules.app.right", IPageLayout.RIGHT, 0.75f, editorArea);
        right.addView(IPageLayout.ID_OUTLINE);
        layout.addShowViewShortcut(PROJECT_EXPLORER);
        layout.addShowViewShortcut(IPageLayout.ID_PROBLEM_VIEW);
        layout.addShowViewShortcut(IPageLayout.ID_OUTLINE);
    }
}
