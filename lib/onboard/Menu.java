import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * A numbered menu on the terminal, one line an item ({@code   2) together ...}), the default marked; a number
 * picks, Enter takes the default, anything else asks again naming the range. Line by line, so that it works on any
 * terminal and from a pipe.
 */
final class Menu {
    /** What Enter gave: the caller's default (which may be "none"). */
    static final int ENTER = -1;

    private final Keyboard keyboard;
    private final PrintStream out;

    Menu(Keyboard keyboard, PrintStream out) {
        this.keyboard = keyboard;
        this.out = out;
    }

    /**
     * Shows {@code items} numbered from 1 ({@code marked}: the one shown as the default, or -1), asks {@code prompt}
     * until a number in range or Enter; returns the item's index, or {@link #ENTER}. {@code enter}: what Enter means
     * in the hint after a wrong answer ({@code the default}, {@code none}), or null when Enter is just the default.
     * End of input is null: the caller cancels.
     */
    Integer choose(List<String> items, int marked, String prompt, String enter) throws IOException {
        for (int i = 0; i < items.size(); i++) {
            out.println("  " + (i + 1) + ") " + items.get(i) + (i == marked ? "   \u2190 default" : ""));
        }
        while (true) {
            String answer = keyboard.line(prompt);
            if (answer == null) return null;
            String a = answer.strip();
            if (a.isEmpty()) return ENTER;
            if (a.matches("[0-9]{1,4}") && Integer.parseInt(a) >= 1
                    && Integer.parseInt(a) <= items.size()) return Integer.parseInt(a) - 1;
            out.println("Pick a number from 1 to " + items.size() + (enter == null ? "." : ", or Enter for " + enter
                    + "."));
        }
    }
}
