package io.mailrules.app;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** Shapes the main window: title with the version, size, menus; and the optional start-up screenshot. */
final class MailrulesWindowAdvisor extends WorkbenchWindowAdvisor {

    /** Lets the window lay out and paint before a start-up screenshot is taken. */
    private static final int SCREENSHOT_DELAY_MILLIS = 1500;

    private final StartupOptions options;

    MailrulesWindowAdvisor(IWorkbenchWindowConfigurer configurer, StartupOptions options) {
        super(configurer);
        this.options = options;
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new MailrulesActionBarAdvisor(configurer);
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
        configurer.setInitialSize(new Point(1280, 860));
        configurer.setShowCoolBar(false);
        configurer.setShowStatusLine(true);
        configurer.setShowProgressIndicator(true);
        configurer.setTitle(windowTitle());
    }

    static String windowTitle() {
        return "Mailrules " + ProductVersion.release();
    }

    @Override
    public void postWindowOpen() {
        var shell = getWindowConfigurer().getWindow().getShell();
        System.out.println("mailrules: workbench window open: " + shell.getText());
        if (options.screenshot().isEmpty() && !options.exitAfterStartup()) {
            return;
        }
        shell.getDisplay().timerExec(SCREENSHOT_DELAY_MILLIS, () -> {
            options.screenshot().ifPresent(path -> WindowScreenshot.save(shell, path));
            if (options.exitAfterStartup()) {
                PlatformUI.getWorkbench().close();
            }
        });
    }
}
