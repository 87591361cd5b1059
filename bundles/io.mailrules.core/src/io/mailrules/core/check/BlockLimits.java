package io.mailrules.core.check;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The change limits of the rules blocks and retention policies a plan came from, found by the names its planned
 * messages give their rules. Each block's limits bound what that block's rules do to a folder: two blocks reading
 * the same folder are counted apart.
 *
 * @param byRule every rule's block, by the rule's name in plans
 * @param fallback the limits of a rule {@code byRule} does not know (a saved plan whose rules file changed since)
 */
public record BlockLimits(Map<String, Block> byRule, ChangeLimits fallback) {

    /**
     * One rules block or retention policy.
     *
     * @param label how messages name it: {@code rules 'routing'}, {@code retention 'cleanup'}
     */
    public record Block(String label, ChangeLimits limits) {
        public Block {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(limits, "limits");
        }
    }

    public BlockLimits {
        byRule = Map.copyOf(byRule);
        Objects.requireNonNull(fallback, "fallback");
    }

    /** The default limits for every rule, each rule counted with the others of its block. */
    public static BlockLimits defaults() {
        return new BlockLimits(Map.of(), ChangeLimits.DEFAULTS);
    }

    /**
     * The block of a rule. An unknown rule falls back to the default limits, counted with the rules whose names
     * share its block part: plans name rules {@code block/rule}.
     */
    public Block of(String rule) {
        Block block = byRule.get(rule);
        if (block != null) {
            return block;
        }
        int slash = rule.indexOf('/');
        return new Block("'" + (slash > 0 ? rule.substring(0, slash) : rule) + "'", fallback);
    }

    /** The same blocks, with the limits given on the command line in place of their own and of the defaults. */
    public BlockLimits overriding(Optional<ChangeLimit> remove, Optional<ChangeLimit> move) {
        if (remove.isEmpty() && move.isEmpty()) {
            return this;
        }
        return new BlockLimits(byRule.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> new Block(entry.getValue().label(), override(entry.getValue().limits(), remove, move)))),
                override(fallback, remove, move));
    }

    private static ChangeLimits override(ChangeLimits limits, Optional<ChangeLimit> remove,
            Optional<ChangeLimit> move) {
        return new ChangeLimits(remove.orElse(limits.remove()), move.orElse(limits.move()));
    }
}
