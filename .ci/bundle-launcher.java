// The launcher of this bundle, and all the source launcher (java __NAME__.java) compiles on each run. The program
// is below it, each line behind "//| ": compiled on every run, as it was, it took 3.7 s a run. The first run
// compiles it once into ${XDG_CACHE_HOME:-~/.cache}/openclaw-hf/bundles/HASH-JDK/ (HASH: this file's SHA-256,
// so an edited or newer file is compiled again; JDK: the feature release, whose class files it runs), and every
// run loads it from there: 0.73 s a run on JDK 17 (0.78 s on 25) where java Hello.java takes 0.34 s (0.41 s),
// against 3.7 s before (test/bench/StartBench.java, 2026-12-08). Where no cache folder can be written, it
// compiles into a temporary folder, removed at exit.
class __NAME__ {
    static final String NAME = "__NAME__";

    public static void main(String... args) throws Throwable {
        byte[] file = self();
        java.nio.file.Path dir = compiled(file);
        // The installer compiles the program from this source (--install), not from this launcher.
        System.setProperty("openclaw.bundle.source", dir.resolve(NAME + ".java").toString());
        java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {dir.resolve("classes")
                .toUri().toURL()}, ClassLoader.getPlatformClassLoader());   // not the class path: it has this class
        Thread.currentThread().setContextClassLoader(loader);
        try {
            java.lang.reflect.Method main = loader.loadClass(NAME).getMethod("main", String[].class);
            main.setAccessible(true);   // the program's class is package-private, as a script's is
            main.invoke(null, (Object) args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** This file: the source launcher names it; run by JBang, it is in the jar (//FILES). */
    static byte[] self() throws java.io.IOException {
        String source = System.getProperty("jdk.launcher.sourcefile");
        if (source != null) return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(source));
        try (java.io.InputStream in = __NAME__.class.getResourceAsStream("/" + NAME + ".java")) {
            if (in == null) throw new IllegalStateException(NAME + ".java: cannot find its own source; run it as "
                    + "java " + NAME + ".java");
            return in.readAllBytes();
        }
    }

    /** The folder holding the compiled program ({@code classes/}) and its source, made once. */
    static java.nio.file.Path compiled(byte[] file) throws Exception {
        StringBuilder key = new StringBuilder();
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(file);
        for (int i = 0; i < 16; i++) key.append(Character.forDigit(digest[i] >> 4 & 15, 16)).append(Character
                .forDigit(digest[i] & 15, 16));
        key.append('-').append(Runtime.version().feature());
        String xdg = System.getenv("XDG_CACHE_HOME"), home = System.getenv("HOME");
        java.nio.file.Path bundles = (xdg != null && xdg.startsWith("/") ? java.nio.file.Path.of(xdg)
                : java.nio.file.Path.of(home != null && home.startsWith("/") ? home : System.getProperty("user.home"),
                        ".cache")).resolve("openclaw-hf/bundles");
        java.nio.file.Path dir = bundles.resolve(key.toString());
        if (java.nio.file.Files.isRegularFile(dir.resolve("done")) && mine(dir)) return dir;
        java.nio.file.attribute.FileAttribute<?> only = java.nio.file.attribute.PosixFilePermissions
                .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        java.nio.file.Path work;
        try {
            java.nio.file.Files.createDirectories(bundles, only);
            work = java.nio.file.Files.createTempDirectory(bundles, ".compiling-", only);
        } catch (java.io.IOException | UnsupportedOperationException e) {
            dir = null;
            work = java.nio.file.Files.createTempDirectory("openclaw-hf-bundle-", only);
        }
        compile(file, work);
        if (dir == null) {
            removedAtExit(work);
            return work;
        }
        try {
            java.nio.file.Files.move(work, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException raced) {
            removedAtExit(work);   // another run made it first: its folder is as good as ours
            return java.nio.file.Files.isRegularFile(dir.resolve("done")) && mine(dir) ? dir : work;
        }
        return dir;
    }

    /** The lines behind "//| " as the program's source, compiled into work/classes; "done" says it finished. */
    static void compile(byte[] file, java.nio.file.Path work) throws Exception {
        StringBuilder program = new StringBuilder();
        for (String line : new String(file, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1)) {
            if (line.startsWith("//| ")) program.append(line, 4, line.length()).append('\n');
            else if (line.equals("//|")) program.append('\n');
        }
        java.nio.file.Path source = java.nio.file.Files.writeString(work.resolve(NAME + ".java"), program);
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        int status = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, said, said, "-d",
                work.resolve("classes").toString(), "-XDstringConcat=inline", "-proc:none", "-nowarn", "-encoding",
                "UTF-8", source.toString());
        if (status != 0) throw new IllegalStateException(NAME + ".java: the program does not compile: "
                + said.toString().lines().findFirst().orElse("javac failed"));
        java.nio.file.Files.writeString(work.resolve("done"), "");
    }

    static boolean mine(java.nio.file.Path dir) throws java.io.IOException {
        return java.nio.file.Files.getOwner(dir).getName().equals(System.getProperty("user.name"));
    }

    static void removedAtExit(java.nio.file.Path work) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.walk(work)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException e) {
                // a temporary folder left behind is the system's to clear
            }
        }));
    }
}
