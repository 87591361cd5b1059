package io.mailrules.ui.tests;

import org.eclipse.emf.common.util.URI;

import io.mailrules.dsl.mailrules.Model;
import io.mailrules.ui.MailrulesUiPlugin;
import io.mailrules.ui.model.RulesParser;

/** Rules text parsed by the workbench's own parser, as the views see a file. */
final class TestRules {

    private TestRules() {
    }

    static Model parse(String text) {
        return (Model) MailrulesUiPlugin.service(RulesParser.class)
                .parse(URI.createURI("memory:/test.mailrules"), text).resource().getContents().getFirst();
    }
}
