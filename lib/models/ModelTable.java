import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How a list of models is shown: a table sized to the terminal, one ref a line, or JSON. Pure functions. */
final class ModelTable {
    private ModelTable() { }

    /** What the config says about models, for the tags: default, fallback#N, alias:X. */
    record Marks(String primary, List<String> fallbacks, Map<String, String> aliases) {
        static Marks of(JsonValue config) {
            return new Marks(ConfigFile.string(config, ConfigFile.PRIMARY), ConfigFile.fallbacks(config),
                    ConfigFile.aliases(config));
        }
    }

    static List<String> tags(Model m, Marks marks) {
        List<String> tags = new ArrayList<>();
        if (marks.primary() != null && sameModel(marks.primary(), m)) tags.add("default");
        for (int i = 0; i < marks.fallbacks().size(); i++) if (sameModel(marks.fallbacks().get(i),
                m)) tags.add("fallback#" + (i + 1));
        for (Map.Entry<String, String> a : marks.aliases().entrySet()) if (sameModel(a.getValue(), m)) tags.add("alias:"
                + a.getKey());
        if (m.reasoning()) tags.add("reasoning");
        if (m.vision()) tags.add("vision");
        if (m.tools()) tags.add("tools");
        if (m.unlisted()) tags.add("unlisted");
        return tags;
    }

    /** The first alias the config gives this row's ref, or null. */
    static String alias(Model m, Marks marks) {
        for (Map.Entry<String, String> a : marks.aliases().entrySet()) if (sameModel(a.getValue(),
                m)) return a.getKey();
        return null;
    }

    /**
     * A configured ref is this row's: the same model ({@link ModelRef#sameId}) with the same suffix (a suffixed ref has
     * a row of its own).
     */
    private static boolean sameModel(String ref, Model m) { return new ModelRef(m.id(), m.suffix()).isRef(ref); }

    static final int MODEL = 0, NAME = 1, CTX = 2, IN = 3, OUT = 4, PROVIDERS = 5, TAGS = 6;

    /** A table as printed, and what had to give way for it to fit ({@code null}: nothing), for the line under it. */
    record Shown(String text, String gaveWay) { }

    /**
     * The table, fitted to the terminal's width (no limit in a pipe). A model's alias stands in its NAME cell
     * (the label the user chose). Price and context are what a user choosing a model needs, so they stay longest;
     * what gives way, in this order, until every line fits: a long PROVIDERS cell is cut to its first names and a
     * count ({@code groq,novita,+3}), NAME narrows, the descriptive tags go (reasoning, vision, tools: {@code default},
     * {@code fallback#N}, {@code alias:X} and {@code unlisted} stay), then NAME and PROVIDERS go, the
     * refs lose their {@code huggingface/}, then a long ref is cut, and only then the prices and CTX. Tags that still
     * do not fit go on under the TAGS column, never cut. {@link Shown#gaveWay} says what gave way.
     */
    static Shown table(List<Model> models, Marks marks, Term term) {
        List<String[]> rows = new ArrayList<>(models.size() + 1);
        List<List<String>> tags = new ArrayList<>(models.size() + 1);
        rows.add(new String[] {"MODEL", "NAME", "CTX", "IN $/M", "OUT $/M", "PROVIDERS", "TAGS"});
        tags.add(List.of("TAGS"));
        for (Model m : models) {
            List<String> all = tags(m, marks);
            String alias = alias(m, marks);
            rows.add(new String[] {Printable.line(m.ref()), Printable.line(alias != null ? alias : m.name()),
                    Figures.tokens(m.contextWindow()), Figures.price(m.costInput()), Figures.price(m.costOutput()),
                    Printable.line(providers(m)), Printable.line(joined(all))});
            tags.add(all);
        }
        int[] width = widths(rows);
        String gaveWay = Fit.fit(rows, tags, width, term.width());
        // Tags that still do not fit go on to lines of their own under the TAGS column, never cut.
        int tagsAt = total(width) - width[TAGS], room = term.width() > 0 ? term.width() - tagsAt : Integer.MAX_VALUE;
        StringBuilder sb = new StringBuilder(rows.size() * 128);
        for (int r = 0; r < rows.size(); r++) {
            int start = sb.length();
            String[] row = rows.get(r);
            List<String> tagLines = wrap(tags.get(r), room);
            for (int i = 0; i < tagLines.size(); i++) tagLines.set(i, Printable.line(tagLines.get(i)));
            row[TAGS] = tagLines.get(0);
            line(sb, row, width, CTX, OUT);
            if (r == 0 && term.colour()) sb.replace(start, sb.length(), term.bold(sb.substring(start)));
            sb.append('\n');
            for (String more : tagLines.subList(1, tagLines.size())) pad(sb, tagsAt).append(more).append('\n');
        }
        return new Shown(sb.toString(), gaveWay);
    }

    /**
     * {@code tags} as lines of at most {@code room} characters, a tag never split; a tag longer than that stands alone.
     */
    private static List<String> wrap(List<String> tags, int room) {
        String all = joined(tags);
        if (all.length() <= room) return new ArrayList<>(List.of(all));
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : tags) {
            if (line.length() > 0 && line.length() + 1 + word.length() > room) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** The width of a line: the kept columns and the two spaces between each. */
    static int total(int[] width) {
        int total = -2;
        for (int w : width) if (w >= 0) total += w + 2;
        return total;
    }

    /** The width of each column: its longest cell. */
    static int[] widths(List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) for (int i = 0; i < row.length; i++) width[i] = Math.max(width[i], row[i].length());
        return width;
    }

    /**
     * Rows as columns two spaces apart, each cell cut to its column's width; columns {@code rightFrom..rightTo}
     * right-aligned.
     */
    static List<String> columns(List<String[]> rows, int[] width, int rightFrom, int rightTo) {
        List<String> lines = new ArrayList<>(rows.size());
        StringBuilder line = new StringBuilder();
        for (String[] row : rows) {
            line.setLength(0);
            line(line, row, width, rightFrom, rightTo);
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * One row appended to {@code sb}, without trailing spaces. Written straight in, padding included:
     * this runs for every cell of a long table, cold, so it does as few steps per cell as it can.
     */
    private static void line(StringBuilder sb, String[] row, int[] width, int rightFrom, int rightTo) {
        int start = sb.length(), last = row.length - 1;
        while (last > 0 && width[last] < 0) last--;
        for (int i = 0; i <= last; i++) {
            if (width[i] < 0) continue;   // a column the terminal had no room for
            String cell = cut(row[i], width[i]);
            if (i >= rightFrom && i <= rightTo) {
                pad(sb, width[i] - cell.length()).append(cell);
            } else {
                sb.append(cell);
                if (i < last) pad(sb, width[i] - cell.length());
            }
            if (i < last) sb.append("  ");
        }
        int end = sb.length();
        while (end > start && sb.charAt(end - 1) == ' ') end--;
        sb.setLength(end);
    }

    private static final String SPACES = " ".repeat(64);

    private static StringBuilder pad(StringBuilder sb, int n) {
        for (; n > 0; n -= SPACES.length()) sb.append(SPACES, 0, Math.min(n, SPACES.length()));
        return sb;
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "\u2026";
    }

    private static String providers(Model m) {
        StringBuilder sb = new StringBuilder();
        for (RouterModel.Offer o : m.providers()) {
            if (!o.live()) continue;
            if (sb.length() > 0) sb.append(',');
            sb.append(o.provider());
        }
        return sb.length() == 0 ? "-" : sb.toString();
    }

    /**
     * {@code String.join(" ", tags)} by hand, as {@link #providers} joins: both run per row, cold (see {@link #line}).
     */
    static String joined(List<String> tags) {
        if (tags.isEmpty()) return "";
        StringBuilder sb = new StringBuilder(tags.get(0));
        for (int i = 1; i < tags.size(); i++) sb.append(' ').append(tags.get(i));
        return sb.toString();
    }

    static String plain(List<Model> models) {
        StringBuilder sb = new StringBuilder();
        for (Model m : models) sb.append(Printable.line(m.ref())).append('\n');
        return sb.toString();
    }

    static JsonValue json(List<Model> models, Marks marks, Discovery.Result found) {
        List<JsonValue> entries = new ArrayList<>();
        for (Model m : models) entries.add(ModelView.json(m, marks, false));
        return JsonValue.object(
                "count", JsonValue.of(models.size()),
                "source", JsonValue.of(found.source().json),
                "fetchedAt", found.fetchedAt() == null ? JsonValue.NULL
                        : JsonValue.of(UtcTime.format(found.fetchedAt())),
                "models", new JsonArray(entries));
    }

    /** The model as OpenClaw will treat it ({@link OpenClawFacts}); null when no provider list is known. */
    static JsonValue openClaw(Model m) {
        OpenClawFacts facts = OpenClawFacts.of(m);
        return facts == null ? JsonValue.NULL : facts.json();
    }

    static JsonValue offer(RouterModel.Offer o) {
        return JsonValue.object(
                "provider", JsonValue.of(o.provider()),
                "status", o.status() == null ? JsonValue.NULL : JsonValue.of(o.status()),
                "contextLength", o.contextLength() == null ? JsonValue.NULL : JsonValue.of(o.contextLength()),
                "pricing", JsonValue.object("input", JsonValue.orNull(o.priceIn()), "output",
                        JsonValue.orNull(o.priceOut())),
                "supportsTools", o.supportsTools() == null ? JsonValue.NULL : JsonValue.of(o.supportsTools()),
                "supportsStructuredOutput", o.supportsStructuredOutput() == null ? JsonValue.NULL
                        : JsonValue.of(o.supportsStructuredOutput()),
                "firstTokenLatencyMs", real(o.firstTokenLatencyMs()),
                "throughput", real(o.throughput()));
    }

    private static JsonValue real(Double value) {
        return value == null ? JsonValue.NULL : JsonValue.of(BigDecimal.valueOf(value).stripTrailingZeros());
    }
}
