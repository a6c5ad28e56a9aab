import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The "Default Hugging Face model" question: every model with its {@code (cheapest)} and
 * {@code (fastest)} variants, the current default (else the first) preselected and shown first; typing text filters,
 * {@code >} and {@code <} page,
 * a number picks, Enter takes the preselected one. Line by line, so that it works on any terminal and
 * over any pipe; the same steps drive it in the tests.
 */
final class ModelPicker {
    static final int PAGE = 10;

    /** One line of the list: what is shown, and the ref it stands for. */
    record Choice(String label, String ref) { }

    private final Keyboard keyboard;
    private final PrintStream out;
    private final int width;
    private final List<Choice> all = new ArrayList<>();

    /**
     * {@code width}: the terminal's columns (0: no limit); a line that would not fit shows the ref alone.
     * {@code current}: the configured default (a ref), preselected as onboarding again keeps it, or null.
     */
    ModelPicker(Keyboard keyboard, PrintStream out, List<Model> models, int width, String current) {
        this.keyboard = keyboard;
        this.out = out;
        this.width = width;
        for (Model m : models) {
            if (m.suffix() != null) continue;   // a configured suffixed ref's row: its model's own line offers it
            ModelRef ref = ModelRef.parse(m.ref());
            all.add(new Choice(m.name(), ref.ref()));
            all.add(new Choice(m.name() + " (cheapest)", ref.withSuffix("cheapest").ref()));
            all.add(new Choice(m.name() + " (fastest)", ref.withSuffix("fastest").ref()));
        }
        ModelRef kept = current == null ? null : ModelRef.orNull(current);
        if (kept != null) {
            Choice found = null;
            for (Choice c : all) if (found == null && kept.isRef(c.ref())) found = c;
            // A default the list has no line for (a pinned provider, a model not listed) gets one, first.
            all.remove(found);
            all.add(0, found != null ? found : new Choice("your current default", kept.ref()));
        }
    }

    /** The chosen ref; null at end of input. */
    String pick() throws IOException {
        String filter = "";
        int page = 0;
        while (true) {
            List<Choice> shown = matching(filter);
            int pages = (shown.size() + PAGE - 1) / PAGE;
            page = Math.max(0, Math.min(page, pages - 1));
            out.println();
            out.println("Default Hugging Face model" + (filter.isEmpty() ? "" : " matching \"" + filter + "\"")
                    + " (page " + (page + 1) + " of " + pages + "):");
            List<String> lines = new ArrayList<>(), refsOnly = new ArrayList<>();
            boolean fits = true;
            for (int i = page * PAGE; i < Math.min(shown.size(), (page + 1) * PAGE); i++) {
                Choice c = shown.get(i);
                String mark = c == all.get(0) ? "   \u2190 default" : "";
                lines.add(String.format("  %2d) %-36s %s%s", i + 1, c.label(), c.ref(), mark));
                refsOnly.add(String.format("  %2d) %s%s", i + 1, c.ref(), mark));
                fits &= width <= 0 || lines.get(lines.size() - 1).length() <= width;
            }
            // The ref says all the label does, and is what gets written: a page too narrow for both shows refs.
            for (String line : fits ? lines : refsOnly) out.println(line);
            String answer = keyboard.line("Number, text to filter, > or < to page, Enter for " + all.get(0).label()
                    + ": ");
            if (answer == null) return null;
            answer = answer.strip();
            if (answer.isEmpty()) return all.get(0).ref();
            if (answer.equals(">")) {
                page++;
            } else if (answer.equals("<")) {
                page--;
            } else if (answer.chars().allMatch(Character::isDigit) && answer.length() < 6) {
                int n = Integer.parseInt(answer);
                if (n >= 1 && n <= shown.size()) return shown.get(n - 1).ref();
                out.println("No model number " + n + " here.");
            } else if (matching(answer).isEmpty()) {
                out.println("No model matches \"" + answer + "\".");
            } else {
                filter = answer;
                page = 0;
            }
        }
    }

    private List<Choice> matching(String filter) {
        if (filter.isEmpty()) return all;
        String f = filter.toLowerCase(Locale.ROOT);
        List<Choice> found = new ArrayList<>();
        for (Choice c : all) if (c.label().toLowerCase(Locale.ROOT).contains(f)
                || c.ref().toLowerCase(Locale.ROOT).contains(f)) found.add(c);
        return found;
    }
}
