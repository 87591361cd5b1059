package io.mailrules.dsl.validation;

/**
 * Issue codes of the Mailrules validator. Quick fixes and tests refer to these, never to message texts.
 */
public final class MailrulesIssueCodes {

    private static final String PREFIX = "io.mailrules.dsl.";

    // Mailboxes
    public static final String INLINE_PASSWORD = PREFIX + "inlinePassword";
    public static final String MISSING_CREDENTIALS = PREFIX + "missingCredentials";
    public static final String MISSING_HOST = PREFIX + "missingHost";
    public static final String MISSING_USER = PREFIX + "missingUser";
    public static final String INVALID_PORT = PREFIX + "invalidPort";
    public static final String PLAIN_NOT_CONFIRMED = PREFIX + "plainNotConfirmed";
    public static final String INSECURE_WITHOUT_PLAIN = PREFIX + "insecureWithoutPlain";
    public static final String DUPLICATE_SETTING = PREFIX + "duplicateSetting";
    public static final String INVALID_FINGERPRINT = PREFIX + "invalidFingerprint";

    // Names
    public static final String DUPLICATE_NAME = PREFIX + "duplicateName";

    // Conditions
    public static final String INVALID_REGEX = PREFIX + "invalidRegex";
    public static final String DOMAIN_ON_SUBJECT = PREFIX + "domainOnSubject";
    public static final String HEADER_FETCH = PREFIX + "headerFetch";
    public static final String CONTRADICTION = PREFIX + "contradiction";

    // Rules and folders
    public static final String SHADOWED_RULE = PREFIX + "shadowedRule";
    public static final String UNCONDITIONAL_DELETE = PREFIX + "unconditionalDelete";
    public static final String MOVE_TO_SOURCE = PREFIX + "moveToSource";
    public static final String MISSING_FOLDER = PREFIX + "missingFolder";
    public static final String INVALID_FOLDER_PATH = PREFIX + "invalidFolderPath";
    public static final String DUPLICATE_FOLDER = PREFIX + "duplicateFolder";

    // Retention
    public static final String RETENTION_CYCLE = PREFIX + "retentionCycle";
    public static final String INVALID_KEEP = PREFIX + "invalidKeep";

    // Change limits
    public static final String INVALID_LIMIT = PREFIX + "invalidLimit";
    public static final String BROAD_REMOVAL = PREFIX + "broadRemoval";

    // Schedules
    public static final String INVALID_INTERVAL = PREFIX + "invalidInterval";
    public static final String INVALID_TIME = PREFIX + "invalidTime";
    public static final String INVALID_CRON = PREFIX + "invalidCron";

    private MailrulesIssueCodes() {
    }
}
