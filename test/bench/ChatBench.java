///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES Bench.java
//SOURCES ../../lib/chat/sources.java
// chat's own run against a hello-world JVM, and the stream parser's throughput, in one run:
//
//   ./jbang test/bench/ChatBench.java [RUNS] [CHUNKS]        (from the project root)
//
// 1. `chat hi` (the jar JBang builds for scripts/chat.java, plain `java -cp`) against a local fake
//    router that answers at once with a recorded stream, alternating with a hello-world JVM: medians
//    and their ratio (target from the issue: ≤ 3.0×). Timed without and with the class-data archive
//    JBang keeps for //CDS (made here by a first `./jbang scripts/chat.java hi`, as a user's first chat).
// 2. The stream parser in-process (SSE framing, chunk JSON, <think> splitting) on a stream of CHUNKS
//    chunks (default 10,000), after warm-up: chunks per second, the median of 15 passes.
import com.sun.net.httpserver.HttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

public class ChatBench {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int chunks = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        byte[] answer = Files.readAllBytes(Path.of("test/fixtures/chat/stream_together.sse"));
        Path work = Files.createTempDirectory("chat-bench");
        HttpServer router = Bench.serve("/v1/chat/completions", "text/event-stream", answer);
        String url = Bench.baseUrl(router);
        Map<String, String> env = Map.of("OPENCLAW_STATE_DIR", work.resolve("state").toString(), "HF_ROUTER_URL", url,
                "HF_TOKEN", "hf_bench",
                "URL", url + "/chat/completions");
        System.out.printf("java %s, %d runs each, alternating; a recorded 20-chunk stream served at once%n",
                System.getProperty("java.version"), runs);
        System.out.printf("class-data archive written by `./jbang scripts/chat.java hi`: %.1f MB%n",
                Bench.archive("chat", env, "hi") / 1e6);
        double[] ms = Bench.compare(List.of("hello-world JVM", "java.net.http floor (1 POST)", "  the floor, archived",
                "chat hi", "  archived"),
                List.of(Bench.hello(work), Bench.httpFloor(work, "POST", "chat", false, env), Bench.httpFloor(work,
                        "POST", "chat", true, env),
                        Bench.script("chat", false, "hi"), Bench.script("chat", true, "hi")), env, runs);
        List<String> fromTheJar = Bench.fromTheJar(Bench.script("chat", true, "hi"), env);
        router.stop(0);
        System.out.printf("ratio chat / hello: %.2f without the archive, %.2f with it (target <= 3.0)%n", ms[3] / ms[0],
                ms[4] / ms[0]);
        System.out.printf("classes an archived run loads from the jar, not the archive: %s%n", fromTheJar.isEmpty()
                ? "none" : fromTheJar);
        System.out.printf("the java.net.http floor / hello: %.2f, archived %.2f; chat / floor: %.2f, archived %.2f%n",
                ms[1] / ms[0], ms[2] / ms[0], ms[3] / ms[1], ms[4] / ms[2]);

        String stream = stream(chunks);
        double[] rates = new double[15];
        for (int i = 0; i < 5; i++) parse(stream);
        for (int i = 0; i < rates.length; i++) {
            long t0 = System.nanoTime();
            int n = parse(stream);
            rates[i] = n / ((System.nanoTime() - t0) / 1e9);
        }
        System.out.printf("stream parser: %,d chunks (%,d KB), median %,.0f chunks/s%n", chunks,
                stream.getBytes(StandardCharsets.UTF_8).length / 1024, Bench.median(rates));
    }

    /** A stream of {@code n} chunks in the shape of the recordings, reasoning in <think> tags at the start. */
    static String stream(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String text = i == 0 ? "<think>" : i == n / 10 ? "</think>" : " word" + i;
            sb.append("data: {\"id\":\"91158e6ad8a0ef60\",\"object\":\"chat.completion.chunk\",\"created\":1739457445,\"choices\":[{\"index\":0,")
                    .append("\"logprobs\":null,\"finish_reason\":null,\"delta\":{\"role\":\"assistant\",\"content\":\"").append(text)
                    .append("\",\"tool_calls\":null}}],\"model\":\"meta-llama/Meta-Llama-3-8B-Instruct-Turbo\",\"usage\":null}\n\n");
        }
        return sb.append("data: [DONE]\n\n").toString();
    }

    /** What chat does with each line of a stream, minus the network and the printing. */
    static int parse(String stream) {
        Sse sse = new Sse();
        int[] count = {0};
        ThinkSplitter think = new ThinkSplitter(new ThinkSplitter.Sink() {
            public void content(String text) { count[0] += text.length() > 0 ? 0 : 1; }
            public void reasoning(String text) { count[0] += text.length() > 0 ? 0 : 1; }
        });
        int chunks = 0;
        for (String line : stream.split("\n", -1)) {
            String data = sse.line(line);
            if (data == null || data.equals("[DONE]")) continue;
            ChatChunk chunk = ChatChunk.ofStreamed(data);
            if (chunk.content() != null) think.feed(chunk.content());
            chunks++;
        }
        think.finish();
        return chunks + count[0];
    }
}
