import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Whether a tool call may run. On a terminal every call is asked {@code [y/N/a]} (a: always, for that tool, until
 * chat ends); with {@code --yes} every call runs; else (no terminal to ask on) every call is refused, said once.
 */
final class ToolApproval {
    enum Mode { ASK, YES, REFUSE }

    private final Mode mode;
    /** The user's next line, or null at the end of input. */
    private final Supplier<String> answers;
    private final PrintStream err;
    private final Set<String> always = new HashSet<>();
    private boolean toldRefused;

    ToolApproval(Mode mode, Supplier<String> answers, PrintStream err) {
        this.mode = mode;
        this.answers = answers;
        this.err = err;
    }

    /** Whether {@code call} of the tool {@code name} (from {@code origin}) may run; asks on a terminal. */
    boolean allows(ToolCall call, String origin) {
        if (mode == Mode.YES || always.contains(call.name())) return true;
        if (mode == Mode.REFUSE) {
            if (!toldRefused) Cli.say(err, "tool calls are not run without a terminal to ask on; --yes runs them "
                    + "without asking");
            toldRefused = true;
            return false;
        }
        err.print(Running.program() + ": run " + Running.redact(call.shown()) + " (" + origin + ")? [y/N/a] ");
        err.flush();
        String answer = answers.get();
        if (answer == null) err.println();
        String a = answer == null ? "" : answer.strip().toLowerCase(java.util.Locale.ROOT);
        if (a.equals("a") || a.equals("always")) always.add(call.name());
        return a.equals("y") || a.equals("yes") || a.equals("a") || a.equals("always");
    }
}
