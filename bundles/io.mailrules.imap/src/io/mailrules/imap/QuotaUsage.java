package io.mailrules.imap;

/**
 * One limited resource of a quota root (RFC 9208): {@code STORAGE} in KiB, {@code MESSAGE} in messages.
 *
 * @param root the quota root the server named for the folder
 */
public record QuotaUsage(String root, String resource, long usage, long limit) {
}
