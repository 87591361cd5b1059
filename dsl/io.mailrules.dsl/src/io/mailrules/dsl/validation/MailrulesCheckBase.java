package io.mailrules.dsl.validation;

import java.util.List;

import org.eclipse.emf.ecore.EPackage;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;

import io.mailrules.dsl.mailrules.MailrulesPackage;

/**
 * Base of the validators that {@link MailrulesValidator} composes. They register nothing themselves: the
 * composing validator runs their checks.
 */
public abstract class MailrulesCheckBase extends AbstractDeclarativeValidator {

    @Override
    protected List<EPackage> getEPackages() {
        return List.of(MailrulesPackage.eINSTANCE);
    }

    @Override
    public void register(EValidatorRegistrar registrar) {
        // composed into MailrulesValidator
    }
}
