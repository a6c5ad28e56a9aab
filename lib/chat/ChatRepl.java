import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code chat} on a terminal: a conversation that keeps its history. Lines starting with {@code /} are
 * commands; a line of {@code """} opens a multi-line message and another closes it. The prompt goes to
 * stderr, so that stdout still carries only answers. A failed question is reported and the
 * conversation goes on (it is not added to the history; {@code /retry} sends it again).
 */
final class ChatRepl {
    static final String HELP = """
            /model REF     talk to another model (ref, id or alias); without REF: which one
            /system TEXT   set the system prompt; without TEXT: remove it
            /reset         forget the conversation (the system prompt stays)
            /retry         ask the last question again
            /attach FILE   send an image (PNG, JPEG, GIF, WebP; or an http(s) URL) with the next message
            /help          this list
            /exit          leave (or Ctrl-D; Ctrl-C stops an answer, and at the prompt leaves)
            \"""           a line of three quotes starts a multi-line message; another ends it
            """;
    private static final List<String> COMMANDS = List.of("/model", "/system", "/reset", "/retry", "/attach", "/help",
            "/exit", "/quit");

    private final List<ModelRef> chain;
    private final BufferedReader in;
    private final PrintStream err;
    private final Map<String, String> aliases;
    private final ChatSession session;
    private final Runnable leave;
    private String lastQuestion;
    /** Images for the next message (/attach, or -a on the command line). */
    private final List<Attachment> pending = new ArrayList<>();
    private List<Attachment> lastAttached = List.of();
    private boolean lastAnswered;
    /** The thread asking a question now, or null at the prompt; and whether Ctrl-C was already pressed during it. */
    private volatile Thread asking;
    private volatile boolean stopping;

    /** {@code leave}: what a Ctrl-C at the prompt (or a second one during an answer) does: exit 130 for real. */
    ChatRepl(ChatSession session, List<ModelRef> chain, InputStream in, PrintStream err, Map<String, String> aliases,
            Runnable leave) {
        this(session, chain, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), err, aliases,
                leave);
    }

    /** {@code in}: the lines typed, shared with what else asks the user (a tool call's approval). */
    ChatRepl(ChatSession session, List<ModelRef> chain, BufferedReader in, PrintStream err, Map<String, String> aliases,
            Runnable leave) {
        this.leave = leave;
        this.chain = new ArrayList<>(chain);
        this.session = session;
        this.in = in;
        this.err = err;
        this.aliases = aliases;
    }

    /** Images that go with the first message (-a). */
    void attach(List<Attachment> attachments) { pending.addAll(attachments); }

    int run() throws IOException, InterruptedException {
        err.println("chat with " + chain.get(0).routerId()
                + " \u00b7 /help for commands \u00b7 /exit or Ctrl-D to leave");
        if (session.turns() > 0) Cli.say(err, "continuing conversation " + session.cid() + " (" + session.turns()
                + (session.turns() == 1 ? " turn)" : " turns)"));
        while (true) {
            String line = prompt("> ");
            if (line == null) return Cli.OK;
            if (line.strip().equals("\"\"\"")) {
                line = block();
                if (line == null) return Cli.OK;
            } else if (line.startsWith("/")) {
                if (!command(line.strip())) return Cli.OK;
                continue;
            }
            if (!line.isBlank()) ask(line, false);
        }
    }

    private String prompt(String text) throws IOException {
        err.print(text);
        err.flush();
        String line = in.readLine();
        if (line == null) err.println();
        return line;
    }

    /** The lines up to a closing {@code """}; null at end of input (nothing is sent). */
    private String block() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String line = prompt("\u2026 "); line != null; line = prompt("\u2026 ")) {
            if (line.strip().equals("\"\"\"")) return sb.toString();
            if (sb.length() > 0) sb.append('\n');
            sb.append(line);
        }
        return null;
    }

    /** Runs a command; false when it is the one to leave. */
    private boolean command(String line) throws InterruptedException {
        int space = line.indexOf(' ');
        String name = space < 0 ? line : line.substring(0, space);
        String arg = space < 0 ? "" : line.substring(space + 1).strip();
        switch (name) {
            case "/exit", "/quit" -> {
                return false;
            }
            case "/help" -> err.print(HELP);
            case "/attach" -> attachCommand(arg);
            case "/model" -> model(arg);
            case "/system" -> {
                session.system(arg.isEmpty() ? null : arg);
                Cli.say(err, arg.isEmpty() ? "no system prompt" : "system prompt set");
            }
            case "/reset" -> {
                session.reset(new java.util.Random());
                lastAnswered = false;
                Cli.say(err, "conversation forgotten");
            }
            case "/retry" -> {
                if (lastQuestion == null) {
                    Cli.say(err, "nothing to retry yet");
                } else {
                    if (lastAnswered) session.dropLast();
                    ask(lastQuestion, true);
                }
            }
            default -> {
                String close = Suggestions.closest(name, COMMANDS);
                Cli.say(err, "unknown command " + name + (close == null ? "" : " (did you mean " + close + "?)")
                        + "; /help lists them");
            }
        }
        return true;
    }

    private void attachCommand(String arg) {
        if (arg.isEmpty() || arg.equals("-")) {
            Cli.say(err, "/attach FILE (or an http(s) URL)");
            return;
        }
        try {
            Attachment a = Attachment.of(arg, InputStream.nullInputStream());
            Attachment.requireImages(chain.get(0), session.known());
            pending.add(a);
            Cli.say(err, "attached " + a.shown() + (a.bytes() > 0 ? " (" + (a.bytes() + 1023) / 1024 + " KB)" : "")
                    + "; it goes with your next message");
        } catch (Cli.Failure f) {
            Cli.say(err, f.getMessage());
        }
    }

    private void model(String arg) {
        if (arg.isEmpty()) {
            Cli.say(err, "talking to " + chain.get(0).routerId());
            return;
        }
        try {
            ModelRef ref = ModelRef.resolve(arg, aliases);
            // a pinned provider that does not serve it: said as models show says it
            ref.requireServed(session.known());
            chain.subList(1, chain.size()).remove(ref);   // no longer its own fallback
            chain.set(0, ref);
            Cli.say(err, "now talking to " + ref.routerId());
        } catch (ModelRefException e) {
            Cli.say(err, e.getMessage());
        }
    }

    /**
     * Ctrl-C: during an answer, stops it (the conversation and its history stay, the prompt comes back);
     * at the prompt, or pressed again before the answer stopped, leaves.
     */
    void interrupt() {
        Thread thread = asking;
        if (thread != null && !stopping) {
            stopping = true;
            thread.interrupt();
        } else {
            leave.run();
        }
    }

    /** {@code retry}: the last question again, with the images it had. */
    private void ask(String question, boolean retry) throws InterruptedException {
        lastQuestion = question;
        lastAnswered = false;
        stopping = false;
        asking = Thread.currentThread();
        try {
            List<Attachment> with = retry ? lastAttached : List.copyOf(pending);
            pending.clear();
            lastAttached = with;
            session.ask(chain, Attachment.message(question, with));
            lastAnswered = true;
        } catch (Cli.Failure f) {
            Cli.say(err, f.getMessage());
        } finally {
            asking = null;
            Thread.interrupted();   // a Ctrl-C that came as the answer ended is spent
        }
    }
}
