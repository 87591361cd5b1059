package io.mailrules.dsl;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.linking.ILinkingDiagnosticMessageProvider;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.eclipse.xtext.scoping.impl.AbstractDeclarativeScopeProvider;
import org.eclipse.xtext.scoping.impl.ImportUriGlobalScopeProvider;
import org.eclipse.xtext.scoping.impl.SimpleLocalScopeProvider;

import com.google.inject.Binder;
import com.google.inject.name.Names;

import io.mailrules.dsl.conversion.MailrulesValueConverters;
import io.mailrules.dsl.linking.MailrulesLinkingDiagnosticMessageProvider;
import io.mailrules.dsl.naming.MailrulesQualifiedNameProvider;

/**
 * Runtime bindings of the Mailrules language.
 */
public class MailrulesRuntimeModule extends AbstractMailrulesRuntimeModule {

    @Override
    public Class<? extends IValueConverterService> bindIValueConverterService() {
        return MailrulesValueConverters.class;
    }

    public Class<? extends ILinkingDiagnosticMessageProvider> bindILinkingDiagnosticMessageProvider() {
        return MailrulesLinkingDiagnosticMessageProvider.class;
    }

    @Override
    public Class<? extends IQualifiedNameProvider> bindIQualifiedNameProvider() {
        return MailrulesQualifiedNameProvider.class;
    }

    // A file sees its own declarations plus those of the files it imports, never the whole workspace:
    // two rule files that import one layouts file must not see each other's mailboxes.
    @Override
    public Class<? extends IGlobalScopeProvider> bindIGlobalScopeProvider() {
        return ImportUriGlobalScopeProvider.class;
    }

    // Names are flat (no namespaces), so the namespace-import machinery would only cost time.
    @Override
    public void configureIScopeProviderDelegate(Binder binder) {
        binder.bind(IScopeProvider.class)
                .annotatedWith(Names.named(AbstractDeclarativeScopeProvider.NAMED_DELEGATE))
                .to(SimpleLocalScopeProvider.class);
    }
}
