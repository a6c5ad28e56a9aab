import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Where {@code chat --batch} starts: the input opened (a regular file is read through once first, so that a bad line
 * fails before anything is sent, and the progress line knows the total), {@code --resume}'s finished items read
 * from {@code --out}, Ctrl-C handled, then {@link BatchRun}.
 */
final class BatchCommand {
    private BatchCommand() { }

    /** What the chat command set up for the batch, besides the setup itself. */
    record Context(Env env, Term term, InputStream in, PrintStream out, PrintStream err, ChatRun.Pause pause,
            java.util.Random random, java.util.function.Supplier<List<String>> budget,
            java.util.function.Predicate<Runnable> onInterrupt) { }

    static int run(ChatRequest r, BatchRun.Setup setup, RouterClient router, ChatLog log, String cid, Context c)
            throws Exception {
        boolean stdin = r.batch.equals("-");
        Path file = stdin ? null : Path.of(r.batch);
        String shown = stdin ? "stdin" : r.batch;
        boolean csv = r.template != null || (!stdin && r.batch.toLowerCase(java.util.Locale.ROOT).endsWith(".csv"));
        long total = -1;
        if (!stdin) {
            if (!Files.isRegularFile(file)) {
                throw new Cli.Failure(shown + ": " + (Files.exists(file) ? "not a regular file"
                        : "no such file or folder"));
            }
            total = 0;
            try (BatchInput check = new BatchInput(FileReads.stream(file), shown, r.template, csv)) {
                while (check.next() != null) total++;
            } catch (IOException e) {
                throw new Cli.Failure(shown + ": " + Cli.reason(e));
            }
        }
        Path outFile = r.out == null ? null : Path.of(r.out);
        if (outFile != null && !stdin && Files.exists(outFile) && Files.isSameFile(outFile, file)) {
            throw new Cli.Failure("--out " + r.out + " is the input itself");
        }
        Set<String> done;
        try {
            done = r.resume ? BatchOutput.finished(outFile) : Set.of();
            if (!r.resume && outFile != null && Files.exists(outFile) && Files.size(outFile) > 0) {
                throw new Cli.Failure(r.out + " already holds lines: add --resume to go on where it stopped, or "
                        + "name another --out");
            }
        } catch (IOException e) {
            throw new Cli.Failure(r.out + ": " + Cli.reason(e));
        }
        BatchRun run = new BatchRun(setup, router, new BatchOutput(outFile, c.out()), log, cid, c.term(), c.err(),
                c.pause(), c.random(), c.budget());
        c.onInterrupt().test(() -> {
            if (run.interrupt()) System.exit(Cli.INTERRUPTED);
        });
        try (BatchInput input = new BatchInput(stdin ? c.in() : FileReads.stream(file), shown, r.template,
                csv)) {
            return run.run(input, done, total);
        }
    }
}
