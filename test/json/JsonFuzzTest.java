import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated documents (bytes flipped, cut, duplicated, spliced) either parse or fail with a
 * JsonException: never another exception, never a hang. Seeded, so a failure can be replayed.
 * {@code -Dfuzz.count=100000} for a long run; the time limit grows with the count.
 */
class JsonFuzzTest {
    static final String[] SEEDS = {
            """
            // OpenClaw config
            {
              agents: { defaults: { model: { primary: 'huggingface/deepseek-ai/DeepSeek-R1', fallbacks: [], }, }, },
              /* provider */ models: { mode: "merge", providers: { huggingface: { baseUrl: 'https://router.huggingface.co/v1', models: [0x1F, +.5, 5., NaN, -Infinity], }, }, },
              env: { "HF_TOKEN": "hf_x\\u0041\\x41\\
            continued" },
            }
            """,
            "{\"object\":\"list\",\"data\":[{\"id\":\"Qwen/Qwen3-8B\",\"created\":1727092999,\"providers\":[{\"provider\":\"groq\",\"pricing\":{\"input\":0.21,\"output\":-1.5e-3}}]}]}",
    };
    static final String ALPHABET = "{}[]:,'\"\\/*+-.0123456789eExXabfnrtuv INaNInfinity\n\r\t\u2028\u00a0\ud83d";

    @Test void mutatedDocumentsParseOrFailCleanly() {
        int count = Integer.getInteger("fuzz.count", 5000);
        int[] parsed = new int[1];
        assertTimeoutPreemptively(limit(count), () -> {
            Random random = new Random(20261121);
            for (int i = 0; i < count; i++) {
                String text = mutate(SEEDS[i % SEEDS.length], random);
                for (boolean json5 : new boolean[] {true, false}) {
                    try {
                        if (json5) Json5.parse(text); else Json.parse(text);
                        parsed[0]++;
                    } catch (JsonException expected) {
                        // a clean error
                    } catch (RuntimeException | StackOverflowError e) {
                        fail("case " + i + (json5 ? " (JSON5)" : " (JSON)") + ": " + e + " for "
                                + JsonWriter.quote(text));
                    }
                }
            }
        });
        // Both outcomes in good number: mutations that never parse, or never fail, would test little.
        assertTrue(parsed[0] >= count / 20 && parsed[0] <= 2 * count - count / 20, parsed[0] + " of " + 2 * count
                + " parsed");
    }

    /** A minute, and a millisecond more per case: far above a healthy run (about 0.1 ms a case), far below a hang. */
    static Duration limit(int count) { return Duration.ofSeconds(60).plusMillis(count); }

    static String mutate(String seed, Random random) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(4)) {
                case 0 -> sb.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 1 -> sb.setLength(at);
                case 2 -> sb.insert(at, sb.substring(at, Math.min(sb.length(), at + random.nextInt(20))));
                default -> sb.deleteCharAt(at);
            }
        }
        return sb.toString();
    }
}
