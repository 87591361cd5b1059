package io.mailrules.imap;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The extensions a server announced after login, by the names that change what the connector sends. */
public record ServerCapabilities(Set<String> names) {

    public ServerCapabilities {
        TreeSet<String> upper = new TreeSet<>();
        names.forEach(name -> upper.add(name.toUpperCase(Locale.ROOT)));
        names = Set.copyOf(upper);
    }

    public boolean has(String capability) {
        return names.contains(capability.toUpperCase(Locale.ROOT));
    }

    /** UID MOVE (RFC 6851); without it a move is copy, delete-mark and UID EXPUNGE. */
    public boolean move() {
        return has("MOVE");
    }

    /** UID EXPUNGE and COPYUID (RFC 4315); without it nothing can be removed without touching others' mail. */
    public boolean uidPlus() {
        return has("UIDPLUS");
    }

    public boolean condStore() {
        return has("CONDSTORE");
    }

    public boolean qresync() {
        return has("QRESYNC");
    }

    /** SEARCH RETURN (ALL) answers with a compact UID set instead of one number per message. */
    public boolean esearch() {
        return has("ESEARCH");
    }

    /**
     * One LIST with several patterns that also answers STATUS for each folder it lists (RFC 5258, RFC 5819): the
     * state of every target of a folder's batches in one round trip.
     */
    public boolean listStatus() {
        return has("LIST-EXTENDED") && has("LIST-STATUS");
    }

    public boolean specialUse() {
        return has("SPECIAL-USE");
    }

    public boolean literalPlus() {
        return has("LITERAL+");
    }

    public boolean quota() {
        return has("QUOTA");
    }

    public boolean namespace() {
        return has("NAMESPACE");
    }
}
