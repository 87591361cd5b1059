package io.mailrules.dsl.validation;

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
        ScheduleValidator.class })
public class MailrulesValidator extends AbstractMailrulesValidator {
}
