package io.mailrules.cli.validate;

import java.nio.file.Path;
import java.util.Optional;

import io.mailrules.dsl.mailrules.Model;

/**
 * A rules file loaded to be planned or run.
 *
 * @param typedPath the file as the user named it, for messages
 * @param file the file itself
 * @param model present only when the file and its imports have no errors: a file with errors is never run
 */
public record LoadedRules(String typedPath, Path file, ValidationResult validation, Optional<Model> model) {
}
