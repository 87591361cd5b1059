package io.mailrules.dsl.validation;

import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

import org.eclipse.xtext.validation.ComposedChecks;

/**
 * Entry point of the hand-written validation; each concern lives in its own composed validator.
 */
@ComposedChecks(validators = {
        MailboxValidator.class,
        NameValidator.class,
        ConditionValidator.class,
        RuleValidator.class,
        RetentionValidator.class,
        LimitsValidator.class,
        ScheduleValidator.class })
public class MailrulesValidator extends AbstractMailrulesValidator {

    /**
     * After a syntax error the parser recovers with declarations that lack their name; checking those would add
     * messages about "Mailbox 'null'" next to the one error that matters.
     */
    @Override
    protected boolean isResponsible(Map<Object, Object> context, EObject object) {
        return super.isResponsible(context, object) && !isUnnamedAfterSyntaxError(object);
    }

    private static boolean isUnnamedAfterSyntaxError(EObject object) {
        EStructuralFeature name = object.eClass().getEStructuralFeature("name");
        return name != null && object.eGet(name) == null && object.eResource() != null
                && !object.eResource().getErrors().isEmpty();
    }
}
