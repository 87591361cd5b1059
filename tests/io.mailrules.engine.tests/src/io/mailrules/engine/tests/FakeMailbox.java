package io.mailrules.engine.tests;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.mailrules.core.check.ServerSupport;
import io.mailrules.core.source.FolderNotFoundException;
import io.mailrules.core.source.FolderNaming;
import io.mailrules.core.source.FolderReader;
import io.mailrules.core.source.MailboxAccess;
import io.mailrules.core.source.ServerFolders;

/** An in-memory server holding one set of folders per mailbox name, with '/' as delimiter unless told otherwise. */
final class FakeMailbox implements MailboxAccess {

    private final Map<String, Map<String, FakeFolder>> mailboxes = new LinkedHashMap<>();
    private final Map<String, FolderNaming> namings = new LinkedHashMap<>();
    private final ZoneId serverZone;
    private Optional<String> specialUseTrash = Optional.empty();
    private ServerSupport support = ServerSupport.ALL;

    FakeMailbox(ZoneId serverZone) {
        this.serverZone = serverZone;
    }

    FakeFolder folder(String mailbox, String name) {
        return mailboxes.computeIfAbsent(mailbox, key -> new LinkedHashMap<>())
                .computeIfAbsent(name, key -> new FakeFolder(key, 1000 + name.length(), serverZone));
    }

    /** Gives {@code mailbox} another hierarchy delimiter and namespace prefix, as Cyrus and Courier have. */
    void name(String mailbox, FolderNaming naming) {
        namings.put(mailbox, naming);
    }

    void markTrash(String folder) {
        specialUseTrash = Optional.of(folder);
    }

    /** Answers as a server with or without MOVE and UIDPLUS would. */
    void support(ServerSupport what) {
        support = what;
    }

    @Override
    public ServerSupport support(String mailbox) {
        return support;
    }

    @Override
    public ServerFolders folders(String mailbox) {
        return new ServerFolders(namings.getOrDefault(mailbox, new FolderNaming("", '/')),
                Set.copyOf(mailboxes.getOrDefault(mailbox, Map.of()).keySet()), specialUseTrash);
    }

    @Override
    public FolderReader open(String mailbox, String path) throws FolderNotFoundException {
        FakeFolder folder = mailboxes.getOrDefault(mailbox, Map.of()).get(path);
        if (folder == null) {
            throw new FolderNotFoundException(mailbox, "fake", path, "", null);
        }
        return folder;
    }
}
