import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * What the terminal allows: whether we print to one, its width, and whether colour is wanted
 * (a terminal, and no {@code NO_COLOR}). The only code that draws on the terminal: colour and the spinner.
 */
final class Term {
    /** Not a terminal: no spinner, no colour, no width limit. What tests and pipes get. */
    static final Term PLAIN = new Term(false, 0, false);

    private static final int ASK_STTY = -1;

    /** What {@link #spinner} gives when there is nothing to draw (a class, not a lambda: see Cli.Body). */
    static final AutoCloseable NO_SPINNER = new AutoCloseable() {
        @Override
        public void close() { }
    };

    private final boolean tty;
    private final boolean colour;
    private final boolean spins;
    private int width;

    /**
     * {@code width} 0 means no limit. No spinner: what tests use, since it would write over the output they compare.
     */
    Term(boolean tty, int width, boolean colour) { this(tty, width, colour, false); }

    /** {@code spins}: whether {@link #spinner} draws (a real terminal). */
    Term(boolean tty, int width, boolean colour, boolean spins) {
        this.tty = tty;
        this.width = width;
        this.colour = colour;
        this.spins = spins;
    }

    static Term detect(Map<String, String> environment) {
        boolean tty = isTerminal();
        String columns = environment.get("COLUMNS");
        // On a terminal without COLUMNS the width costs a process (stty): asked only when a table needs it.
        int width = columns != null && columns.matches("\\d{1,4}") ? Integer.parseInt(columns) : tty ? ASK_STTY : 0;
        boolean colour = tty && (environment.get("NO_COLOR") == null || environment.get("NO_COLOR").isEmpty())
                && !"dumb".equals(environment.get("TERM"));
        return new Term(tty, width, colour, tty);
    }

    boolean tty() { return tty; }

    /**
     * What standard input is: text may be waiting in a PIPE or a FILE; a TERMINAL waits for typing; NONE is /dev/null.
     */
    enum Stdin { TERMINAL, PIPE, FILE, NONE, UNKNOWN }

    /**
     * What standard input is, so that {@code cat FILE | chat "summarise"} reads the file and {@code chat "hi"} on a
     * terminal does not wait for typing. Linux says where fd 0 leads; else the launchers' {@code JBANG_STDIN_NOTTY}
     * (from the shell's {@code [ -t 0 ]}) says pipe or terminal; else UNKNOWN, read as before (not at all).
     */
    static Stdin stdin(Map<String, String> environment) {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/0")).toString();
            if (target.startsWith("/dev/pts/") || target.startsWith("/dev/tty")
                    || target.equals("/dev/console")) return Stdin.TERMINAL;
            if (target.equals("/dev/null")) return Stdin.NONE;
            if (target.startsWith("pipe:") || target.startsWith("socket:")) return Stdin.PIPE;
            return Stdin.FILE;
        } catch (Exception notLinux) {
            String said = environment.get("JBANG_STDIN_NOTTY");
            return "true".equals(said) ? Stdin.PIPE : "false".equals(said) ? Stdin.TERMINAL : Stdin.UNKNOWN;
        }
    }

    boolean colour() { return colour; }

    /** The columns a line may use; 0 for no limit. */
    int width() {
        if (width == ASK_STTY) width = sttyWidth();
        return width;
    }

    /** JDK 22+ gives a Console even when redirected and says so through isTerminal(); older JDKs give none. */
    private static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            Method isTerminal = console.getClass().getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    private static int sttyWidth() {
        try {
            Process p = new ProcessBuilder("stty",
                    "size").redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/tty"))).start();
            String[] size = new String(p.getInputStream().readAllBytes()).trim().split("\\s+");
            return p.waitFor() == 0 && size.length == 2 ? Integer.parseInt(size[1]) : 0;
        } catch (Exception e) {
            return 0;
        }
    }

    String bold(String s) { return colour ? "\u001b[1m" + s + "\u001b[0m" : s; }

    String dim(String s) { return colour ? "\u001b[2m" + s + "\u001b[0m" : s; }

    /** A spinner on {@code err} while {@code label} runs; nothing at all when not on a terminal. */
    AutoCloseable spinner(PrintStream err, String label) {
        if (!spins) return NO_SPINNER;
        Thread thread = new Thread(() -> {
            String frames = "|/-\\";
            try {
                for (int i = 0; ; i++) {
                    SafeOutput.control(err, "\r" + frames.charAt(i % frames.length()) + " " + label);
                    Thread.sleep(100);
                }
            } catch (InterruptedException done) {
                SafeOutput.control(err, "\r\u001b[K");
            }
        }, "spinner");
        thread.setDaemon(true);
        // Ctrl-C while it spins: the line is cleared before the JVM ends (the command's own hook says why it ended).
        Thread clear = new Thread(() -> {
            thread.interrupt();
            try {
                thread.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(clear);
        thread.start();
        return () -> {
            thread.interrupt();
            thread.join(500);
            try {
                Runtime.getRuntime().removeShutdownHook(clear);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway, and finds the spinner gone
            }
        };
    }
}
