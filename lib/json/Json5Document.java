import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A JSON5 text that can be edited without disturbing it. An edit replaces, inserts or removes the
 * bytes of one member or element; every comment, blank line, key order, quote style and trailing
 * comma elsewhere stays as it was. New members go after the last one, in the indentation, quote
 * style and comma style the file already uses. Each edit re-reads the text, so the document is
 * always valid JSON5 and {@link #value()} is always current.
 */
final class Json5Document {
    /** Where a value sits; objects and arrays also hold their members or elements. */
    static final class Node {
        final JsonValue value;
        final int start;
        final int end;
        final List<Member> members = new ArrayList<>();
        final List<Node> elements = new ArrayList<>();

        Node(JsonValue value, int start, int end) {
            this.value = value;
            this.start = start;
            this.end = end;
        }
    }

    record Member(String key, int keyStart, Node value) { }

    private String text;
    private Node root;

    /** Reads {@code text}; blank text is an empty object. Throws {@link JsonException} when it is not JSON5. */
    Json5Document(String text) {
        this.text = text.isBlank() ? "{}\n" : text;
        reparse();
        if (!(root.value instanceof JsonObject)) throw new JsonException("the top level is not an object",
                new TextPosition(1, 1));
    }

    String text() { return text; }

    JsonValue value() { return root.value; }

    /** The node at {@code path} (object keys), or null. */
    Node find(List<String> path) {
        Node node = root;
        for (String key : path) {
            node = member(node, key);
            if (node == null) return null;
        }
        return node;
    }

    /** Sets the value at {@code path}, making the objects on the way. Returns false when it was already that. */
    boolean set(List<String> path, JsonValue value) { return set(root, path, value); }

    /**
     * {@link #set} inside element {@code index} of the array at {@code arrayPath} (an object): one entry of a list
     * edited in place, the rest of it and of the file as they were.
     */
    boolean setInElement(List<String> arrayPath, int index, List<String> path, JsonValue value) {
        Node array = find(arrayPath);
        if (array == null || !(array.value instanceof JsonArray) || index >= array.elements.size()) {
            throw new IllegalArgumentException(String.join(".", arrayPath) + "[" + index + "] is not there");
        }
        return set(array.elements.get(index), path, value);
    }

    private boolean set(Node from, List<String> path, JsonValue value) {
        Node node = from;
        for (int i = 0; i < path.size(); i++) {
            Node next = member(node, path.get(i));
            if (next == null) {
                JsonValue wrapped = value;
                for (int j = path.size() - 1; j > i; j--) wrapped = JsonValue.object(path.get(j), wrapped);
                insertItem(node, path.get(i), wrapped);
                return true;
            }
            if (i + 1 < path.size() && !(next.value instanceof JsonObject)) {
                throw new JsonException(String.join(".", path.subList(0, i + 1)) + " is " + next.value.describe()
                        + ", not an object", TextPosition.of(text, next.start));
            }
            node = next;
        }
        if (node.value.equals(value)) return false;
        splice(node.start, node.end, render(value, indentOf(node.start), quoteOf(node)));
        return true;
    }

    /** Removes the member at {@code path}. Returns false when there was none. */
    boolean remove(List<String> path) {
        Node parent = find(path.subList(0, path.size() - 1));
        if (parent == null || !(parent.value instanceof JsonObject)) return false;
        String key = path.get(path.size() - 1);
        for (int i = parent.members.size() - 1; i >= 0; i--) {
            if (parent.members.get(i).key().equals(key)) {
                removeItem(parent, i);
                return true;
            }
        }
        return false;
    }

    /** Appends to the array at {@code path}, making it (and the objects on the way) when missing. */
    void append(List<String> path, JsonValue element) {
        Node array = find(path);
        if (array == null) {
            set(path, JsonValue.array(element));
            return;
        }
        if (!(array.value instanceof JsonArray)) {
            throw new JsonException(String.join(".", path) + " is " + array.value.describe() + ", not an array",
                    TextPosition.of(text, array.start));
        }
        insertItem(array, null, element);
    }

    /** Removes element {@code index} of the array at {@code path}. */
    void removeElement(List<String> path, int index) {
        removeItem(find(path), index);
    }

    // ---- reading

    private void reparse() {
        Deque<Node> open = new ArrayDeque<>();
        Deque<Member> pendingKeys = new ArrayDeque<>();
        Node[] result = new Node[1];
        Json5.parse(text, new JsonReader.Spans() {
            private String key;
            private int keyStart = -1;

            public void open(int start) {
                pendingKeys.push(new Member(key, keyStart, null));
                key = null;
                keyStart = -1;
                open.push(new Node(null, start, -1));
            }

            public void key(String name, int start, int end) {
                key = name;
                keyStart = start;
            }

            public void value(JsonValue value, int start, int end) {
                Node node;
                if (value instanceof JsonObject || value instanceof JsonArray) {
                    Node building = open.pop();
                    node = new Node(value, start, end);
                    node.members.addAll(building.members);
                    node.elements.addAll(building.elements);
                    Member outer = pendingKeys.pop();
                    key = outer.key();
                    keyStart = outer.keyStart();
                } else {
                    node = new Node(value, start, end);
                }
                if (open.isEmpty()) {
                    result[0] = node;
                } else if (key != null) {
                    open.peek().members.add(new Member(key, keyStart, node));
                } else {
                    open.peek().elements.add(node);
                }
                key = null;
                keyStart = -1;
            }
        });
        root = result[0];
    }

    private static Node member(Node object, String key) {
        if (!(object.value instanceof JsonObject)) return null;
        // The last of duplicate keys is the one that counts, as in the reader.
        for (int i = object.members.size() - 1; i >= 0; i--) {
            if (object.members.get(i).key().equals(key)) return object.members.get(i).value();
        }
        return null;
    }

    // ---- editing

    /** Inserts a member ({@code key} not null) or an element after the last one, in the file's style. */
    private void insertItem(Node container, String key, JsonValue value) {
        boolean object = key != null;
        int count = object ? container.members.size() : container.elements.size();
        String containerIndent = indentOf(container.start);
        if (count == 0) {
            String inner = text.substring(container.start + 1, container.end - 1);
            String itemIndent = containerIndent + indentUnit();
            String item = itemIndent + renderItem(key, value, itemIndent) + (usesTrailingCommas() ? "," : "");
            if (inner.isBlank()) {
                char close = text.charAt(container.end - 1);
                String opening = object ? "{" : "[";
                if (!object && isScalar(value)) {
                    splice(container.start, container.end, "[" + renderItem(null, value, containerIndent) + "]");
                } else {
                    splice(container.start, container.end, opening + "\n" + item + "\n" + containerIndent + close);
                }
            } else {
                // Only comments inside: the new item goes on its own line before the closing bracket.
                int closeLine = lineStart(container.end - 1);
                boolean closeAlone = text.substring(closeLine, container.end - 1).isBlank();
                int at = closeAlone ? closeLine : container.end - 1;
                splice(at, at, (closeAlone ? "" : "\n") + item + "\n" + (closeAlone ? "" : containerIndent));
            }
            return;
        }
        int lastStart = object ? container.members.get(count - 1).keyStart() : container.elements.get(count - 1).start;
        int lastEnd = object ? container.members.get(count - 1).value().end : container.elements.get(count - 1).end;
        int p = skipSpaces(lastEnd);
        boolean comma = text.charAt(p) == ',';
        int afterComma = comma ? p + 1 : lastEnd;
        int eol = endOfLineIfOnlyComment(afterComma);
        boolean ownLines = eol >= 0 && onlySpacesBefore(lastStart) && text.substring(container.start,
                lastStart).contains("\n");
        if (ownLines) {
            String itemIndent = indentOf(lastStart);
            String item = inFileStyle("\n" + itemIndent + renderItem(key, value, itemIndent) + (comma ? "," : ""));
            // Without a comma after the last item, one goes right after it (before any comment on its line).
            text = text.substring(0, lastEnd) + (comma ? "" : ",") + text.substring(lastEnd, eol) + item
                    + text.substring(eol);
            reparse();
        } else if (comma) {
            splice(afterComma, afterComma, " " + renderItem(key, value, containerIndent) + ",");
        } else {
            splice(lastEnd, lastEnd, ", " + renderItem(key, value, containerIndent));
        }
    }

    /** Removes member or element {@code index}, with its comma, and its whole line when it stood alone. */
    private void removeItem(Node container, int index) {
        boolean object = container.value instanceof JsonObject;
        int count = object ? container.members.size() : container.elements.size();
        int start = object ? container.members.get(index).keyStart() : container.elements.get(index).start;
        int end = object ? container.members.get(index).value().end : container.elements.get(index).end;
        int p = skipSpaces(end);
        boolean comma = text.charAt(p) == ',';
        int removeEnd = comma ? p + 1 : end;
        int eol = endOfLineIfOnlyComment(removeEnd);
        int from = start, to = removeEnd;
        int previousComma = -1;
        boolean ownLine = eol >= 0 && onlySpacesBefore(start) && eol < text.length();
        if (ownLine) {
            from = lineStart(start);
            to = eol + (text.startsWith("\r\n", eol) ? 2 : 1);
        } else if (comma) {
            to = skipSpaces(removeEnd);
        } else if (index > 0) {
            // The last item of an inline list: take the previous item's comma and the space after it.
            from = object ? container.members.get(index - 1).value().end : container.elements.get(index - 1).end;
        }
        if (ownLine && !comma && index > 0) {
            // The last item had no comma after it: take the previous item's comma too, keeping the file's style.
            int previousEnd = object ? container.members.get(index - 1).value().end
                    : container.elements.get(index - 1).end;
            int q = skipSpaces(previousEnd);
            if (text.charAt(q) == ',') previousComma = q;
        }
        if (count == 1 && text.substring(container.start + 1, from).isBlank() && text.substring(to,
                container.end - 1).isBlank()) {
            // The only item: what is left is an empty {} or [], as a person would write it.
            splice(container.start, container.end, object ? "{}" : "[]");
            return;
        }
        text = text.substring(0, from) + text.substring(to);
        if (previousComma >= 0) text = text.substring(0, previousComma) + text.substring(previousComma + 1);
        reparse();
    }

    /** The file's line end: CRLF when it has one, so that a CRLF file stays CRLF throughout; else LF. */
    private String lineEnd() { return text.contains("\r\n") ? "\r\n" : "\n"; }

    /** {@code inserted} with the file's line ends. */
    private String inFileStyle(String inserted) {
        return lineEnd().equals("\r\n") ? inserted.replace("\r\n", "\n").replace("\n", "\r\n") : inserted;
    }

    private void splice(int from, int to, String replacement) {
        replacement = inFileStyle(replacement);
        text = text.substring(0, from) + replacement + text.substring(to);
        reparse();
    }

    // ---- the file's style

    private String renderItem(String key, JsonValue value, String indent) {
        String rendered = render(value, indent, fileQuote());
        return key == null ? rendered : renderKey(key) + ": " + rendered;
    }

    private String renderKey(String key) {
        if (usesUnquotedKeys() && JsonWriter.isIdentifier(key)) return key;
        return JsonWriter.quote(key, fileQuote());
    }

    /** A value in the file's style; objects spread over lines, indented one step more than {@code indent}. */
    private String render(JsonValue value, String indent, char quote) {
        if (value instanceof JsonString s) return JsonWriter.quote(s.value(), quote);
        if (value instanceof JsonObject o && !o.members().isEmpty()) {
            StringBuilder sb = new StringBuilder("{");
            String inner = indent + indentUnit();
            int i = 0;
            for (Map.Entry<String, JsonValue> m : o.members().entrySet()) {
                sb.append('\n').append(inner).append(renderKey(m.getKey())).append(": ").append(render(m.getValue(),
                        inner, quote));
                if (++i < o.members().size() || usesTrailingCommas()) sb.append(',');
            }
            return sb.append('\n').append(indent).append('}').toString();
        }
        if (value instanceof JsonArray a && !a.elements().isEmpty()) {
            List<String> items = new ArrayList<>();
            for (JsonValue e : a.elements()) items.add(render(e, indent, quote));
            return "[" + String.join(", ", items) + "]";
        }
        return Json5.write(value);
    }

    private static boolean isScalar(JsonValue v) {
        return !(v instanceof JsonObject) && !(v instanceof JsonArray);
    }

    /** The quote a string value already uses, else the file's. */
    private char quoteOf(Node node) {
        char c = text.charAt(node.start);
        return node.value instanceof JsonString && (c == '\'' || c == '"') ? c : fileQuote();
    }

    /** The quote most strings in the file use; double when there are none. */
    private char fileQuote() {
        int[] counts = new int[2];
        visit(root, n -> {
            if (n.value instanceof JsonString) counts[text.charAt(n.start) == '\'' ? 1 : 0]++;
        });
        return counts[1] > counts[0] ? '\'' : '"';
    }

    /** True when any key is unquoted, or there are no keys yet (the JSON5 style of OpenClaw's docs). */
    private boolean usesUnquotedKeys() {
        boolean[] any = {false, false};
        visit(root, n -> {
            for (Member m : n.members) {
                any[0] = true;
                char c = text.charAt(m.keyStart());
                if (c != '"' && c != '\'') any[1] = true;
            }
        });
        return any[1] || !any[0];
    }

    /**
     * True when some multi-line object or array ends its last item with a comma; when none is multi-line, when the
     * file is not written as strict JSON would be (an unquoted key): a file of strict JSON gets none.
     */
    private boolean usesTrailingCommas() {
        int[] seen = {0, 0};
        visit(root, n -> {
            int count = n.members.size() + n.elements.size();
            if (count == 0 || !text.substring(n.start, n.end).contains("\n")) return;
            int end = n.members.isEmpty() ? n.elements.get(count - 1).end
                    : n.members.get(n.members.size() - 1).value().end;
            seen[text.charAt(skipSpaces(end)) == ',' ? 0 : 1]++;
        });
        return seen[0] > 0 || (seen[1] == 0 && usesUnquotedKeys());
    }

    /** The indentation step: the first member's indentation in the top-level object, else two spaces. */
    private String indentUnit() {
        for (Member m : root.members) {
            String indent = indentOf(m.keyStart());
            if (!indent.isEmpty() && onlySpacesBefore(m.keyStart())) return indent;
        }
        return "  ";
    }

    private void visit(Node node, java.util.function.Consumer<Node> action) {
        action.accept(node);
        for (Member m : node.members) visit(m.value(), action);
        for (Node e : node.elements) visit(e, action);
    }

    // ---- positions

    private int lineStart(int pos) {
        int i = pos;
        while (i > 0 && text.charAt(i - 1) != '\n') i--;
        return i;
    }

    private String indentOf(int pos) {
        int start = lineStart(pos), i = start;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
        return text.substring(start, i);
    }

    private boolean onlySpacesBefore(int pos) {
        return text.substring(lineStart(pos), pos).isBlank();
    }

    private int skipSpaces(int pos) {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) pos++;
        return pos;
    }

    /**
     * Where this line's end (its {@code \n}, or the {@code \r} of a {@code \r\n}) is when the rest of it is blank or a
     * comment; else -1.
     */
    private int endOfLineIfOnlyComment(int pos) {
        int p = skipSpaces(pos);
        int eol = text.indexOf('\n', p);
        if (eol < 0) eol = text.length();
        else if (eol > p && text.charAt(eol - 1) == '\r') eol--;
        String rest = text.substring(p, eol).strip();
        if (rest.isEmpty() || rest.startsWith("//") || (rest.startsWith("/*") && rest.endsWith("*/")
                && rest.indexOf("*/") == rest.length() - 2)) return eol;
        return -1;
    }
}
