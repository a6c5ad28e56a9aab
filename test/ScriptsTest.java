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
    static final Map<String, String> COMMANDS = Map.of("onboard", "OnboardCommand", "models", "ModelsCommand", "chat", "ChatCommand");

    static List<String> libFiles() throws IOException {
        try (Stream<Path> s = Files.list(Repo.root().resolve("lib"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java")).sorted().toList();
        }
    }

    @Test void headersAreInJBangOrderAndListEveryLibFileByName() throws IOException {
        for (String name : COMMANDS.keySet()) {
            List<String> lines = Repo.read("scripts/" + name + ".java").lines().toList();
            assertEquals("///usr/bin/env jbang \"$0\" \"$@\" ; exit $?", lines.get(0), name);
            assertTrue(lines.get(1).startsWith("//DESCRIPTION "), name);
            assertEquals("//JAVA 17+", lines.get(2), name);
            List<String> expected = new ArrayList<>();
            for (String f : libFiles()) expected.add("//SOURCES ../lib/" + f);
            expected.add("//FILES catalog.json=../catalog.json");
            assertTrue(lines.contains("//JAVAC_OPTIONS -XDstringConcat=inline"), name);
            assertEquals(expected, lines.subList(3, 3 + expected.size()), name + ": //SOURCES must name each lib file (no globs: they break from a URL)");
        }
    }

    @Test void scriptsAreThinShells() {
        COMMANDS.forEach((name, command) -> {
            String source = Repo.read("scripts/" + name + ".java");
            assertTrue(source.contains("class " + name + " {\n    public static void main(String... args) {\n        System.exit(" + command + ".run(System.out, System.err, args));\n    }\n}\n"), name);
        });
    }

    @Test void catalogHasAnAliasPerScriptWithOnlyKeysJBangReads() {
        JsonValue.JsonObject aliases = Json.parse(Repo.read("jbang-catalog.json")).asObject().get("aliases").asObject();
        assertEquals(List.of("onboard", "models", "chat"), List.copyOf(aliases.members().keySet()));
        aliases.members().forEach((alias, entry) -> {
            JsonValue.JsonObject o = entry.asObject();
            assertEquals(List.of("script-ref", "description"), List.copyOf(o.members().keySet()), alias);
            assertEquals("scripts/" + alias + ".java", o.get("script-ref").asString());
            String description = Repo.read("scripts/" + alias + ".java").lines().skip(1).findFirst().orElseThrow().substring("//DESCRIPTION ".length());
            assertEquals(description, o.get("description").asString(), alias + ": the alias says what the script says");
        });
    }

    @Test void builtInCatalogIsValidStrictJson() {
        Catalog catalog = Catalog.parse(Repo.read("catalog.json"), "catalog.json");
        assertTrue(catalog.models().size() >= 10);
    }
}
