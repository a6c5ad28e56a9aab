import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The guard of the one exit and the one file layer: code in lib/ that prints to the process's streams other than
 * through {@link SafeOutput}, or that makes, writes, reads, lists or removes a file other than through lib/files,
 * fails here, naming the file and line. (Queries such as Files.exists and Files.isRegularFile are free.)
 */
class LayersTest {
    /** Each rule: what code must not do, and the only files that may. */
    static final Map<Pattern, List<String>> RULES = Map.of(
            Pattern.compile("System\\.(out|err)\\b|FileDescriptor\\.(out|err)|new PrintStream\\(|new "
                    + "PrintWriter\\(|console\\.(printf|format|writer)\\("),
            List.of("lib/cli/Output.java", "lib/cli/SafeOutput.java"),
            Pattern.compile("console\\.(readLine|readPassword)\\((?!\"%s\", SafeOutput\\.clean\\()"),
            List.of(),
            Pattern.compile("\\bFiles\\.(write|writeString|newOutputStream|newBufferedWriter|newByteChannel|createDirector(y|ies)|createFile|createTemp(File|Directory)"
                    + "|createSymbolicLink|createLink|readString|readAllBytes|readAllLines|lines|newInputStream|newBufferedReader|copy|move|delete|deleteIfExists"
                    + "|setPosixFilePermissions|setAttribute|setLastModifiedTime|setOwner|newDirectoryStream|list|walk|find)\\("
                    + "|FileChannel\\.open\\(|AsynchronousFileChannel|new "
                            + "(FileOutputStream|FileInputStream|RandomAccessFile|FileWriter|FileReader)\\("),
            List.of("lib/files/SafeFile.java", "lib/files/FileReads.java", "lib/cli/Output.java"));

    /** The places in {@code lib/} that break the rules, as {@code file:line: code}. */
    static List<String> breaches(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("lib"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = root.relativize(file).toString();
                List<String> lines = Files.readAllLines(file);
                for (Map.Entry<Pattern, List<String>> rule : RULES.entrySet()) {
                    if (rule.getValue().contains(name)) continue;
                    for (int i = 0; i < lines.size(); i++) {
                        String code = lines.get(i).strip();
                        if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")
                                || code.startsWith("import ")) continue;
                        Matcher m = rule.getKey().matcher(code);
                        if (m.find()) found.add(name + ":" + (i + 1) + ": " + code);
                    }
                }
            }
        }
        return found;
    }

    @Test void libPrintsOnlyThroughTheExitAndTouchesFilesOnlyThroughTheFileLayer() throws IOException {
        assertEquals(List.of(), breaches(Repo.root()));
    }

    @Test void theGuardSeesABreach(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path lib = Files.createDirectories(tmp.resolve("lib/chat"));
        Files.writeString(lib.resolve("Sneaky.java"),
                "final class Sneaky {\n    void f() throws Exception {\n        System.err.println(\"x\");\n"
                + "        java.nio.file.Files.writeString(java.nio.file.Path.of(\"x\"), \"y\");\n        char[] p = "
                        + "console.readPassword(\"%s\", prompt);\n    }\n}\n");
        assertEquals(List.of("lib/chat/Sneaky.java:3: System.err.println(\"x\");",
                        "lib/chat/Sneaky.java:4: java.nio.file.Files.writeString(java.nio.file.Path.of(\"x\"), \"y\");",
                        "lib/chat/Sneaky.java:5: char[] p = console.readPassword(\"%s\", prompt);"),
                breaches(tmp).stream().sorted().toList());
    }

    /** Every command's run puts its streams behind the exit: what any of them prints leaves escaped and redacted. */
    @Test void everyCommandsStreamsAreBehindTheExit(@org.junit.jupiter.api.io.TempDir Path tmp) {
        String secret = "hf_LayersTestSecret0123456789abcdef";
        Running.secret(secret);
        TestEnv t = new TestEnv(tmp).with("HF_ROUTER_URL", "http://127.0.0.1:9/v1");
        String option = "--nope\u001b]0;pwned\u0007" + secret;
        for (Run r : List.of(t.models(option), t.chat("", option), t.onboard("", option))) {
            assertEquals(2, r.status());
            assertEquals(true, r.err().contains("--nope\\u001b]0;pwned\\u0007[redacted]")
                    && !r.err().contains("\u001b"), r.err());
        }
    }
}
