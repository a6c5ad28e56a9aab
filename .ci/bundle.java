///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Writes dist/onboard.java, dist/models.java, dist/chat.java: each script as one self-contained file
//JAVA 17+

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Bundles each script with everything it uses into one {@code .java} file that plain {@code java} runs
 * (JDK 17+: the single-file source launcher), for machines with a JDK and nothing else:
 * <ul>
 * <li>the script's header lines that JBang reads (shebang, {@code //DESCRIPTION}, {@code //JAVA},
 *     {@code //JAVA_OPTIONS}, ...), minus {@code //SOURCES} and {@code //FILES}, so {@code jbang} runs it too;
 * <li>a header: what it is, from which commit, how to regenerate it;
 * <li>the imports of all the lib files it names, once each, sorted;
 * <li>the script's class, with each lib file it uses inside it as a nested static class, in
 *     {@code //SOURCES} order, comments and all, under a {@code // ---- lib/X.java} line;
 * <li>each {@code //FILES} resource as a constant of the outer class ({@code catalog.json} ->
 *     {@code CATALOG_JSON}), where the lib code looks when the resource is not on the classpath.
 * </ul>
 * Usage, from the project root: {@code ./jbang .ci/bundle.java [OUT_DIR]} (default {@code dist}).
 */
class bundle {
    static final List<String> SCRIPTS = List.of("onboard", "models", "chat");

    public static void main(String... args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "dist");
        Files.createDirectories(out);
        String commit = git("rev-parse", "--short=12", "HEAD") + (git("status", "--porcelain", "--", "lib", "scripts", "catalog.json").isEmpty() ? "" : " plus uncommitted changes");
        for (String name : SCRIPTS) {
            String text = bundle(Path.of("scripts", name + ".java"), commit);
            Path file = out.resolve(name + ".java");
            Files.writeString(file, text);
            System.out.printf("%s  %,d bytes%n", file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
    }

    static String bundle(Path script, String commit) throws IOException {
        List<String> header = new ArrayList<>(), body = new ArrayList<>(), sources = new ArrayList<>(), files = new ArrayList<>();
        boolean inBody = false;
        for (String line : Files.readAllLines(script)) {
            if (!inBody && line.startsWith("//SOURCES ")) sources.addAll(listed(script.getParent(), line.substring(10).trim()));
            else if (!inBody && line.startsWith("//FILES ")) files.add(line.substring(8).trim());
            else if (!inBody && (line.startsWith("class ") || line.startsWith("public class "))) inBody = true;
            if (inBody) body.add(line);
            else if (!line.startsWith("//SOURCES ") && !line.startsWith("//FILES ")) header.add(line);
        }
        // The comment over the script's class stays with the class, after the imports.
        int lastDirective = 0;
        for (int i = 0; i < header.size(); i++) if (header.get(i).matches("//[A-Z_]+( .*)?")) lastDirective = i;
        List<String> classComment = new ArrayList<>(header.subList(lastDirective + 1, header.size()));
        header = new ArrayList<>(header.subList(0, lastDirective + 1));
        while (!classComment.isEmpty() && classComment.get(0).isBlank()) classComment.remove(0);
        body.addAll(0, classComment);
        String name = script.getFileName().toString();
        TreeSet<String> imports = new TreeSet<>();
        List<String> nested = new ArrayList<>();
        for (String source : used(script, sources, String.join("\n", body))) {
            Path lib = script.getParent().resolve(source).normalize();
            nested.add("");
            nested.add("    // ---- " + lib);
            for (String line : Files.readAllLines(lib)) {
                if (line.startsWith("import ")) imports.add(line);
                else if (!(nested.get(nested.size() - 1).endsWith(".java") && line.isBlank())) nested.add(line.isEmpty() ? "" : "    " + nested(line));
            }
        }
        String included = String.join("\n", nested);
        for (String file : files) {
            String[] parts = file.split("=", 2);
            if (!included.contains(constant(parts[0]))) continue;   // no code in this bundle reads it
            String content = Files.readString(script.getParent().resolve(parts[1]).normalize());
            nested.add("");
            nested.add("    // ---- " + parts[0] + ", embedded: the lib code reads it from here when it is not on the classpath");
            nested.add("    static final String " + constant(parts[0]) + " = \"\"\"");
            for (String line : ascii(content.replace("\\", "\\\\").replace("\"\"\"", "\\\"\"\"")).split("\n", -1)) nested.add(line.isEmpty() ? "" : "            " + line);
            nested.set(nested.size() - 1, nested.get(nested.size() - 1) + "            \"\"\";");
        }
        // The program: what the source launcher used to compile on every run, now behind "//| " (see the launcher).
        StringBuilder program = new StringBuilder();
        for (String i : imports) program.append(i).append('\n');
        program.append('\n');
        int close = body.lastIndexOf("}");
        for (String line : body.subList(0, close)) program.append(line).append('\n');
        for (String line : nested) program.append(line).append('\n');
        for (String line : body.subList(close, body.size())) program.append(line).append('\n');
        String launcher = Files.readString(Path.of(".ci/bundle-launcher.java")).replace("__NAME__",
                name.replace(".java", ""));
        StringBuilder sb = new StringBuilder();
        sb.append(header.get(0)).append('\n');   // the shebang stays first
        sb.append("//\n");
        sb.append("// ").append(name).append(": the OpenClaw x Hugging Face toolkit's ").append(name.replace(".java", ""))
                .append(" script as one self-contained file: lib/ nested inside it, catalog.json embedded.\n");
        sb.append("// Generated from commit ").append(commit).append(" by `./jbang .ci/bundle.java`; do not edit: change scripts/ and lib/,\n");
        sb.append("// then regenerate. Runs with plain `java ").append(name).append(" --help` on JDK 17+ (or `jbang ").append(name).append(" --help`).\n");
        sb.append("//\n");
        for (String line : header.subList(1, header.size())) sb.append(line).append('\n');
        sb.append("//FILES ").append(name).append('\n');   // run by JBang, the launcher reads itself from its jar
        sb.append('\n');
        sb.append(launcher);
        sb.append('\n');
        for (String line : program.toString().split("\n", -1)) sb.append(line.isEmpty() ? "//|" : "//| " + line)
                .append('\n');
        sb.setLength(sb.length() - "//|\n".length());
        return sb.toString();
    }

    /**
     * The files a {@code //SOURCES} entry stands for, as paths from {@code base}: a lib folder's
     * {@code sources.java} stands for the files and lists it names in turn (as JBang follows them), each once.
     */
    static List<String> listed(Path base, String entry) throws IOException {
        List<String> files = new ArrayList<>();
        collect(base, entry, new java.util.HashSet<>(), files);
        return files;
    }

    private static void collect(Path base, String entry, java.util.Set<Path> seen, List<String> files) throws IOException {
        Path file = base.resolve(entry).normalize();
        if (!seen.add(file)) return;
        if (!file.getFileName().toString().equals("sources.java")) {
            files.add(base.relativize(file).toString());
            return;
        }
        for (String line : Files.readAllLines(file)) {
            if (!line.startsWith("//SOURCES ")) continue;
            for (String next : line.substring(10).trim().split("\\s+")) collect(base, base.relativize(file.getParent().resolve(next).normalize()).toString(), seen, files);
        }
    }

    /**
     * The lib files the script's class needs, directly or through each other (a file is needed when
     * its class's name appears in needed code), in {@code //SOURCES} order: a bundle carries only what
     * its script uses, and the source launcher compiles less on every run.
     */
    static List<String> used(Path script, List<String> sources, String main) throws IOException {
        java.util.Map<String, String> code = new java.util.LinkedHashMap<>();
        for (String source : sources) code.put(source, Files.readString(script.getParent().resolve(source).normalize()));
        java.util.Set<String> needed = new java.util.HashSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(main));
        while (!todo.isEmpty()) {
            String text = todo.poll();
            for (String source : sources) {
                String type = Path.of(source).getFileName().toString().replace(".java", "");
                if (!needed.contains(source) && java.util.regex.Pattern.compile("\\b" + type + "\\b").matcher(text).find()) {
                    needed.add(source);
                    todo.add(code.get(source));
                }
            }
        }
        return sources.stream().filter(needed::contains).toList();
    }

    /** A top-level declaration made a static nested one; other lines as they are. */
    static String nested(String line) {
        if (line.startsWith("public final class ")) return "public static final class " + line.substring(19);
        if (line.startsWith("final class ")) return "static final class " + line.substring(12);
        if (line.startsWith("class ")) return "static class " + line.substring(6);
        if (line.startsWith("abstract class ")) return "static abstract class " + line.substring(15);
        return line;   // records, interfaces and enums are static when nested
    }

    /** Characters beyond ASCII as Unicode escapes: the bundle then compiles whatever the locale's encoding. */
    static String ascii(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c < 0x80) sb.append(c);
            else sb.append(String.format("\\u%04x", (int) c));
        }
        return sb.toString();
    }

    /** {@code catalog.json} -> {@code CATALOG_JSON}. */
    static String constant(String file) { return file.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"); }

    static String git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        return p.waitFor() == 0 ? out : "(unknown)";
    }
}
