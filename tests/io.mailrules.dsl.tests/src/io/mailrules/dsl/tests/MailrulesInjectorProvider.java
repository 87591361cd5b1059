package io.mailrules.dsl.tests;

import org.eclipse.xtext.testing.GlobalRegistries;
import org.eclipse.xtext.testing.GlobalRegistries.GlobalStateMemento;
import org.eclipse.xtext.testing.IInjectorProvider;
import org.eclipse.xtext.testing.IRegistryConfigurator;

import com.google.inject.Injector;

import io.mailrules.dsl.ide.MailrulesIdeSetup;

/**
 * Injector of the language with its ide services, for the tests. EMF's global registries are saved and restored
 * around each test class, so tests of other languages in the same JVM are not affected.
 */
public class MailrulesInjectorProvider implements IInjectorProvider, IRegistryConfigurator {

    private GlobalStateMemento stateBeforeInjectorCreation;
    private GlobalStateMemento stateAfterInjectorCreation;
    private Injector injector;

    @Override
    public Injector getInjector() {
        if (injector == null) {
            stateBeforeInjectorCreation = GlobalRegistries.makeCopyOfGlobalState();
            injector = new MailrulesIdeSetup().createInjectorAndDoEMFRegistration();
            stateAfterInjectorCreation = GlobalRegistries.makeCopyOfGlobalState();
        }
        return injector;
    }

    @Override
    public void restoreRegistry() {
        stateBeforeInjectorCreation.restoreGlobalState();
    }

    @Override
    public void setupRegistry() {
        getInjector();
        stateAfterInjectorCreation.restoreGlobalState();
    }
}
