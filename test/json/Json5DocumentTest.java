import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each edit's exact resulting file: only the edited bytes change. */
class Json5DocumentTest {
    static final List<String> PRIMARY = List.of("agents", "defaults", "model", "primary");
    static final List<String> FALLBACKS = List.of("agents", "defaults", "model", "fallbacks");

    static final String CONFIG = """
            // OpenClaw config — hand-edited
            {
              /* who we are */
              agents: {
                defaults: {
                  model: {
                    primary: 'huggingface/deepseek-ai/DeepSeek-R1', // the default
                    fallbacks: [
                      'huggingface/Qwen/Qwen3-8B',
                    ],
                  },

                  workspace: "~/clawd",
                },
              },
              gateway: { port: 18789, bind: 'loopback' },
            }
            """;

    static String edit(String text, java.util.function.Consumer<Json5Document> change) {
        Json5Document doc = new Json5Document(text);
        change.accept(doc);
        return doc.text();
    }

    @Test void unchangedDocumentIsByteIdentical() {
        assertEquals(CONFIG, new Json5Document(CONFIG).text());
    }

    @Test void replacingAValueKeepsItsQuoteAndTheCommentAfterIt() {
        assertEquals(CONFIG.replace("'huggingface/deepseek-ai/DeepSeek-R1'", "'huggingface/Qwen/Qwen3-32B:cheapest'"),
                edit(CONFIG, d -> d.set(PRIMARY, JsonValue.of("huggingface/Qwen/Qwen3-32B:cheapest"))));
    }

    @Test void settingTheSameValueChangesNothing() {
        Json5Document doc = new Json5Document(CONFIG);
        assertFalse(doc.set(PRIMARY, JsonValue.of("huggingface/deepseek-ai/DeepSeek-R1")));
        assertEquals(CONFIG, doc.text());
    }

    @Test void appendingToAMultiLineArrayWithTrailingCommas() {
        assertEquals(CONFIG.replace("""
                          'huggingface/Qwen/Qwen3-8B',
                """, """
                          'huggingface/Qwen/Qwen3-8B',
                          'huggingface/openai/gpt-oss-120b',
                """), edit(CONFIG, d -> d.append(FALLBACKS, JsonValue.of("huggingface/openai/gpt-oss-120b"))));
    }

    @Test void removingTheOnlyElementLeavesAnEmptyArray() {
        assertEquals(CONFIG.replace("""
                [
                          'huggingface/Qwen/Qwen3-8B',
                        ],""", "[],"), edit(CONFIG, d -> d.removeElement(FALLBACKS, 0)));
    }

    @Test void newMemberGoesAfterTheLastInTheFileStyle() {
        assertEquals(CONFIG.replace("""
                      workspace: "~/clawd",
                """, """
                      workspace: "~/clawd",
                      models: {
                        'huggingface/deepseek-ai/DeepSeek-R1': {
                          alias: 'DeepSeek R1',
                        },
                      },
                """), edit(CONFIG, d -> d.set(List.of("agents", "defaults", "models", "huggingface/deepseek-ai/DeepSeek-R1", "alias"), JsonValue.of("DeepSeek R1"))));
    }

    @Test void newTopLevelMemberAfterAnInlineObject() {
        assertEquals(CONFIG.replace("""
                  gateway: { port: 18789, bind: 'loopback' },
                """, """
                  gateway: { port: 18789, bind: 'loopback' },
                  models: {
                    mode: 'merge',
                  },
                """), edit(CONFIG, d -> d.set(List.of("models", "mode"), JsonValue.of("merge"))));
    }

    @Test void newMemberInAnInlineObjectStaysInline() {
        assertEquals(CONFIG.replace("gateway: { port: 18789, bind: 'loopback' }",
                "gateway: { port: 18789, bind: 'loopback', mode: 'local' }"),
                edit(CONFIG, d -> d.set(List.of("gateway", "mode"), JsonValue.of("local"))));
    }

    @Test void removingAMemberTakesItsLineAndComment() {
        assertEquals(CONFIG.replace("""
                        primary: 'huggingface/deepseek-ai/DeepSeek-R1', // the default
                """, ""), edit(CONFIG, d -> d.remove(PRIMARY)));
    }

    @Test void plainJsonFileGetsQuotedKeysAndNoTrailingCommas() {
        String json = """
                {
                    "agents": {
                        "defaults": {
                            "model": {
                                "primary": "huggingface/deepseek-ai/DeepSeek-R1"
                            }
                        }
                    }
                }
                """;
        assertEquals("""
                {
                    "agents": {
                        "defaults": {
                            "model": {
                                "primary": "huggingface/deepseek-ai/DeepSeek-R1",
                                "fallbacks": ["huggingface/Qwen/Qwen3-8B"]
                            }
                        }
                    }
                }
                """, edit(json, d -> d.append(FALLBACKS, JsonValue.of("huggingface/Qwen/Qwen3-8B"))));
    }

    @Test void removingTheLastMemberOfAPlainJsonObjectTakesThePreviousComma() {
        String json = "{\n  \"a\": 1,\n  \"b\": 2\n}\n";
        assertEquals("{\n  \"a\": 1\n}\n", edit(json, d -> d.remove(List.of("b"))));
    }

    @Test void inlineArrayAppend() {
        assertEquals("{ fallbacks: ['a', 'b'] }\n", edit("{ fallbacks: ['a'] }\n", d -> d.append(List.of("fallbacks"),
                JsonValue.of("b"))));
        assertEquals("{ fallbacks: ['a'] }\n", edit("{ fallbacks: ['a', 'b'] }\n",
                d -> d.removeElement(List.of("fallbacks"), 1)));
        assertEquals("{ fallbacks: ['b'] }\n", edit("{ fallbacks: ['a', 'b'] }\n",
                d -> d.removeElement(List.of("fallbacks"), 0)));
    }

    @Test void emptyFileBecomesAJson5Config() {
        assertEquals("""
                {
                  agents: {
                    defaults: {
                      model: {
                        primary: "huggingface/deepseek-ai/DeepSeek-R1",
                      },
                    },
                  },
                }
                """, edit("", d -> d.set(PRIMARY, JsonValue.of("huggingface/deepseek-ai/DeepSeek-R1"))));
    }

    @Test void objectWithOnlyACommentGetsTheMemberBeforeItsClosingBrace() {
        assertEquals("{\n  // nothing yet\n  a: 1,\n}\n", edit("{\n  // nothing yet\n}\n", d -> d.set(List.of("a"),
                JsonValue.of(1))));
    }

    @Test void aValueInTheWayIsAnErrorWithItsPlace() {
        JsonException e = assertThrows(JsonException.class, () -> new Json5Document("{\n  agents: 'x',\n}").set(PRIMARY,
                JsonValue.of("y")));
        assertEquals("agents is the string \"x\", not an object at 2:11", e.getMessage());
    }

    @Test void topLevelMustBeAnObject() {
        assertEquals("the top level is not an object at 1:1", assertThrows(JsonException.class,
                () -> new Json5Document("[]")).getMessage());
    }

    @Test void duplicateKeysEditTheOneThatCounts() {
        assertEquals("{ a: 1, a: 3 }", edit("{ a: 1, a: 2 }", d -> d.set(List.of("a"), JsonValue.of(3))));
    }
    @Test void aFileOfStrictJsonOnOneLineStaysStrictJson() {
        Json5Document doc = new Json5Document("{\"agents\": {\"defaults\": {\"models\": {\"a/b\": {}}}}}\n");
        doc.set(java.util.List.of("agents", "defaults", "models", "a/b", "alias"), JsonValue.of("r1"));
        assertEquals("{\"agents\": {\"defaults\": {\"models\": {\"a/b\": {\n  \"alias\": \"r1\"\n}}}}}\n", doc.text());
        assertEquals("r1", Json.parse(doc.text()).asObject().stringAt(java.util.List.of("agents", "defaults", "models",
                "a/b", "alias")));
    }
}
