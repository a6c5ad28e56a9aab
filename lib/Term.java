import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * What the terminal allows: whether we print to one, its width, and whether colour is wanted
 * (a terminal, and no {@code NO_COLOR}). The only code that draws on the terminal: colour and the spinner.
 */
record Term(boolean tty, int width, boolean colour) {
    /** Not a terminal: no spinner, no colour, no width limit. What tests and pipes get. */
    static final Term PLAIN = new Term(false, 0, false);

    static Term detect(Map<String, String> environment) {
        boolean tty = isTerminal();
        int width = 0;
        String columns = environment.get("COLUMNS");
        if (columns != null && columns.matches("\\d{1,4}")) width = Integer.parseInt(columns);
        else if (tty) width = sttyWidth();
        boolean colour = tty && (environment.get("NO_COLOR") == null || environment.get("NO_COLOR").isEmpty()) && !"dumb".equals(environment.get("TERM"));
        return new Term(tty, width, colour);
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
            Process p = new ProcessBuilder("stty", "size").redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/tty"))).start();
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
        if (!tty) return () -> { };
        Thread thread = new Thread(() -> {
            String frames = "|/-\\";
            try {
                for (int i = 0; ; i++) {
                    err.print("\r" + frames.charAt(i % frames.length()) + " " + label);
                    err.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException done) {
                err.print("\r\u001b[K");
                err.flush();
            }
        }, "spinner");
        thread.setDaemon(true);
        thread.start();
        return () -> {
            thread.interrupt();
            thread.join(500);
        };
    }
}
