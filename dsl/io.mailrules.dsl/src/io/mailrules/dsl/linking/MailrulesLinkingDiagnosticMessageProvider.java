package io.mailrules.dsl.linking;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;

import io.mailrules.dsl.analysis.Describe;
import io.mailrules.dsl.mailrules.MailrulesPackage;

/**
 * Says what kind of thing could not be found and where it was asked for, in the words of the language.
 */
public class MailrulesLinkingDiagnosticMessageProvider extends LinkingDiagnosticMessageProvider {

    @Override
    public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
        EClass type = context.getReference().getEReferenceType();
        String what = kind(type);
        if (what == null) {
            return super.getUnresolvedProxyMessage(context);
        }
        String message = "Unknown " + what + " '" + context.getLinkText() + "' in " + Describe.element(context.getContext())
                + hint(type);
        return new DiagnosticMessage(message, Severity.ERROR, Diagnostic.LINKING_DIAGNOSTIC);
    }

    private static String kind(EClass type) {
        MailrulesPackage p = MailrulesPackage.eINSTANCE;
        if (type == p.getTarget()) {
            return "mailbox or group";
        } else if (type == p.getMailbox()) {
            return "mailbox";
        } else if (type == p.getLayout()) {
            return "layout";
        } else if (type == p.getJob()) {
            return "rules block or retention policy";
        }
        return null;
    }

    private static String hint(EClass type) {
        return type == MailrulesPackage.eINSTANCE.getLayout()
                ? " (declare it here or import the file that declares it)"
                : "";
    }
}
