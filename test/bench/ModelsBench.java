///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES Bench.java
// The models script's own run against a hello-world JVM, measured in one run, medians:
//
//   ./jbang test/bench/ModelsBench.java [MODELS_JSON] [RUNS]        (from the project root)
//
// MODELS_JSON is the /v1/models answer the local fake router serves (default:
// ../shared/fixtures/hf-router/models-large.json, 220 models). It runs the jar JBang builds for
// scripts/models.java with plain `java -cp`, alternating with a hello-world JVM so that both see the
// same machine, and reports the median wall time of each, their ratio, and the peak resident memory
// (GNU time's %M, when /usr/bin/time is there). Each run is timed twice: as the first run after a build
// (no class-data archive) and as every later run (the archive JBang wrote for //CDS, first made here by
// `./jbang scripts/models.java list`, as a user's first `models` makes it). Targets from the issue:
// `list --offline` <= 2.0x hello, `list --refresh` <= 3.0x hello, peak <= 96 MB.
// With -Dbench.against=DIR, the models script of the checkout in DIR (another version: for a change, the
// commit before it, e.g. from `git worktree add DIR HEAD~1`) runs in the same rounds, archived, for a
// before/after in one run.
import com.sun.net.httpserver.HttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

public class ModelsBench {
    public static void main(String[] args) throws Exception {
        Path models = Path.of(args.length > 0 ? args[0] : "../shared/fixtures/hf-router/models-large.json");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        byte[] answer = Files.readAllBytes(models);
        Path work = Files.createTempDirectory("models-bench");
        HttpServer router = Bench.serve("/v1/models", "application/json", answer);
        String url = Bench.baseUrl(router);
        Map<String, String> env = Map.of("OPENCLAW_STATE_DIR", work.resolve("state").toString(), "HF_ROUTER_URL", url,
                "URL", url + "/models");
        System.out.printf("java %s, %d runs each, alternating; %s served by a local fake router%n",
                System.getProperty("java.version"), runs, models.getFileName());
        System.out.printf("class-data archive written by `./jbang scripts/models.java list`: %.1f MB%n",
                Bench.archive("models", env, "list") / 1e6);
        List<String> names = new java.util.ArrayList<>(List.of("hello-world JVM", "java.net.http floor (1 GET)",
                "  the floor, archived",
                "models list --offline", "  archived", "models list --refresh", "  archived"));
        List<List<String>> commands = new java.util.ArrayList<>(List.of(Bench.hello(work), Bench.httpFloor(work, "GET",
                "models", false, env),
                Bench.httpFloor(work, "GET", "models", true, env), Bench.script("models", false, "list", "--offline"),
                        Bench.script("models", true, "list", "--offline"),
                Bench.script("models", false, "list", "--refresh"), Bench.script("models", true, "list", "--refresh")));
        String against = System.getProperty("bench.against");
        if (against != null) {
            Path other = Path.of(against);
            Bench.archive(other, "models", env, "list");
            names.addAll(List.of("against: --offline, archived", "against: --refresh, archived"));
            commands.addAll(List.of(Bench.script(other, "models", true, "list", "--offline"), Bench.script(other,
                    "models", true, "list", "--refresh")));
        }
        double[] ms = Bench.compare(names, commands, env, runs);
        List<String> offline = Bench.fromTheJar(Bench.script("models", true, "list", "--offline"), env);
        List<String> refresh = Bench.fromTheJar(Bench.script("models", true, "list", "--refresh"), env);
        router.stop(0);
        System.out.printf("ratio --offline / hello: %.2f without the archive, %.2f with it (target <= 2.0)%n",
                ms[3] / ms[0], ms[4] / ms[0]);
        System.out.printf("ratio --refresh / hello: %.2f without the archive, %.2f with it (target <= 3.0)%n",
                ms[5] / ms[0], ms[6] / ms[0]);
        System.out.printf("classes an archived run loads from the jar, not the archive: --offline %s, --refresh %s%n",
                offline.isEmpty() ? "none" : offline,
                refresh.isEmpty() ? "none" : refresh);
        System.out.printf("the java.net.http floor / hello: %.2f, archived %.2f; --refresh / floor: %.2f, archived "
                + "%.2f%n", ms[1] / ms[0], ms[2] / ms[0], ms[5] / ms[1], ms[6] / ms[2]);
        if (against != null) {
            System.out.printf("against %s, archived, / hello: --offline %.2f (this checkout %.2f), --refresh %.2f "
                    + "(this checkout %.2f)%n", against,
                    ms[7] / ms[0], ms[4] / ms[0], ms[8] / ms[0], ms[6] / ms[0]);
        }
    }
}
