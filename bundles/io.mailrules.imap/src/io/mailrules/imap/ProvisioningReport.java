package io.mailrules.imap;

import java.util.List;

/**
 * What provisioning a layout did to one mailbox.
 *
 * @param created layout paths created (and subscribed), parents before children
 * @param alreadyPresent layout paths asked for that existed already
 */
public record ProvisioningReport(String mailbox, List<String> created, List<String> alreadyPresent) {
    public ProvisioningReport {
        created = List.copyOf(created);
        alreadyPresent = List.copyOf(alreadyPresent);
    }
}
