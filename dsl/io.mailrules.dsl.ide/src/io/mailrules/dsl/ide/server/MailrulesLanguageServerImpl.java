package io.mailrules.dsl.ide.server;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

/**
 * Xtext's language server, made to accept editors that open a lone file: they send neither a root URI nor workspace
 * folders, and Xtext would fail the whole session with an internal error. The folder the server was started in
 * stands in as the workspace then, which is where such editors start it.
 */
public class MailrulesLanguageServerImpl extends LanguageServerImpl {

    @Override
    @SuppressWarnings("deprecation") // rootUri and rootPath are what older clients still send
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        boolean noFolders = params.getWorkspaceFolders() == null || params.getWorkspaceFolders().isEmpty();
        if (noFolders && params.getRootUri() == null && params.getRootPath() == null) {
            // Xtext's single-root workspace reads the root URI only
            params.setRootUri(Path.of("").toAbsolutePath().toUri().toString());
        }
        return super.initialize(params);
    }
}
