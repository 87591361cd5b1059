package io.mailrules.app;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/** Names the product, its version and build, and the Java and Eclipse platform it runs on. */
public final class AboutMailrulesDialog extends TitleAreaDialog {

    /** Widget id (setData key "id") of the text that holds the version; UI tests find it by this id. */
    public static final String VERSION_LABEL_ID = "io.mailrules.about.version";

    private Image logo;

    public AboutMailrulesDialog(Shell parent) {
        super(parent);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("About Mailrules");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Mailrules " + ProductVersion.release());
        setMessage("Preview, run, undo and resume mail rules on many IMAP mailboxes.");
        logo = ImageDescriptor.createFromFile(AboutMailrulesDialog.class, "/icons/mailrules64.png").createImage(false);
        if (logo != null) {
            setTitleImage(logo);
        }
        Composite body = new Composite(area, SWT.NONE);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        body.setLayout(new GridLayout(2, false));
        row(body, "Version:", ProductVersion.release()).setData("id", VERSION_LABEL_ID);
        row(body, "Build:", ProductVersion.build());
        row(body, "Java:", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        row(body, "Eclipse workbench:", ProductVersion.platformVersion());
        return area;
    }

    private static Label row(Composite parent, String name, String value) {
        new Label(parent, SWT.NONE).setText(name);
        Label label = new Label(parent, SWT.NONE);
        label.setText(value);
        return label;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    public boolean close() {
        if (logo != null) {
            logo.dispose();
            logo = null;
        }
        return super.close();
    }
}
