package io.mailrules.cli.validate;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.common.util.URI;

import io.mailrules.dsl.mailrules.Model;

/**
 * A rules file loaded to be planned or run.
 *
 * @param typedPath the file as the user named it, for messages
 * @param file the file itself
 * @param model present only when the file and its imports have no errors: a file with errors is never run
 * @param contents the bytes each loaded file was parsed from, by its resource's URI
 */
public record LoadedRules(String typedPath, Path file, ValidationResult validation, Optional<Model> model,
        Map<URI, byte[]> contents) {

    public LoadedRules {
        contents = Map.copyOf(contents);
    }
}
