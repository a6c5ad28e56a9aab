///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES Bench.java
// chat --batch against what a user would write instead, in one run:
//
//   ./jbang test/bench/BatchBench.java [RUNS] [ITEMS] [LINES]        (from the project root)
//
// 1. ITEMS prompts (default 1,000) against a loopback router that answers each after 300 ms, 8 in flight:
//    `chat --batch FILE --concurrency 8` (the jar JBang builds for scripts/chat.java, plain `java -cp`) and a
//    Python client doing the same (concurrent.futures, 8 threads, urllib POSTs, a JSON line per answer),
//    alternating, RUNS rounds (default 3): median wall time of each against the ideal, ITEMS x 0.3 s / 8.
// 2. Memory in the number of items: peak RSS of `chat --batch` over 1,000 and over LINES lines (default
//    100,000), the router answering at once.
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

public class BatchBench {
    static volatile long delayMs = 300;

    static final byte[] ANSWER = ("{\"object\":\"chat.completion\",\"model\":\"Qwen/Qwen3-8B\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"positive\"},\"finish_reason\":\"stop\"}],\"usage\":"
            + "{\"prompt_tokens\":12,\"completion_tokens\":2,\"total_tokens\":14}}").getBytes(StandardCharsets.UTF_8);

    static final String PYTHON = """
            import concurrent.futures, json, sys, urllib.request
            url, path = sys.argv[1], sys.argv[2]
            def ask(line):
                item = json.loads(line)
                body = json.dumps({"model": "Qwen/Qwen3-8B", "messages": [{"role": "user", "content": item["prompt"]}],
                                   "stream": False}).encode()
                req = urllib.request.Request(url, body, {"Content-Type": "application/json",
                                                         "Authorization": "Bearer hf_bench"})
                with urllib.request.urlopen(req, timeout=60) as r:
                    answer = json.load(r)
                return json.dumps({"custom_id": item["custom_id"], "answer": answer["choices"][0]["message"]["content"],
                                   "usage": answer["usage"]})
            with open(path) as f, concurrent.futures.ThreadPoolExecutor(8) as pool:
                for line in pool.map(ask, [l for l in f if l.strip()]):
                    print(line, flush=True)
            """;

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int lines = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        Path work = Files.createTempDirectory("batch-bench");
        HttpServer router = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        router.setExecutor(Executors.newCachedThreadPool());
        router.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                if (delayMs > 0) Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("x-inference-provider", "nscale");
            exchange.sendResponseHeaders(200, ANSWER.length);
            exchange.getResponseBody().write(ANSWER);
            exchange.close();
        });
        router.start();
        String url = Bench.baseUrl(router);
        Map<String, String> env = Map.of("OPENCLAW_STATE_DIR", work.resolve("state").toString(), "HF_ROUTER_URL", url,
                "HF_TOKEN", "hf_bench");
        Path small = prompts(work.resolve("items.jsonl"), items), big = prompts(work.resolve("lines.jsonl"), lines);
        Files.writeString(work.resolve("client.py"), PYTHON);
        System.out.printf("java %s; %,d items, a loopback router answering each after %d ms, 8 in flight, %d rounds%n",
                System.getProperty("java.version"), items, delayMs, runs);
        List<String> batch = Bench.script("chat", false, "-m", "Qwen/Qwen3-8B", "--batch", small.toString(),
                "--concurrency", "8");
        List<String> python = List.of("python3", work.resolve("client.py").toString(), url + "/chat/completions",
                small.toString());
        double[][] wall = new double[2][runs];
        long[] peak = new long[2];
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < 2; k++) {
                long[] r = Bench.run(k == 0 ? batch : python, env);
                wall[k][i] = r[0] / 1e9;
                peak[k] = Math.max(peak[k], r[1]);
            }
        }
        double ideal = items * delayMs / 1000.0 / 8;
        double ours = Bench.median(wall[0]), theirs = Bench.median(wall[1]);
        System.out.printf("ideal (%d x %.1f s / 8)                 %6.1f s%n", items, delayMs / 1000.0, ideal);
        System.out.printf("chat --batch --concurrency 8          median %6.1f s  (%.3fx the ideal)  peak RSS %d MB%n",
                ours, ours / ideal, peak[0] / 1024);
        System.out.printf("python3 concurrent.futures + urllib   median %6.1f s  (%.3fx the ideal)  peak RSS %d MB%n",
                theirs, theirs / ideal, peak[1] / 1024);
        System.out.printf("chat --batch / python: %.3f%n", ours / theirs);

        delayMs = 0;
        long[] few = Bench.run(Bench.script("chat", false, "-m", "Qwen/Qwen3-8B", "--batch", small.toString(),
                "--concurrency", "8"), env);
        long[] many = Bench.run(Bench.script("chat", false, "-m", "Qwen/Qwen3-8B", "--batch", big.toString(),
                "--concurrency", "8"), env);
        System.out.printf("memory, the router answering at once: %,d items peak RSS %d MB (%.1f s); %,d items peak RSS"
                + " %d MB (%.1f s)%n", items, few[1] / 1024, few[0] / 1e9, lines, many[1] / 1024, many[0] / 1e9);
        router.stop(0);
    }

    static Path prompts(Path file, int n) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) sb.append("{\"custom_id\": \"ticket-").append(i)
                .append("\", \"prompt\": \"Classify the sentiment of ticket ").append(i).append(": it works\"}\n");
        Files.writeString(file, sb);
        return file;
    }
}
