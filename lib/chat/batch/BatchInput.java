import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The prompts of {@code chat --batch}, read one at a time (a million lines cost what one does): JSON Lines, each an
 * OpenAI batch request ({@code {"custom_id": ..., "body": {"model": ..., "messages": [...], ...}}}), a
 * {@code {"prompt": ...}} object (an optional {@code custom_id}) or a JSON string; or, with {@code --template} or a
 * {@code .csv} name, CSV with a header row, each row's prompt the template with {@code {column}} filled in. Blank lines
 * are skipped. Bad input fails naming the file, line and column, before that line is sent.
 */
final class BatchInput implements AutoCloseable {
    /** The longest line read: far above any model's context, far below what memory holds. */
    static final int MAX_LINE = 16 * 1024 * 1024;
    /** The body fields an OpenAI batch line may carry beyond model and messages, sent as given. */
    static final Set<String> BODY_FIELDS = Set.of("temperature", "max_tokens", "response_format", "top_p", "stop",
            "seed");

    private final BufferedReader reader;
    private final String shown;
    private final String template;
    private List<String> header;
    private long line;

    BatchInput(InputStream in, String shown, String template, boolean csv) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
        this.shown = shown;
        this.template = template != null ? template : csv ? "{prompt}" : null;
    }

    /** The next item, or null at the end of the input. */
    BatchItem next() throws IOException {
        while (true) {
            String text = line();
            if (text == null) return null;
            if (text.isBlank()) continue;
            if (template != null) {
                List<String> cells = CsvLine.cells(text, () -> line(), this::failure);
                if (header == null) {
                    header = cells;
                    for (String name : placeholders(template)) {
                        if (!header.contains(name)) throw new Cli.Failure(shown + ":" + line + ": the template names "
                                + "{" + name + "}, and the header has no such column (it has "
                                + String.join(", ", header) + ")");
                    }
                    continue;
                }
                return row(cells);
            }
            return jsonLine(text);
        }
    }

    private Cli.Failure failure(String why) { return new Cli.Failure(shown + ":" + line + ": " + why); }

    /** One physical line, without its end; null at the end of the input. */
    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = reader.read()) != -1 && c != '\n') {
            if (sb.length() >= MAX_LINE) throw failure("the line is longer than " + MAX_LINE / (1024 * 1024) + " MB");
            sb.append((char) c);
        }
        if (c == -1 && sb.length() == 0) return null;
        line++;
        int end = sb.length();
        if (end > 0 && sb.charAt(end - 1) == '\r') sb.setLength(end - 1);
        return sb.toString();
    }

    private BatchItem row(List<String> cells) {
        if (cells.size() != header.size()) throw failure(cells.size() + " cells, and the header has "
                + header.size());
        StringBuilder prompt = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i), close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                prompt.append(template, i, template.length());
                break;
            }
            prompt.append(template, i, open).append(cells.get(header.indexOf(template.substring(open + 1, close))));
            i = close + 1;
        }
        int idColumn = header.indexOf("custom_id") >= 0 ? header.indexOf("custom_id") : header.indexOf("id");
        String id = idColumn >= 0 && !cells.get(idColumn).isBlank() ? cells.get(idColumn) : BatchItem.lineId(line);
        return new BatchItem(line, id, null, List.of(ChatReport.message("user", prompt.toString())), null);
    }

    /** The {@code {name}}s of a template. */
    static List<String> placeholders(String template) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while ((i = template.indexOf('{', i)) >= 0) {
            int close = template.indexOf('}', i);
            if (close < 0) break;
            names.add(template.substring(i + 1, close));
            i = close + 1;
        }
        return names;
    }

    private BatchItem jsonLine(String text) {
        JsonValue value;
        try {
            value = Json.parse(text);
        } catch (JsonException e) {
            throw new Cli.Failure(e.onLine(shown, line));
        }
        if (value instanceof JsonString s) return new BatchItem(line, BatchItem.lineId(line), null,
                List.of(ChatReport.message("user", s.value())), null);
        if (!(value instanceof JsonObject o)) throw failure("a line is a JSON object or string, not "
                + value.describe());
        String id = o.get("custom_id") instanceof JsonString s && !s.value().isBlank() ? s.value()
                : BatchItem.lineId(line);
        if (o.get("prompt") instanceof JsonString p) return new BatchItem(line, id, null,
                List.of(ChatReport.message("user", p.value())), null);
        if (!(o.get("body") instanceof JsonObject body)) throw failure("a line needs \"prompt\" (a string) or "
                + "\"body\" (an OpenAI batch request)");
        if (!(body.get("messages") instanceof JsonArray messages) || messages.elements().isEmpty()) {
            throw failure("\"body\" needs \"messages\", a non-empty array");
        }
        for (JsonValue m : messages.elements()) {
            if (!(m instanceof JsonObject mo) || mo.string("role") == null) throw failure("each message needs a "
                    + "\"role\"");
        }
        String model = body.get("model") instanceof JsonString s ? s.value() : null;
        List<Object> rest = new ArrayList<>();
        for (var member : body.members().entrySet()) {
            if (BODY_FIELDS.contains(member.getKey())) {
                rest.add(member.getKey());
                rest.add(member.getValue());
            }
        }
        return new BatchItem(line, id, model, messages.elements(), rest.isEmpty() ? null
                : JsonValue.object(rest.toArray()));
    }

    @Override
    public void close() throws IOException { reader.close(); }
}
