import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model question fits the terminal: a page too narrow for labels and refs shows the refs alone. */
class ModelPickerTest {
    static String page(int width) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        List<Model> models = Catalog.builtIn().models();
        String picked = new ModelPicker(Keyboard.lines(new BufferedReader(new StringReader("2\n")), out), out, models,
                width, null).pick();
        assertEquals("huggingface/deepseek-ai/DeepSeek-R1:cheapest", picked);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test void atEightyColumnsEveryLineFitsAndShowsTheRef() throws Exception {
        String shown = page(80);
        for (String line : shown.split("\n")) {
            if (line.startsWith("   ") || line.startsWith("  1")) assertTrue(line.length() <= 80, line);
        }
        assertTrue(shown.contains("\n   1) huggingface/deepseek-ai/DeepSeek-R1   \u2190 default\n"), shown);
    }

    @Test void wideEnoughItShowsLabelsToo() throws Exception {
        assertTrue(page(0).contains("\n   1) DeepSeek R1                          huggingface/deepseek-ai/DeepSeek-R1  "
                + " \u2190 default\n"));
    }
}
