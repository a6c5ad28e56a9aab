import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/**
 * Command-line plumbing shared by the three commands: the arguments as a deque, the errors that map to
 * exit codes (2 for usage, 1 for failure), and "did you mean" suggestions. Messages look like
 * {@code models: missing value for --model}, one line on stderr.
 */
final class Cli {
    static final String VERSION = "0.1.0";

    /** Wrong use of the command line: exit 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) { super(message); }
    }

    /** The command could not do its job (bad file, network, ...): exit 1. The message is for the user. */
    static final class Failure extends RuntimeException {
        Failure(String message) { super(message); }
    }

    /**
     * The body of a command, free to throw {@link UsageException} and {@link Failure}. {@code models} gives
     * it as a class, not a lambda, and its list path has no lambdas at all: a run's first lambda costs
     * about 10 ms of method-handle set-up, a tenth of what {@code models list} may take in all. (chat and
     * onboard load {@code java.net.http}, which pays that cost anyway.)
     */
    interface Body {
        int run(Cli cli) throws Exception;
    }

    final String program;
    private final Deque<String> args;

    Cli(String program, String... args) {
        this.program = program;
        this.args = new ArrayDeque<>();
        for (String arg : args) {
            // "--flag=value" is read as "--flag value".
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                this.args.add(arg.substring(0, eq));
                this.args.add(arg.substring(eq + 1));
            } else {
                this.args.add(arg);
            }
        }
    }

    /**
     * Runs a command: answers {@code --help} (usage on stdout), {@code --version}, {@code --install} and
     * {@code --uninstall} (see {@link Installer}) itself, then runs
     * the body and turns what it throws into the message and exit code a user expects: usage errors
     * exit 2 with a hint, failures exit 1; anything unexpected also exits 1, with its message only,
     * never a stack trace (which could carry a secret).
     */
    static int run(String program, String usage, PrintStream stdout, PrintStream stderr, String[] args, Body body) {
        PrintStream out = SafeOutput.of(stdout), err = SafeOutput.of(stderr);
        try {
            return run(program, usage, out, err, new Cli(program, args), body);
        } finally {
            SafeOutput.release(out);
            SafeOutput.release(err);
        }
    }

    private static int run(String program, String usage, PrintStream out, PrintStream err, Cli cli, Body body) {
        // Every command answers these the same way, wherever they stand, before anything else runs.
        for (String arg : cli.args) {
            if (arg.equals("--")) break;
            if (arg.equals("-h") || arg.equals("--help")) {
                out.print(usage);
                return 0;
            }
            if (arg.equals("--version")) {
                out.println(program + " " + VERSION);
                return 0;
            }
            if (arg.equals("--install") || arg.equals("--uninstall")) {
                cli.args.remove(arg);
                body = c -> new Installer(program, System.getenv(), out).run(arg, c);
                break;
            }
        }
        try {
            return body.run(cli);
        } catch (UsageException e) {
            err.println(program + ": " + redact(e.getMessage()));
            err.println("Try '" + program + " --help' for more information.");
            return 2;
        } catch (Failure e) {
            err.println(program + ": " + redact(e.getMessage()));
            return 1;
        } catch (java.nio.file.NoSuchFileException e) {
            err.println(program + ": " + redact(e.getFile()) + ": no such file or folder");
            return 1;
        } catch (java.nio.file.AccessDeniedException e) {
            err.println(program + ": " + redact(e.getFile()) + ": permission denied");
            return 1;
        } catch (java.io.IOException e) {
            err.println(program + ": " + redact(e.getMessage()));
            return 1;
        } catch (Exception e) {
            err.println(program + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + redact(e.getMessage())));
            return 1;
        }
    }

    /** Every secret this run has held (tokens), so that no message can carry one out whole. */
    private static final java.util.Set<String> SECRETS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Remembers {@code secret}: from now on {@link #redact} hides it. */
    static void secret(String secret) {
        if (secret != null && secret.length() >= 8) SECRETS.add(secret);
    }

    /**
     * How many chars at the end of {@code text} are the start of a remembered secret (not all of it): what
     * {@link SafeOutput} holds back until the next write shows whether the secret follows.
     */
    static int secretPrefixAtEnd(String text) {
        int best = 0;
        for (String secret : SECRETS) {
            for (int k = Math.min(secret.length() - 1, text.length()); k > best; k--) {
                if (text.regionMatches(text.length() - k, secret, 0, k)) {
                    best = k;
                    break;
                }
            }
        }
        return best;
    }

    /** {@code message} with every remembered secret replaced by {@code [redacted]}; the last line of defence. */
    static String redact(String message) {
        if (message == null) return null;
        for (String secret : SECRETS) message = message.replace(secret, "[redacted]");
        return message;
    }

    boolean hasNext() { return !args.isEmpty(); }

    String next() { return args.poll(); }

    String peek() { return args.peek(); }

    /** Whether {@code flag} is among the arguments still to read, wherever it stands; takes it out if so. */
    boolean flag(String flag) {
        boolean found = false;
        for (java.util.Iterator<String> i = args.iterator(); i.hasNext(); ) {
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
        if (value == null) throw new UsageException("missing value for " + flag);
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
        throw new UsageException("invalid value for " + flag + ": '" + value + "' (a whole number of at least " + min + ")");
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
        throw new UsageException("invalid value for " + flag + ": '" + value + "' (a number from " + plain(min) + " to " + plain(max) + ")");
    }

    /** {@code 30 s}, {@code 0.5 s}: a duration as messages show it. */
    static String seconds(java.time.Duration d) { return plain(d.toMillis() / 1000.0) + " s"; }

    /** 2.0 -> "2", 0.25 -> "0.25". */
    static String plain(double n) {
        return n == Math.rint(n) && Math.abs(n) < 1e15 ? Long.toString((long) n) : new java.math.BigDecimal(Double.toString(n)).stripTrailingZeros().toPlainString();
    }

    /** The error for an argument that is not one of {@code known}, with a suggestion when one is close. */
    UsageException unknown(String arg, String... known) {
        String what = arg.startsWith("-") ? "unknown option " : "unknown command ";
        List<String> candidates = new ArrayList<>(Arrays.asList(known));
        candidates.addAll(List.of("--help", "--version", "--install", "--uninstall"));
        String close = closest(arg, candidates);
        return new UsageException(what + arg + (close == null ? "" : " (did you mean " + close + "?)"));
    }

    /** The candidate nearest to {@code word} by edit distance, when it is near enough to be a likely typo. */
    static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(word.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(3, word.length() / 3));
        return bestDistance <= allowed ? best : null;
    }

    /** Edit distance counting a swap of two neighbours as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
