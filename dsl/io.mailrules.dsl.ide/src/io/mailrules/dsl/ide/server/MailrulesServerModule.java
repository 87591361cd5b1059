package io.mailrules.dsl.ide.server;

import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.util.Modules;

import io.mailrules.dsl.ide.MailrulesIdeSetup;

/**
 * Xtext's server module with the Mailrules language registered directly. The stock module finds languages through
 * java.util.ServiceLoader, which sees nothing inside OSGi (no SPI Fly in the product), so the server would answer
 * every request with "no language".
 */
public final class MailrulesServerModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(LanguageServerImpl.class).to(MailrulesLanguageServerImpl.class);
        bind(LanguageServer.class).to(MailrulesLanguageServerImpl.class);
    }

    static final String FILE_EXTENSION = "mailrules";

    public static Module create() {
        return Modules.override(new ServerModule()).with(new MailrulesServerModule());
    }

    @Provides
    @Singleton
    IResourceServiceProvider.Registry languages() {
        IResourceServiceProvider mailrules = new MailrulesIdeSetup().createInjectorAndDoEMFRegistration()
                .getInstance(IResourceServiceProvider.class);
        ResourceServiceProviderRegistryImpl registry = new ResourceServiceProviderRegistryImpl();
        registry.getExtensionToFactoryMap().put(FILE_EXTENSION, mailrules);
        return registry;
    }
}
