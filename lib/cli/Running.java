import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one run of a command knows wherever its code is: the command's name, which every message on stderr
 * starts with, and every secret (token, proxy password) it has held, so that no message can carry one out whole.
 * <p>
 * Scoped to the run ({@link Cli#run} opens and closes it) and to the threads it starts, not to the JVM: tests
 * run many commands in one JVM, and one test's secrets must not hide what another prints. A run starts with the
 * secrets its thread already held (a test may make a token before running the command).
 */
final class Running {
    private final String program;
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private volatile Invocation invocation = Invocation.BARE;

    private Running(String program) { this.program = program; }

    private static final InheritableThreadLocal<Running> CURRENT = new InheritableThreadLocal<>() {
        @Override protected Running initialValue() { return new Running(null); }
    };

    /** Opens the run of {@code program}; give what this returns to {@link #close}. */
    static Object open(String program) {
        Running outer = CURRENT.get();
        Running run = new Running(program);
        run.secrets.addAll(outer.secrets);
        CURRENT.set(run);
        return outer;
    }

    static void close(Object outer) { CURRENT.set((Running) outer); }

    /** The running command's name ({@code chat}, {@code models}, {@code onboard}). */
    static String program() {
        String program = CURRENT.get().program;
        return program != null ? program : "openclaw-hf";
    }

    /** How this run was started (for hints that name a command); {@link Invocation#BARE} until a command says. */
    static Invocation invocation() { return CURRENT.get().invocation; }

    static void invokedAs(Invocation how) { CURRENT.get().invocation = how; }

    /** Remembers {@code secret}: from now on {@link #redact} hides it. */
    static void secret(String secret) {
        if (secret != null && secret.length() >= 8) CURRENT.get().secrets.add(secret);
    }

    /** {@code message} with every remembered secret replaced by {@code [redacted]}; the last line of defence. */
    static String redact(String message) {
        if (message == null) return null;
        for (String secret : CURRENT.get().secrets) message = message.replace(secret, "[redacted]");
        return message;
    }

    /**
     * How many chars at the end of {@code text} are the start of a remembered secret (not all of it): what
     * {@link SafeOutput} holds back until the next write shows whether the secret follows.
     */
    static int secretPrefixAtEnd(String text) {
        int best = 0;
        for (String secret : CURRENT.get().secrets) {
            for (int k = Math.min(secret.length() - 1, text.length()); k > best; k--) {
                if (text.regionMatches(text.length() - k, secret, 0, k)) {
                    best = k;
                    break;
                }
            }
        }
        return best;
    }
}
