package io.mailrules.cli.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;

import io.mailrules.dsl.mailrules.Model;

/**
 * Declarations of a rules file and of the files it imports: mailboxes and groups may live in a shared fleet file,
 * so lookups search the whole resource set the file was validated in, the file itself first.
 */
public final class ModelElements {

    private ModelElements() {
    }

    public static <T> List<T> all(Model model, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Resource resource : model.eResource().getResourceSet().getResources()) {
            for (EObject content : resource.getContents()) {
                if (content instanceof Model file) {
                    file.getElements().stream().filter(type::isInstance).map(type::cast).forEach(found::add);
                }
            }
        }
        return found;
    }

    /** The first declaration of that type and name; names are unique per type, so there is at most one. */
    public static <T> Optional<T> named(Model model, Class<T> type, String name,
            java.util.function.Function<T, String> nameOf) {
        return all(model, type).stream().filter(element -> name.equals(nameOf.apply(element))).findFirst();
    }
}
