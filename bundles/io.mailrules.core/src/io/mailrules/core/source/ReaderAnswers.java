package io.mailrules.core.source;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for an answer a {@link FolderReader} started, with its failure as the reader would have thrown it. */
public final class ReaderAnswers {

    private ReaderAnswers() {
    }

    public static <T> T await(CompletableFuture<T> answer) throws MailboxException {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof MailboxException failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }
}
