import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * {@code --install [--dir DIR] [--name NAME]} and {@code --uninstall}, which every script answers before anything
 * else, however it was started: JBang's jar ({@code ./jbang models}, {@code jbang models@openclaw}) or a bundle
 * run by plain {@code java models.java}. Installing puts the compiled program in a per-user folder,
 * {@code ${XDG_DATA_HOME:-~/.local/share}/openclaw-hf/VERSION/hf-models.jar} (a bundle is compiled into it first),
 * and writes the command {@code DIR/hf-models} (DIR: {@code ~/.local/bin}), a small sh script that runs
 * {@code java} with the script's start-up options and a class-data cache kept beside the jar, made by the first
 * real run: JDK 25+ an AOT cache (JEP 483), JDK 19-24 an auto-created CDS archive, JDK 17-18 a dynamic CDS
 * archive as JBang makes one. The cache's name carries the JDK's exact version, so an updated JDK makes its own,
 * and a cache that does not fit is ignored by the JVM, silently. The ./jbang launcher's fast path chooses its
 * cache the same way: keep the two in step.
 */
final class Installer {
    /** The JVM options every script's {@code //JAVA_OPTIONS} starts with (ScriptsTest checks): why, see scripts/models.java. */
    static final String START_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData";
    /** The first line after the shebang of every command we write: how {@code --uninstall} knows one of ours. */
    static final String MARK = "# Written by --install of the OpenClaw x Hugging Face toolkit; --uninstall removes it.";

    private final String program;
    private final Map<String, String> env;
    private final PrintStream out;

    Installer(String program, Map<String, String> env, PrintStream out) {
        this.program = program;
        this.env = env;
        this.out = out;
    }

    /** Runs {@code --install} or {@code --uninstall} ({@code action}) with what follows it in {@code cli}. */
    int run(String action, Cli cli) throws IOException {
        Path dir = null;
        String name = null;
        while (cli.hasNext()) {
            String arg = cli.next();
            switch (arg) {
                case "--dir" -> dir = Path.of(cli.value("--dir")).toAbsolutePath().normalize();
                case "--name" -> name = checkedName(cli.value("--name"));
                default -> throw new Cli.UsageException(action + " takes only --dir DIR and --name NAME, not '" + Printable.line(arg) + "'");
            }
        }
        if (action.equals("--uninstall")) return uninstall(dir, name);
        return install(dir == null ? home().resolve(".local/bin") : dir, name == null ? "hf-" + program : name);
    }

    private static String checkedName(String name) {
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new Cli.UsageException("invalid value for --name: '" + Printable.line(name) + "' (a file name, no '/')");
        }
        return name;
    }

    private int install(Path dir, String name) throws IOException {
        Path command = dir.resolve(name);
        if (Files.exists(command, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !ours(command)) {
            throw new Cli.Failure(command + " exists and was not written by --install; remove it or choose another --name");
        }
        // The command's folder first: if it cannot be written, nothing else is.
        Files.createDirectories(dir);
        Path script = Files.createTempFile(dir, "." + name, ".tmp");
        try {
            Path home = dataHome().resolve("openclaw-hf").resolve(Cli.VERSION);
            Files.createDirectories(home);
            // Named after the command, so that two commands of one program (--name) are two installs.
            Path jar = home.resolve(name + ".jar");
            Path temp = Files.createTempFile(home, "." + name, ".jar.tmp");
            try {
                writeProgram(temp);
                forgetCaches(jar);
                move(temp, jar);
            } finally {
                Files.deleteIfExists(temp);
            }
            Files.writeString(script, wrapper(name, javaCommand(), jar, program, Runtime.version().feature()), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            move(script, command);
            out.println("installed " + name + " (" + program + " " + Cli.VERSION + "): " + command);
            out.println("  it runs " + javaCommand() + " with " + jar);
        } finally {
            Files.deleteIfExists(script);
        }
        out.println(onPath(dir) ? "  " + dir + " is on your PATH: try '" + name + " --help'"
                : "  " + dir + " is not on your PATH: add it (export PATH=\"" + dir + ":$PATH\" in your shell's profile), or run " + command);
        return 0;
    }

    private int uninstall(Path dir, String name) throws IOException {
        // Run as the installed command, it knows where it is; else the same defaults as --install.
        String installedAs = System.getProperty("openclaw.installedAs");
        Path command = dir == null && name == null && installedAs != null ? Path.of(installedAs).toAbsolutePath()
                : (dir == null ? home().resolve(".local/bin") : dir).resolve(name == null ? "hf-" + program : name);
        if (!Files.exists(command, java.nio.file.LinkOption.NOFOLLOW_LINKS)) throw new Cli.Failure("nothing to uninstall: there is no " + command);
        if (!ours(command)) throw new Cli.Failure(command + " was not written by --install; left as it is");
        Path jar = null;
        for (String line : Files.readAllLines(command)) {
            if (line.startsWith("jar='") && line.endsWith("'")) jar = Path.of(line.substring(5, line.length() - 1).replace("'\\''", "'"));
        }
        Files.delete(command);
        out.println("removed " + command);
        if (jar != null && Files.exists(jar)) {
            forgetCaches(jar);
            Files.delete(jar);
            out.println("removed " + jar + " and its class-data caches");
            // The version's folder and ours, when nothing else is left in them.
            for (Path folder = jar.getParent(); folder != null && folder.startsWith(dataHome().resolve("openclaw-hf")); folder = folder.getParent()) {
                if (!empty(folder)) break;
                Files.delete(folder);
            }
        }
        return 0;
    }

    /** The program as one jar: JBang's jar as it is, or a bundle compiled from its source file. */
    private void writeProgram(Path target) throws IOException {
        String source = System.getProperty("jdk.launcher.sourcefile");
        if (source != null) {
            compile(Path.of(source), target);
            return;
        }
        Path location;
        try {
            location = Path.of(Installer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new Cli.Failure("cannot tell where this program was loaded from, so it cannot install itself");
        }
        if (!Files.isRegularFile(location) || !location.toString().endsWith(".jar")) {
            throw new Cli.Failure("installs only from JBang's jar or a bundle run with java: this runs from " + location);
        }
        Files.copy(location, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Compiles a bundle (one .java file) with the JDK's compiler, as the source launcher does, into a jar. */
    private void compile(Path source, Path target) throws IOException {
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new Cli.Failure("this Java has no compiler (a JRE?): install from a JDK");
        Path classes = Files.createTempDirectory(target.getParent(), ".classes");
        try {
            java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
            int status = javac.run(null, said, said, "-d", classes.toString(), "-XDstringConcat=inline", "-proc:none", "-nowarn", "-encoding", "UTF-8", source.toString());
            if (status != 0) throw new Cli.Failure("could not compile " + source + ": " + said.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("javac failed"));
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, program);
            try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(target), manifest); Stream<Path> files = Files.list(classes)) {
                for (Path file : files.sorted().toList()) {
                    jar.putNextEntry(new JarEntry(file.getFileName().toString()));
                    jar.write(Files.readAllBytes(file));
                    jar.closeEntry();
                }
            }
        } finally {
            try (Stream<Path> files = Files.list(classes)) {
                for (Path file : files.toList()) Files.delete(file);
            }
            Files.delete(classes);
        }
    }

    /**
     * The installed command: sh, no fork before java on a warm run (a fork costs 5-10 ms here). The cache's name
     * carries the JDK's exact version, read from its release file; {@code --help} and the like make none.
     */
    static String wrapper(String name, Path java, Path jar, String main, int feature) {
        String options = START_OPTIONS + " -Xlog:cds*=off" + (feature >= 25 ? " -Xlog:aot*=off" : "");
        String run = "\"$java\" " + options + " %s-Dopenclaw.installedAs=\"$0\" -cp \"$jar\" " + "%s \"$@\"";
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/sh\n").append(MARK).append('\n');
        s.append("# ").append(name).append(": the toolkit's ").append(main).append(' ').append(Cli.VERSION).append(", for the JDK below.\n");
        s.append("java=").append(quoted(java.toString())).append('\n');
        s.append("jar=").append(quoted(jar.toString())).append('\n');
        s.append("if [ ! -x \"$java\" ]; then\n");
        s.append("  echo \"").append(name).append(": $java is gone; install again with the JDK you use now (").append(main).append(" --install)\" >&2\n");
        s.append("  exit 1\n");
        s.append("fi\n");
        s.append("runtime=\n");
        s.append("release=\"${java%/bin/java}/release\"\n");
        s.append("[ -r \"$release\" ] && while IFS= read -r line; do case $line in JAVA_RUNTIME_VERSION=*) runtime=${line#*\\\"}; runtime=${runtime%\\\"} ;; esac; done < \"$release\"\n");
        s.append("cache=\"${jar%.jar}-$runtime\"\n");
        s.append("train=1\n");
        s.append("for arg do case $arg in --) break ;; -h|--help|--version|--install|--uninstall) train=0 ;; esac; done\n");
        if (feature >= 25) {
            s.append("[ -f \"$cache.aot\" ] && exec ").append(run.formatted("-XX:AOTCache=\"$cache.aot\" ", main)).append('\n');
            s.append("[ $train = 0 ] && exec ").append(run.formatted("", main)).append('\n');
            s.append("# The first real run records the classes it uses (the JVM prints that it did on stdout unless told not to),\n");
            s.append("# and the cache is assembled from that after it, in the background: no run waits for it.\n");
            s.append("trap : INT\n");
            s.append(run.formatted("-XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput -XX:AOTMode=record -XX:AOTConfiguration=\"$cache.$$.conf\" ", main)).append('\n');
            s.append("status=$?\n");
            s.append("( \"$java\" ").append(options).append(" -XX:AOTMode=create -XX:AOTConfiguration=\"$cache.$$.conf\" -XX:AOTCache=\"$cache.$$.aot\" -cp \"$jar\" &&\n");
            s.append("  mv -f \"$cache.$$.aot\" \"$cache.aot\"; rm -f \"$cache.$$.conf\" \"$cache.$$.aot\" ) < /dev/null > /dev/null 2>&1 &\n");
            s.append("exit $status\n");
        } else if (feature >= 19) {
            s.append("[ -f \"$cache.jsa\" ] || [ $train = 1 ] && exec ").append(run.formatted("-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=\"$cache.jsa\" ", main)).append('\n');
            s.append("exec ").append(run.formatted("", main)).append('\n');
        } else {
            s.append("[ -f \"$cache.jsa\" ] && exec ").append(run.formatted("-XX:SharedArchiveFile=\"$cache.jsa\" ", main)).append('\n');
            s.append("[ $train = 1 ] && exec ").append(run.formatted("-XX:ArchiveClassesAtExit=\"$cache.jsa\" ", main)).append('\n');
            s.append("exec ").append(run.formatted("", main)).append('\n');
        }
        return s.toString();
    }

    /** {@code text} as one sh word in single quotes. */
    static String quoted(String text) { return "'" + text.replace("'", "'\\''") + "'"; }

    /**
     * Removes the class-data caches the command made beside {@code jar} ({@code hf-models-25.0.1+8.aot}, and the
     * files of one being made): they describe the jar being replaced. Not those of {@code hf-models-x.jar}.
     */
    private static void forgetCaches(Path jar) throws IOException {
        if (!Files.isDirectory(jar.getParent())) return;
        String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        java.util.regex.Pattern cache = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(base) + "-[0-9][^/]*\\.(aot|jsa|conf)");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(jar.getParent())) {
            for (Path file : files) if (cache.matcher(file.getFileName().toString()).matches()) Files.delete(file);
        }
    }

    private static boolean ours(Path command) {
        try {
            List<String> head = new ArrayList<>();
            try (Stream<String> lines = Files.lines(command, StandardCharsets.UTF_8)) {
                lines.limit(2).forEach(head::add);
            }
            return head.size() == 2 && head.get(1).equals(MARK);
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static boolean empty(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.findAny().isEmpty();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private boolean onPath(Path dir) {
        String path = env.getOrDefault("PATH", "");
        for (String entry : path.split(":", -1)) {
            if (entry.isEmpty()) continue;
            Path p = Path.of(entry).toAbsolutePath().normalize();
            if (p.equals(dir)) return true;
            try {
                if (Files.isSameFile(p, dir)) return true;
            } catch (IOException e) {
                // an entry that does not exist is not this folder
            }
        }
        return false;
    }

    private Path home() {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home")).toAbsolutePath();
    }

    /** {@code $XDG_DATA_HOME} when it is an absolute path (the spec ignores a relative one), else ~/.local/share. */
    private Path dataHome() {
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && xdg.startsWith("/") ? Path.of(xdg) : home().resolve(".local/share");
    }

    private static Path javaCommand() { return Path.of(System.getProperty("java.home"), "bin", "java"); }
}
