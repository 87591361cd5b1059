package io.mailrules.engine;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import io.mailrules.core.incremental.FolderState;
import io.mailrules.core.plan.Action;
import io.mailrules.core.plan.Flags;
import io.mailrules.core.plan.FolderSnapshot;
import io.mailrules.core.plan.PlannedMessage;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.search.SearchKey;
import io.mailrules.core.source.FolderReader;
import io.mailrules.core.source.MailboxException;
import io.mailrules.core.source.MessageHeaders;
import io.mailrules.core.source.ReaderAnswers;

/**
 * Runs the rules of one folder against its reader: one SEARCH per distinct narrowing (and per confirming SEARCH of an
 * inexact rule), at most one header fetch for the candidates SEARCH cannot decide, a SEARCH per year or month for
 * dated targets, and for a preview one fetch of what it shows for the messages acted on. First
 * terminal match is resolved on UID sets, so the cost grows with the number of rules, not rules times messages. A
 * reader that runs searches side by side gets as many rules' SEARCHes at once as it can take.
 */
final class FolderEvaluator {

    static final Set<String> DISPLAY_FIELDS = Set.of("Message-ID", "From", "Subject");

    private final ZoneId zone;
    private final LocalDate today;
    private final boolean preview;

    /**
     * @param today the day ages are counted from
     * @param preview whether planned messages carry {@link #DISPLAY_FIELDS}, or only what applying needs
     */
    FolderEvaluator(ZoneId zone, LocalDate today, boolean preview) {
        this.zone = zone;
        this.today = today;
        this.preview = preview;
    }

    /**
     * @param seen what this evaluation saw of the folder, for the next incremental run
     * @param undecided messages a rule could not decide, left out of {@code messages}
     */
    record Result(FolderSnapshot snapshot, List<PlannedMessage> messages, FolderState seen,
            List<UndecidedMessage> undecided) {
    }

    /**
     * @param earlier what an earlier applied run of the same rules saw of this folder; while it holds, rules whose
     *        verdict never changes look only at the mail that arrived since
     */
    Result evaluate(FolderReader reader, List<CompiledRule> rules, String mailbox, String accountKey,
            String rulesDigest, Optional<FolderState> earlier) throws MailboxException {
        FolderSnapshot snapshot = reader.snapshot();
        // Mail that arrives after the snapshot is left for the next run rather than acted on unpinned.
        UidSet pinned = snapshot.uidNext() > 1 ? UidSet.range(1, snapshot.uidNext() - 1) : UidSet.empty();
        Optional<UidSet> newMail = earlier
                .filter(state -> state.holdsFor(rulesDigest, snapshot.uidValidity())
                        && state.highestUidSeen() < snapshot.uidNext())
                .map(state -> state.highestUidSeen() + 1 < snapshot.uidNext()
                        ? UidSet.range(state.highestUidSeen() + 1, snapshot.uidNext() - 1)
                        : UidSet.empty());
        Optional<LocalDate> lastDay = newMail.isPresent() ? earlier.map(FolderState::evaluatedOn) : Optional.empty();
        Matches found = matches(reader, rules, pinned, newMail, lastDay);
        List<UidSet> matched = found.matched();

        Map<Long, Outcome> outcomes = new TreeMap<>();
        UidSet remaining = matched.stream().reduce(UidSet.empty(), UidSet::union);
        UidSet taken = UidSet.empty();
        Map<Long, GaveUpOn> undecided = new TreeMap<>();
        for (int i = 0; i < rules.size(); i++) {
            CompiledRule rule = rules.get(i);
            // A message this rule could not decide has an unknown fate, unless an earlier rule took it for good.
            for (GaveUpOn gaveUp : found.gaveUp().get(i)) {
                if (!taken.contains(gaveUp.uid())) {
                    undecided.putIfAbsent(gaveUp.uid(), gaveUp);
                }
            }
            UidSet hits = matched.get(i).intersect(remaining);
            if (hits.isEmpty() || rule.actions().isEmpty()) {
                continue;
            }
            // Worked out once per rule: thousands of messages share it.
            DatedReach reach = reach(rule);
            for (long uid : hits) {
                outcomes.computeIfAbsent(uid, key -> new Outcome()).add(rule, reach);
            }
            if (rule.isTerminal()) {
                remaining = remaining.minus(hits);
                taken = taken.union(hits);
            }
        }
        // No action at all for an undecided message: what the rules before decided may be what the missing verdict
        // would have changed.
        undecided.keySet().forEach(outcomes::remove);
        dropChangesAlreadyMade(reader, outcomes);
        FolderState seen = new FolderState(mailbox, snapshot.folder(), rulesDigest, snapshot.uidValidity(),
                snapshot.uidNext() - 1, snapshot.highestModSeq(), today, Optional.of(accountKey));
        return new Result(snapshot, plannedMessages(reader, snapshot.folder(), outcomes), seen,
                undecided(reader, mailbox, snapshot.folder(), undecided));
    }

    /**
     * Takes out of the outcomes every flag change the message already has, for the changes no rule's SEARCH asked
     * about (see {@link FlagChanges#narrow}): one SEARCH per flag and direction, among the messages that would get it.
     * A message left without actions is left out of the plan.
     */
    private static void dropChangesAlreadyMade(FolderReader reader, Map<Long, Outcome> outcomes)
            throws MailboxException {
        Map<FlagChanges.Change, UidSet.Builder> unsure = new LinkedHashMap<>();
        for (Map.Entry<Long, Outcome> entry : outcomes.entrySet()) {
            entry.getValue().finalChanges().forEach((change, sure) -> {
                if (!sure) {
                    unsure.computeIfAbsent(change, key -> UidSet.builder()).add(entry.getKey());
                }
            });
        }
        Map<FlagChanges.Change, CompletableFuture<UidSet>> asked = new LinkedHashMap<>();
        Map<FlagChanges.Change, UidSet> candidates = new LinkedHashMap<>();
        for (Map.Entry<FlagChanges.Change, UidSet.Builder> entry : unsure.entrySet()) {
            UidSet uids = entry.getValue().build();
            candidates.put(entry.getKey(), uids);
            asked.put(entry.getKey(), reader.startSearch(Optional.of(uids), FlagChanges.notYet(entry.getKey())));
        }
        for (Map.Entry<FlagChanges.Change, CompletableFuture<UidSet>> entry : asked.entrySet()) {
            UidSet needed = ReaderAnswers.await(entry.getValue());
            for (long uid : candidates.get(entry.getKey()).minus(needed)) {
                Outcome outcome = outcomes.get(uid);
                outcome.drop(entry.getKey().name());
                if (outcome.isEmpty()) {
                    outcomes.remove(uid);
                }
            }
        }
    }

    /** The warnings, each naming its message by Message-ID too, read for these few messages only. */
    private static List<UndecidedMessage> undecided(FolderReader reader, String mailbox, String folder,
            Map<Long, GaveUpOn> gaveUp) throws MailboxException {
        if (gaveUp.isEmpty()) {
            return List.of();
        }
        UidSet.Builder uids = UidSet.builder();
        gaveUp.keySet().forEach(uids::add);
        Map<Long, MessageHeaders> ids = byUid(reader.fetchHeaders(uids.build(), Set.of("Message-ID")));
        return gaveUp.values().stream().map(message -> new UndecidedMessage(mailbox, folder, message.uid(),
                Optional.ofNullable(ids.get(message.uid())).flatMap(MessageHeaders::messageId), message.rule(),
                message.reason())).toList();
    }

    /** What each rule matched, and the messages each could not decide. */
    private record Matches(List<UidSet> matched, List<List<GaveUpOn>> gaveUp) {
    }

    private record GaveUpOn(long uid, String rule, String reason) {
    }

    private Matches matches(FolderReader reader, List<CompiledRule> rules, UidSet pinned,
            Optional<UidSet> newMail, Optional<LocalDate> lastDay) throws MailboxException {
        List<RuleSearch> ruleSearches = new ArrayList<>();
        long largestScope = 0;
        for (CompiledRule rule : rules) {
            RuleSearch search = ruleSearch(rule, pinned, newMail, lastDay);
            ruleSearches.add(search);
            largestScope = Math.max(largestScope, search.scope().size());
        }
        Map<Object, CompletableFuture<UidSet>> searches = new HashMap<>();
        Candidates candidates = new Candidates();
        // Rule i is asked about what rules up to i - n left undecided, n being the searches the reader runs at once:
        // the next n rules' searches are in flight while one is answered, and which messages each rule is asked about
        // depends on the rules, never on which answer came first.
        int atOnce = ruleSearches.size() > 1 ? Math.max(1, reader.searchesAtOnce(largestScope)) : 1;
        Deque<StartedRule> inFlight = new ArrayDeque<>();
        for (RuleSearch search : ruleSearches) {
            while (inFlight.size() >= atOnce) {
                candidates.settle(inFlight.removeFirst(), reader, searches);
            }
            inFlight.addLast(new StartedRule(search,
                    search(reader, searches, search.key(), search.scope(), candidates.decided)));
        }
        while (!inFlight.isEmpty()) {
            candidates.settle(inFlight.removeFirst(), reader, searches);
        }
        Map<Long, MessageHeaders> fetched = candidates.toFetch.isEmpty() ? Map.of()
                : byUid(reader.fetchHeaders(candidates.toFetch, candidates.fields));
        List<UidSet> matched = new ArrayList<>();
        List<List<GaveUpOn>> gaveUp = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Optional<LocalCheck> residual = rules.get(i).condition().residual();
            List<GaveUpOn> undecided = new ArrayList<>();
            gaveUp.add(undecided);
            if (residual.isEmpty()) {
                matched.add(candidates.found.get(i));
                continue;
            }
            UidSet.Builder confirmed = UidSet.builder();
            confirmed.addAll(candidates.certain.get(i));
            for (long uid : candidates.found.get(i).minus(candidates.certain.get(i))) {
                MessageHeaders message = fetched.get(uid);
                if (message == null) {
                    continue;
                }
                try {
                    if (residual.get().test().test(message)) {
                        confirmed.add(uid);
                    }
                } catch (RegexBudget.GaveUp e) {
                    undecided.add(new GaveUpOn(uid, rules.get(i).name(), e.getMessage()));
                }
            }
            matched.add(confirmed.build());
        }
        return new Matches(matched, gaveUp);
    }

    /** A rule's narrowing SEARCH: its key and the messages it is about. */
    private record RuleSearch(CompiledRule rule, Optional<UidSet> window, UidSet scope, SearchKey key) {
    }

    private RuleSearch ruleSearch(CompiledRule rule, UidSet pinned, Optional<UidSet> newMail,
            Optional<LocalDate> lastDay) {
        // The window goes to the server as a UID range, so that it scans the new mail only.
        Optional<UidSet> window = rule.newMailOnly() ? newMail : Optional.empty();
        Optional<LocalDate> crossedSince = Optional.empty();
        if (rule.agedCutoff().isPresent() && lastDay.isPresent()) {
            LocalDate before = rule.agedCutoff().get().apply(lastDay.get());
            if (before.isBefore(rule.agedCutoff().get().apply(today))) {
                crossedSince = Optional.of(before);
            } else {
                window = newMail;
            }
        }
        UidSet scope = window.orElse(pinned);
        SearchKey key = crossedSince.isPresent()
                ? crossedOrNew(rule.condition().narrowing(), crossedSince.get(), newMail.orElseThrow())
                : windowed(rule.condition().narrowing(), window);
        return new RuleSearch(rule, window, scope, key);
    }

    /** A rule whose narrowing SEARCH has been sent. */
    private record StartedRule(RuleSearch search, CompletableFuture<UidSet> found) {
    }

    /** What the rules' SEARCHes found, settled in rule order. */
    private static final class Candidates {
        private final List<UidSet> found = new ArrayList<>();
        /** Per rule, the candidates its confirming SEARCH vouched for; empty for a rule SEARCH decides alone. */
        private final List<UidSet> certain = new ArrayList<>();
        private UidSet toFetch = UidSet.empty();
        private final Set<String> fields = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        /**
         * Messages an earlier terminal rule surely matched: no later rule can change their fate, so the server need
         * not read them again for a later rule's header tests.
         */
        private UidSet decided = UidSet.empty();

        void settle(StartedRule started, FolderReader reader, Map<Object, CompletableFuture<UidSet>> searches)
                throws MailboxException {
            CompiledRule rule = started.search().rule();
            UidSet candidates = ReaderAnswers.await(started.found());
            UidSet sure = candidates;
            if (rule.condition().residual().isPresent()) {
                sure = UidSet.empty();
                Optional<SearchKey> confirming = rule.condition().confirming();
                if (confirming.isPresent() && !candidates.isEmpty()) {
                    // Whatever is not a candidate is settled for this rule: the server reads the candidates' headers
                    // only, not the whole folder's again.
                    UidSet scope = started.search().scope();
                    SearchKey key = windowed(confirming.get(), started.search().window());
                    sure = ReaderAnswers.await(search(reader, searches, key, scope, scope.minus(candidates)))
                            .intersect(candidates);
                }
                UidSet unsure = candidates.minus(sure);
                if (!unsure.isEmpty()) {
                    toFetch = toFetch.union(unsure);
                    fields.addAll(rule.condition().residual().get().fields());
                }
                certain.add(sure);
            } else {
                certain.add(UidSet.empty());
            }
            found.add(candidates);
            if (rule.isTerminal()) {
                decided = decided.union(sure);
            }
        }
    }

    /** Mail seen before that grew old enough since the last run's day, or any new mail. */
    private static SearchKey crossedOrNew(SearchKey key, LocalDate lastCutoff, UidSet newMail) {
        SearchKey crossed = new SearchKey.Since(lastCutoff);
        return SearchKey.and(key, newMail.isEmpty() ? crossed : SearchKey.or(new SearchKey.Uid(newMail), crossed));
    }

    private static SearchKey windowed(SearchKey key, Optional<UidSet> window) {
        if (window.isEmpty() || window.get().isEmpty()) {
            return key;
        }
        SearchKey uids = new SearchKey.Uid(window.get());
        return key instanceof SearchKey.All ? uids : SearchKey.and(uids, key);
    }

    /**
     * One SEARCH per distinct key and folder, restricted to the UIDs the snapshot pins; none for an empty scope. A key
     * that makes the server read messages is asked about the undecided ones only, when some are decided.
     */
    private static CompletableFuture<UidSet> search(FolderReader reader,
            Map<Object, CompletableFuture<UidSet>> searches, SearchKey key, UidSet scope, UidSet decided) {
        UidSet undecided = scope.minus(decided);
        if (undecided.isEmpty()) {
            // Not cached: an empty window's key is the full folder's, whose answer is another.
            return CompletableFuture.completedFuture(UidSet.empty());
        }
        boolean narrowed = key.readsMessages() && undecided.size() < scope.size();
        Object asked = narrowed ? new Restricted(key, undecided) : key;
        return searches.computeIfAbsent(asked, unasked -> narrowed ? reader.startSearch(Optional.of(undecided), key)
                : reader.startSearch(Optional.empty(), key).thenApply(found -> found.intersect(scope)));
    }

    /** A SEARCH asked about some of a folder's messages only; its answer differs from the whole folder's. */
    private record Restricted(SearchKey key, UidSet within) {
    }

    private List<PlannedMessage> plannedMessages(FolderReader reader, String folder, Map<Long, Outcome> outcomes)
            throws MailboxException {
        if (outcomes.isEmpty()) {
            return List.of();
        }
        UidSet.Builder actedOn = UidSet.builder();
        outcomes.keySet().forEach(actedOn::add);
        // A plan for applying reads nothing per message: undo and resume find moved mail by the UIDs the server
        // reports, or by where it arrived in the target (see the journal's intent records), not by its headers.
        Map<Long, MessageHeaders> shown = preview ? byUid(reader.fetchHeaders(actedOn.build(), DISPLAY_FIELDS))
                : Map.of();
        Map<Long, LocalDate> arrivals = arrivalDays(reader, outcomes, shown);
        List<PlannedMessage> messages = new ArrayList<>();
        // Thousands of messages share a handful of rules and periods: each action is made concrete once per day.
        Map<ActionTemplate, Map<LocalDate, Action>> resolved = new HashMap<>();
        for (Map.Entry<Long, Outcome> entry : outcomes.entrySet()) {
            long uid = entry.getKey();
            Outcome outcome = entry.getValue();
            MessageHeaders headers = shown.get(uid);
            if ((preview && headers == null) || (outcome.period != TargetPeriod.NONE && !arrivals.containsKey(uid))) {
                // Gone since the SEARCH that matched it.
                continue;
            }
            // Undated actions ignore the day they are given.
            LocalDate arrival = arrivals.getOrDefault(uid, today);
            List<Action> actions = new ArrayList<>();
            for (ActionTemplate template : outcome.actions) {
                LocalDate day = template.period() == TargetPeriod.NONE ? today : arrival;
                actions.add(resolved.computeIfAbsent(template, key -> new HashMap<>())
                        .computeIfAbsent(day, key -> concrete(template, key, folder)));
            }
            messages.add(headers == null
                    ? new PlannedMessage(uid, Optional.empty(), Optional.empty(), "", "", outcome.rules, actions)
                    : new PlannedMessage(uid, headers.messageId(), Optional.of(headers.internalDate()),
                            headers.from().orElse(""), headers.subject().orElse(""), outcome.rules, actions));
        }
        return messages;
    }

    private static Action concrete(ActionTemplate template, LocalDate day, String folder) {
        Action action = template.resolve(day);
        // A dated target can only be recognised as the source folder once the date is known.
        return action.destination().filter(folder::equals).isPresent() ? new Action.Stop() : action;
    }

    /** The arrival period of each message whose actions name a dated folder, by one SEARCH per period. */
    private Map<Long, LocalDate> arrivalDays(FolderReader reader, Map<Long, Outcome> outcomes,
            Map<Long, MessageHeaders> shown) throws MailboxException {
        ArrivalPeriods periods = new ArrivalPeriods(reader, uids -> {
            Map<Long, MessageHeaders> dated = shown.isEmpty() ? byUid(reader.fetchHeaders(uids, Set.of())) : shown;
            Map<Long, LocalDate> days = new HashMap<>();
            for (long uid : uids) {
                Optional.ofNullable(dated.get(uid))
                        .ifPresent(message -> days.put(uid, LocalDate.ofInstant(message.internalDate(), zone)));
            }
            return days;
        });
        Map<Long, LocalDate> days = new HashMap<>();
        for (TargetPeriod period : List.of(TargetPeriod.YEAR, TargetPeriod.MONTH)) {
            UidSet.Builder uids = UidSet.builder();
            LocalDate newest = LocalDate.MIN;
            boolean confirmed = true;
            for (Map.Entry<Long, Outcome> entry : outcomes.entrySet()) {
                Outcome outcome = entry.getValue();
                if (outcome.period == period) {
                    uids.add(entry.getKey());
                    newest = newest.isAfter(outcome.newest) ? newest : outcome.newest;
                    confirmed &= outcome.newestConfirmed;
                }
            }
            UidSet dated = uids.build();
            if (!dated.isEmpty()) {
                days.putAll(periods.firstDays(dated, period, new ArrivalPeriods.Newest(newest, confirmed)));
            }
        }
        return days;
    }

    private static Map<Long, MessageHeaders> byUid(List<MessageHeaders> messages) {
        Map<Long, MessageHeaders> byUid = new HashMap<>();
        messages.forEach(message -> byUid.put(message.uid(), message));
        return byUid;
    }

    /**
     * What a rule's dated targets need to know of a message's arrival: the finest period they name (NONE for a rule
     * without one), the newest day the rule lets a message it matched have arrived on, and whether the server's own
     * SEARCH vouched for that day.
     */
    private record DatedReach(TargetPeriod period, LocalDate newest, boolean confirmedByServer) {
    }

    private DatedReach reach(CompiledRule rule) {
        TargetPeriod period = TargetPeriod.NONE;
        for (ActionTemplate action : rule.actions()) {
            period = period.finer(action.period());
        }
        // Mail an age rule matched is older than its cutoff; any other rule may match mail of today.
        LocalDate newest = rule.agedCutoff().map(cutoff -> cutoff.apply(today).minusDays(1)).orElse(today);
        return new DatedReach(period, newest, rule.agedCutoff().isPresent());
    }

    /**
     * The rules that matched one message and the actions they add up to, in evaluation order; for dated targets, how
     * much of the arrival day they need and the newest day the matching rules allow it to be.
     */
    private static final class Outcome {
        /** Per rule, by name (a rule split into one per flag change keeps one name), the actions it adds. */
        private final Map<String, List<ActionTemplate>> byRule = new LinkedHashMap<>();
        private final List<ActionTemplate> actions = new ArrayList<>();
        private final List<String> rules = new ArrayList<>();
        /** Flag and keyword names whose change a rule's SEARCH found missing, compared without regard to case. */
        private final Set<String> sure = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        private TargetPeriod period = TargetPeriod.NONE;
        private LocalDate newest = LocalDate.MIN;
        /** Whether the server's own SEARCH placed the message on or before {@link #newest}. */
        private boolean newestConfirmed = true;

        void add(CompiledRule rule, DatedReach reach) {
            byRule.computeIfAbsent(rule.name(), name -> new ArrayList<>()).addAll(rule.actions());
            collect();
            if (rule.changesOnly()) {
                rule.actions().forEach(action -> FlagChanges.of(action).forEach(change -> sure.add(change.name())));
            }
            if (reach.period() != TargetPeriod.NONE) {
                period = period.finer(reach.period());
                newest = newest.isAfter(reach.newest()) ? newest : reach.newest();
                newestConfirmed &= reach.confirmedByServer();
            }
        }

        /**
         * Each flag the actions change, with the direction of the last action on it (a later one wins, as running
         * the rules in order would have it), and whether a rule's SEARCH already found it missing.
         */
        Map<FlagChanges.Change, Boolean> finalChanges() {
            Map<String, FlagChanges.Change> last = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (ActionTemplate action : actions) {
                FlagChanges.of(action).forEach(change -> last.put(change.name(), change));
            }
            Map<FlagChanges.Change, Boolean> changes = new LinkedHashMap<>();
            last.values().forEach(change -> changes.put(change, sure.contains(change.name())));
            return changes;
        }

        /** Takes every action on flag {@code name} out: the message is already as the last of them leaves it. */
        void drop(String name) {
            for (Map.Entry<String, List<ActionTemplate>> rule : byRule.entrySet()) {
                List<ActionTemplate> kept = new ArrayList<>();
                for (ActionTemplate action : rule.getValue()) {
                    without(action, name).ifPresent(kept::add);
                }
                rule.setValue(kept);
            }
            collect();
        }

        boolean isEmpty() {
            return actions.isEmpty();
        }

        private static Optional<ActionTemplate> without(ActionTemplate template, String name) {
            if (FlagChanges.of(template).stream().noneMatch(change -> change.name().equalsIgnoreCase(name))) {
                return Optional.of(template);
            }
            List<String> rest = FlagChanges.of(template).stream().map(FlagChanges.Change::name)
                    .filter(other -> !other.equalsIgnoreCase(name)).toList();
            if (rest.isEmpty()) {
                return Optional.empty();
            }
            Flags flags = Flags.of(rest);
            return Optional.of(ActionTemplate.fixed(template.resolve(LocalDate.EPOCH) instanceof Action.AddFlags
                    ? new Action.AddFlags(flags) : new Action.RemoveFlags(flags)));
        }

        /** The rules with something left to do, and their actions, in evaluation order. */
        private void collect() {
            actions.clear();
            rules.clear();
            byRule.forEach((name, ruleActions) -> {
                if (!ruleActions.isEmpty()) {
                    rules.add(name);
                    actions.addAll(ruleActions);
                }
            });
        }
    }
}
