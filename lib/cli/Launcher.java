import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * How our commands start java, the one place the class-data cache policy lives: the command {@code --install}
 * writes ({@link Installer}) and the launcher the ./jbang fast path runs are both written here, and ./jbang keeps
 * no policy of its own. Each is a small sh script: no fork before java on a warm run (a fork costs 5-10 ms here).
 * <p>
 * The cache sits beside the jar, named after the JDK's exact version (read from its release file, so an updated
 * JDK makes its own), made by the first real run (not {@code --help} and the like): JDK 25+ an AOT cache (JEP 483),
 * recorded by that run and assembled after it in the background, so that no run waits for it; JDK 19-24 an archive
 * the JVM creates itself; JDK 17-18 a dynamic CDS archive. A cache is mapped only when it is the user's own, and one
 * that is not is never replaced either; a cache that does not fit is ignored by the JVM, silently.
 */
final class Launcher {
    /**
     * The JVM options every script's {@code //JAVA_OPTIONS} starts with (ScriptsTest checks): why, see
     * scripts/models.java.
     */
    static final String START_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData";

    /** Set by ./jbang on a run through JBang: the file to keep this run's launcher in, for its fast path. */
    static final String KEEP = "OPENCLAW_JBANG_KEEP";

    private Launcher() { }

    /**
     * What a launcher starts: this JDK's {@code java}, the program's {@code jar} and its {@code main} class; {@code
     * feature}: the JDK's.
     */
    record Target(Path java, Path jar, String main, int feature) { }

    /**
     * The command {@code --install} writes as {@code name}: its first lines carry {@code mark} (how {@code --uninstall}
     * knows one of ours), and the program is told where it is installed ({@code -Dopenclaw.installedAs}).
     */
    static String installed(String name, String mark, Target t) {
        String gone = name + ": $java is gone; install again with the JDK you use now (" + t.main() + " --install)";
        return script(mark, "# " + name + ": the toolkit's " + t.main() + " " + Cli.VERSION + ", for the JDK below.",
                gone,
                "-Dopenclaw.installedAs=\"$0\" ", t);
    }

    /** The launcher ./jbang's fast path runs while nothing the script is built from changed. */
    static String fastPath(Target t) {
        return script("# The ./jbang fast path's launcher of " + t.main()
                + ": written by the program itself, run while its sources are unchanged.",
                "# ./jbang removes it whenever JBang builds the script again.",
                        "./jbang: $java is gone; run ./jbang again", "", t);
    }

    private static String script(String first, String second, String gone, String property, Target t) {
        String options = START_OPTIONS + " -Xlog:cds*=off" + (t.feature() >= 25 ? " -Xlog:aot*=off" : "");
        String run = "\"$java\" " + options + " %s" + property + "-cp \"$jar\" " + t.main() + " \"$@\"";
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/sh\n").append(first).append('\n').append(second).append('\n');
        s.append("umask 077\n");
        // The same rule as ./jbang's, which says why.
        s.append("case ${LC_ALL:-${LC_CTYPE:-${LANG:-C}}} in C|POSIX) export "
                + "LC_ALL=C.UTF-8 ").append(Output.TERMINAL_CHARSET)
                .append("=US-ASCII ;; esac\n");
        s.append("java=").append(quoted(t.java().toString())).append('\n');
        s.append("jar=").append(quoted(t.jar().toString())).append('\n');
        s.append("if [ ! -x \"$java\" ]; then\n");
        s.append("  echo \"").append(gone).append("\" >&2\n");
        s.append("  exit 1\n");
        s.append("fi\n");
        s.append("runtime=\n");
        s.append("release=\"${java%/bin/java}/release\"\n");
        s.append("[ -r \"$release\" ] && while IFS= read -r line; do case $line in JAVA_RUNTIME_VERSION=*) "
                + "runtime=${line#*\\\"}; runtime=${runtime%\\\"} ;; esac; done < \"$release\"\n");
        s.append("cache=\"${jar%.jar}-$runtime\"\n");
        s.append("train=1\n");
        s.append("for arg do case $arg in --) break ;; -h|--help|--version|--install|--uninstall) train=0 ;; esac; "
                + "done\n");
        if (t.feature() >= 25) {
            s.append("[ -f \"$cache.aot\" ] && [ -O \"$cache.aot\" ] && "
                    + "exec ").append(run.formatted("-XX:AOTCache=\"$cache.aot\" ")).append('\n');
            s.append("{ [ $train = 0 ] || [ -e \"$cache.aot\" ]; } && exec ").append(run.formatted("")).append('\n');
            s.append("# The first real run records the classes it uses (the JVM prints that it did on stdout unless "
                    + "told not to),\n");
            s.append("# and the cache is assembled from that after it, in the background: no run waits for it.\n");
            s.append("trap : INT\n");
            s.append(run.formatted("-XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput -XX:AOTMode=record "
                    + "-XX:AOTConfiguration=\"$cache.$$.conf\" ")).append('\n');
            s.append("status=$?\n");
            s.append("( \"$java\" ").append(options).append(" -XX:AOTMode=create "
                    + "-XX:AOTConfiguration=\"$cache.$$.conf\" -XX:AOTCache=\"$cache.$$.aot\" -cp \"$jar\" &&\n");
            s.append("  mv -f \"$cache.$$.aot\" \"$cache.aot\"; rm -f \"$cache.$$.conf\" \"$cache.$$.aot\" ) < "
                    + "/dev/null > /dev/null 2>&1 &\n");
            s.append("exit $status\n");
        } else if (t.feature() >= 19) {
            s.append("{ [ -f \"$cache.jsa\" ] && [ -O \"$cache.jsa\" ]; } || { [ ! -e \"$cache.jsa\" ] && [ $train = 1 "
                    + "]; } && exec ")
                    .append(run.formatted("-XX:+AutoCreateSharedArchive "
                            + "-XX:SharedArchiveFile=\"$cache.jsa\" ")).append('\n');
            s.append("exec ").append(run.formatted("")).append('\n');
        } else {
            s.append("[ -f \"$cache.jsa\" ] && [ -O \"$cache.jsa\" ] && "
                    + "exec ").append(run.formatted("-XX:SharedArchiveFile=\"$cache.jsa\" ")).append('\n');
            s.append("[ ! -e \"$cache.jsa\" ] && [ $train = 1 ] && "
                    + "exec ").append(run.formatted("-XX:ArchiveClassesAtExit=\"$cache.jsa\" ")).append('\n');
            s.append("exec ").append(run.formatted("")).append('\n');
        }
        return s.toString();
    }

    /** {@code text} as one sh word in single quotes. */
    static String quoted(String text) { return "'" + text.replace("'", "'\\''") + "'"; }

    /**
     * The options JBang starts a script with that the launcher gives too (the scripts' //JAVA_OPTIONS, JBang's //CDS).
     */
    private static final Set<String> OPTIONS_WE_GIVE = Set.of(START_OPTIONS.split(" "));

    /**
     * When ./jbang asked ({@link #KEEP}): keeps the launcher of this very run, started by JBang, for the fast path.
     * Only when the run is what a launcher starts (one jar, {@code program} its main class, no option but ours and
     * JBang's class-data one): otherwise, and on any error, nothing is kept and the next run goes through JBang again.
     */
    static void keepForFastPath(String program, String keep) {
        // ./jbang names the record after the script's path: only scripts/PROGRAM.java keeps a launcher for PROGRAM.
        if (keep == null || !keep.startsWith("/") || !keep.endsWith("%2F" + program + ".java.sh")) return;
        try {
            String classPath = System.getProperty("java.class.path", "");
            List<String> args = ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
            if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar") || !startedByJBang(args,
                    classPath, program)) return;
            Path file = Path.of(keep), jar = Path.of(classPath).toAbsolutePath();
            if (!Files.isDirectory(file.getParent()) || !Files.isRegularFile(jar)) return;
            Target t = new Target(Path.of(System.getProperty("java.home"), "bin", "java"), jar, program,
                    Runtime.version().feature());
            SafeFile.writeCommand(file, fastPath(t));
        } catch (Exception e) {
            // the fast path misses, and JBang runs the script as before
        }
    }

    /**
     * Whether {@code args} (the JVM's, after {@code java}) start a program as a launcher would: options of ours or
     * JBang's class-data one, {@code -classpath JAR} among them, then {@code MAIN}.
     */
    static boolean startedByJBang(List<String> args, String jar, String main) {
        boolean classPath = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-classpath") || a.equals("-cp")) {
                if (i + 1 == args.size() || !args.get(++i).equals(jar)) return false;
                classPath = true;
            } else if (!a.startsWith("-")) {
                return classPath && a.equals(main);
            } else if (!(OPTIONS_WE_GIVE.contains(a) || a.equals("-Xlog:cds*=off")
                    || a.startsWith("-XX:SharedArchiveFile=") || a.startsWith("-XX:ArchiveClassesAtExit="))) {
                return false;
            }
        }
        return false;
    }
}
