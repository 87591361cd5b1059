package io.mailrules.core.plan;

import java.util.Objects;

/** Identifies a plan; restricted to characters that are safe in file names and on a command line. */
public record PlanId(String value) {
    public PlanId {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
            throw new IllegalArgumentException("plan id \"" + value
                    + "\" must be 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
