import java.io.PrintStream;

/**
 * Where an answer goes as it streams: its text to stdout and nothing else there; reasoning to stderr,
 * dimmed on a terminal (or nowhere, with --hide-reasoning). With --json nothing is printed as it comes:
 * the whole answer is written at the end. Keeps what it was given, and whether anything was shown,
 * which decides whether a retry or another model may still be tried.
 */
final class ChatOutput implements ThinkSplitter.Sink {
    private final PrintStream out;
    private final PrintStream err;
    private final Term term;
    private final boolean hideReasoning;
    private final boolean json;
    private final StringBuilder content = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private boolean shown;
    private boolean reasoningLineOpen;
    /** Whether {@link #finish} ended the answer's line already. */
    private boolean ended;
    /** The spinner drawn until the first of the answer arrives (on a terminal), or null. */
    private AutoCloseable waiting;

    ChatOutput(PrintStream out, PrintStream err, Term term, boolean hideReasoning, boolean json) {
        this.out = out;
        this.err = err;
        this.term = term;
        this.hideReasoning = hideReasoning;
        this.json = json;
    }

    /** Draws a spinner on stderr (on a terminal) until the first of the answer, or the end, shows. */
    void waitVisibly() {
        if (waiting == null) waiting = term.spinner(err, "waiting for the answer\u2026");
    }

    /** Stops the spinner, if one is drawn, before anything else is printed. */
    void stopWaiting() {
        if (waiting == null) return;
        try {
            waiting.close();
        } catch (Exception e) {
            // a spinner that would not stop has nothing more to draw
        }
        waiting = null;
    }

    @Override
    public void content(String text) {
        content.append(text);
        if (json) return;
        stopWaiting();
        endReasoningLine();
        out.print(Printable.text(text));
        out.flush();
        shown = true;
    }

    @Override
    public void reasoning(String text) {
        reasoning.append(text);
        if (hideReasoning) return;
        stopWaiting();
        err.print(term.dim(Printable.text(text)));
        err.flush();
        reasoningLineOpen = !text.endsWith("\n");
        shown = true;
    }

    /** How many chars of answer and reasoning came so far. */
    int size() { return content.length() + reasoning.length(); }

    /** The answer text so far. */
    String answerText() { return content.toString(); }

    /** The reasoning so far. */
    String reasoningText() { return reasoning.toString(); }

    /** True once anything of this answer reached the user: from then on, no retry and no other model. */
    boolean shown() { return shown; }

    /** Ends the lines this answer left open, so that what follows starts on its own line; once. */
    void finish() {
        stopWaiting();
        endReasoningLine();
        if (!json && !ended && content.length() > lineStart
                && content.charAt(content.length() - 1) != '\n') out.println();
        ended = true;
        out.flush();
    }

    /**
     * Ends the lines open now (stdout's answer, stderr's reasoning), so that a line on stderr (a remote tool call)
     * starts on its own; the answer may go on after it.
     */
    void breakLine() {
        stopWaiting();
        endReasoningLine();
        if (!json && content.length() > lineStart && content.charAt(content.length() - 1) != '\n') out.println();
        lineStart = content.length();
        out.flush();
    }

    /** Where the answer's text goes on after {@link #breakLine}: an answer ending there needs no new line. */
    private int lineStart;

    /** Forgets an attempt that showed nothing, before the next one. */
    void clear() {
        ended = false;
        lineStart = 0;
        content.setLength(0);
        reasoning.setLength(0);
    }

    private void endReasoningLine() {
        if (reasoningLineOpen) err.println();
        reasoningLineOpen = false;
    }
}
