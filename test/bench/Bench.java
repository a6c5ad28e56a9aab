import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;

/** What the benchmarks share: a script's own run (its JBang jar with plain java), a hello-world JVM, timing. */
final class Bench {
    private Bench() { }

    /** One path of a local stand-in router, and what it answers at once, whatever is asked. */
    record Route(String path, String contentType, byte[] body) { }

    /** A local stand-in for the router: {@code path} answers {@code body} at once, whatever is asked. */
    static HttpServer serve(String path, String contentType, byte[] body) throws IOException {
        return serve(List.of(new Route(path, contentType, body)));
    }

    /** A local stand-in for the router answering each of {@code routes}. */
    static HttpServer serve(List<Route> routes) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        for (Route route : routes) {
            server.createContext(route.path(), exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", route.contentType());
                exchange.sendResponseHeaders(200, route.body().length);
                exchange.getResponseBody().write(route.body());
                exchange.close();
            });
        }
        server.start();
        return server;
    }

    /** {@code http://127.0.0.1:PORT/v1} for a server made by {@link #serve}. */
    static String baseUrl(HttpServer server) { return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1"; }

    static String java() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }

    /** {@code java -cp DIR Hello}, compiled into {@code work}. */
    static List<String> hello(Path work) throws Exception {
        Files.writeString(work.resolve("Hello.java"),
                "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }");
        ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", work.toString(),
                work.resolve("Hello.java").toString());
        return List.of(java(), "-cp", work.toString(), "Hello");
    }

    /**
     * {@link #hello} from a jar with a class-data cache of its own, made by a first run as an installed command
     * makes one: the floor under an installed offline run.
     */
    static List<String> helloCached(Path work) throws Exception {
        hello(work);
        Path jar = work.resolve("hello.jar");
        java.util.spi.ToolProvider.findFirst("jar").orElseThrow().run(System.out, System.err, "cf", jar.toString(),
                "-C", work.toString(), "Hello.class");
        List<String> command = withOwnCache(List.of(java(), "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
                "-XX:-UsePerfData", "-Xlog:cds*=off"),
                jar, work.resolve("hello"), Map.of(), "Hello");
        command.addAll(List.of("-cp", jar.toString(), "Hello"));
        return command;
    }

    /**
     * {@code command} (java and its options) plus a class-data cache for the program in {@code jar}, made by one
     * first run of {@code firstRun} (main class and arguments) as an installed command makes its own (Installer):
     * JDK 25+ an AOT cache recorded then created ({@code cache.aot}), before a dynamic CDS archive ({@code cache.jsa}).
     */
    static List<String> withOwnCache(List<String> command, Path jar, Path cache, Map<String, String> env,
            String... firstRun) throws Exception {
        List<String> first = new ArrayList<>(command);
        List<String> cached = new ArrayList<>(command);
        if (Runtime.version().feature() >= 25) {
            String conf = cache + ".conf", aot = cache + ".aot";
            first.addAll(List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + conf, "-cp", jar.toString()));
            first.addAll(List.of(firstRun));
            run(first, env);
            List<String> create = new ArrayList<>(command);
            create.addAll(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + conf, "-XX:AOTCache=" + aot, "-cp",
                    jar.toString()));
            run(create, env);
            cached.add("-XX:AOTCache=" + aot);
        } else {
            first.addAll(List.of("-XX:ArchiveClassesAtExit=" + cache + ".jsa", "-cp", jar.toString()));
            first.addAll(List.of(firstRun));
            run(first, env);
            cached.add("-XX:SharedArchiveFile=" + cache + ".jsa");
        }
        return cached;
    }

    /**
     * The least a program on {@code java.net.http} can do: one plain-http request to {@code $URL}, with
     * TLS set-up skipped as RouterClient skips it for an http:// router (an SSL context that refuses
     * everything), the answer read, the client's selector thread stopped (as RouterClient does), exit,
     * run with the JVM options of {@code scripts/LIKE.java}. Its time is the floor under any of our runs
     * that talks to the router. With {@code archived}, it runs from a jar with its own class-data archive,
     * made by one run first: the floor of a //CDS script.
     */
    static List<String> httpFloor(Path work, String method, String like, boolean archived, Map<String,
            String> env) throws Exception {
        Files.writeString(work.resolve("Floor.java"), """
                import java.net.URI;
                import java.net.http.*;
                import javax.net.ssl.*;
                public class Floor {
                    public static void main(String[] a) throws Exception {
                        HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                                .sslContext(new SSLContext(new NoTls(), null, "none") { }).sslParameters(new SSLParameters()).build();
                        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(System.getenv("URL")));
                        if (a[0].equals("POST")) r.POST(HttpRequest.BodyPublishers.ofString("{}"));
                        System.out.println(c.send(r.build(), HttpResponse.BodyHandlers.ofString()).body().length());
                        for (Thread t : Thread.getAllStackTraces().keySet()) if (t.getName().endsWith("-SelectorManager")) { t.interrupt(); t.join(); }
                    }
                    static final class NoTls extends SSLContextSpi {
                        protected void engineInit(KeyManager[] km, TrustManager[] tm, java.security.SecureRandom r) { }
                        protected SSLSocketFactory engineGetSocketFactory() { throw new UnsupportedOperationException(); }
                        protected SSLServerSocketFactory engineGetServerSocketFactory() { throw new UnsupportedOperationException(); }
                        protected SSLEngine engineCreateSSLEngine() { throw new UnsupportedOperationException(); }
                        protected SSLEngine engineCreateSSLEngine(String host, int port) { throw new UnsupportedOperationException(); }
                        protected SSLSessionContext engineGetServerSessionContext() { throw new UnsupportedOperationException(); }
                        protected SSLSessionContext engineGetClientSessionContext() { throw new UnsupportedOperationException(); }
                    }
                }
                """);
        ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", work.toString(),
                work.resolve("Floor.java").toString());
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(javaOptions(Path.of("scripts", like + ".java")));
        String classpath = work.toString();
        if (archived) {
            Path jar = work.resolve("floor.jar");
            java.util.spi.ToolProvider.findFirst("jar").orElseThrow().run(System.out, System.err, "cf", jar.toString(),
                    "-C", work.toString(), "Floor.class",
                    "-C", work.toString(), "Floor$1.class", "-C", work.toString(), "Floor$NoTls.class");
            classpath = jar.toString();
            command = withOwnCache(command, jar, work.resolve("floor-" + method), env, "Floor", method);
        }
        command.addAll(List.of("-cp", classpath, "Floor", method));
        return command;
    }

    /**
     * The script's own run: the jar JBang builds for it, with the JVM options its header gives JBang, then
     * {@code args}; with {@code archived}, also the class-data archive JBang keeps beside the jar for a
     * {@code //CDS} script (see {@link #archive}), mapped as JBang's own later runs map it.
     */
    static List<String> script(String name, boolean archived, String... args) throws Exception {
        return script(Path.of(""), name, archived, args);
    }

    /** {@link #script} of the checkout at {@code root}: another version of the project, to time against this one. */
    static List<String> script(Path root, String name, boolean archived, String... args) throws Exception {
        Path script = root.resolve("scripts").resolve(name + ".java");
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(javaOptions(script));
        String jar = classpath(root, script);
        if (archived) command.add("-XX:SharedArchiveFile=" + jsa(jar));
        command.addAll(List.of("-cp", jar, name));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * The classes that one run of an archived {@code command} (made by {@link #script} with {@code archived})
     * still loads from the jar rather than from the archive. Each such run opens the jar, about 5 ms:
     * a code path that needs a class the first run never loaded (see Discovery.readCache) shows up here.
     */
    static List<String> fromTheJar(List<String> command, Map<String, String> env) throws Exception {
        Path log = Files.createTempFile("class-load", ".txt");
        List<String> logged = new ArrayList<>(command);
        logged.add(1, "-Xlog:class+load:file=" + log);
        run(logged, env);
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log)) if (line.contains(" source: "
                + "file:")) classes.add(line.substring(line.indexOf(']') + 2, line.indexOf(" source:")));
        Files.delete(log);
        return classes;
    }

    /** The JVM options a script's {@code //JAVA_OPTIONS} line gives JBang. */
    private static List<String> javaOptions(Path script) throws IOException {
        for (String line : Files.readAllLines(script)) if (line.startsWith("//JAVA_OPTIONS ")) return Arrays.asList(line.substring(15).trim().split("\\s+"));
        return List.of();
    }

    /**
     * Has JBang write the class-data archive of a {@code //CDS} script afresh, the way a user's first run
     * does ({@code ./jbang scripts/NAME.java FIRST_RUN...} with {@code env}), and returns its size in bytes.
     */
    static long archive(String name, Map<String, String> env, String... firstRun) throws Exception {
        return archive(Path.of(""), name, env, firstRun);
    }

    /** {@link #archive} for the checkout at {@code root}. */
    static long archive(Path root, String name, Map<String, String> env, String... firstRun) throws Exception {
        Path script = root.resolve("scripts").resolve(name + ".java");
        if (!Files.readAllLines(script).contains("//CDS")) throw new IllegalStateException(script + " has no //CDS");
        Path jsa = Path.of(jsa(classpath(root, script)));
        Files.deleteIfExists(jsa);
        List<String> command = new ArrayList<>(List.of(root.toAbsolutePath().resolve("jbang").toString(),
                script.toString()));
        command.addAll(List.of(firstRun));
        run(command, env);
        if (!Files.isRegularFile(jsa)) throw new IllegalStateException("JBang wrote no archive at " + jsa);
        return Files.size(jsa);
    }

    /** Where JBang keeps a jar's class-data archive: beside it, {@code NAME.jsa}. */
    private static String jsa(String jar) { return jar.substring(0, jar.length() - ".jar".length()) + ".jsa"; }

    private static String classpath(Path root, Path script) throws Exception {
        String jbang = root.toAbsolutePath().resolve("jbang").toString();
        // `info classpath` names the jar without building it: build first.
        if (new ProcessBuilder(jbang, "build", script.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor() != 0) throw new IllegalStateException("./jbang build " + script + " failed");
        Process p = new ProcessBuilder(jbang, "info", "classpath",
                script.toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        if (p.waitFor() != 0 || out.isEmpty()) throw new IllegalStateException("./jbang info classpath " + script
                + " failed");
        return out.lines().reduce((a, b) -> b).orElseThrow();
    }

    /**
     * Wall time in ns, peak RSS in KB and CPU time (user + system) in ms of one run, the last two -1 without GNU
     * time (whose CPU figures are in steps of 10 ms: take medians of many runs); fails loudly on a non-zero exit.
     */
    static long[] run(List<String> command, Map<String, String> env) throws Exception {
        boolean gnuTime = new File("/usr/bin/time").canExecute();
        Path rss = Files.createTempFile("rss", ".txt");
        List<String> full = new ArrayList<>();
        if (gnuTime) full.addAll(List.of("/usr/bin/time", "-f", "%M %U %S", "-o", rss.toString()));
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        int status = pb.start().waitFor();
        long elapsed = System.nanoTime() - t0;
        if (status != 0) throw new IllegalStateException("exit " + status + ": " + String.join(" ", command));
        long kb = -1, cpu = -1;
        if (gnuTime) {
            String[] f = Files.readString(rss).strip().lines().reduce((a, b) -> b).orElse("-1 -1 -1").split(" ");
            kb = Long.parseLong(f[0]);
            cpu = Math.round((Double.parseDouble(f[1]) + Double.parseDouble(f[2])) * 1000);
        }
        Files.delete(rss);
        return new long[] {elapsed, kb, cpu};
    }

    /**
     * Like {@link #compare}, and with the CPU time's median too: returns per command {wall ms, CPU ms, peak MB}.
     */
    static double[][] compareWithCpu(List<String> names, List<List<String>> commands, Map<String, String> env,
            int runs) throws Exception {
        int n = commands.size();
        for (int i = 0; i < 3; i++) for (List<String> c : commands) run(c, env);
        double[][] wall = new double[n][runs], cpu = new double[n][runs];
        long[] peak = new long[n];
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < n; k++) {
                long[] r = run(commands.get(k), env);
                wall[k][i] = r[0] / 1e6;
                cpu[k][i] = r[2];
                peak[k] = Math.max(peak[k], r[1]);
            }
        }
        double[][] medians = new double[n][];
        for (int k = 0; k < n; k++) medians[k] = new double[] {median(wall[k]), median(cpu[k]), peak[k] / 1024.0};
        return medians;
    }

    /**
     * Runs each command {@code runs} times, alternating so that all see the same machine (after 3 warm-up
     * rounds), and prints the median wall time and peak RSS of each; returns the medians in ms.
     */
    static double[] compare(List<String> names, List<List<String>> commands, Map<String, String> env,
            int runs) throws Exception {
        int n = commands.size();
        for (int i = 0; i < 3; i++) for (List<String> c : commands) run(c, env);
        double[][] ms = new double[n][runs];
        long[] peak = new long[n];
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < n; k++) {
                long[] r = run(commands.get(k), env);
                ms[k][i] = r[0] / 1e6;
                peak[k] = Math.max(peak[k], r[1]);
            }
        }
        double[] medians = new double[n];
        for (int k = 0; k < n; k++) {
            medians[k] = median(ms[k]);
            System.out.printf("%-36s median %6.0f ms   peak RSS %s%n", names.get(k), medians[k], peak[k] <= 0 ? "n/a"
                    : peak[k] / 1024 + " MB");
        }
        return medians;
    }

    static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
