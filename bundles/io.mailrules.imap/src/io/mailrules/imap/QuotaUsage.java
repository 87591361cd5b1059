package io.mailrules.imap;

/**
 * One resource of a quota root (RFC 2087), e.g. {@code STORAGE} in KiB or {@code MESSAGE} in messages.
 *
 * @param root the quota root's name, e.g. {@code User quota}
 */
public record QuotaUsage(String root, String resource, long usage, long limit) {

    /** Whole percent of the limit in use; 0 for a limit of 0, which some servers report for "unlimited". */
    public int percentUsed() {
        return limit <= 0 ? 0 : (int) Math.min(100, usage * 100 / limit);
    }
}
