package io.mailrules.ui.runs;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.services.AbstractServiceFactory;
import org.eclipse.ui.services.IServiceLocator;

import io.mailrules.core.journal.store.JournalLocation;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.imap.ConnectorOptions;
import io.mailrules.imap.HostConnectionLimiter;
import io.mailrules.imap.ImapConnector;
import io.mailrules.logins.CredentialsFile;
import io.mailrules.logins.RulesFileLogins;
import io.mailrules.logins.SecretSources;
import io.mailrules.ui.schedules.ScheduleSwitches;
import io.mailrules.ui.schedules.Scheduler;

/**
 * Makes {@link RunServices} and the {@link Scheduler} workbench services: every view and handler asks the workbench
 * for them ({@code getService}) and so shares one connector, journal and set of mailbox scheduling rules.
 */
public final class RunServicesFactory extends AbstractServiceFactory {

    /** Where runs are journaled, as for the command line: {@code MAILRULES_JOURNAL}, else the XDG data directory. */
    public static final String JOURNAL_VARIABLE = "MAILRULES_JOURNAL";
    // Providers lock out clients that open many sessions at once; four stays below every limit we know of.
    private static final int CONNECTIONS_PER_HOST = 4;

    private RunServices services;
    private Scheduler scheduler;

    @Override
    public synchronized Object create(@SuppressWarnings("rawtypes") Class serviceInterface,
            IServiceLocator parentLocator, IServiceLocator locator) {
        if (serviceInterface == RunServices.class) {
            return services();
        }
        if (serviceInterface == Scheduler.class) {
            if (scheduler == null) {
                scheduler = new Scheduler(services(), new ScheduleSwitches(), PlatformUI.getWorkbench());
            }
            return scheduler;
        }
        return null;
    }

    private RunServices services() {
        if (services == null) {
            Map<String, String> environment = System.getenv();
            Path journal = Optional.ofNullable(environment.get(JOURNAL_VARIABLE)).filter(value -> !value.isBlank())
                    .map(Path::of)
                    .orElseGet(() -> JournalLocation.resolve(environment, System.getProperty("user.home")));
            SessionVariables session = new SessionVariables();
            services = new WorkbenchRunServices(
                    new ImapConnector(ConnectorOptions.defaults(), new HostConnectionLimiter(CONNECTIONS_PER_HOST)),
                    new JournalStore(journal), rules -> new RulesFileLogins(rules.model(), secrets(session)),
                    session, Clock.systemDefaultZone());
        }
        return services;
    }

    /** Secrets as the command line resolves them, with this session's variables added to the environment. */
    private static SecretSources secrets(SessionVariables session) {
        Map<String, String> environment = session.over(System.getenv());
        return new SecretSources(environment, Path.of("").toAbsolutePath(), CredentialsFile.of(environment));
    }
}
