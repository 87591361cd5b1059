package io.mailrules.dsl.ide.server;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** Runs the language server over standard input and output inside the installed product. */
public final class LanguageServerApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) throws Exception {
        context.applicationRunning();
        MailrulesLanguageServer.serveStandardStreams();
        return IApplication.EXIT_OK;
    }

    @Override
    public void stop() {
        // The server stops when its client closes the connection or sends "exit".
    }
}
