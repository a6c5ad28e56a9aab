import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layering, checked: each lib folder's sources.java names the folders it builds on, and that closure alone
 * must compile. A class reaching into a folder it does not list (json/ using Cli, say) fails here, not in review.
 */
class ClosuresTest {
    @TempDir Path tmp;

    /** The files sources.java names, following the lists it names, each once. */
    static Set<Path> closure(Path list, Set<Path> seen) throws IOException {
        for (String line : Files.readAllLines(list)) {
            if (!line.startsWith("//SOURCES ")) continue;
            Path named = list.getParent().resolve(line.substring("//SOURCES ".length()).strip()).normalize();
            if (!seen.add(named)) continue;
            if (named.getFileName().toString().equals("sources.java")) closure(named, seen);
        }
        return seen;
    }

    /** The code a reader reads whole fits 120 columns (tests' expected outputs in text blocks may not). */
    @Test void everyLineOfTheLibraryAndTheScriptsFits120Columns() throws IOException {
        List<String> longer = new ArrayList<>();
        for (String folder : List.of("lib", "scripts")) {
            try (Stream<Path> files = Files.walk(Repo.root().resolve(folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (lines.get(i).length() > 120) longer.add(Repo.root().relativize(file) + ":" + (i + 1));
                    }
                }
            }
        }
        assertEquals(List.of(), longer);
    }

    @Test void eachFoldersClosureCompilesAlone() throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> failed = new ArrayList<>();
        List<Path> lists;
        try (Stream<Path> folders = Files.list(Repo.root().resolve("lib"))) {
            lists = folders.map(f -> f.resolve("sources.java")).filter(Files::isRegularFile).sorted().toList();
        }
        for (Path list : lists) {
            Set<Path> files = closure(list, new LinkedHashSet<>(List.of(list)));
            Path out = Files.createDirectories(tmp.resolve(list.getParent().getFileName().toString()));
            StringWriter errors = new StringWriter();
            try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null,
                    java.nio.charset.StandardCharsets.UTF_8)) {
                boolean ok = javac.getTask(errors, fm, null, List.of("--release", "17", "-proc:none", "-nowarn", "-d",
                        out.toString(),
                        // nothing but the closure: not the tests' class path, which holds every class
                        "-classpath", out.toString(), "-sourcepath", out.toString()), null,
                        fm.getJavaFileObjectsFromPaths(files)).call();
                if (!ok) failed.add(Repo.root().relativize(list) + ":\n"
                        + errors.toString().lines().filter(l -> l.contains("error:")).limit(3).reduce("", (a, b) -> a
                                + b + "\n"));
            }
        }
        assertEquals("", String.join("", failed));
        assertEquals(10, lists.size(), "a folder gained or lost its sources.java");
    }
}
