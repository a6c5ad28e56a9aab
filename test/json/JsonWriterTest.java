import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JsonWriterTest {
    static final JsonValue CONFIG = JsonValue.object(
            "agents", JsonValue.object("defaults", JsonValue.object("model", JsonValue.object(
                    "primary", JsonValue.of("huggingface/deepseek-ai/DeepSeek-R1"),
                    "fallbacks", JsonValue.array(JsonValue.of("huggingface/Qwen/Qwen3-8B"))))),
            "empty", JsonValue.object(),
            "list", JsonValue.array(),
            "auth-profile", JsonValue.of(true));

    @Test void compactJson() {
        assertEquals("{\"agents\":{\"defaults\":{\"model\":{\"primary\":\"huggingface/deepseek-ai/DeepSeek-R1\",\"fallbacks\":[\"huggingface/Qwen/Qwen3-8B\"]}}},\"empty\":{},\"list\":[],\"auth-profile\":true}",
                Json.write(CONFIG));
    }

    @Test void prettyJson() {
        assertEquals("""
                {
                  "agents": {
                    "defaults": {
                      "model": {
                        "primary": "huggingface/deepseek-ai/DeepSeek-R1",
                        "fallbacks": [
                          "huggingface/Qwen/Qwen3-8B"
                        ]
                      }
                    }
                  },
                  "empty": {},
                  "list": [],
                  "auth-profile": true
                }""", Json.pretty(CONFIG));
    }

    @Test void prettyJson5UnquotesIdentifiersAndEndsItemsWithCommas() {
        assertEquals("""
                {
                  agents: {
                    defaults: {
                      model: {
                        primary: "huggingface/deepseek-ai/DeepSeek-R1",
                        fallbacks: [
                          "huggingface/Qwen/Qwen3-8B",
                        ],
                      },
                    },
                  },
                  empty: {},
                  list: [],
                  "auth-profile": true,
                }""", Json5.pretty(CONFIG));
    }

    @Test void compactJson5() {
        assertEquals("{a:1,\"b c\":[true,null]}", Json5.write(Json5.parse("{a: 1, 'b c': [true, null,],}")));
    }

    @Test void escapesControlCharactersAndJavaScriptLineTerminators() {
        assertEquals("\"q\\\" b\\\\ \\n\\t\\u0001 \\u2028\\u2029 \u00e9\"",
                Json.write(JsonValue.of("q\" b\\ \n\t\u0001 \u2028\u2029 \u00e9")));
    }

    @Test void escapesLoneSurrogatesButNotPairs() {
        assertEquals("\"\\ud800 \ud83d\ude00\"", Json.write(JsonValue.of("\ud800 \ud83d\ude00")));
    }

    @Test void strictJsonRefusesNaNAndInfinity() {
        assertEquals("NaN cannot be written as JSON (JSON has no NaN or Infinity)", assertThrows(JsonException.class,
                () -> Json.write(Json5.parse("NaN"))).getMessage());
        assertEquals("-Infinity cannot be written as JSON (JSON has no NaN or Infinity)",
                assertThrows(JsonException.class, () -> Json.write(Json5.parse("[-Infinity]"))).getMessage());
        assertEquals("[NaN]", Json5.write(Json5.parse("[NaN]")));
    }

    @Test void strictJsonNormalisesJson5Numbers() {
        assertEquals("[31,1,0.5,5,-255,0]", Json.write(Json5.parse("[0x1F, +1, .5, 5., -0xff, 0x0]")));
    }

    @Test void roundTripsThroughBothReaders() {
        String pretty = Json.pretty(CONFIG);
        assertEquals(CONFIG, Json.parse(pretty));
        assertEquals(CONFIG, Json5.parse(Json5.pretty(CONFIG)));
    }
}
