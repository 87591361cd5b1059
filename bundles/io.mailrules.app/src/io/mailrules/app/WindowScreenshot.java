package io.mailrules.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;

/** Saves what a shell shows as a PNG, for documentation and for scripted start-up checks. */
public final class WindowScreenshot {

    private WindowScreenshot() {
    }

    public static void save(Shell shell, Path png) {
        Rectangle bounds = shell.getBounds();
        Image image = new Image(shell.getDisplay(), bounds.width, bounds.height);
        GC gc = new GC(shell.getDisplay());
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            Files.createDirectories(png.toAbsolutePath().getParent());
            ImageLoader loader = new ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
            loader.save(png.toString(), SWT.IMAGE_PNG);
            System.out.println("mailrules: screenshot saved to " + png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save screenshot to " + png, e);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
