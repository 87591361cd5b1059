package io.mailrules.ui.help;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Path;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.FrameworkUtil;

/**
 * Help > Mailrules Guide: the user guide and the language reference, the same text as the project's docs, shipped
 * in the bundle and shown without a help server or browser.
 */
public final class GuideView extends ViewPart {

    public static final String ID = "io.mailrules.ui.guideView";
    public static final String GUIDE_TAB = "Workbench Guide";
    public static final String LANGUAGE_TAB = "Language Reference";

    private CTabFolder tabs;

    @Override
    public void createPartControl(Composite parent) {
        tabs = new CTabFolder(parent, SWT.BOTTOM | SWT.FLAT);
        tab(GUIDE_TAB, "help/workbench.md");
        tab(LANGUAGE_TAB, "help/language.md");
        tabs.setSelection(0);
    }

    private void tab(String title, String document) {
        StyledText text = new StyledText(tabs, SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        text.setData("id", document);
        text.setMargins(12, 8, 12, 8);
        MarkdownText rendered = MarkdownText.render(read(document));
        text.setText(rendered.text());
        Font code = JFaceResources.getTextFont();
        Font heading = JFaceResources.getHeaderFont();
        Font bold = JFaceResources.getBannerFont();
        for (MarkdownText.Span span : rendered.spans()) {
            StyleRange style = new StyleRange();
            style.start = span.start();
            style.length = span.length();
            style.font = switch (span.kind()) {
                case HEADING -> heading;
                case SUBHEADING -> bold;
                case CODE -> code;
            };
            text.setStyleRange(style);
        }
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText(title);
        item.setControl(text);
    }

    private static String read(String document) {
        URL url = FileLocator.find(FrameworkUtil.getBundle(GuideView.class), new Path(document));
        if (url == null) {
            return "# " + document + " is missing\n\nThe installation is incomplete.";
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "# " + document + " cannot be read\n\n" + e.getMessage();
        }
    }

    /** The text shown under a tab, for tests. */
    public String text(String tab) {
        for (CTabItem item : tabs.getItems()) {
            if (item.getText().equals(tab)) {
                return ((StyledText) item.getControl()).getText();
            }
        }
        throw new IllegalArgumentException("no tab " + tab);
    }

    @Override
    public void setFocus() {
        tabs.setFocus();
    }
}
