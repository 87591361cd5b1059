package io.mailrules.dsl.validation;

import static io.mailrules.dsl.mailrules.MailrulesPackage.Literals.*;

import java.util.regex.Pattern;

import org.eclipse.xtext.validation.Check;

import io.mailrules.dsl.analysis.CronExpression;
import io.mailrules.dsl.mailrules.Cron;
import io.mailrules.dsl.mailrules.Daily;
import io.mailrules.dsl.mailrules.Interval;
import io.mailrules.dsl.mailrules.IntervalUnit;
import io.mailrules.dsl.mailrules.Schedule;

/**
 * Schedule timings: intervals of at most one day, valid times of day, five-field cron expressions.
 */
public class ScheduleValidator extends MailrulesCheckBase {

    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):[0-5]\\d");
    private static final Pattern CRON_FIELD = Pattern.compile("[0-9A-Za-z*?/,\\-]+");

    @Check
    public void checkInterval(Interval interval) {
        int max = interval.getUnit() == IntervalUnit.HOURS ? 24 : 1440;
        if (interval.getAmount() < 1 || interval.getAmount() > max) {
            error("Schedule '" + name(interval) + "' runs every " + interval.getAmount() + " "
                    + interval.getUnit().getLiteral() + "; use 1.." + max + " " + interval.getUnit().getLiteral(),
                    interval, INTERVAL__AMOUNT, MailrulesIssueCodes.INVALID_INTERVAL);
        }
    }

    @Check
    public void checkDaily(Daily daily) {
        if (daily.getTime() != null && !TIME.matcher(daily.getTime().trim()).matches()) {
            error("Schedule '" + name(daily) + "' has an invalid time of day \"" + daily.getTime()
                    + "\": use HH:MM from 00:00 to 23:59", daily, DAILY__TIME, MailrulesIssueCodes.INVALID_TIME);
        }
    }

    @Check
    public void checkCron(Cron cron) {
        if (cron.getExpression() == null) {
            return;
        }
        String[] fields = cron.getExpression().trim().split("\\s+");
        boolean valid = fields.length == 5;
        for (String field : fields) {
            valid &= CRON_FIELD.matcher(field).matches();
        }
        if (!valid) {
            error("Schedule '" + name(cron) + "' needs a cron expression of 5 fields (minute hour day month weekday),"
                    + " found " + fields.length + ": \"" + cron.getExpression() + "\"", cron, CRON__EXPRESSION,
                    MailrulesIssueCodes.INVALID_CRON);
            return;
        }
        try {
            // The very reading `serve` and the workbench's scheduler use, so the editor flags what they would refuse.
            CronExpression.parse(cron.getExpression());
        } catch (IllegalArgumentException e) {
            error("Schedule '" + name(cron) + "' has a cron expression cron cannot read: " + e.getMessage(), cron,
                    CRON__EXPRESSION, MailrulesIssueCodes.INVALID_CRON);
        }
    }

    private static String name(org.eclipse.emf.ecore.EObject timing) {
        return ((Schedule) timing.eContainer()).getName();
    }
}
