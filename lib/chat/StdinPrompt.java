import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The question, or the text beside it, on stdin: bounded, and never waited for long when it does not come. */
final class StdinPrompt {
    private final InputStream in;
    private final Term.Stdin stdin;
    private final PrintStream err;

    StdinPrompt(InputStream in, Term.Stdin stdin, PrintStream err) {
        this.in = in;
        this.stdin = stdin;
        this.err = err;
    }

    /** The most a prompt on stdin may hold: far above any model's context, far below what memory holds. */
    static final int MAX_PROMPT = 16 * 1024 * 1024;

    /**
     * How long a prompt waits for piped text to start: a pipe a parent holds open and never writes must not hang us.
     */
    static final long STDIN_GRACE_MS = 1000;

    /**
     * Text piped in beside a PROMPT, or "" when none starts within {@link #STDIN_GRACE_MS} (said on stderr: a producer
     * slower than that loses its text, and the user must know). A test's own stream is read as it is.
     */
    String beside() throws java.io.IOException {
        if (stdin == Term.Stdin.PIPE) {
            long until = System.nanoTime() + STDIN_GRACE_MS * 1_000_000;
            while (in.available() == 0) {
                if (System.nanoTime() > until) {
                    Cli.say(err, "nothing came on stdin within " + STDIN_GRACE_MS / 1000
                            + " s; sending the prompt alone (--no-stdin says so at once)");
                    return "";
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "";
                }
            }
        }
        return whole();
    }

    /** The question from stdin, without the newline that ends the last line (not part of the question). */
    String whole() throws java.io.IOException {
        byte[] bytes = in.readNBytes(MAX_PROMPT + 1);
        if (bytes.length > MAX_PROMPT) throw new Cli.Failure("the prompt on stdin is larger than "
                + MAX_PROMPT / (1024 * 1024) + " MB; nothing was sent");
        return new String(bytes, StandardCharsets.UTF_8).replaceFirst("[\r\n]+$", "");
    }
}
