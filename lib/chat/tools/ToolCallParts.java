import java.util.ArrayList;
import java.util.List;

/**
 * Tool calls put together from a stream's {@code delta.tool_calls} fragments, as HF providers send them: the name
 * and id on the first fragment and arguments in pieces after it; some leave {@code index} out, or {@code id} out of
 * later fragments, or send {@code ""} as id; one sends the arguments as an object rather than text. A fragment is
 * the call its index names, else the one its id names, else (neither) the last call begun.
 */
final class ToolCallParts {
    private static final class Part {
        Integer index;
        String id;
        String name;
        final StringBuilder arguments = new StringBuilder();
    }

    private final List<Part> parts = new ArrayList<>();
    private int size;

    /** Adds one fragment ({@code {index, id, type, function: {name, arguments}}}). */
    void add(JsonObject fragment) {
        Integer index = fragment.get("index") instanceof JsonNumber n ? Integer.valueOf((int) n.longValue()) : null;
        String id = fragment.string("id");
        if (id != null && id.isBlank()) id = null;
        Part part = find(index, id);
        if (part.index == null) part.index = index;
        if (part.id == null) part.id = id;
        JsonObject function = fragment.object("function");
        if (function == null) return;
        String name = function.string("name");
        if (part.name == null && name != null && !name.isBlank()) part.name = name;
        JsonValue arguments = function.get("arguments");
        String text = arguments instanceof JsonString s ? s.value() : arguments instanceof JsonObject o ? Json.write(o)
                : null;
        if (text != null) {
            part.arguments.append(text);
            size += text.length();
        }
    }

    /** Adds a whole call of a whole answer ({@code message.tool_calls[place]}), which is a call of its own. */
    void add(JsonObject call, int place) { add(call.with("index", JsonValue.of(place))); }

    private Part find(Integer index, String id) {
        for (Part p : parts) if (index != null && index.equals(p.index)) return p;
        for (Part p : parts) if (id != null && id.equals(p.id)) return p;
        if (index == null && id == null && !parts.isEmpty()) return parts.get(parts.size() - 1);
        Part p = new Part();
        parts.add(p);
        return p;
    }

    /** The characters of arguments so far: bounded with the answer's own. */
    int size() { return size; }

    boolean isEmpty() { return calls().isEmpty(); }

    /** The calls that have a name, in order; one without an id gets {@code call_N} (N: its place, from 1). */
    List<ToolCall> calls() {
        List<ToolCall> calls = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            if (p.name != null) calls.add(new ToolCall(p.id != null ? p.id : "call_" + (i + 1), p.name,
                    p.arguments.toString()));
        }
        return calls;
    }
}
