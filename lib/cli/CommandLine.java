import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * A command's arguments as a deque, read front to back: {@code --flag=value} is read as {@code --flag value}.
 * Each reader fails as a usage error (exit 2) naming the flag: {@code missing value for --model}.
 */
final class CommandLine {
    final String program;
    private final Deque<String> args = new ArrayDeque<>();

    CommandLine(String program, String... args) {
        this.program = program;
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                this.args.add(arg.substring(0, eq));
                this.args.add(arg.substring(eq + 1));
            } else {
                this.args.add(arg);
            }
        }
    }

    boolean hasNext() { return !args.isEmpty(); }

    String next() { return args.poll(); }

    String peek() { return args.peek(); }

    /**
     * The arguments not read yet, front first, up to a {@code --}: what every command answers before its own parsing.
     */
    List<String> beforeDoubleDash() {
        List<String> ahead = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--")) break;
            ahead.add(arg);
        }
        return ahead;
    }

    /** Takes the first {@code arg} out, wherever it stands. */
    void remove(String arg) { args.remove(arg); }

    /** Whether {@code flag} is among the arguments still to read, wherever it stands; takes it out if so. */
    boolean flag(String flag) {
        boolean found = false;
        for (Iterator<String> i = args.iterator(); i.hasNext(); ) {
            String arg = i.next();
            if (arg.equals("--")) break;
            if (arg.equals(flag)) {
                i.remove();
                found = true;
            }
        }
        return found;
    }

    /** The value that must follow {@code flag}. */
    String value(String flag) {
        String value = args.poll();
        if (value == null) throw new Cli.UsageException("missing value for " + flag);
        return value;
    }

    /** A whole number that must follow {@code flag}, at least {@code min}. */
    int intValue(String flag, int min) {
        String value = value(flag);
        try {
            int n = Integer.parseInt(value);
            if (n >= min) return n;
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new Cli.UsageException("invalid value for " + flag + ": '" + value + "' (a whole number of at least "
                + min + ")");
    }

    /** A number (decimals allowed) that must follow {@code flag}, within [{@code min}, {@code max}]. */
    double decimalValue(String flag, double min, double max) {
        String value = value(flag);
        try {
            double n = Double.parseDouble(value);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new Cli.UsageException("invalid value for " + flag + ": '" + value + "' (a number from "
                + Figures.plain(min) + " to " + Figures.plain(max) + ")");
    }

    /** The error for an argument that is not one of {@code known}, with a suggestion when one is close. */
    Cli.UsageException unknown(String arg, String... known) {
        String what = arg.startsWith("-") ? "unknown option " : "unknown command ";
        List<String> candidates = new ArrayList<>(Arrays.asList(known));
        candidates.addAll(List.of("--help", "--version", "--install", "--uninstall"));
        String close = Suggestions.closest(arg, candidates);
        return new Cli.UsageException(what + arg + (close == null ? "" : " (did you mean " + close + "?)"));
    }
}
