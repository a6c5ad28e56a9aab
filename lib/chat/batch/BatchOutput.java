import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Where a batch's results go: a line per item as it finishes, each written whole in one write (stdout, or
 * {@code --out FILE} appended to through {@link SafeFile#append}), so that a {@code kill -9} at any moment leaves
 * whole lines only. {@link #finished} reads a file back for {@code --resume}.
 */
final class BatchOutput {
    private final Path file;
    private final PrintStream out;

    /** To {@code file}, or to {@code out} when it is null. */
    BatchOutput(Path file, PrintStream out) {
        this.file = file;
        this.out = out;
    }

    /** Writes {@code line} (one JSON object) as one line, in one write; lines of other threads never interleave. */
    synchronized void write(JsonObject line) throws IOException {
        byte[] bytes = (ChatLog.redactedLine(line) + "\n").getBytes(StandardCharsets.UTF_8);
        if (file == null) {
            out.write(bytes, 0, bytes.length);
            out.flush();
            return;
        }
        if (!SafeFile.append(file, bytes)) throw new IOException("another process holds " + file + " locked");
    }

    /** The longest line read back: an answer of {@code ChatRun.MAX_ANSWER} bytes, escaped, and its fields. */
    static final int MAX_LINE = 64 * 1024 * 1024;

    /**
     * The ids of the items {@code file} holds a line for (its {@code custom_id}, else {@code line N}), so that
     * {@code --resume} skips them; none when it does not exist. A last line without its newline (the write a crash
     * cut, were one ever cut) is cut off first, so that it is asked again and never held twice.
     */
    static Set<String> finished(Path file) throws IOException {
        Set<String> ids = new HashSet<>();
        if (!Files.exists(file)) return ids;
        if (!SafeFile.cutTornTail(file)) throw new IOException("another process holds it locked");
        FileReads.linesFromEnd(file, MAX_LINE, line -> {
            try {
                if (!line.isBlank() && Json.parse(line) instanceof JsonObject o) {
                    ids.add(o.string("custom_id") != null ? o.string("custom_id")
                            : BatchItem.lineId(o.longOr("line", -1)));
                }
            } catch (JsonException e) {
                // not one of ours: passed over
            }
            return true;
        });
        return ids;
    }
}
