import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which home every ~ means: $HOME first, as OpenClaw, the Hugging Face libraries and the shell take it. */
class EnvTest {
    @Test void homeIsTheHomeVariableThenTheJvmsUserHome() {
        assertEquals(Path.of("/some/dir"), Env.home(Map.of("HOME", "/some/dir"), "/root"));
        assertEquals(Path.of("/root"), Env.home(Map.of(), "/root"));
        assertEquals(Path.of("/root"), Env.home(Map.of("HOME", ""), "/root"));
    }

    @Test void theConfigAndStateFolderFollowHome() {
        Env env = new Env(Map.of(), Path.of("/work"), Env.home(Map.of("HOME", "/some/dir"), "/root"));
        assertEquals(Path.of("/some/dir/.openclaw/openclaw.json"), env.configPath());
        assertEquals("~/.openclaw/openclaw.json", env.display(env.configPath()));
    }
}
