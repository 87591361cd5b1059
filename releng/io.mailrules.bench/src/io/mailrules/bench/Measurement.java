package io.mailrules.bench;

import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * Times one operation the way a user meets it in a long-running process (the workbench, the language server):
 * after warm-up rounds that let the JIT compile the hot paths, several measured rounds, reported as median and worst.
 */
record Measurement(String name, double medianMillis, double worstMillis, int rounds) {

    static Measurement of(String name, int warmups, int rounds, Callable<?> operation) throws Exception {
        for (int i = 0; i < warmups; i++) {
            operation.call();
        }
        double[] millis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            operation.call();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new Measurement(name, millis[rounds / 2], millis[rounds - 1], rounds);
    }

    String report(double targetMillis) {
        return String.format("%-58s median %7.1f ms  worst %7.1f ms  (%d rounds)  target <= %.0f ms: %s", name,
                medianMillis, worstMillis, rounds, targetMillis, medianMillis <= targetMillis ? "met" : "MISSED");
    }
}
