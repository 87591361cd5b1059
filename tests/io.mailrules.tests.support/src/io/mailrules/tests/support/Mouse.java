package io.mailrules.tests.support;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;

/** Clicks as a user does: pointer events posted to the display, at the middle of what is clicked. */
public final class Mouse {

    private Mouse() {
    }

    /** Clicks the middle of an area given in the control's own coordinates. */
    public static void click(Control control, Rectangle area) {
        Point target = Ui.call(() -> Ui.display().map(control, null, area.x + area.width / 2,
                area.y + area.height / 2));
        post(SWT.MouseMove, 0, target);
        post(SWT.MouseDown, 1, target);
        post(SWT.MouseUp, 1, target);
        // Only waits for the UI thread to get round to the queue, without dispatching events itself: a click may
        // lead to a modal dialog, whose event loop would otherwise run inside this wait and never return.
        Ui.run(() -> {
            // nothing: reaching here means the UI thread processed what came before
        });
    }

    /** Clicks the middle of a control. */
    public static void click(Control control) {
        Rectangle size = Ui.call(() -> {
            Point extent = control.getSize();
            return new Rectangle(0, 0, extent.x, extent.y);
        });
        click(control, size);
    }

    private static void post(int type, int button, Point at) {
        Event event = new Event();
        event.type = type;
        event.button = button;
        event.x = at.x;
        event.y = at.y;
        boolean posted = Ui.call(() -> Ui.display().post(event));
        if (!posted) {
            throw new AssertionError("the display refused a posted mouse event (is the XTEST extension missing?)");
        }
        // Posted events reach the X server asynchronously; a pause keeps move, press and release in order.
        try {
            Thread.sleep(30);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
