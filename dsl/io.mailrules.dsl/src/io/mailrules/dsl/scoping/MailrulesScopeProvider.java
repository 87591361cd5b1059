package io.mailrules.dsl.scoping;

/**
 * Default scoping is all the language needs: declarations are flat and top-level, visible in their own file and in
 * files that import it (see MailrulesRuntimeModule). Folder paths are strings, resolved by
 * {@link io.mailrules.dsl.analysis.LayoutIndex} rather than by linking.
 */
public class MailrulesScopeProvider extends AbstractMailrulesScopeProvider {
}
