import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How this run was started, so that a hint names a command that works as typed: {@code ./jbang models list} from a
 * checkout, {@code hf-models list} installed, {@code java models.java list} as a copied bundle, {@code jbang
 * models@openclaw list} through JBang's own launcher. Worked out once per run ({@link #of}) and kept in
 * {@link Running}; a hint asks {@link #command}.
 */
final class Invocation {
    private final String installedDir, installedPrefix, bundleDir, launcher;
    private final Path cwd;

    private Invocation(String installedDir, String installedPrefix, String bundleDir, String launcher, Path cwd) {
        this.installedDir = installedDir;
        this.installedPrefix = installedPrefix;
        this.bundleDir = bundleDir;
        this.launcher = launcher;
        this.cwd = cwd;
    }

    /** Nothing known: hints name the bare commands, as the README's own examples do. */
    static final Invocation BARE = new Invocation(null, null, null, null, null);

    /**
     * This run's: the installed command's path ({@code -Dopenclaw.installedAs}, which the installed launcher sets),
     * else the bundle's source file ({@code jdk.launcher.sourcefile}), else the launcher JBang ran under
     * ({@code jbangLaunchCmd}: ./jbang, or JBang's own script), else {@link #BARE}.
     */
    static Invocation of(String jbangLaunchCmd, Path cwd) {
        return of(System.getProperty("openclaw.installedAs"), System.getProperty("jdk.launcher.sourcefile"),
                jbangLaunchCmd, cwd);
    }

    /**
     * {@link #of(String, Path)} from what it reads: the installed command, the bundle's source file, JBang's launcher.
     */
    static Invocation of(String installed, String source, String jbangLaunchCmd, Path cwd) {
        if (installed != null) {
            Path command = Path.of(installed).toAbsolutePath().normalize();
            String name = command.getFileName().toString();
            int dash = name.indexOf('-');
            return new Invocation(command.getParent().toString(), dash > 0 ? name.substring(0, dash + 1) : "hf-", null,
                    null, cwd);
        }
        if (source != null) {
            Path parent = Path.of(source).toAbsolutePath().normalize().getParent();
            return new Invocation(null, null, parent == null ? "." : parent.toString(), null, cwd);
        }
        if (jbangLaunchCmd != null && !jbangLaunchCmd.isBlank()) return new Invocation(null, null, null, jbangLaunchCmd,
                cwd);
        return BARE;
    }

    /**
     * The command that runs {@code program} ({@code models}, {@code chat}, {@code onboard}) as this run was started.
     */
    static String command(String program) { return Running.invocation().commandFor(program); }

    String commandFor(String program) {
        if (installedDir != null) {
            String sibling = installedPrefix + program;
            Path there = Path.of(installedDir, sibling);
            // Installed beside this one, or not yet: then it is what `PROGRAM --install` would write.
            return onPath(installedDir) || !Files.isRegularFile(there) ? sibling : there.toString();
        }
        if (bundleDir != null) return "java " + shown(Path.of(bundleDir, program + ".java"));
        if (launcher != null) {
            Path script = Path.of(launcher).toAbsolutePath().normalize();
            // Our ./jbang sits beside scripts/; JBang's own launcher knows our scripts by their catalog alias.
            if (Files.isRegularFile(script.resolveSibling("scripts").resolve(program + ".java"))) {
                return shown(script) + " " + program;
            }
            return "jbang " + program + "@openclaw";
        }
        return program;
    }

    /** {@code path} as typed from the current folder: {@code ./jbang} there, else the path itself. */
    private String shown(Path path) {
        if (cwd != null && cwd.getNameCount() > 0 && path.startsWith(cwd)) {
            String rel = cwd.relativize(path).toString();
            return rel.contains("/") ? rel : "./" + rel;
        }
        return path.toString();
    }

    private static boolean onPath(String dir) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String entry : path.split(":")) if (!entry.isEmpty()
                && Path.of(entry).toAbsolutePath().normalize().toString().equals(dir)) return true;
        return false;
    }
}
