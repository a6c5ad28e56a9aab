import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** How a list of models is shown: a table, one ref a line, or JSON. Pure functions of the models. */
final class ModelTable {
    private ModelTable() { }

    static String table(List<Model> models) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"MODEL", "NAME", "CTX", "IN $/M", "OUT $/M", "TAGS"});
        for (Model m : models) {
            rows.add(new String[] {m.ref(), m.name(), tokens(m.contextWindow()), price(m.costInput()), price(m.costOutput()), String.join(" ", tags(m))});
        }
        int[] width = new int[6];
        for (String[] row : rows) for (int i = 0; i < row.length; i++) width[i] = Math.max(width[i], row[i].length());
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean numeric = i >= 2 && i <= 4;
                String cell = numeric ? " ".repeat(width[i] - row[i].length()) + row[i] : row[i] + " ".repeat(width[i] - row[i].length());
                line.append(cell).append(i + 1 < row.length ? "  " : "");
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    static String plain(List<Model> models) {
        StringBuilder sb = new StringBuilder();
        for (Model m : models) sb.append(m.ref()).append('\n');
        return sb.toString();
    }

    static JsonValue json(List<Model> models, String source, String fetchedAt) {
        List<JsonValue> entries = new ArrayList<>();
        for (Model m : models) {
            List<JsonValue> input = new ArrayList<>();
            for (String modality : m.input()) input.add(JsonValue.of(modality));
            List<JsonValue> tags = new ArrayList<>();
            for (String tag : tags(m)) tags.add(JsonValue.of(tag));
            entries.add(JsonValue.object(
                    "ref", JsonValue.of(m.ref()),
                    "id", JsonValue.of(m.id()),
                    "name", JsonValue.of(m.name()),
                    "contextWindow", JsonValue.of(m.contextWindow()),
                    "maxTokens", JsonValue.of(m.maxTokens()),
                    "reasoning", JsonValue.of(m.reasoning()),
                    "input", new JsonValue.JsonArray(input),
                    "cost", JsonValue.object("input", number(m.costInput()), "output", number(m.costOutput())),
                    "tags", new JsonValue.JsonArray(tags)));
        }
        return JsonValue.object(
                "count", JsonValue.of(models.size()),
                "source", JsonValue.of(source),
                "fetchedAt", fetchedAt == null ? JsonValue.NULL : JsonValue.of(fetchedAt),
                "models", new JsonValue.JsonArray(entries));
    }

    static List<String> tags(Model m) {
        List<String> tags = new ArrayList<>();
        if (m.reasoning()) tags.add("reasoning");
        if (m.vision()) tags.add("vision");
        return tags;
    }

    /** A token count as people say it: 131072 → 128k, 1048576 → 1M. */
    static String tokens(long n) {
        if (n <= 0) return "-";
        if (n >= 1 << 20 && n % (1 << 20) == 0) return n / (1 << 20) + "M";
        if (n >= 1024) return Math.round(n / 1024.0) + "k";
        return Long.toString(n);
    }

    static String price(BigDecimal usdPerMillion) {
        return usdPerMillion == null ? "-" : usdPerMillion.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static JsonValue number(BigDecimal value) {
        return value == null ? JsonValue.NULL : JsonValue.of(value);
    }
}
