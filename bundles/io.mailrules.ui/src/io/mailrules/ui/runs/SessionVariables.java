package io.mailrules.ui.runs;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Variables this workbench session defines on top of the process environment, for a rules file's
 * {@code password from env "..."}: the demo defines its server's password this way, so its sample file reads like a
 * real one and nothing is prompted or stored. They live in memory only and end with the workbench.
 */
public final class SessionVariables {

    private final Map<String, String> values = new ConcurrentHashMap<>();

    public void define(String name, String value) {
        values.put(name, value);
    }

    public void remove(String name) {
        values.remove(name);
    }

    /** The environment as {@code from env} sees it: the session's variables win over the process's. */
    public Map<String, String> over(Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>(environment);
        merged.putAll(values);
        return merged;
    }
}
