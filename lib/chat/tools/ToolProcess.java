import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program run for a tool, bounded: its input written to stdin, its stdout kept up to a limit, the last line of its
 * stderr kept to say why it failed, stopped (with its children) when it runs past a time limit. It gets this
 * process's environment without the Hugging Face token variables: a tool is some other program, and the token goes
 * only to the Hugging Face hosts.
 */
final class ToolProcess {
    /** {@code failure}: one line saying why the run did not give a result (null: it did; its stdout is the result). */
    record Outcome(String stdout, String failure) { }

    private ToolProcess() { }

    /** A process builder for {@code command} whose environment holds no Hugging Face token. */
    static ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        for (String variable : Token.VARIABLES) builder.environment().remove(variable);
        return builder;
    }

    /** Runs {@code command} with {@code input} on stdin, for {@code limit} at most, keeping {@code max} bytes. */
    static Outcome run(List<String> command, String input, Duration limit, int max) throws InterruptedException {
        Process process;
        try {
            process = builder(command).start();
        } catch (IOException e) {
            return new Outcome("", "could not start: " + whyNotStarted(e));
        }
        Drain out = new Drain(process.getInputStream(), max, false);
        Drain err = new Drain(process.getErrorStream(), 64 * 1024, true);
        Thread writer = daemon(() -> {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // A tool that does not read its input closes the pipe: what it prints still counts.
            }
        });
        Thread reading = daemon(out), errors = daemon(err);
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            // Polled, so that a tool printing without end is stopped as soon as it passes the limit.
            while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
                if (out.over) return new Outcome("", "printed more than " + FileReads.size(max));
                if (System.nanoTime() > deadline) return new Outcome("", "ran past " + Figures.seconds(limit)
                        + " (stopped)");
            }
            reading.join(2000);
            errors.join(2000);
            writer.join(100);
            if (out.over) return new Outcome("", "printed more than " + FileReads.size(max));
            if (process.exitValue() != 0) {
                String why = err.lastLine();
                return new Outcome("", "exited " + process.exitValue() + (why.isEmpty() ? "" : " (" + why + ")"));
            }
            return new Outcome(out.text(), null);
        } finally {
            if (process.isAlive()) stop(process);
        }
    }

    /**
     * Why a program could not start, as the OS said it ({@code No such file or directory}): the JDK wraps it in
     * words that differ from release to release ({@code error=2, ...} on 17, {@code Exec failed, error: 2 (...)}
     * on 25).
     */
    static String whyNotStarted(IOException e) {
        String said = String.valueOf(e.getMessage()).strip();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:\\(([^()]*)\\)|error=\\d+, (.*))$")
                .matcher(said);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : said;
    }

    /** Ends {@code process} and what it started: asked first, then forced. */
    static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static Thread daemon(Runnable body) {
        Thread t = new Thread(body, "tool-io");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Reads a stream to its end, keeping at most {@code max} bytes: its start (stdout: reading stops once past the
     * limit, which ends the run), or with {@code keepEnd} its end (stderr, whose last line says why).
     */
    private static final class Drain implements Runnable {
        private final InputStream in;
        private final int max;
        private final boolean keepEnd;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        volatile boolean over;

        Drain(InputStream in, int max, boolean keepEnd) {
            this.in = in;
            this.max = max;
            this.keepEnd = keepEnd;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (kept) {
                        if (keepEnd && kept.size() + n > max) {
                            byte[] all = kept.toByteArray();
                            kept.reset();
                            kept.write(all, all.length / 2, all.length - all.length / 2);
                        }
                        int room = max - kept.size();
                        kept.write(buffer, 0, Math.min(room, n));
                        if (n > room) {
                            over = true;
                            return;
                        }
                    }
                }
            } catch (IOException e) {
                // the process ended or was stopped: what came is kept
            }
        }

        String text() {
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }

        /** The last non-blank line, on one line and cut at 200 chars. */
        String lastLine() {
            String[] lines = text().strip().split("\n");
            return McpContent.oneLine(lines[lines.length - 1]);
        }
    }
}
