package io.mailrules.cli.validate;

import java.util.Map;

import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.eclipse.xtext.XtextPackage;
import org.eclipse.xtext.resource.impl.BinaryGrammarResourceFactoryImpl;

import com.google.inject.Injector;

import io.mailrules.dsl.MailrulesStandaloneSetup;

/**
 * The rules language in a plain JVM, for loading and checking rule files. Xtext's generated setup first sets up
 * Xtext's own grammar language, including a Guice injector that only {@code .xtext} files need and that costs every
 * command some 20 ms of its start. This makes the registrations the rules language relies on (the binary grammar
 * format, and the Ecore and Xtext packages its grammar is written in), as that setup would, and builds only the
 * rules language's injector.
 */
final class LanguageSetup {

    private LanguageSetup() {
    }

    static Injector createInjectorAndDoEMFRegistration() {
        Map<String, Object> factories = Resource.Factory.Registry.INSTANCE.getExtensionToFactoryMap();
        factories.putIfAbsent("ecore", new EcoreResourceFactoryImpl());
        factories.putIfAbsent("xmi", new XMIResourceFactoryImpl());
        factories.putIfAbsent("xtextbin", new BinaryGrammarResourceFactoryImpl());
        EPackage.Registry.INSTANCE.putIfAbsent(XtextPackage.eNS_URI, XtextPackage.eINSTANCE);
        MailrulesStandaloneSetup setup = new MailrulesStandaloneSetup();
        Injector injector = setup.createInjector();
        setup.register(injector);
        return injector;
    }
}
