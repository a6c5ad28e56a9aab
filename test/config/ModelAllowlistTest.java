import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OpenClaw's model policy, never widened: each row is what the real OpenClaw 2026.9.6 was seen to write when its
 * own {@code models fallbacks add} (and {@code set}, {@code aliases add}) named a model in a config of that form
 * (.ci/interop checks the same against it).
 */
class ModelAllowlistTest {
    static final String R1 = "huggingface/deepseek-ai/DeepSeek-R1", QWEN = "huggingface/Qwen/Qwen3-8B";
    static final String MARKED = "meta: { migrations: { modelPolicyAllowlist: true } }";

    static JsonValue recorded(String defaults) {
        Json5Document doc = new Json5Document("{ agents: { defaults: { " + defaults + " } } }");
        ModelAllowlist.record(doc, R1);
        return Json5.parse(doc.text());
    }

    @Test void anEditRecordsTheModelAndNeverChangesTheAllowlist() {
        String[][] rows = {
                {"modelPolicy: { allow: [] }", "modelPolicy: { allow: [] }, models: { '" + R1 + "': {} }", MARKED},
                {"modelPolicy: { allow: ['huggingface/Qwen/*'] }",
                        "modelPolicy: { allow: ['huggingface/Qwen/*'] }, models: { '" + R1 + "': {} }", MARKED},
                {"modelPolicy: { allow: ['" + QWEN + "'] }", "modelPolicy: { allow: ['" + QWEN + "'] }, models: { '"
                        + R1 + "': {} }", MARKED},
                // A legacy map whose keys are all refs: migrated as OpenClaw's first write migrates it, the keys it
                // had.
                {"models: { '" + QWEN + "': {} }", "models: { '" + QWEN + "': {}, '" + R1
                        + "': {} }, modelPolicy: { allow: ['" + QWEN + "'] }", MARKED},
                // One OpenClaw cannot qualify: legacy it stays (and the entry widens it: see the notes).
                {"models: { 'gpt-4': {} }", "models: { 'gpt-4': {}, '" + R1 + "': {} }", null},
                {"", "models: { '" + R1 + "': {} }", MARKED},
        };
        for (String[] row : rows) {
            String expected = "{ agents: { defaults: { " + row[1] + " } }" + (row[2] == null ? "" : ", " + row[2])
                    + " }";
            assertEquals(Json5.parse(expected), recorded(row[0]), row[0]);
        }
    }

    @Test void whatThePolicyAllows() {
        Object[][] rows = {
                {"", QWEN, true},
                {"modelPolicy: { allow: [] }", R1, true},
                {"modelPolicy: { allow: ['huggingface/*'] }", R1, true},
                {"modelPolicy: { allow: ['HuggingFace/*'] }", R1, true},
                {"modelPolicy: { allow: ['huggingface/Qwen/*'] }", QWEN + ":cheapest", true},
                {"modelPolicy: { allow: ['huggingface/Qwen/*'] }", R1, false},
                {"modelPolicy: { allow: ['huggingface/Qwen/*'] }", "huggingface/QwenX/y", false},
                {"modelPolicy: { allow: ['" + QWEN + "'] }", QWEN, true},
                {"modelPolicy: { allow: ['" + QWEN + "'] }", QWEN + ":cheapest", false},
                {"modelPolicy: { allow: ['q8'] }, models: { '" + QWEN + "': { alias: 'q8' } }", QWEN, true},
                {"models: { '" + QWEN + "': {} }", QWEN, true},
                {"models: { '" + QWEN + "': {} }", R1, false},
        };
        for (Object[] row : rows) {
            assertEquals(row[2], ModelAllowlist.allows(Json5.parse("{ agents: { defaults: { " + row[0] + " } } }"),
                    (String) row[1]), row[0] + " / " + row[1]);
        }
    }

    @Test void theNotesSayHowOpenClawWillTreatTheModel() {
        JsonValue wildcard = Json5.parse("{ agents: { defaults: { modelPolicy: { allow: ['huggingface/Qwen/*'] } } } "
                + "}");
        assertEquals(List.of(R1
                + " is not allowed by agents.defaults.modelPolicy.allow (huggingface/Qwen/*); OpenClaw will refuse it"),
                ModelAllowlist.notes(wildcard, wildcard, R1, ModelAllowlist.Role.DEFAULT));
        JsonValue exact = Json5.parse("{ agents: { defaults: { modelPolicy: { allow: ['" + QWEN + "'] } } } }");
        assertEquals(List.of(R1 + " is not in agents.defaults.modelPolicy.allow (" + QWEN
                + "): OpenClaw runs it as the configured default, but refuses it"
                + " as a /model choice"), ModelAllowlist.notes(exact, exact, R1, ModelAllowlist.Role.DEFAULT));
        assertEquals(List.of(R1 + " is not allowed by agents.defaults.modelPolicy.allow (" + QWEN
                + "); OpenClaw will refuse it"),
                ModelAllowlist.notes(exact, exact, R1, ModelAllowlist.Role.ALIAS));
        JsonValue legacy = Json5.parse("{ agents: { defaults: { models: { 'gpt-4': {} } } } }");
        assertEquals(List.of("agents.defaults.models is OpenClaw's legacy allowlist (gpt-4; not every key names its "
                + "provider, so OpenClaw has not made it"
                + " agents.defaults.modelPolicy.allow): its entry for " + R1 + " lets OpenClaw use " + R1
                        + "; set agents.defaults.modelPolicy.allow to keep a"
                + " restriction of your own"), ModelAllowlist.notes(legacy, legacy, R1, ModelAllowlist.Role.FALLBACK));
        assertEquals(List.of(), ModelAllowlist.notes(wildcard, wildcard, QWEN, ModelAllowlist.Role.FALLBACK));
        assertEquals(true, ModelAllowlist.refusesAsDefault(wildcard, R1));
        assertEquals(false, ModelAllowlist.refusesAsDefault(exact, R1));
    }
}
