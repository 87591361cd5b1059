package io.mailrules.logins;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;

import io.mailrules.dsl.analysis.MailboxAccounts;
import io.mailrules.dsl.mailrules.Mailbox;
import io.mailrules.dsl.mailrules.MailboxSetting;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.dsl.mailrules.OAuthCredential;
import io.mailrules.dsl.mailrules.PasswordCredential;
import io.mailrules.dsl.mailrules.Server;
import io.mailrules.dsl.mailrules.TrashFolder;
import io.mailrules.dsl.mailrules.Trust;
import io.mailrules.dsl.mailrules.User;
import io.mailrules.imap.MailboxSettings;
import io.mailrules.imap.Security;

/**
 * What a rules file's mailbox blocks say about logging in, without any secret: where and as whom, and where the
 * secret is to come from. Shared by the command line and the workbench, which obtain the secret differently.
 */
public final class MailboxBlocks {

    private MailboxBlocks() {
    }

    /** The mailbox block of that name in the file or the files it imports. */
    public static Optional<Mailbox> find(Model model, String name) {
        return all(model).stream().filter(mailbox -> name.equals(mailbox.getName())).findFirst();
    }

    /** The mailbox blocks the file itself declares, without those of the files it imports. */
    public static List<Mailbox> declaredIn(Model file) {
        List<Mailbox> own = new ArrayList<>();
        addMailboxes(file, own);
        return own;
    }

    /** Every mailbox block of the file and of the files it imports, the file's own first. */
    public static List<Mailbox> all(Model model) {
        List<Mailbox> found = new ArrayList<>();
        addMailboxes(model, found);
        Resource own = model.eResource();
        if (own == null || own.getResourceSet() == null) {
            return found;
        }
        for (Resource resource : own.getResourceSet().getResources()) {
            for (EObject content : resource.getContents()) {
                if (content instanceof Model file && file != model) {
                    addMailboxes(file, found);
                }
            }
        }
        return found;
    }

    private static void addMailboxes(Model file, List<Mailbox> into) {
        file.getElements().stream().filter(Mailbox.class::isInstance).map(Mailbox.class::cast)
                .filter(mailbox -> mailbox.getName() != null)
                .filter(mailbox -> into.stream().noneMatch(known -> known.getName().equals(mailbox.getName())))
                .forEach(into::add);
    }

    /**
     * @throws IllegalArgumentException naming the mailbox when it lacks a host or user (the validator reports both,
     *         so only a file with errors gets here)
     */
    public static MailboxSettings settings(Mailbox mailbox) {
        Server server = setting(mailbox, Server.class).orElseThrow(() -> new IllegalArgumentException(
                "Mailbox '" + mailbox.getName() + "' has no host"));
        Security security = switch (server.getSecurity()) {
            case TLS -> Security.TLS;
            case STARTTLS -> Security.STARTTLS;
            case PLAIN -> server.isInsecure() ? Security.PLAIN : Security.PLAIN_UNCONFIRMED;
        };
        int port = MailboxAccounts.port(server);
        String user = setting(mailbox, User.class).map(User::getUser).orElseThrow(() -> new IllegalArgumentException(
                "Mailbox '" + mailbox.getName() + "' has no user"));
        return new MailboxSettings(mailbox.getName(), server.getHost(), port, security, user,
                setting(mailbox, Trust.class).map(Trust::getFingerprint),
                setting(mailbox, TrashFolder.class).map(TrashFolder::getFolder));
    }

    /** The block's {@code password ...} or {@code oauth2 token ...} line; empty when it has neither. */
    public static Optional<DeclaredCredential> declaredCredential(Mailbox mailbox) {
        for (MailboxSetting setting : mailbox.getSettings()) {
            if (setting instanceof OAuthCredential oauth) {
                return Optional.of(new DeclaredCredential(true, Optional.ofNullable(oauth.getSource()),
                        Optional.empty()));
            }
            if (setting instanceof PasswordCredential password) {
                return Optional.of(new DeclaredCredential(false, Optional.ofNullable(password.getSource()),
                        Optional.ofNullable(password.getLiteral())));
            }
        }
        return Optional.empty();
    }

    private static <T> Optional<T> setting(Mailbox mailbox, Class<T> type) {
        return mailbox.getSettings().stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
