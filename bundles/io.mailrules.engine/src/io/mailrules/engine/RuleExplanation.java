package io.mailrules.engine;

/**
 * How one rule is evaluated, for the CLI and the preview: what the server searches and what the client must
 * fetch and why, e.g. {@code server SEARCH: HEADER "From" "", then header fetch of From because regex}.
 *
 * @param job the rules block or retention policy
 * @param rule the rule's qualified name as plans show it
 * @param folder the folder the rule reads, as the rules file writes it
 * @param needsHeaderFetch whether the rule costs a header fetch
 */
public record RuleExplanation(String job, String rule, String folder, boolean needsHeaderFetch, String text) {

    @Override
    public String toString() {
        return rule + " in \"" + folder + "\": " + text;
    }
}
