// The models script's own run against a hello-world JVM, measured in one run, medians:
//
//   java test/bench/ModelsBench.java [MODELS_JSON] [RUNS]        (from the project root)
//
// MODELS_JSON is the /v1/models answer the local fake router serves (default:
// ../shared/fixtures/hf-router/models-large.json, 220 models). It runs the jar JBang builds for
// scripts/models.java (`./jbang info classpath`) with plain `java -cp`, alternating with a hello-world
// JVM so that both see the same machine, and reports the median wall time of each, their ratio, and
// the peak resident memory (GNU time's %M, when /usr/bin/time is there). Targets from the issue:
// `list --offline` ≤ 2.0× hello, `list --refresh` ≤ 3.0× hello, peak ≤ 96 MB.
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;

public class ModelsBench {
    public static void main(String[] args) throws Exception {
        Path models = Path.of(args.length > 0 ? args[0] : "../shared/fixtures/hf-router/models-large.json");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        byte[] answer = Files.readAllBytes(models);
        String classpath = jbangClasspath();
        Path work = Files.createTempDirectory("models-bench");
        Files.writeString(work.resolve("Hello.java"), "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }");
        ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", work.toString(), work.resolve("Hello.java").toString());

        HttpServer router = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        router.createContext("/v1/models", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        router.start();
        String url = "http://127.0.0.1:" + router.getAddress().getPort() + "/v1";
        Map<String, String> env = Map.of("OPENCLAW_STATE_DIR", work.resolve("state").toString(), "HF_ROUTER_URL", url);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> hello = List.of(java, "-cp", work.toString(), "Hello");
        // The script's own run: its jar with the JVM options its header gives JBang (//JAVA_OPTIONS).
        List<String> options = javaOptions(Path.of("scripts/models.java"));
        List<String> offline = new ArrayList<>(List.of(java));
        offline.addAll(options);
        offline.addAll(List.of("-cp", classpath, "models", "list", "--offline"));
        List<String> refresh = new ArrayList<>(offline.subList(0, offline.size() - 1));
        refresh.add("--refresh");

        for (int i = 0; i < 3; i++) { run(hello, env); run(offline, env); run(refresh, env); }   // warm the file cache
        double[][] ms = new double[3][runs];
        long[][] kb = new long[3][runs];
        for (int i = 0; i < runs; i++) {
            List<List<String>> order = List.of(hello, offline, refresh);
            for (int k = 0; k < 3; k++) {
                long[] r = run(order.get(k), env);
                ms[k][i] = r[0] / 1e6;
                kb[k][i] = r[1];
            }
        }
        router.stop(0);
        System.out.printf("java %s, %d runs each, alternating; %s served by a local fake router; script options %s%n", System.getProperty("java.version"), runs, models.getFileName(), options);
        String[] names = {"hello-world JVM", "models list --offline", "models list --refresh"};
        for (int k = 0; k < 3; k++) {
            System.out.printf("%-24s median %6.0f ms   peak RSS %s%n", names[k], median(ms[k]), kb[k][0] < 0 ? "n/a" : max(kb[k]) / 1024 + " MB");
        }
        System.out.printf("ratio --offline / hello: %.2f (target <= 2.0)%n", median(ms[1]) / median(ms[0]));
        System.out.printf("ratio --refresh / hello: %.2f (target <= 3.0)%n", median(ms[2]) / median(ms[0]));
    }

    /** Wall time in ns and peak RSS in KB (-1 without GNU time) of one run; fails loudly on a non-zero exit. */
    static long[] run(List<String> command, Map<String, String> env) throws Exception {
        boolean gnuTime = new File("/usr/bin/time").canExecute();
        Path rss = Files.createTempFile("rss", ".txt");
        List<String> full = new ArrayList<>();
        if (gnuTime) full.addAll(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString()));
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        int status = pb.start().waitFor();
        long elapsed = System.nanoTime() - t0;
        if (status != 0) throw new IllegalStateException("exit " + status + ": " + String.join(" ", command));
        long kb = gnuTime ? Long.parseLong(Files.readString(rss).strip().lines().reduce((a, b) -> b).orElse("-1")) : -1;
        Files.delete(rss);
        return new long[] {elapsed, kb};
    }

    static List<String> javaOptions(Path script) throws Exception {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(script)) if (line.startsWith("//JAVA_OPTIONS ")) options.addAll(Arrays.asList(line.substring(15).trim().split("\\s+")));
        return options;
    }

    static String jbangClasspath() throws Exception {
        // `info classpath` names the jar without building it: build first.
        if (new ProcessBuilder("./jbang", "build", "scripts/models.java").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor() != 0) throw new IllegalStateException("./jbang build scripts/models.java failed");
        Process p = new ProcessBuilder("./jbang", "info", "classpath", "scripts/models.java").redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        if (p.waitFor() != 0 || out.isEmpty()) throw new IllegalStateException("./jbang info classpath scripts/models.java failed");
        return out.lines().reduce((a, b) -> b).orElseThrow();
    }

    static double median(double[] v) { double[] c = v.clone(); Arrays.sort(c); return c[c.length / 2]; }

    static long max(long[] v) { return Arrays.stream(v).max().orElse(-1); }
}
