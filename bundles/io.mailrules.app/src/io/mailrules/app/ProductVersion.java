package io.mailrules.app;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

/** The version users see in the window title and the about dialog: the version of this bundle. */
public final class ProductVersion {

    private ProductVersion() {
    }

    /** Major.minor.micro, e.g. {@code 0.1.0}. */
    public static String release() {
        Version version = bundleVersion();
        return version.getMajor() + "." + version.getMinor() + "." + version.getMicro();
    }

    /** The build qualifier, which tells two builds of one release apart. */
    public static String build() {
        return bundleVersion().getQualifier();
    }

    public static String platformVersion() {
        Bundle workbench = FrameworkUtil.getBundle(org.eclipse.ui.PlatformUI.class);
        return workbench == null ? "unknown" : workbench.getVersion().toString();
    }

    private static Version bundleVersion() {
        Bundle bundle = FrameworkUtil.getBundle(ProductVersion.class);
        return bundle == null ? Version.emptyVersion : bundle.getVersion();
    }
}
