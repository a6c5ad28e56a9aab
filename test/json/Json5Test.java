import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Json5Test {
    static String error(String text) {
        return assertThrows(JsonException.class, () -> Json5.parse(text)).getMessage();
    }

    @Test void readsAnOpenClawConfig() {
        String config = """
                // OpenClaw config
                {
                  agents: {
                    defaults: {
                      model: { primary: 'huggingface/deepseek-ai/DeepSeek-R1', fallbacks: ["huggingface/Qwen/Qwen3-8B",], },
                      /* aliases */
                      models: { "huggingface/deepseek-ai/DeepSeek-R1": { alias: 'DeepSeek R1' } },
                    },
                  },
                }
                """;
        JsonValue v = Json5.parse(config);
        JsonObject model = v.asObject().get("agents").asObject().get("defaults").asObject().get("model").asObject();
        assertEquals("huggingface/deepseek-ai/DeepSeek-R1", model.get("primary").asString());
        assertEquals(JsonValue.array(JsonValue.of("huggingface/Qwen/Qwen3-8B")), model.get("fallbacks"));
    }

    @Test void sameValuesAsStrictJson() {
        String text = "{\"a\":[1,2.5,\"s\",null,true,{\"b\":false}]}";
        assertEquals(Json.parse(text), Json5.parse(text));
    }

    @Test void numbersKeepTheirSourceText() {
        JsonArray a = Json5.parse("[0x1F, +1, .5, 5., -Infinity, NaN, 1e3]").asArray();
        List<String> texts = new ArrayList<>();
        for (JsonValue v : a.elements()) texts.add(v.asNumber().text());
        assertEquals(List.of("0x1F", "+1", ".5", "5.", "-Infinity", "NaN", "1e3"), texts);
        assertEquals(31, a.get(0).asNumber().longValue());
        assertEquals(0.5, a.get(2).asNumber().doubleValue());
        assertEquals(Double.NEGATIVE_INFINITY, a.get(4).asNumber().doubleValue());
        assertEquals(-255, Json5.parse("-0xff").asNumber().longValue());
    }

    @Test void json5Escapes() {
        assertEquals("a'b\u000b\0A\u00e9cd", Json5.parse("'a\\'b\\v\\0\\x41\\u00e9c\\\nd'").asString());
        assertEquals("line continuation", Json5.parse("\"line \\\r\ncontinuation\"").asString());
        assertEquals("q", Json5.parse("'\\q'").asString());
    }

    @Test void unquotedKeysFollowEcmaScriptIdentifiers() {
        JsonObject o = Json5.parse("{ $a_1: 1, \u00e9t\u00e9: 2, \\u0061b: 3 }").asObject();
        assertEquals(List.of("$a_1", "\u00e9t\u00e9", "ab"), List.copyOf(o.members().keySet()));
    }

    @Test void extraWhitespace() {
        assertEquals(JsonValue.of(1), Json5.parse("\uFEFF\u00a0\u2028\u2029\u000b\f\u3000 1"));
    }

    @Test void invalidCharacter() { assertEquals("invalid character '#' at 3:5", error("{\n  a: 1,\n    #\n}")); }

    @Test void endOfInput() { assertEquals("invalid end of input at 1:4", error("[1,")); }

    @Test void unclosedBlockCommentEndsInsteadOfHanging() { assertEquals("invalid end of input at 1:12",
            error("{ /* open  ")); }

    @Test void keyCannotStartWithDigit() { assertEquals("invalid character '1' at 1:3", error("{ 1a: 1 }")); }

    @Test void octalEscapesAreRefused() { assertEquals("invalid character '1' at 1:3", error("'\\1'")); }

    @Test void leadingZeroIsRefused() { assertEquals("invalid character '7' at 1:2", error("07")); }

    @Test void lonePointIsRefused() { assertEquals("invalid character ']' at 1:3", error("[.]")); }

    @Test void emptyHexIsRefused() { assertEquals("invalid end of input at 1:3", error("0x")); }

    @Test void newlineInsideStringIsRefused() { assertEquals("invalid character '\\n' at 1:3", error("'a\nb'")); }

    @Test void nestingLimit() { assertEquals("nesting deeper than 1000 at 1:1001", error("{a:".repeat(0)
            + "[".repeat(1001))); }

    @Test void spansTellWhereEachKeyAndValueSits() {
        String text = "{ a: [1, 'x'], // c\n  b: {c: true} }";
        List<String> events = new ArrayList<>();
        Json5.parse(text, new JsonReader.Spans() {
            public void open(int start) { events.add("open@" + start); }
            public void key(String name, int start, int end) { events.add("key " + name + " " + text.substring(start,
                    end)); }
            public void value(JsonValue value, int start, int end) { events.add("value " + text.substring(start,
                    end)); }
        });
        assertEquals(List.of("open@0", "key a a", "open@5", "value 1", "value 'x'", "value [1, 'x']",
                "key b b", "open@25", "key c c", "value true", "value {c: true}", "value " + text), events);
    }
}
