import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** onboard on a terminal, driven through the same prompts with typed lines, against the fake router and whoami. */
class OnboardWizardTest {
    static final String TOKEN = "hf_good_token_wxyz";

    @TempDir Path tmp;
    TestEnv t;
    FakeRouter hub;

    @BeforeEach void setUp() throws Exception {
        hub = new FakeRouter().answer("/api/whoami-v2", 200, OnboardTest.WHOAMI_FINE_GRAINED)
                .answer("/v1/models", 200, Repo.read("test/fixtures/router-models.json"));
        t = new TestEnv(tmp).with("HF_ENDPOINT", hub.hubUrl()).with("HF_ROUTER_URL", hub.baseUrl());
    }

    @AfterEach void tearDown() { hub.close(); }

    static final String MODELS_PAGE_1 = """

            Default Hugging Face model (page 1 of 2):
               1) DeepSeek R1                          huggingface/deepseek-ai/DeepSeek-R1   ← default
               2) DeepSeek R1 (cheapest)               huggingface/deepseek-ai/DeepSeek-R1:cheapest
               3) DeepSeek R1 (fastest)                huggingface/deepseek-ai/DeepSeek-R1:fastest
               4) Qwen3 8B (router)                    huggingface/Qwen/Qwen3-8B
               5) Qwen3 8B (router) (cheapest)         huggingface/Qwen/Qwen3-8B:cheapest
               6) Qwen3 8B (router) (fastest)          huggingface/Qwen/Qwen3-8B:fastest
               7) DeepSeek V4 Pro                      huggingface/deepseek-ai/DeepSeek-V4-Pro
               8) DeepSeek V4 Pro (cheapest)           huggingface/deepseek-ai/DeepSeek-V4-Pro:cheapest
               9) DeepSeek V4 Pro (fastest)            huggingface/deepseek-ai/DeepSeek-V4-Pro:fastest
              10) GLM 4.5V                             huggingface/zai-org/GLM-4.5V
            Number, text to filter, > or < to page, Enter for DeepSeek R1:\s""";

    @Test void aRejectedTokenIsAskedAgainThenAFilteredPickThatLocksTheProvider() {
        hub.answer("/api/whoami-v2", FakeRouter.Answer.json(401, "{\"error\":\"Invalid credentials\"}"),
                FakeRouter.Answer.json(200, OnboardTest.WHOAMI_FINE_GRAINED));
        Run r = t.onboardTyping("hf_typo\n" + TOKEN + "\nqwen\n2\n\n");
        assertEquals(0, r.status(), r.err());
        assertEquals("""
                Hugging Face Inference Providers for OpenClaw: nothing is written until you confirm at the end.

                A token with "Make calls to Inference Providers": https://huggingface.co/settings/tokens/new?ownUserPermissions=inference.serverless.write&tokenType=fineGrained
                Hugging Face token (input hidden): Hugging Face rejected the token (401). Try another one.
                A token with "Make calls to Inference Providers": https://huggingface.co/settings/tokens/new?ownUserPermissions=inference.serverless.write&tokenType=fineGrained
                Hugging Face token (input hidden): Signed in as example-user.
                """ + MODELS_PAGE_1 + """

                Default Hugging Face model matching "qwen" (page 1 of 1):
                   1) Qwen3 8B (router)                    huggingface/Qwen/Qwen3-8B
                   2) Qwen3 8B (router) (cheapest)         huggingface/Qwen/Qwen3-8B:cheapest
                   3) Qwen3 8B (router) (fastest)          huggingface/Qwen/Qwen3-8B:fastest
                Number, text to filter, > or < to page, Enter for DeepSeek R1: Provider locked — the router picks the backend by cost or speed.

                Ready to write:
                  ~/.openclaw/openclaw.json: default model huggingface/Qwen/Qwen3-8B:cheapest, its alias "Hugging Face" (unless it has one), auth profile huggingface:default, provider huggingface, its price for OpenClaw (in models.providers.huggingface.models[])
                  ~/.openclaw/.env: HF_TOKEN=hf_…xyz
                Write these? [Y/n] Wrote ~/.openclaw/openclaw.json: default model huggingface/Qwen/Qwen3-8B:cheapest, alias "Hugging Face", auth profile huggingface:default, provider huggingface (https://router.huggingface.co/v1), plugin huggingface enabled, local gateway (loopback, a token of its own), its price for OpenClaw (added in models.providers.huggingface.models[])
                Saved the token to ~/.openclaw/.env as HF_TOKEN (hf_…xyz)

                Next:
                  models list       the models you can use
                  chat "Hello"      a first question to huggingface/Qwen/Qwen3-8B:cheapest
                  models status     check the setup
                """, r.out());
        assertEquals("", r.err());
        assertEquals(Repo.read("test/fixtures/onboarded-qwen-cheapest.json5"),
                OnboardTest.withoutGatewayToken(t.read(t.config())));
        assertEquals("HF_TOKEN=" + TOKEN + "\n", t.read(t.state().resolve(".env")));
        assertEquals("Bearer " + TOKEN, hub.requests.get(hub.requests.size() - 1).authorization(),
                "the model list is asked for with the new token");
    }

    @Test void aFoundTokenIsOfferedAndABackendPinned() {
        t.with("HF_TOKEN", TOKEN);
        Run r = t.onboardTyping("\n\n2\ny\n");
        assertEquals(0, r.status(), r.err());
        String out = r.out();
        assertEquals(true, out.contains("confirm at the end.\n\nUse the token from environment variable HF_TOKEN "
                + "(hf_…xyz)? "
                + "[Y/n] Signed in as example-user.\n"), out);
        assertEquals(true, out.contains(MODELS_PAGE_1 + """

                Prefer a specific backend for deepseek-ai/DeepSeek-R1? (Enter: no, the router picks)
                  1) novita           $0.70 in / $2.50 out per 1M · 30 tok/s
                  2) together         $3.00 in / $7.00 out per 1M · 86 tok/s
                  3) featherless-ai   price not listed
                Backend [none]:\s
                Ready to write:
                """), out);
        assertEquals("huggingface/deepseek-ai/DeepSeek-R1:together", ConfigFile.string(Json5.parse(t.read(t.config())),
                ConfigFile.PRIMARY));
    }

    @Test void endOfInputAtAnyQuestionWritesNothing() {
        for (String typed : new String[] {"", TOKEN + "\n", TOKEN + "\n\n", TOKEN + "\n\n\n"}) {
            Run r = t.onboardTyping(typed);
            assertEquals(1, r.status(), typed);
            assertEquals("onboard: cancelled; nothing written\n", r.err());
            assertFalse(Files.exists(t.config()));
            assertFalse(Files.exists(t.state().resolve(".env")));
            assertFalse(Files.exists(t.state()), "not even the model list's cache: the banner says nothing is written");
        }
    }

    @Test void runAgainItOffersTheConfiguredDefaultAndEnterKeepsIt() {
        t.write(t.config(), "{ agents: { defaults: { model: { primary: 'huggingface/Qwen/Qwen3-8B:cheapest' } } } }");
        Run kept = t.onboardTyping(TOKEN + "\n\n\n");
        assertEquals(0, kept.status(), kept.err());
        assertEquals(true, kept.out().contains("""
                Default Hugging Face model (page 1 of 2):
                   1) Qwen3 8B (router) (cheapest)         huggingface/Qwen/Qwen3-8B:cheapest   ← default
                   2) DeepSeek R1                          huggingface/deepseek-ai/DeepSeek-R1
                """), kept.out());
        assertEquals(true, kept.out().contains("Enter for Qwen3 8B (router) (cheapest): Provider locked"), kept.out());
        assertEquals(true, kept.out().contains(": default model huggingface/Qwen/Qwen3-8B:cheapest, its alias"),
                kept.out());
        assertEquals("huggingface/Qwen/Qwen3-8B:cheapest", ConfigFile.string(Json5.parse(t.read(t.config())),
                ConfigFile.PRIMARY));
        Run replaced = t.onboardTyping(TOKEN + "\n2\n\n\n");
        assertEquals(true, replaced.out().contains(": default model huggingface/deepseek-ai/DeepSeek-R1 (was "
                + "huggingface/Qwen/Qwen3-8B:cheapest),"),
                replaced.out());
    }

    @Test void aDefaultTheListHasNoLineForIsOfferedFirstAsItIs() {
        t.write(t.config(), "{ agents: { defaults: { model: { primary: 'huggingface/deepseek-ai/DeepSeek-R1:together' "
                + "} } } }");
        Run r = t.onboardTyping(TOKEN + "\n\n\n");
        assertEquals(true, r.out().contains("   1) your current default                 "
                + "huggingface/deepseek-ai/DeepSeek-R1:together   ← default\n"),
                r.out());
        assertEquals("huggingface/deepseek-ai/DeepSeek-R1:together", ConfigFile.string(Json5.parse(t.read(t.config())),
                ConfigFile.PRIMARY));
    }

    @Test void declinedAtTheEnd() {
        Run r = t.onboardTyping(TOKEN + "\n\n\nn\n");
        assertEquals("onboard: nothing written\n", r.err());
        assertEquals(1, r.status());
        assertFalse(Files.exists(t.config()));
    }
}
