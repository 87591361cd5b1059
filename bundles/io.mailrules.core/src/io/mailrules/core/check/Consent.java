package io.mailrules.core.check;

/**
 * What the user agreed to for one run: going past the change limits (a deliberate first archive, a big cleanup),
 * and leaving out the commands a server cannot carry out safely while the rest of the plan runs.
 */
public record Consent(boolean large, boolean unsupported) {

    /** The kinds of {@link Refusal} a consent covers. */
    public enum Kind {
        LARGE,
        UNSUPPORTED
    }

    public static final Consent NONE = new Consent(false, false);

    public boolean covers(Refusal refusal) {
        return switch (refusal.consent()) {
            case LARGE -> large;
            case UNSUPPORTED -> unsupported;
        };
    }

    /** This consent and that one's, together. */
    public Consent and(Consent other) {
        return new Consent(large || other.large, unsupported || other.unsupported);
    }
}
