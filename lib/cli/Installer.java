import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * {@code --install [--dir DIR] [--name NAME]} and {@code --uninstall}, which every script answers before anything
 * else, however it was started: JBang's jar ({@code ./jbang models}, {@code jbang models@openclaw}) or a bundle
 * run by plain {@code java models.java}. Installing puts the compiled program in a per-user folder,
 * {@code ${XDG_DATA_HOME:-~/.local/share}/openclaw-hf/VERSION/hf-models.jar} (a bundle is compiled into it first),
 * and writes the command {@code DIR/hf-models} (DIR: {@code ~/.local/bin}), a small sh script that runs
 * {@code java} with the script's start-up options and a class-data cache beside the jar, as {@link Launcher} (the
 * one policy, which the ./jbang fast path runs too) writes it. What install wrote is kept
 * in {@link InstallRecord}, and uninstall removes that alone.
 */
final class Installer {
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
    int run(String action, CommandLine cli) throws IOException {
        Path dir = null;
        String name = null;
        while (cli.hasNext()) {
            String arg = cli.next();
            switch (arg) {
                case "--dir" -> dir = Path.of(cli.value("--dir")).toAbsolutePath().normalize();
                case "--name" -> name = checkedName(cli.value("--name"));
                default -> throw new Cli.UsageException(action + " takes only --dir DIR and --name NAME, not '"
                        + Printable.line(arg) + "'");
            }
        }
        if (action.equals("--uninstall")) return uninstall(dir, name);
        return install(dir == null ? home().resolve(".local/bin") : dir, name == null ? "hf-" + program : name);
    }

    /**
     * A command's name goes into the sh script written for it and into file names: only letters, digits, '.', '_'
     * and '-', not starting with '-' (an option) or '.' (hidden), at most 64 characters. Nothing else can then
     * inject a command, break the script's syntax or name another program's cache.
     */
    private static String checkedName(String name) {
        if (!name.matches("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}")) {
            String shown = name.length() > 64 ? name.substring(0, 64) + "\u2026" : name;
            throw new Cli.UsageException("invalid value for --name: '" + Printable.line(shown)
                    + "' (letters, digits, '.', '_' and '-', not starting with '-' or '.', at most 64)");
        }
        return name;
    }

    private int install(Path dir, String name) throws IOException {
        Path command = dir.resolve(name);
        java.nio.file.attribute.BasicFileAttributes there = SafeFile.attributesOrNull(command);
        if (there != null && !(there.isRegularFile() && ours(command))) {
            throw new Cli.Failure(command
                    + " exists and was not written by --install; remove it or choose another --name");
        }
        // The command's folder first: if it cannot be written, nothing else is.
        SafeFile.createFolder(dir);
        Path root = dataHome().resolve("openclaw-hf");
        String script = Launcher.installed(name, MARK, new Launcher.Target(javaCommand(),
                root.resolve(Cli.VERSION).resolve(name + ".jar"), program,
                Runtime.version().feature()));
        checkSyntax(dir, name, script);
        Path home = root.resolve(Cli.VERSION);
        SafeFile.createFolder(home);
        // Named after the command, so that two commands of one program (--name) are two installs.
        Path jar = home.resolve(name + ".jar");
        forgetCaches(jar);
        SafeFile.write(jar, program(), false);
        SafeFile.writeCommand(command, script);
        InstallRecord.in(root).put(command, InstallRecord.sha256(script), jar);
        out.println("installed " + name + " (" + program + " " + Cli.VERSION + "): " + command);
        out.println("  it runs " + javaCommand() + " with " + jar);
        out.println(onPath(dir) ? "  " + dir + " is on your PATH: try '" + name + " --help'"
                : "  " + dir + " is not on your PATH: add it (export PATH=\"" + dir
                        + ":$PATH\" in your shell's profile), or run " + command);
        return Cli.OK;
    }

    /** Refuses, before anything is put in place, a script sh would not run (sh -n, with a bounded wait). */
    private static void checkSyntax(Path dir, String name, String script) throws IOException {
        Path temp = SafeFile.workFolder(dir, "." + name + ".check");
        try {
            Path file = temp.resolve(name);
            SafeFile.write(file, script, false);
            Process sh = new ProcessBuilder("sh", "-n", file.toString()).redirectErrorStream(true).start();
            boolean ended = sh.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            String said = new String(sh.getInputStream().readNBytes(2000), StandardCharsets.UTF_8).strip();
            if (!ended) sh.destroyForcibly();
            if (!ended || sh.exitValue() != 0) {
                throw new Cli.Failure("the command written for " + name + " does not pass sh -n ("
                        + Printable.line(said.isEmpty() ? "no answer" : said)
                        + "); nothing was installed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cli.Failure("interrupted; nothing was installed");
        } finally {
            SafeFile.removeWorkFolder(temp);
        }
    }

    private int uninstall(Path dir, String name) throws IOException {
        // Run as the installed command, it knows where it is; else the same defaults as --install.
        String installedAs = System.getProperty("openclaw.installedAs");
        Path given = dir == null && name == null && installedAs != null
                ? Path.of(installedAs).toAbsolutePath().normalize()
                : (dir == null ? home().resolve(".local/bin") : dir).resolve(name == null ? "hf-" + program : name);
        java.nio.file.attribute.BasicFileAttributes there = SafeFile.attributesOrNull(given);
        if (there == null) throw new Cli.Failure("nothing to uninstall: there is no " + given);
        // Through a link: the command it leads to is the one install wrote; the link itself is the user's.
        Path command = there.isSymbolicLink() ? given.toRealPath() : given;
        Path root = dataHome().resolve("openclaw-hf");
        InstallRecord record = InstallRecord.in(root);
        InstallRecord.Entry entry = record.find(command);
        if (entry == null) {
            if (!Files.isRegularFile(command) || !ours(command)) throw new Cli.Failure(command
                    + " was not written by --install; left as it is");
            throw new Cli.Failure(command + " is not in the record --install keeps (" + root.resolve("installed.json")
                    + "), so nothing is removed on its word; run --install again, then --uninstall");
        }
        if (!Files.isRegularFile(command, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                || !InstallRecord.sha256(FileReads.bytes(command, 1024 * 1024)).equals(entry.sha256())) {
            throw new Cli.Failure(command
                    + " was changed since --install wrote it; left as it is (remove it yourself if you are sure)");
        }
        SafeFile.remove(command);
        out.println("removed " + command);
        Path jar = entry.jar();
        if (inside(jar, root) && Files.isRegularFile(jar, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            forgetCaches(jar);
            SafeFile.remove(jar);
            out.println("removed " + jar + " and its class-data caches");
        }
        record.remove(entry);
        // The version's folder and ours, when nothing else is left in them.
        for (Path folder = jar.getParent(); folder != null && folder.startsWith(root); folder = folder.getParent()) {
            if (!SafeFile.removeIfEmpty(folder)) break;
        }
        if (!given.equals(command)) out.println("  the link " + given + " to it is left as it is");
        return Cli.OK;
    }

    /** Whether {@code file} lies in {@code root} with no link on the way (a record's jar must). */
    private static boolean inside(Path file, Path root) {
        try {
            Path real = file.toRealPath();
            return real.equals(file.toAbsolutePath().normalize()) && real.startsWith(root.toRealPath());
        } catch (IOException gone) {
            return false;
        }
    }

    /** The program as one jar's bytes: JBang's jar as it is, or a bundle compiled from its source file. */
    private byte[] program() throws IOException {
        // A bundle's launcher names the program's own source (the launcher's file holds it behind comments).
        String source = System.getProperty("openclaw.bundle.source", System.getProperty("jdk.launcher.sourcefile"));
        if (source != null) return compile(Path.of(source));
        Path location;
        try {
            location = Path.of(Installer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new Cli.Failure("cannot tell where this program was loaded from, so it cannot install itself");
        }
        if (!Files.isRegularFile(location) || !location.toString().endsWith(".jar")) {
            throw new Cli.Failure("installs only from JBang's jar or a bundle run with java: this runs from "
                    + location);
        }
        return FileReads.bytes(location, 256L * 1024 * 1024);
    }

    /** Compiles a bundle (one .java file) with the JDK's compiler, as the source launcher does, into a jar's bytes. */
    private byte[] compile(Path source) throws IOException {
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new Cli.Failure("this Java has no compiler (a JRE?): install from a JDK");
        Path classes = SafeFile.workFolder(dataHome().resolve("openclaw-hf"), ".classes");
        try {
            java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
            int status = javac.run(null, said, said, "-d", classes.toString(), "-XDstringConcat=inline", "-proc:none",
                    "-nowarn", "-encoding", "UTF-8", source.toString());
            if (status != 0) throw new Cli.Failure("could not compile " + source + ": "
                    + said.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("javac failed"));
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, program);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
                for (Path file : FileReads.list(classes)) {
                    jar.putNextEntry(new JarEntry(file.getFileName().toString()));
                    jar.write(FileReads.bytes(file, 64L * 1024 * 1024));
                    jar.closeEntry();
                }
            }
            return bytes.toByteArray();
        } finally {
            SafeFile.removeWorkFolder(classes);
        }
    }

    /**
     * Removes the class-data caches the command made beside {@code jar} ({@code hf-models-25.0.1+8.aot}, and the
     * files of one being made): they describe the jar being replaced. A cache whose name also fits another jar
     * there with a longer name is that one's: uninstalling {@code hf} leaves {@code hf-2}'s caches.
     */
    private static void forgetCaches(Path jar) throws IOException {
        Path folder = jar.getParent();
        if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        java.util.regex.Pattern cache = java.util.regex.Pattern.compile("(.+)-[0-9][^/]*\\.(aot|jsa|conf)");
        List<String> jars = new ArrayList<>(List.of(base));
        List<Path> caches = new ArrayList<>();
        for (Path file : FileReads.list(folder)) {
            String n = file.getFileName().toString();
            if (n.endsWith(".jar")) jars.add(n.substring(0, n.length() - 4));
            else if (cache.matcher(n).matches() && n.startsWith(base + "-")) caches.add(file);
        }
        for (Path file : caches) {
            String owner = base, n = file.getFileName().toString();
            for (String other : jars) if (other.length() > owner.length() && n.startsWith(other + "-")) owner = other;
            if (owner.equals(base)) SafeFile.remove(file);
        }
    }

    /**
     * Whether {@code command}'s second line is our mark (read through the file layer: a FIFO or a device is not ours).
     */
    private static boolean ours(Path command) {
        try {
            String[] head = new String(FileReads.bytes(command, 1024 * 1024), StandardCharsets.UTF_8).split("\n", 3);
            return head.length >= 2 && head[1].equals(MARK);
        } catch (IOException e) {
            return false;
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
