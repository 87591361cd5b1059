package io.mailrules.engine;

import java.util.List;

/** The rules of one job that read one folder, in evaluation order; {@code folder} as the rules file writes it. */
record FolderRules(String folder, List<CompiledRule> rules) {
    FolderRules {
        rules = List.copyOf(rules);
    }
}
