import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The numbered menu every onboarding step asks with: what each answer gives, and what is said until one fits. */
class MenuTest {
    record Asked(Integer chosen, String shown) { }

    static Asked choose(String typed, int marked, String enter) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Keyboard keyboard = Keyboard.lines(new BufferedReader(new StringReader(typed)), out);
        Integer chosen = new Menu(keyboard, out).choose(List.of("one", "two"), marked, "Choice: ", enter);
        return new Asked(chosen, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test void eachAnswer() throws Exception {
        Object[][] cases = {
            // typed, marked, Enter means, chosen, what the menu said after the items
            {"2\n", 0, "the default", 1, "Choice: "},
            {"\n", 0, "the default", Menu.ENTER, "Choice: "},
            {"3\n0\nx\n1\n", -1, "none", 0, "Choice: Pick a number from 1 to 2, or Enter for none.\n".repeat(3)
                    + "Choice: "},
            // end of input: null, the caller cancels
            {"9\n", 0, null, null, "Choice: Pick a number from 1 to 2.\nChoice: \n"},
        };
        for (Object[] c : cases) {
            Asked asked = choose((String) c[0], (int) c[1], (String) c[2]);
            String items = "  1) one" + ((int) c[1] == 0 ? "   \u2190 default" : "") + "\n  2) two\n";
            assertEquals(new Asked((Integer) c[3], items + c[4]), asked, (String) c[0]);
        }
    }
}
