///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES Bench.java
// What a user waits for on each way of starting a script, side by side with a hello-world JVM, in one run:
//
//   ./jbang test/bench/StartBench.java [RUNS]                                                (JDK 17 here)
//   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./jbang test/bench/StartBench.java [RUNS]   (JDK 25)
//
// From the project root. Everything runs on the JDK the bench runs on, in a home of its own (the pinned JBang
// and its jar cache are the user's), against a local fake router: /v1/models answers
// ../shared/fixtures/hf-router/models-large.json (220 models), /v1/chat/completions a recorded 20-chunk stream,
// both at once. The paths, each warm (its class-data cache made by a first run, which is not timed):
//   ./jbang models list --offline --plain        the launcher's fast path (and, for comparison, through JBang)
//   hf-models list --offline|--refresh --plain   installed by `./jbang models --install`
//   hf-chat hi                                   installed by `./jbang chat --install`
//   hfb-models list --offline --plain            installed from a copied bundle: `java models.java --install`
//   java models.java list --offline --plain      the copied bundle run as it is (the source launcher), its program
//                                                compiled once (see .ci/bundle-launcher.java); and its first run
//   java Hello.java                              the source launcher's own floor (issue 30: the bundle <= 2x it)
//   python3 urllib (+ json)                      the one-shot GET of the list and POST of a chat a user would write
//   the floors                                   the least program doing the same network I/O (Bench.httpFloor),
//                                                and a hello-world with a class-data cache made the same way
// Medians of RUNS alternating rounds (default 15) of wall and CPU time (user + system, GNU time: 10 ms steps),
// each as a ratio to the hello-world JVM's, and the peak RSS. Targets (issue 17): ./jbang offline <= 2.5x,
// installed offline <= 1.5x on JDK 25 and <= 2.0x on 17, installed --refresh <= 2.5x and chat <= 3.0x on 25,
// peak <= 96 MB.
import com.sun.net.httpserver.HttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class StartBench {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Path root = Path.of("").toAbsolutePath();
        Path work = Files.createTempDirectory("start-bench");
        Path home = work.resolve("home"), bin = home.resolve(".local/bin");
        HttpServer router = Bench.serve(List.of(
                new Bench.Route("/v1/models", "application/json",
                        Files.readAllBytes(Path.of("../shared/fixtures/hf-router/models-large.json"))),
                new Bench.Route("/v1/chat/completions", "text/event-stream",
                        Files.readAllBytes(Path.of("test/fixtures/chat/stream_together.sse")))));
        String url = "http://127.0.0.1:" + router.getAddress().getPort() + "/v1";
        Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString(), "OPENCLAW_STATE_DIR",
                work.resolve("state").toString(), "HF_ROUTER_URL", url,
                "HF_TOKEN", "hf_bench", "URL", url + "/models", "JAVA_HOME", System.getProperty("java.home"),
                        "OPENCLAW_JBANG_CACHE", jbangCache(),
                "PATH", bin + ":" + System.getenv("PATH"), "NO_COLOR", "1"));
        String jdk = System.getProperty("java.version");
        System.out.printf("java %s, %d alternating rounds, warm caches; a local fake router answers at once%n", jdk,
                runs);

        // Set-up, not timed: the installs, and a first run of each path, which makes its class-data cache.
        String jbang = root.resolve("jbang").toString();
        Bench.run(List.of(jbang, "models", "--install"), env);
        Bench.run(List.of(jbang, "chat", "--install"), env);
        Bench.run(List.of(jbang, ".ci/bundle.java", work.resolve("dist").toString()), env);
        Bench.run(List.of(Bench.java(), work.resolve("dist/models.java").toString(), "--install", "--name",
                "hfb-models"), env);
        List<String> launcher = List.of(jbang, "models", "list", "--offline", "--plain");
        List<String> offline = List.of(bin.resolve("hf-models").toString(), "list", "--offline", "--plain");
        List<String> refresh = List.of(bin.resolve("hf-models").toString(), "list", "--refresh", "--plain");
        List<String> chat = List.of(bin.resolve("hf-chat").toString(), "hi");
        List<String> bundled = List.of(bin.resolve("hfb-models").toString(), "list", "--offline", "--plain");
        // The first real run makes the cache, as for a user: for hf-models a plain `hf-models`, which fetches the
        // list (so its cache serves both kinds of run); hfb-models' first run is an offline one.
        for (List<String> first : List.of(launcher, launcher, List.of(bin.resolve("hf-models").toString()), chat,
                bundled)) Bench.run(first, env);
        waitForCaches(home.resolve(".local/share/openclaw-hf"), 3);

        // Issue 30's yardsticks: the source launcher's own floor, the copied bundle's first run (a cache of its own,
        // empty, each round), and Python's standard library doing the same request.
        Files.writeString(work.resolve("Hello.java"), "class Hello { public static void main(String[] a) { "
                + "System.out.println(\"hello\"); } }");
        List<String> sourceHello = List.of(Bench.java(), work.resolve("Hello.java").toString());
        List<String> bundleFirst = List.of("sh", "-c", "d=$(mktemp -d) && XDG_CACHE_HOME=$d \"$0\" \"$1\" list "
                + "--offline --plain; s=$?; rm -rf \"$d\"; exit $s", Bench.java(), work.resolve("dist/models.java")
                .toString());
        Files.writeString(work.resolve("get.py"), """
                import json, os, urllib.request
                with urllib.request.urlopen(os.environ["URL"]) as r:
                    print(len(json.loads(r.read())["data"]))
                """);
        Files.writeString(work.resolve("post.py"), """
                import json, os, urllib.request
                body = json.dumps({"model": "deepseek-ai/DeepSeek-R1", "stream": True,
                                   "messages": [{"role": "user", "content": "hi"}]}).encode()
                req = urllib.request.Request(os.environ["CHAT_URL"], body, {"Content-Type": "application/json",
                                             "Authorization": "Bearer " + os.environ["HF_TOKEN"]})
                with urllib.request.urlopen(req) as r:
                    for line in r:
                        if line.startswith(b"data: {"):
                            for c in json.loads(line[6:])["choices"]:
                                print(c["delta"].get("content") or "", end="")
                print()
                """);
        env.put("CHAT_URL", url + "/chat/completions");
        List<String> pythonGet = List.of("python3", work.resolve("get.py").toString());
        List<String> pythonPost = List.of("python3", work.resolve("post.py").toString());

        List<String> names = new ArrayList<>(List.of("hello-world JVM", "./jbang models (fast path)",
                "./jbang models (through JBang)",
                "hf-models --offline", "hf-models --refresh", "the floor: 1 GET, archived", "hf-chat hi",
                        "the floor: 1 POST, archived",
                "hfb-models --offline (bundle, offline-made cache)", "java models.java --offline",
                        "the floor: hello with its own cache", "java Hello.java (the source launcher's floor)",
                "java models.java --offline, first run (compiles)", "python3 urllib + json: GET the list",
                "python3 urllib: POST, the stream read"));
        List<List<String>> commands = new ArrayList<>(List.of(Bench.hello(work), launcher,
                List.of("env", "OPENCLAW_JBANG_FAST=0", jbang, "models", "list", "--offline", "--plain"), offline,
                        refresh,
                Bench.httpFloor(work, "GET", "models", true, env), chat, Bench.httpFloor(work, "POST", "chat", true,
                        env), bundled,
                List.of(Bench.java(), work.resolve("dist/models.java").toString(), "list", "--offline", "--plain"),
                        Bench.helloCached(work), sourceHello, bundleFirst, pythonGet, pythonPost));
        double[][] m = Bench.compareWithCpu(names, commands, env, runs);
        router.stop(0);

        System.out.printf("%n| path (JDK %s) | wall ms | wall / hello | CPU ms | CPU / hello | peak RSS "
                + "|%n|---|---|---|---|---|---|%n", Runtime.version().feature());
        for (int k = 0; k < names.size(); k++) {
            System.out.printf("| %s | %.0f | %.2fx | %.0f | %.2fx | %.0f MB |%n", names.get(k), m[k][0],
                    m[k][0] / m[0][0], m[k][1], m[0][1] > 0 ? m[k][1] / m[0][1] : 0, m[k][2]);
        }
    }

    /** Where ./jbang keeps the pinned JBang for this user: the bench's own home must not install it again. */
    static String jbangCache() {
        String set = System.getenv("OPENCLAW_JBANG_CACHE");
        if (set != null) return set;
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null ? xdg : System.getProperty("user.home") + "/.cache") + "/openclaw-jbang";
    }

    /** JDK 25 assembles an AOT cache after the recording run, in the background: wait for {@code count} of them. */
    static void waitForCaches(Path data, int count) throws Exception {
        for (long end = System.nanoTime() + 120_000_000_000L; System.nanoTime() < end; Thread.sleep(200)) {
            long done, making;
            try (var files = Files.walk(data)) {
                List<String> names = files.map(p -> p.getFileName().toString()).toList();
                done = names.stream().filter(n -> n.matches(".*-[0-9][^.]*.*\\.(aot|jsa)")
                        && !n.matches(".*\\.[0-9]+\\.aot")).count();
                making = names.stream().filter(n -> n.endsWith(".conf")).count();
            }
            if (done >= count && making == 0) return;
        }
        throw new IllegalStateException("the class-data caches were not made in 2 minutes under " + data);
    }
}
