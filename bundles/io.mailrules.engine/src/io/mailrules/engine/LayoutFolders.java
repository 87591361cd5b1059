package io.mailrules.engine;

import java.util.ArrayList;
import java.util.List;

import io.mailrules.dsl.mailrules.Folder;
import io.mailrules.dsl.mailrules.Layout;

/** The folder paths of a layout, parents before children, in the order the layout lists them. */
final class LayoutFolders {

    private LayoutFolders() {
    }

    static List<String> paths(Layout layout) {
        List<String> paths = new ArrayList<>();
        for (Folder folder : layout.getFolders()) {
            add("", folder, paths);
        }
        return paths;
    }

    private static void add(String parent, Folder folder, List<String> paths) {
        String path = parent.isEmpty() ? folder.getName() : parent + "/" + folder.getName();
        paths.add(path);
        for (Folder child : folder.getChildren()) {
            add(path, child, paths);
        }
    }
}
