import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes editing the same config at once: every edit of both lands, the file stays whole. */
@Tag("slow")
class ConcurrentEditTest {
    @TempDir Path tmp;

    Process start(Path state, String prefix) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(),
                "-cp", System.getProperty("java.class.path"), "ModelsMain"));
        for (int i = 0; i < 15; i++) command.add(prefix + "/Model-" + i);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("OPENCLAW_STATE_DIR", state.toString());
        return pb.start();
    }

    @Test void twoProcessesAddingFallbacksAtOnceBothLand() throws Exception {
        Path state = tmp.resolve("state");
        TestEnv t = new TestEnv(tmp);
        t.write(state.resolve("openclaw.json"),
                "// shared\n{\n  agents: { defaults: { model: { primary: 'huggingface/deepseek-ai/DeepSeek-R1' } } "
                        + "},\n}\n");
        Process a = start(state, "org-a"), b = start(state, "org-b");
        String outA = new String(a.getInputStream().readAllBytes()),
                outB = new String(b.getInputStream().readAllBytes());
        assertEquals(0, a.waitFor(), outA);
        assertEquals(0, b.waitFor(), outB);
        JsonValue config = Json5.parse(t.read(state.resolve("openclaw.json")));
        List<String> fallbacks = ConfigFile.fallbacks(config);
        assertEquals(30, fallbacks.size(), fallbacks.toString());
        assertEquals(30, new HashSet<>(fallbacks).size());
        for (int i = 0; i < 15; i++) {
            assertEquals(true, fallbacks.contains("huggingface/org-a/Model-" + i), "org-a " + i);
            assertEquals(true, fallbacks.contains("huggingface/org-b/Model-" + i), "org-b " + i);
        }
        assertEquals(true, t.read(state.resolve("openclaw.json")).startsWith("// shared\n{\n"));
    }
}
