package io.mailrules.ui.tests;

import java.nio.file.Path;

final class Screenshots {

    private Screenshots() {
    }

    static Path file(String name) {
        return Path.of(System.getProperty("mailrules.screenshots", "target/screenshots")).resolve(name);
    }
}
