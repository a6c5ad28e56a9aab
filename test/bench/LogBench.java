///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES Bench.java
//SOURCES ../../lib/chat/sources.java
// What a long conversation log costs to look at: `chat logs -q TEXT` and `chat -c PROMPT` on a log of SIZE MB
// (default 100), this checkout against another (-Dbench.against=DIR, a checkout of an earlier commit, say
// `git worktree add /tmp/before 3801f7d`): wall-time medians and peak RSS of RUNS runs each (default 5), alternating.
//
//   ./jbang -Dbench.against=/tmp/before test/bench/LogBench.java [RUNS] [SIZE]        (from the project root)
//
// The log holds turns of about 1 KB (a question, an answer) in 200 conversations; the last is continued.
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

public class LogBench {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long size = (args.length > 1 ? Long.parseLong(args[1]) : 100) * 1024 * 1024;
        Path work = Files.createTempDirectory("log-bench");
        Path log = work.resolve("state/huggingface/chat-log.jsonl");
        Files.createDirectories(log.getParent());
        String answer = "Paris is the capital of France. ".repeat(28);
        long turns = 0;
        try (BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (long written = 0; written < size; turns++) {
                String cid = String.format("20261201-120000-%04x", turns % 200);
                String line = "{\"cid\":\"" + cid + "\",\"turn\":" + (turns / 200 + 1)
                        + ",\"time\":\"2026-12-01T12:00:00Z\",\"ref\":\"huggingface/deepseek-ai/DeepSeek-R1\","
                        + "\"model\":\"deepseek-ai/DeepSeek-R1\",\"provider\":\"together\",\"requestId\":null,\"messages\":[{\"role\":\"user\",\"content\":\"question "
                        + turns + "\"}],\"answer\":\"" + answer
                                + "\",\"reasoning\":null,\"usage\":{\"prompt\":12,\"completion\":200,\"total\":212},\"cost\":0.0004,"
                        + "\"durationMs\":900,\"outcome\":\"ok\",\"error\":null}\n";
                w.write(line);
                written += line.length();
            }
        }
        byte[] reply = Files.readAllBytes(Path.of("test/fixtures/chat/nostream_together.json"));
        HttpServer router = Bench.serve("/v1/chat/completions", "application/json", reply);
        Map<String, String> env = Map.of("OPENCLAW_STATE_DIR", work.resolve("state").toString(), "HF_ROUTER_URL",
                Bench.baseUrl(router), "HF_TOKEN", "hf_benchToken0123456789");
        System.out.printf("java %s; a log of %d MB, %d turns; %d runs each, alternating%n",
                System.getProperty("java.version"), Files.size(log) / (1024 * 1024), turns, runs);
        List<String> names = new ArrayList<>(List.of("chat logs -q 'question 7'", "chat logs -q nowhere (all)",
                "chat -c --no-log --no-stream"));
        List<List<String>> commands = new ArrayList<>(List.of(Bench.script("chat", false, "logs", "-q", "question 7"),
                Bench.script("chat", false, "logs", "-q", "nowhere"), Bench.script("chat", false, "-c", "--no-log",
                        "--no-stream", "next")));
        String against = System.getProperty("bench.against");
        if (against != null) {
            names.addAll(List.of("  before: chat logs -q 'question 7'", "  before: chat logs -q nowhere",
                    "  before: chat -c"));
            commands.addAll(List.of(Bench.script(Path.of(against), "chat", false, "logs", "-q", "question 7"),
                    Bench.script(Path.of(against), "chat", false, "logs", "-q", "nowhere"),
                    Bench.script(Path.of(against), "chat", false, "-c", "--no-log", "--no-stream", "next")));
        }
        Bench.compare(names, commands, env, runs);
        router.stop(0);
    }
}
