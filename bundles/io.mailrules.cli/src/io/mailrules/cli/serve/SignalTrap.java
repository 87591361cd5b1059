package io.mailrules.cli.serve;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Catches SIGTERM and SIGINT instead of letting them start the JVM's shutdown, so that {@code serve} can finish the
 * batch in flight, close its journal and return exit status 0, as service managers expect of a clean stop. The JDK
 * offers this only through {@code sun.misc.Signal}; it is looked up reflectively, and where it is missing the caller
 * falls back to a shutdown hook.
 */
public final class SignalTrap implements AutoCloseable {

    private final List<Runnable> restore;

    private SignalTrap(List<Runnable> restore) {
        this.restore = restore;
    }

    /** @param onSignal gets the signal's name, e.g. {@code TERM}; runs on the JVM's signal thread */
    public static Optional<SignalTrap> install(Consumer<String> onSignal, String... signals) {
        try {
            ClassLoader loader = ClassLoader.getSystemClassLoader();
            Class<?> signalClass = Class.forName("sun.misc.Signal", true, loader);
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler", true, loader);
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            List<Runnable> restore = new ArrayList<>();
            for (String name : signals) {
                Object signal = signalClass.getConstructor(String.class).newInstance(name);
                Object handler = Proxy.newProxyInstance(loader, new Class<?>[] {handlerClass},
                        handler(handlerClass, () -> onSignal.accept(name)));
                Object previous = handle.invoke(null, signal, handler);
                restore.add(() -> {
                    try {
                        handle.invoke(null, signal, previous);
                    } catch (ReflectiveOperationException e) {
                        // The process is ending; the previous handler no longer matters.
                    }
                });
            }
            return Optional.of(new SignalTrap(restore));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static InvocationHandler handler(Class<?> handlerClass, Runnable action) {
        return (proxy, method, args) -> switch (method.getName()) {
            case "handle" -> {
                action.run();
                yield null;
            }
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "toString" -> "mailrules signal handler for " + handlerClass.getSimpleName();
            default -> null;
        };
    }

    @Override
    public void close() {
        restore.forEach(Runnable::run);
    }
}
