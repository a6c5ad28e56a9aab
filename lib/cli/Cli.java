import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Runs a command: the exit codes, the errors that map to them, and how every message on stderr starts
 * ({@code models: missing value for --model}, {@code chat: warning: ...}), one line each. The arguments are
 * a {@link CommandLine}; the secrets no message may carry and the command's name live in {@link Running}.
 */
final class Cli {
    static final String VERSION = "0.1.0";

    /** Exit codes: done; failed (bad file, network, refused); wrong use of the command line; stopped by Ctrl-C. */
    static final int OK = 0, FAILURE = 1, USAGE = 2, INTERRUPTED = 130;

    private Cli() { }

    /** Wrong use of the command line: exit {@link #USAGE}. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) { super(message); }
    }

    /**
     * The command could not do its job (bad file, network, ...): exit {@link #FAILURE}. The message is for the user.
     */
    static final class Failure extends RuntimeException {
        Failure(String message) { super(message); }
    }

    /**
     * The body of a command, free to throw {@link UsageException}, {@link Failure}, a {@link JsonException} or an
     * {@link IOException}. {@code models} gives it as a class, not a lambda, and its list path has no lambdas at all:
     * a run's first lambda costs about 10 ms of method-handle set-up, a tenth of what {@code models list} may take in
     * all. (chat and onboard load {@code java.net.http}, which pays that cost anyway.)
     */
    interface Body {
        int run(CommandLine cli) throws Exception;
    }

    /**
     * Runs a command: answers {@code --help} (usage on stdout), {@code --version}, {@code --install} and
     * {@code --uninstall} (see {@link Installer}) itself, then runs the body and turns what it throws into the
     * message and exit code a user expects, here and nowhere else: usage errors exit 2 with a hint, failures exit 1;
     * anything unexpected also exits 1, with its message only, never a stack trace (which could carry a secret) nor
     * a Java class name.
     */
    static int run(String program, String usage, PrintStream stdout, PrintStream stderr, String[] args, Body body) {
        return run(program, usage, stdout, stderr, args, Term.PLAIN, body);
    }

    /** {@link #run} on {@code term}: its width is the help's (wrapped between words), none for a pipe or a test. */
    static int run(String program, String usage, PrintStream stdout, PrintStream stderr, String[] args, Term term,
            Body body) {
        Object outer = Running.open(program);
        Launcher.keepForFastPath(program, System.getenv(Launcher.KEEP));
        PrintStream out = SafeOutput.of(stdout), err = SafeOutput.of(stderr);
        try {
            String unreadable = unreadable(args, System.getenv());
            if (unreadable != null) {
                say(err, unreadable);
                return FAILURE;
            }
            return run(program, usage, term, out, err, new CommandLine(program, args), body);
        } finally {
            SafeOutput.release(out);
            SafeOutput.release(err);
            Running.close(outer);
        }
    }

    /**
     * Why the arguments cannot be used as Java read them, or null: a locale whose charset is not UTF-8 (a C or POSIX
     * one, where no launcher of ours could run Java under C.UTF-8) turns each character it lacks into U+FFFD, and
     * sending that silently would send something else than what was typed.
     */
    static String unreadable(String[] args, java.util.Map<String, String> env) {
        String charset = System.getProperty("sun.jnu.encoding", "UTF-8");
        if (charset.equalsIgnoreCase("UTF-8") || charset.equalsIgnoreCase("UTF8")) return null;
        for (String arg : args) {
            if (arg.indexOf('\uFFFD') < 0) continue;
            String locale = env.get("LC_ALL") != null ? "LC_ALL=" + env.get("LC_ALL")
                    : env.get("LC_CTYPE") != null ? "LC_CTYPE=" + env.get("LC_CTYPE")
                    : env.get("LANG") != null ? "LANG=" + env.get("LANG") : "no LANG";
            return "an argument holds characters this locale (" + locale + ", " + charset
                    + ") cannot carry, and Java read"
                    + " them as U+FFFD; run with a UTF-8 locale (LC_ALL=C.UTF-8), or give the text on stdin; nothing "
                            + "was done";
        }
        return null;
    }

    private static int run(String program, String usage, Term term, PrintStream out, PrintStream err, CommandLine cli,
            Body body) {
        // `models help`, as git and gh take it; `chat -- help` asks the model.
        if (cli.beforeDoubleDash().equals(java.util.List.of("help"))) {
            out.print(Help.wrapped(usage, term.width()));   // the width asked (stty) only for help
            if (program.equals("chat")) say(err, "'chat help' shows this; to ask a model about help: chat -- help");
            return OK;
        }
        // Every command answers these the same way, wherever they stand, before anything else runs.
        for (String arg : cli.beforeDoubleDash()) {
            if (arg.equals("-h") || arg.equals("--help")) {
                out.print(Help.wrapped(usage, term.width()));   // the width asked (stty) only for help
                return OK;
            }
            if (arg.equals("--version")) {
                out.println(program + " " + VERSION);
                return OK;
            }
            if (arg.equals("--install") || arg.equals("--uninstall")) {
                cli.remove(arg);
                body = c -> new Installer(program, System.getenv(), out).run(arg, c);
                break;
            }
        }
        try {
            return body.run(cli);
        } catch (UsageException e) {
            say(err, e.getMessage());
            err.println("Try '" + program + " --help' for more information.");
            return USAGE;
        } catch (Exception e) {
            say(err, describe(e));
            return FAILURE;
        }
    }

    /**
     * What went wrong, as a user reads it: a file error names the file and says what is wrong in words
     * ({@code /proc/nope: no such file or folder}), never a Java class name.
     */
    static String describe(Exception e) {
        if (e instanceof FileSystemException f && f.getFile() != null) return f.getFile() + ": " + reason(e);
        return reason(e);
    }

    /** {@link #describe} without the file's name, for a message that names it already: {@code permission denied}. */
    static String reason(Exception e) {
        if (e instanceof Failure || e instanceof JsonException) return e.getMessage();
        if (e instanceof FileSystemException f) {
            if (e instanceof NoSuchFileException) return "no such file or folder";
            if (e instanceof AccessDeniedException) return "permission denied";
            if (e instanceof FileAlreadyExistsException) return "already exists";
            if (e instanceof DirectoryNotEmptyException) return "folder not empty";
            if (e instanceof NotDirectoryException) return "not a folder";
            String why = f.getReason();
            return why == null ? "cannot be used" : why.substring(0, 1).toLowerCase() + why.substring(1);
        }
        if (e instanceof InvalidPathException p) return "not a usable path: " + p.getInput();
        if (e instanceof IOException && e.getMessage() != null) {
            // The operating system's words (strerror: "No space left on device"), some JDKs' FileSystemException
            // reason and others' bare message: said alike, in lower case, as every message here starts.
            String m = e.getMessage();
            return m.matches("[A-Z][a-z]+( [a-z]+)*") ? Character.toLowerCase(m.charAt(0)) + m.substring(1) : m;
        }
        return "unexpected " + (e instanceof IOException ? "input/output error" : "internal error")
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + " (please report it, with the command run)";
    }

    /** One line on stderr as the running command's: {@code chat: TEXT}. Secrets are hidden, as everywhere. */
    static void say(PrintStream err, String text) { err.println(Running.program() + ": " + Running.redact(text)); }

    /** A warning on stderr as the running command's: {@code chat: warning: TEXT}. */
    static void warn(PrintStream err, String text) { say(err, "warning: " + text); }
}
