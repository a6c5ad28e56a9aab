import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Ctrl-C (SIGINT) handled by us instead of ending the JVM, for the conversation: an answer is stopped, the
 * conversation goes on. Through {@code sun.misc.Signal} (module jdk.unsupported, in every JDK since 9),
 * reached by reflection so that compiling, a bundle's above all, prints no warning about internal API.
 */
final class Signals {
    private Signals() { }

    /**
     * Runs {@code handler} on each Ctrl-C from now on; false where the JDK offers no way (the JVM then exits as usual).
     */
    static boolean onInterrupt(Runnable handler) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Object interrupt = signal.getConstructor(String.class).newInstance("INT");
            InvocationHandler calls = new InvocationHandler() {
                @Override
                public Object invoke(Object proxy, Method method, Object[] args) {
                    if (method.getName().equals("handle")) handler.run();
                    return null;
                }
            };
            Object proxy = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {handlerType}, calls);
            signal.getMethod("handle", signal, handlerType).invoke(null, interrupt, proxy);
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }
}
