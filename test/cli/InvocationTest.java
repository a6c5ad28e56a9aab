import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hints name the command as this run was started: the checkout's ./jbang, a bundle, JBang's own launcher, nothing
 * known.
 */
class InvocationTest {
    @TempDir Path tmp;

    @Test void eachWayOfStartingNamesItsOwnCommand() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo/scripts"));
        Files.writeString(repo.resolve("models.java"), "");
        Path jbang = Files.writeString(tmp.resolve("repo/jbang"), "");
        Path official = Files.writeString(tmp.resolve("bin-jbang"), "");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.writeString(bin.resolve("hf-models"), "");
        Object[][] cases = {
            // installed as, bundle source, JBang's launcher, current folder, the command for "models"
            {null, null, jbang.toString(), tmp.resolve("repo"), "./jbang models"},
            {null, null, jbang.toString(), tmp, "repo/jbang models"},
            {null, null, jbang.toString(), Path.of("/"), jbang + " models"},
            {null, null, official.toString(), tmp, "jbang models@openclaw"},
            {null, tmp.resolve("dist/onboard.java").toString(), null, tmp.resolve("dist"), "java ./models.java"},
            {null, tmp.resolve("dist/onboard.java").toString(), null, tmp, "java dist/models.java"},
            {bin.resolve("hf-onboard").toString(), null, null, tmp, bin.resolve("hf-models").toString()},
            {bin.resolve("my-onboard").toString(), null, null, tmp, "my-models"},
            {null, null, null, tmp, "models"},
        };
        for (Object[] c : cases) {
            Invocation how = Invocation.of((String) c[0], (String) c[1], (String) c[2], (Path) c[3]);
            assertEquals(c[4], how.commandFor("models"), java.util.Arrays.toString(c));
        }
    }

    @Test void onboardingsNextStepsNameTheCommandsAsThisRunWasStarted() {
        Running.invokedAs(Invocation.of(null, "/opt/dist/onboard.java", null, Path.of("/opt/dist")));
        try {
            assertEquals("java ./chat.java", Invocation.command("chat"));
        } finally {
            Running.invokedAs(Invocation.BARE);
        }
    }
}
