import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The allowlist kept in step with the models we add, in whichever form OpenClaw 2026.9.6 finds in the file. */
class ModelAllowlistTest {
    static final String REF = "huggingface/Qwen/Qwen3-8B";

    static String allow(String config) {
        Json5Document doc = new Json5Document(config);
        ModelAllowlist.allow(doc, REF);
        return doc.text();
    }

    static String admit(String config) {
        Json5Document doc = new Json5Document(config);
        ModelAllowlist.admit(doc, REF);
        return doc.text();
    }

    @Test void aConfigWithoutAMapGetsTheEntryAndTheCurrentFormsMarker() {
        assertEquals(Json5.parse("{ agents: { defaults: { models: { \"" + REF + "\": {} } } }, meta: { migrations: { modelPolicyAllowlist: true } } }"),
                Json5.parse(allow("{}")));
    }

    @Test void theCurrentFormGetsTheEntryOnly() {
        String config = "{ meta: { migrations: { modelPolicyAllowlist: true } }, agents: { defaults: { models: { \"a/b\": {} } } } }";
        assertEquals(Json5.parse("{ meta: { migrations: { modelPolicyAllowlist: true } }, agents: { defaults: { models: { \"a/b\": {}, \"" + REF + "\": {} } } } }"),
                Json5.parse(allow(config)));
    }

    @Test void theMigratedFormGetsTheRefInItsAllowArray() {
        String config = "{ agents: { defaults: { modelPolicy: { allow: [\"huggingface/deepseek-ai/DeepSeek-R1\"] } } } }";
        assertEquals(Json5.parse("{ agents: { defaults: { modelPolicy: { allow: [\"huggingface/deepseek-ai/DeepSeek-R1\", \"" + REF + "\"] },"
                + " models: { \"" + REF + "\": {} } } }, meta: { migrations: { modelPolicyAllowlist: true } } }"), Json5.parse(allow(config)));
    }

    @Test void aLegacyMapStaysLegacyWithTheModelAllowedInIt() {
        String config = "{ agents: { defaults: { models: { \"huggingface/deepseek-ai/DeepSeek-R1\": { alias: \"R1\" } } } } }";
        assertEquals(Json5.parse("{ agents: { defaults: { models: { \"huggingface/deepseek-ai/DeepSeek-R1\": { alias: \"R1\" }, \"" + REF + "\": {} } } } }"),
                Json5.parse(allow(config)));
    }

    @Test void setAdmitsOnlyWhereAnAllowlistWouldRefuse() {
        assertEquals("{ agents: { defaults: { model: { primary: \"x/y\" } } } }", admit("{ agents: { defaults: { model: { primary: \"x/y\" } } } }"));
        String marked = "{ meta: { migrations: { modelPolicyAllowlist: true } }, agents: { defaults: { models: { \"a/b\": {} } } } }";
        assertEquals(marked, admit(marked));
        assertEquals(Json5.parse("{ agents: { defaults: { models: { \"a/b\": {}, \"" + REF + "\": {} } } } }"),
                Json5.parse(admit("{ agents: { defaults: { models: { \"a/b\": {} } } } }")));
        assertEquals(Json5.parse("{ agents: { defaults: { modelPolicy: { allow: [\"" + REF + "\"] } } } }"),
                Json5.parse(admit("{ agents: { defaults: { modelPolicy: { allow: [] } } } }")));
    }
}
