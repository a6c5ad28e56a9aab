import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one exit: whatever is printed leaves escaped and redacted, also when a secret arrives in pieces. */
class SafeOutputTest {
    static final String SECRET = "hf_SafeOutputTestSecret0123456789";

    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream exit = SafeOutput.of(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String shown() {
        SafeOutput.release(exit);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test void aSecretIsRedactedWholeOrInPieces() {
        Running.secret(SECRET);
        exit.println("upstream rejected key " + SECRET);
        exit.print("streamed: " + SECRET.substring(0, 5));
        exit.flush();
        exit.print(SECRET.substring(5, 20));
        exit.flush();
        exit.print(SECRET.substring(20) + " done\n");
        assertEquals("upstream rejected key [redacted]\nstreamed: [redacted] done\n", shown());
    }

    @Test void theStartOfASecretThatIsNotOneIsShownAtTheNextWriteOrAtTheEnd() {
        Running.secret(SECRET);
        exit.print("ends with hf_Safe");
        exit.print("ty first\nand hf_S");
        assertEquals("ends with hf_Safety first\nand hf_S", shown());
    }

    @Test void controlCharactersAreEscapedAndTermsStylesKept() {
        exit.print("\u001b[2mdim\u001b[0m \u001b]52;c;aGk=\u0007 \u001b[2J\r\u202e tab\there\n");
        assertEquals("\u001b[2mdim\u001b[0m \\u001b]52;c;aGk=\\u0007 \\u001b[2J\\u000d\\u202e tab\there\n", shown());
    }

    @Test void aStyleSplitOverTwoWritesIsStillAStyle() {
        exit.print("a\u001b[");
        exit.print("1mb\u001b");
        exit.print("[0m");
        assertEquals("a\u001b[1mb\u001b[0m", shown());
    }

    @Test void aCharacterSplitOverTwoWritesArrivesWhole() throws Exception {
        byte[] utf8 = "caf\u00e9 \ud83e\udd9e".getBytes(StandardCharsets.UTF_8);
        exit.write(utf8, 0, 4);
        exit.write(utf8, 4, 4);
        exit.write(utf8, 8, utf8.length - 8);
        assertEquals("caf\u00e9 \ud83e\udd9e", shown());
    }

    @Test void theSpinnersControlsGoThroughAsTheyAre() {
        exit.print("held hf_Saf");
        SafeOutput.control(exit, "\r| waiting");
        assertEquals("held hf_Saf\r| waiting", shown());
    }

    @Test void anExitIsWrappedOnce() {
        assertEquals(exit, SafeOutput.of(exit));
    }
}
