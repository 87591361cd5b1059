package io.mailrules.dsl.ide.server;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

import com.google.inject.Guice;
import com.google.inject.Injector;

/**
 * The Mailrules language server speaking LSP (JSON-RPC with Content-Length framing) over a pair of streams: standard
 * input and output for editors, pipes in tests.
 */
public final class MailrulesLanguageServer {

    private final Injector injector = Guice.createInjector(MailrulesServerModule.create());

    /** Starts answering requests read from {@code in}; the returned future completes when the client goes away. */
    public Future<Void> start(InputStream in, OutputStream out) {
        LanguageServerImpl server = injector.getInstance(LanguageServerImpl.class);
        Launcher<LanguageClient> launcher = new Launcher.Builder<LanguageClient>()
                .setLocalService(server)
                .setRemoteInterface(LanguageClient.class)
                .setInput(in)
                .setOutput(out)
                .setExecutorService(injector.getInstance(ExecutorService.class))
                .create();
        server.connect(launcher.getRemoteProxy());
        return launcher.startListening();
    }

    /**
     * Serves standard input and output until the client exits. Anything else that prints to standard output would
     * corrupt the protocol, so it is sent to standard error instead.
     */
    public static void serveStandardStreams() throws InterruptedException, ExecutionException {
        PrintStream protocolOut = System.out;
        System.setOut(System.err);
        new MailrulesLanguageServer().start(System.in, protocolOut).get();
    }

    public static void main(String[] args) throws Exception {
        serveStandardStreams();
    }
}
