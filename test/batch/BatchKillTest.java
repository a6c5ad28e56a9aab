import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of a real batch process, three times at three moments, then {@code --resume}: every custom_id is
 * in --out exactly once, every line whole, and what was lost is at most what was in flight at each kill.
 */
@Tag("slow")
class BatchKillTest extends RouterTest {
    static final int ITEMS = 240, CONCURRENCY = 8;

    Process start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "Main", "chat"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(t.cwd.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(t.root.resolve("stderr.txt").toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(new HashMap<>(t.vars));
        env.put("HOME", t.home.toString());
        env.put("PATH", System.getenv("PATH"));
        return pb.start();
    }

    /** The newlines in --out so far (read while the batch writes: counted, not parsed). */
    static long newlines(Path out) throws Exception {
        if (!Files.exists(out)) return 0;
        byte[] bytes = Files.readAllBytes(out);
        long n = 0;
        for (byte b : bytes) if (b == '\n') n++;
        return n;
    }

    /** The lines of --out, each checked to be a whole JSON object. */
    static List<JsonObject> lines(Path out) throws Exception {
        List<JsonObject> lines = new ArrayList<>();
        if (!Files.exists(out)) return lines;
        String text = Files.readString(out);
        assertTrue(text.isEmpty() || text.endsWith("\n"), "a torn last line: " + text.substring(Math.max(0,
                text.length() - 80)));
        for (String line : text.lines().toList()) lines.add(Json.parse(line).asObject());
        return lines;
    }

    @Test void killedThreeTimesThenResumedEveryIdIsThereOnce() throws Exception {
        t.with("HF_TOKEN", "hf_test_token_abcd1234");
        t.write(t.config(), "{ agents: { defaults: { model: { primary: \"huggingface/" + BatchTest.QWEN
                + "\" } } } }");
        router.delayMs = 40;
        router.chat(BatchTest.QWEN, BatchTest.says("ok"));
        Path in = tmp.resolve("in.jsonl"), out = tmp.resolve("out.jsonl");
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= ITEMS; i++) items.append("{\"custom_id\": \"id-").append(i).append("\", \"prompt\": \"p")
                .append(i).append("\"}\n");
        t.write(in, items.toString());
        String[] batch = {"--batch", in.toString(), "--out", out.toString(), "--concurrency", "" + CONCURRENCY,
                "--resume"};
        int kills = 0;
        for (int killAt : new int[] {30, 90, 150}) {
            Process p = start(batch);
            // Waiting on what the process has written, not on time: the kill lands mid-batch whatever the machine.
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (newlines(out) < killAt && p.isAlive()) {
                assertTrue(System.nanoTime() < deadline, "the batch wrote " + newlines(out) + " lines in 60 s");
                Thread.sleep(5);
            }
            p.destroyForcibly();   // SIGKILL: no shutdown hook, no finally
            assertEquals(137, p.waitFor(), "killed, not finished: " + Files.readString(t.root.resolve("stderr.txt")));
            kills++;
            int written = lines(out).size(), sent = router.chatModels().size();
            assertTrue(written < ITEMS, "the batch finished before the kill");
            assertTrue(sent <= written + kills * CONCURRENCY, "lost more than was in flight: sent " + sent
                    + ", written " + written);
        }
        Process last = start(batch);
        assertEquals(0, last.waitFor(), Files.readString(t.root.resolve("stderr.txt")));
        List<String> ids = lines(out).stream().map(o -> o.string("custom_id")).sorted().toList();
        List<String> every = new ArrayList<>();
        for (int i = 1; i <= ITEMS; i++) every.add("id-" + i);
        assertEquals(every.stream().sorted().toList(), ids);
        String summary = Files.readString(t.root.resolve("stderr.txt"));
        assertTrue(summary.matches("chat: (\\d+) items: \\1 answered, 0 failed, (\\d+) done before \\(--resume\\); "
                + "\\$0 \\(\\1 without a price\\); [0-9.]+ s\n"), summary);
        assertTrue(router.chatModels().size() <= ITEMS + 3 * CONCURRENCY, "asked " + router.chatModels().size());
    }
}
