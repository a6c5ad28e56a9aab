import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The JBang conventions the scripts and the catalog must keep so that `jbang models@openclaw` works. */
class ScriptsTest {
    static final Map<String, String> COMMANDS = Map.of("onboard", "OnboardCommand", "models", "ModelsCommand", "chat",
            "ChatCommand");

    /** Every lib folder, by name. */
    static List<String> libFolders() throws IOException {
        Path lib = Repo.root().resolve("lib");
        try (Stream<Path> s = Files.walk(lib)) {   // a part of a folder (chat/batch) is a folder of its own here
            return s.filter(p -> !p.equals(lib) && Files.isDirectory(p)).map(p -> lib.relativize(p).toString())
                    .sorted().toList();
        }
    }

    @Test void headersAreInJBangOrderAndNameTheirFoldersSourceList() {
        for (String name : COMMANDS.keySet()) {
            List<String> lines = Repo.read("scripts/" + name + ".java").lines().toList();
            assertEquals("///usr/bin/env jbang \"$0\" \"$@\" ; exit $?", lines.get(0), name);
            assertTrue(lines.get(1).startsWith("//DESCRIPTION "), name);
            assertEquals("//JAVA 17+", lines.get(2), name);
            assertTrue(lines.contains("//JAVAC_OPTIONS -XDstringConcat=inline"), name);
            assertEquals(List.of("//SOURCES ../lib/" + name + "/sources.java", "//FILES catalog.json=../catalog.json"),
                    lines.subList(3, 5), name);
            // Installed commands run with the same start-up options as JBang's runs.
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("//JAVA_OPTIONS " + Launcher.START_OPTIONS)), name
                    + ": //JAVA_OPTIONS starts with Launcher.START_OPTIONS");
        }
    }

    /** The lists are the one place that names sources and files; and no lib file brings a dependency. */
    @Test void onlyTheListsNameSourcesAndNothingNamesADependency() throws IOException {
        try (Stream<Path> s = Files.walk(Repo.root().resolve("lib"))) {
            for (Path file : s.filter(p -> p.toString().endsWith(".java") && !p.endsWith("sources.java")).toList()) {
                assertTrue(Files.readAllLines(file).stream().noneMatch(l -> l.startsWith("//SOURCES")
                        || l.startsWith("//FILES") || l.startsWith("//DEPS")), file.toString());
            }
        }
    }

    @Test void eachLibFolderListsEveryFileOfItsOwnByNameAndOnlyOtherFoldersLists() throws IOException {
        for (String folder : libFolders()) {
            List<String> files;
            try (Stream<Path> s = Files.list(Repo.root().resolve("lib").resolve(folder))) {
                files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java")
                        && !n.equals("sources.java")).sorted().toList();
            }
            List<String> own = new ArrayList<>(), others = new ArrayList<>();
            for (String line : Repo.read("lib/" + folder + "/sources.java").lines().toList()) {
                if (!line.startsWith("//SOURCES ")) continue;
                String entry = line.substring("//SOURCES ".length());
                if (entry.startsWith("../") || entry.endsWith("/sources.java")) others.add(entry);
                else own.add(entry);
            }
            assertEquals(files, own, folder + ": //SOURCES must name each file (no globs: they break from a URL)");
            for (String entry : others) {
                assertTrue(entry.matches("(\\.\\./)?[a-z]+/sources\\.java")
                        && Files.exists(Repo.root().resolve("lib").resolve(folder).resolve(entry)), folder + ": "
                                + entry);
            }
        }
    }

    @Test void libAndScriptsAreAsciiSoTheyCompileInAnyLocale() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Stream.concat(Files.walk(Repo.root().resolve("lib")),
                Files.list(Repo.root().resolve("scripts")))) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            for (int i = 0; i < bytes.length; i++) {
                assertTrue(bytes[i] >= 0, file + ": a byte beyond ASCII at offset " + i
                        + " (use a \\u escape; javac reads sources in the locale's encoding)");
            }
        }
    }

    @Test void scriptsAreThinShells() {
        COMMANDS.forEach((name, command) -> {
            String source = Repo.read("scripts/" + name + ".java");
            assertTrue(source.contains("class " + name
                    + " {\n    public static void main(String... args) {\n        System.exit(" + command
                            + ".run(System.out, System.err, args));\n    }\n}\n"), name);
        });
    }

    @Test void catalogHasAnAliasPerScriptWithOnlyKeysJBangReads() {
        JsonObject aliases = Json.parse(Repo.read("jbang-catalog.json")).asObject().get("aliases").asObject();
        assertEquals(List.of("onboard", "models", "chat"), List.copyOf(aliases.members().keySet()));
        aliases.members().forEach((alias, entry) -> {
            JsonObject o = entry.asObject();
            assertEquals(List.of("script-ref", "description"), List.copyOf(o.members().keySet()), alias);
            assertEquals("scripts/" + alias + ".java", o.get("script-ref").asString());
            String description = Repo.read("scripts/" + alias
                    + ".java").lines().skip(1).findFirst().orElseThrow().substring("//DESCRIPTION ".length());
            assertEquals(description, o.get("description").asString(), alias + ": the alias says what the script says");
        });
    }

    @Test void builtInCatalogIsValidStrictJson() {
        Catalog catalog = Catalog.parse(Repo.read("catalog.json"), "catalog.json");
        assertTrue(catalog.models().size() >= 10);
    }

    @Test void aMistypedTestNameIsOneLineAndExitTwo() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        assertEquals(2, RunTests.run(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8),
                "NoSuchTest"));
        assertEquals("RunTests: no test class NoSuchTest\n", bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
