import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What reaches a terminal or pipe whose locale cannot show more than ASCII. */
class OutputTest {
    static String ascii(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(new Output.Ascii(bytes), true, StandardCharsets.UTF_8)) {
            out.print(text);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    @Test void ourCharactersBecomeAsciiStandIns() {
        assertEquals("11 models - built-in catalog", ascii("11 models \u00b7 built-in catalog"));
        assertEquals("hf_...wxyz", ascii("hf_\u2026wxyz"));
        assertEquals("R1 -> huggingface/deepseek-ai/DeepSeek-R1   <- default - estimate",
                ascii("R1 \u2192 huggingface/deepseek-ai/DeepSeek-R1   \u2190 default \u2014 estimate"));
    }

    @Test void anythingElseBeyondAsciiIsOneQuestionMarkPerCharacter() {
        assertEquals("Gr??e, ?? ?", ascii("Gr\u00fc\u00dfe, \u4e16\u754c \ud83e\udd9e"));
    }

    @Test void streamsOtherThanTheProcesssOwnAreLeftAlone() {
        PrintStream mine = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertSame(mine, Output.forLocale(mine));
    }
}
