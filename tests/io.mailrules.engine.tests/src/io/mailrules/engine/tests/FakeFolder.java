package io.mailrules.engine.tests;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.mailrules.core.plan.FolderSnapshot;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.search.SearchKey;
import io.mailrules.core.source.FolderReader;
import io.mailrules.core.source.MessageHeaders;

/**
 * A folder that answers SEARCH as an IMAP server does (RFC 3501 6.4.4): text keys are case-insensitive substrings
 * of the header, an empty HEADER text means the field exists, dates compare the internal date's day in the server's
 * time zone. It records every SEARCH and FETCH so tests can check what a plan costs. It can also answer searches the
 * way a reader with several connections does: started at once and answered later, on another thread.
 */
final class FakeFolder implements FolderReader {

    record Fetch(UidSet uids, Set<String> fields) {
    }

    record Within(UidSet uids, SearchKey key) {
    }

    private final String name;
    private final long uidValidity;
    private final ZoneId serverZone;
    private final List<FakeMessage> messages = new ArrayList<>();
    private final List<SearchKey> searches = new ArrayList<>();
    private final List<Fetch> fetches = new ArrayList<>();
    private final List<Within> withins = new ArrayList<>();
    private int searchesAtOnce = 1;
    private int searchesExpected;
    private int searchesStarted;
    private int searchesInFlight;
    private int mostSearchesInFlight;

    FakeFolder(String name, long uidValidity, ZoneId serverZone) {
        this.name = name;
        this.uidValidity = uidValidity;
        this.serverZone = serverZone;
    }

    void add(FakeMessage message) {
        messages.add(message);
    }

    List<FakeMessage> messages() {
        return List.copyOf(messages);
    }

    synchronized List<SearchKey> searches() {
        return List.copyOf(searches);
    }

    synchronized List<Fetch> fetches() {
        return List.copyOf(fetches);
    }

    /** The searches asked about some messages only, with the UIDs they were asked about. */
    synchronized List<Within> withins() {
        return List.copyOf(withins);
    }

    /**
     * From now on, searches are started and answered later, up to {@code atOnce} at a time. Each answer waits until
     * the search after it has started (or until {@code expected} searches have), so that a planner that waits for an
     * answer before it starts the next search shows up as one search in flight at a time.
     */
    synchronized void answerSideBySide(int atOnce, int expected) {
        searchesAtOnce = atOnce;
        searchesExpected = expected;
        searchesStarted = 0;
        mostSearchesInFlight = 0;
    }

    synchronized int mostSearchesInFlight() {
        return mostSearchesInFlight;
    }

    @Override
    public synchronized int searchesAtOnce(long messages) {
        return searchesAtOnce;
    }

    @Override
    public CompletableFuture<UidSet> startSearch(Optional<UidSet> within, SearchKey key) {
        int started;
        synchronized (this) {
            if (searchesAtOnce == 1) {
                return FolderReader.super.startSearch(within, key);
            }
            started = ++searchesStarted;
            mostSearchesInFlight = Math.max(mostSearchesInFlight, ++searchesInFlight);
            notifyAll();
        }
        int next = Math.min(started + 1, searchesExpected);
        return CompletableFuture.supplyAsync(() -> {
            awaitStarted(next);
            UidSet found = within.isPresent() ? searchWithin(within.get(), key) : search(key);
            synchronized (this) {
                searchesInFlight--;
            }
            return found;
        });
    }

    private synchronized void awaitStarted(int searches) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            while (searchesStarted < searches && System.nanoTime() < deadline) {
                wait(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public FolderSnapshot snapshot() {
        long uidNext = messages.stream().mapToLong(FakeMessage::uid).max().orElse(0) + 1;
        return FolderSnapshot.of(name, uidValidity, uidNext).withMessages(messages.size());
    }

    @Override
    public synchronized UidSet search(SearchKey key) {
        searches.add(key);
        UidSet.Builder found = UidSet.builder();
        messages.stream().filter(matcher(key)).forEach(message -> found.add(message.uid()));
        return found.build();
    }

    @Override
    public synchronized UidSet searchWithin(UidSet uids, SearchKey key) {
        withins.add(new Within(uids, key));
        return search(key).intersect(uids);
    }

    @Override
    public List<MessageHeaders> fetchHeaders(UidSet uids, Set<String> headerFieldNames) {
        fetches.add(new Fetch(uids, Set.copyOf(headerFieldNames)));
        List<MessageHeaders> result = new ArrayList<>();
        for (FakeMessage message : messages) {
            if (uids.contains(message.uid())) {
                List<Map.Entry<String, String>> wanted = message.headers().stream()
                        .filter(field -> headerFieldNames.stream().anyMatch(field.getKey()::equalsIgnoreCase))
                        .toList();
                result.add(new MessageHeaders(message.uid(), message.internalDate(), message.size(), message.flags(),
                        MessageHeaders.headerMap(wanted)));
            }
        }
        return result;
    }

    private Predicate<FakeMessage> matcher(SearchKey key) {
        return switch (key) {
            case SearchKey.From from -> header("From", from.text());
            case SearchKey.To to -> header("To", to.text());
            case SearchKey.Cc cc -> header("Cc", cc.text());
            case SearchKey.Subject subject -> header("Subject", subject.text());
            case SearchKey.Header header -> header(header.name(), header.text());
            case SearchKey.Body body -> message -> false;
            case SearchKey.Since since -> message -> !day(message).isBefore(since.date());
            case SearchKey.Before before -> message -> day(message).isBefore(before.date());
            case SearchKey.On on -> message -> day(message).equals(on.date());
            case SearchKey.Larger larger -> message -> message.size() > larger.bytes();
            case SearchKey.Smaller smaller -> message -> message.size() < smaller.bytes();
            case SearchKey.HasFlag has -> message -> message.flags().system().contains(has.flag());
            case SearchKey.LacksFlag lacks -> message -> !message.flags().system().contains(lacks.flag());
            case SearchKey.Keyword keyword -> message -> message.flags().keywords().contains(keyword.keyword());
            case SearchKey.Unkeyword unkeyword -> message -> !message.flags().keywords().contains(unkeyword.keyword());
            case SearchKey.Uid uid -> message -> uid.uids().contains(message.uid());
            case SearchKey.All all -> message -> true;
            case SearchKey.And and -> and.keys().stream().map(this::matcher).reduce(message -> true, Predicate::and);
            case SearchKey.Or or -> matcher(or.left()).or(matcher(or.right()));
            case SearchKey.Not not -> matcher(not.key()).negate();
        };
    }

    private LocalDate day(FakeMessage message) {
        return LocalDate.ofInstant(message.internalDate(), serverZone);
    }

    private static Predicate<FakeMessage> header(String field, String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        return message -> message.headers().stream().anyMatch(header -> header.getKey().equalsIgnoreCase(field)
                && header.getValue().toLowerCase(Locale.ROOT).contains(wanted));
    }
}
