import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text from the router never reaches a terminal raw: what could take the terminal over is shown escaped. */
class PrintableTest {
    /** An id that clears the screen, writes the clipboard (OSC 52), retitles the window and reverses the text. */
    static final String HOSTILE = "evil/x\u001b[2J\u001b]52;c;aGk=\u0007\u001b]0;pwned\u0007\r\u202emodel";

    @TempDir Path tmp;

    @Test void controlsAndBidiOverridesAreEscapedAndTheRestIsAsItCame() {
        assertEquals("evil/x\\u001b[2J\\u001b]52;c;aGk=\\u0007\\u001b]0;pwned\\u0007\\u000d\\u202emodel",
                Printable.line(HOSTILE));
        assertEquals("two\nlines\tand \\u009b csi", Printable.text("two\nlines\tand \u009b csi"));
        assertEquals("one\\u000aline", Printable.line("one\nline"));
        String plain = "Grüße, 世界 🦞 deepseek-ai/DeepSeek-R1";
        assertSame(plain, Printable.line(plain), "nothing to escape: the same string");
    }

    @Test void aHostileModelListIsShownEscapedEverywhereButJson() throws Exception {
        String answer = "{\"object\":\"list\",\"data\":[{\"id\":\"" + HOSTILE.replace("\u001b",
                "\\u001b").replace("\u0007", "\\u0007").replace("\r", "\\r").replace("\u202e", "\\u202e")
                + "\",\"providers\":[{\"provider\":\"p\\u001b[31m\",\"status\":\"live\"}]}]}";
        try (FakeRouter router = new FakeRouter().answer("/v1/models", 200, answer)) {
            TestEnv t = new TestEnv(tmp).with("HF_ROUTER_URL", router.baseUrl());
            for (Run r : new Run[] {t.models(), t.models("--plain"), t.models("show", "evil/x", "--offline"),
                    t.models("show", "nothing", "--offline")}) {
                assertTrue(!r.out().contains("\u001b") && !r.err().contains("\u001b") && !r.out().contains("\u202e")
                        && !r.out().contains("\r"), r.out() + r.err());
            }
            assertTrue(t.models("--plain").out().contains("huggingface/evil/x\\u001b[2J"), "shown, escaped");
            String json = t.models("--json", "--offline").out();
            assertEquals(HOSTILE, Json.parse(json).asObject().get("models").asArray().get(0).asObject().string("id"),
                    "--json stays exact");
        }
    }
}
