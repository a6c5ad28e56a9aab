import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of mutated configs (bytes flipped, cut, duplicated, dropped): each either fails with a
 * clean JsonException or reads; and when it reads, an edit changes exactly the edited value — the
 * rest of the document means what it meant before. {@code -Dfuzz.count=100000} for a long run.
 */
class ConfigFuzzTest {
    static final String SEED = """
            // OpenClaw config
            {
              agents: {
                defaults: {
                  model: { primary: 'huggingface/deepseek-ai/DeepSeek-R1', fallbacks: ["huggingface/Qwen/Qwen3-8B",], },
                  models: { "huggingface/deepseek-ai/DeepSeek-R1": { alias: 'Hugging Face' } }, /* allowlist */
                },
              },
              models: { mode: "merge", providers: { huggingface: { baseUrl: 'https://router.huggingface.co/v1', api: "openai-completions", models: [], }, }, },
              gateway: { port: 18789, ratio: .5, big: 0xFF, off: -Infinity },
            }
            """;

    @Test void mutatedConfigsReadCleanlyAndEditLosslessly() {
        int count = Integer.getInteger("fuzz.count", 5000);
        int[] readAndEdited = assertTimeoutPreemptively(JsonFuzzTest.limit(count), () -> fuzz(count));
        // Enough of both to have tested something: about a fifth of the mutations still read.
        assertTrue(readAndEdited[0] >= count / 20 && readAndEdited[1] >= count / 20, readAndEdited[0] + " read, "
                + readAndEdited[1] + " edited of " + count);
    }

    /** The cases read and the cases edited. */
    private static int[] fuzz(int count) {
        Random random = new Random(42);
        int read = 0, edited = 0;
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String text = JsonFuzzTest.mutate(SEED, random);
            Json5Document doc;
            try {
                doc = new Json5Document(text);
                read++;
            } catch (JsonException expected) {
                continue;
            } catch (RuntimeException | StackOverflowError e) {
                fail("case " + i + ": " + e + " reading " + JsonWriter.quote(text));
                return null;
            }
            JsonValue before = doc.value();
            List<String> path = i % 2 == 0 ? ConfigFile.PRIMARY : List.of("agents", "defaults", "models",
                    "huggingface/Qwen/Qwen3-8B", "alias");
            try {
                doc.set(path, JsonValue.of("huggingface/x/y"));
            } catch (JsonException inTheWay) {
                continue; // a value of another kind on the path: reported, nothing changed
            } catch (RuntimeException | StackOverflowError e) {
                fail("case " + i + ": " + e + " editing " + JsonWriter.quote(text));
                return null;
            }
            edited++;
            assertEquals(with(before, path, JsonValue.of("huggingface/x/y")), Json5.parse(doc.text()), "case " + i
                    + ": " + JsonWriter.quote(text));
        }
        System.out.printf("ConfigFuzzTest: %d mutated configs, %d read, %d edited losslessly, %d ms%n", count, read,
                edited, (System.nanoTime() - started) / 1_000_000);
        return new int[] {read, edited};
    }

    /** The value with {@code path} set, made by hand: what the edited document must mean. */
    static JsonValue with(JsonValue root, List<String> path, JsonValue value) {
        if (path.isEmpty()) return value;
        Map<String, JsonValue> members = new LinkedHashMap<>(root.asObject().members());
        JsonValue child = members.get(path.get(0));
        members.put(path.get(0), with(child == null ? JsonValue.object() : child, path.subList(1, path.size()), value));
        return new JsonObject(members);
    }
}
