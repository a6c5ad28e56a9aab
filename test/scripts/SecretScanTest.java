import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token is everywhere a user may keep it; nothing any command prints contains it. */
class SecretScanTest {
    static final String SECRET = "hf_TopSecretValue0123456789abcd";

    @TempDir Path tmp;

    @Test void noCommandPrintsTheToken() {
        List<Run> runs = new ArrayList<>();
        for (String where : List.of("process", "dotenv", "config", "file", "apiKeyName")) {
            // Nothing listens on the discard port: discovery fails at once, on loopback, never the internet.
            TestEnv t = new TestEnv(tmp.resolve(where)).with("HF_ROUTER_URL", "http://127.0.0.1:9/v1");
            String config = "{ agents: { defaults: { model: { primary: 'huggingface/deepseek-ai/DeepSeek-R1' } } } }";
            switch (where) {
                case "process" -> t.with("HF_TOKEN", SECRET);
                case "dotenv" -> t.write(t.state().resolve(".env"), "HF_TOKEN=" + SECRET + "\nbroken line\n");
                case "config" -> config = "{ models: { providers: { huggingface: { apiKey: '" + SECRET + "' } } }, env: { X: 1 } }";
                case "file" -> t.write(t.home.resolve(".cache/huggingface/token"), SECRET);
                case "apiKeyName" -> {
                    t.with("MY_KEY", SECRET);
                    config = "{ models: { providers: { huggingface: { apiKey: 'MY_KEY' } } } }";
                }
                default -> throw new IllegalStateException(where);
            }
            t.write(t.config(), config);
            for (String[] args : new String[][] {
                    {"status"}, {"status", "--json"}, {"status", "--check"}, {"set", "Qwen/Qwen3-8B"}, {"set", "x:auto"},
                    {"fallbacks", "add", "Qwen/Qwen3-8B"}, {"fallbacks"}, {"aliases", "add", "Q", "Qwen/Qwen3-8B"}, {"aliases"},
                    {"list"}, {"--json"}, {"--bogus"}, {"status", "--nope"}}) {
                runs.add(t.models(args));
            }
            t.write(t.config(), config.replace("{ models", "{ oops models").replace("{ agents", "{ oops agents"));
            runs.add(t.models("status"));
            runs.add(t.models("set", "Qwen/Qwen3-8B"));
        }
        assertEquals(75, runs.size());
        for (Run r : runs) {
            for (String printed : List.of(r.out(), r.err())) {
                assertFalse(printed.contains(SECRET), printed);
                assertFalse(printed.contains("TopSecret"), printed);
            }
        }
    }
}
