import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** onboard --non-interactive: the token, its check against a fake whoami, and the files it writes, byte for byte. */
class OnboardTest {
    static final String WHOAMI_FINE_GRAINED = Repo.read("test/fixtures/whoami-v2_finegrained.json");
    static final String TOKEN = "hf_onboard_token_wxyz";

    @TempDir Path tmp;
    TestEnv t;
    FakeRouter hub;

    @BeforeEach void setUp() throws Exception {
        hub = new FakeRouter().maybe("/api/whoami-v2", 200, WHOAMI_FINE_GRAINED);
        t = new TestEnv(tmp).with("HF_ENDPOINT", hub.hubUrl()).with("HF_ROUTER_URL", hub.baseUrl());
    }

    @AfterEach void tearDown() { hub.close(); }

    static String[] args(String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("--non-interactive", "--mode", "local", "--auth-choice",
                "huggingface-api-key"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test void theSpecsExampleOnAFreshMachine() {
        Run r = t.onboard("", args("--huggingface-api-key", TOKEN));
        assertEquals(0, r.status(), r.err());
        assertEquals("""
                Token OK: signed in to Hugging Face as example-user
                Wrote ~/.openclaw/openclaw.json: default model huggingface/deepseek-ai/DeepSeek-R1, alias "Hugging Face", auth profile huggingface:default, provider huggingface (https://router.huggingface.co/v1), plugin huggingface enabled, local gateway (loopback, a token of its own)
                Saved the token to ~/.openclaw/.env as HF_TOKEN (hf_…wxyz)

                Next:
                  models list       the models you can use
                  chat "Hello"      a first question to huggingface/deepseek-ai/DeepSeek-R1
                  models status     check the setup
                """, r.out());
        assertEquals("", r.err());
        assertEquals("""
                {
                  agents: {
                    defaults: {
                      model: {
                        primary: "huggingface/deepseek-ai/DeepSeek-R1",
                      },
                      models: {
                        "huggingface/deepseek-ai/DeepSeek-R1": {
                          alias: "Hugging Face",
                        },
                      },
                    },
                  },
                  meta: {
                    migrations: {
                      modelPolicyAllowlist: true,
                    },
                  },
                  auth: {
                    profiles: {
                      "huggingface:default": {
                        provider: "huggingface",
                        mode: "api_key",
                      },
                    },
                  },
                  models: {
                    mode: "merge",
                    providers: {
                      huggingface: {
                        baseUrl: "https://router.huggingface.co/v1",
                        api: "openai-completions",
                        models: [],
                      },
                    },
                  },
                  plugins: {
                    entries: {
                      huggingface: {
                        enabled: true,
                      },
                    },
                  },
                  gateway: {
                    mode: "local",
                    auth: {
                      mode: "token",
                      token: "TOKEN",
                    },
                    port: 18789,
                    bind: "loopback",
                    tailscale: {
                      mode: "off",
                    },
                  },
                }
                """, withoutGatewayToken(t.read(t.config())));
        assertEquals("HF_TOKEN=" + TOKEN + "\n", t.read(t.state().resolve(".env")));
        assertEquals("Bearer " + TOKEN, hub.requests.get(0).authorization());
        assertEquals("GET /api/whoami-v2", hub.requests.get(0).method() + " " + hub.requests.get(0).path());
        assertFalse(t.read(t.config()).contains(TOKEN), "the token never goes into openclaw.json");
        String gatewayToken = Json5.parse(t.read(t.config())).stringAt(java.util.List.of("gateway", "auth", "token"));
        assertTrue(gatewayToken.matches("[0-9a-f]{48}"), gatewayToken);
        Run status = t.models("status");
        assertFalse(status.out().contains(gatewayToken) || status.err().contains(gatewayToken),
                "the gateway's token is never shown");
    }

    @Test void anExistingConfigKeepsItsCommentsFallbacksAndModels() {
        t.write(t.config(), """
                // my OpenClaw setup
                {
                  agents: {
                    defaults: {
                      model: { primary: "anthropic/claude", fallbacks: ["huggingface/Qwen/Qwen3-8B"] }, // keep these
                    },
                  },
                  models: {
                    mode: "replace",
                    providers: { huggingface: { baseUrl: "https://proxy.example/v1", models: [{ id: "Qwen/Qwen3-8B", name: "Mine" }] } },
                  },
                }
                """);
        Run r = t.onboard("", args("--huggingface-api-key", TOKEN, "--model", "Qwen/Qwen3-8B:cheapest"));
        assertEquals(0, r.status(), r.err());
        assertEquals("""
                // my OpenClaw setup
                {
                  agents: {
                    defaults: {
                      model: { primary: "huggingface/Qwen/Qwen3-8B:cheapest", fallbacks: ["huggingface/Qwen/Qwen3-8B"] }, // keep these
                      models: {
                        "huggingface/Qwen/Qwen3-8B:cheapest": {
                          alias: "Hugging Face",
                        },
                      },
                    },
                  },
                  models: {
                    mode: "replace",
                    providers: { huggingface: { baseUrl: "https://proxy.example/v1", models: [{ id: "Qwen/Qwen3-8B", name: "Mine" }], api: "openai-completions" } },
                  },
                  meta: {
                    migrations: {
                      modelPolicyAllowlist: true,
                    },
                  },
                  auth: {
                    profiles: {
                      "huggingface:default": {
                        provider: "huggingface",
                        mode: "api_key",
                      },
                    },
                  },
                  plugins: {
                    entries: {
                      huggingface: {
                        enabled: true,
                      },
                    },
                  },
                  gateway: {
                    mode: "local",
                    auth: {
                      mode: "token",
                      token: "TOKEN",
                    },
                    port: 18789,
                    bind: "loopback",
                    tailscale: {
                      mode: "off",
                    },
                  },
                }
                """, withoutGatewayToken(t.read(t.config())));
        assertTrue(Files.exists(t.state().resolve("openclaw.json.bak")));
    }

    @Test void aSecondOnboardingKeepsTheDefaultItFindsAndSaysSo() {
        t.write(t.config(), "{ agents: { defaults: { model: { primary: \"huggingface/Qwen/Qwen3-8B:cheapest\" } } } "
                + "}\n");
        Run r = t.onboard("", args("--huggingface-api-key", TOKEN, "--skip-validation"));
        assertTrue(r.out().startsWith("Wrote ~/.openclaw/openclaw.json: kept default model "
                + "huggingface/Qwen/Qwen3-8B:cheapest, alias \"Hugging Face\", "), r.out());
        assertTrue(r.out().contains("  chat \"Hello\"      a first question to huggingface/Qwen/Qwen3-8B:cheapest\n"),
                r.out());
        JsonValue config = Json5.parse(t.read(t.config()));
        assertEquals("huggingface/Qwen/Qwen3-8B:cheapest", ConfigFile.string(config, ConfigFile.PRIMARY));
        assertEquals("huggingface/Qwen/Qwen3-8B:cheapest", ConfigFile.aliases(config).get("Hugging Face"));
        Run again = t.onboard("", args("--huggingface-api-key", TOKEN, "--skip-validation", "--model",
                "deepseek-ai/DeepSeek-R1"));
        assertTrue(again.out().startsWith("Wrote ~/.openclaw/openclaw.json: default model "
                + "huggingface/deepseek-ai/DeepSeek-R1, "), again.out());
    }

    @Test void aNewTokenWhileOpenClawKeepsItsOwnSaysWhichOneOpenClawUses() throws Exception {
        t.storeKeyLikeOpenClaw();
        Run r = t.onboard("", args("--huggingface-api-key", TOKEN, "--skip-validation"));
        assertEquals(0, r.status());
        assertEquals("onboard: warning: OpenClaw will not use it: it sends OpenClaw's stored key huggingface:default "
                + "(~/.openclaw/state/openclaw.sqlite) instead;"
                + " to switch OpenClaw to the new token, run: openclaw models auth paste-api-key --provider "
                        + "huggingface\n", r.err());
    }

    @Test void aBadByteInTheStateEnvFileIsAWarningAndOnboardingCompletes() throws Exception {
        Files.createDirectories(t.state());
        Files.write(t.state().resolve(".env"),
                "NAME=Jos\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Run r = t.onboard("", args("--huggingface-api-key", TOKEN, "--skip-validation"));
        assertEquals(0, r.status(), r.err());
        assertEquals("onboard: warning: " + t.state().resolve(".env") + ":1: not UTF-8, skipped\n", r.err());
        assertTrue(t.read(t.config()).contains("huggingface/deepseek-ai/DeepSeek-R1"));
        assertTrue(new String(Files.readAllBytes(t.state().resolve(".env")),
                java.nio.charset.StandardCharsets.ISO_8859_1).endsWith("NAME=Jos\u00e9\nHF_TOKEN=" + TOKEN + "\n"));
    }

    @Test void aTokenWithABomAndAZeroWidthSpaceIsCleanedAndOneWithAControlCharacterRefused() {
        Run r = t.onboard("", args("--huggingface-api-key", "\ufeff" + TOKEN + "\u200b\r\n", "--skip-validation"));
        assertEquals(0, r.status(), r.err());
        assertEquals("HF_TOKEN=" + TOKEN + "\n", t.read(t.state().resolve(".env")));
        Run bad = t.onboard("", args("--huggingface-api-key", "hf_abc\u0007defghijklmnopqrstuvwxyz",
                "--skip-validation"));
        assertEquals(new Run(1, "",
                "onboard: the token from --huggingface-api-key (hf_\u2026wxyz) holds a character no request can carry "
                        + "(U+0007);"
                + " copy it again, or run onboard; nothing written\n"), bad);
    }

    @Test void anAliasItAlreadyHasStays() {
        t.write(t.config(), "{ agents: { defaults: { models: { \"huggingface/deepseek-ai/DeepSeek-R1\": { alias: "
                + "\"R1\" } } } } }");
        t.onboard("", args("--huggingface-api-key", TOKEN));
        assertEquals("R1", ConfigFile.aliases(Json5.parse(t.read(t.config()))).keySet().iterator().next());
    }

    @Test void theKeyFromTheEnvironment() {
        t.with("HF_TOKEN", TOKEN);
        Run r = t.onboard("", args());
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("Using the token from environment variable HF_TOKEN (hf_…wxyz)\n"), r.out());
        assertEquals("HF_TOKEN=" + TOKEN + "\n", t.read(t.state().resolve(".env")));
    }

    @Test void theKeyFromStdin() {
        assertEquals(0, t.onboard(TOKEN + "\n", args("--huggingface-api-key", "-")).status());
        assertEquals("HF_TOKEN=" + TOKEN + "\n", t.read(t.state().resolve(".env")));
    }

    @Test void noKeyAnywhere() {
        assertEquals(new Run(1, "",
                "onboard: no Hugging Face token: pass --huggingface-api-key KEY (or - to read it from stdin), or set "
                        + "HF_TOKEN;"
                + " make one at " + Whoami.NEW_TOKEN_URL + "\n"), t.onboard("", args()));
        assertFalse(Files.exists(t.config()));
    }

    @Test void aRejectedKeyWritesNothing() {
        hub.answer("/api/whoami-v2", 401, "{\"error\":\"Invalid credentials in Authorization header\"}");
        assertEquals(new Run(1, "", "onboard: Hugging Face rejected the token (401); nothing written\n"), t.onboard("",
                args("--huggingface-api-key", TOKEN)));
        assertFalse(Files.exists(t.config()));
        assertFalse(Files.exists(t.state().resolve(".env")));
    }

    @Test void aKeyWithoutTheInferencePermissionWarnsAndGoesOn() {
        hub.answer("/api/whoami-v2", 200, WHOAMI_FINE_GRAINED.replace("\"inference.serverless.write\",", ""));
        Run r = t.onboard("", args("--huggingface-api-key", TOKEN));
        assertEquals(0, r.status());
        assertEquals("onboard: warning: the token of example-user lacks the \"Make calls to Inference Providers\" "
                + "permission (inference.serverless.write):"
                + " chat will be refused; make one that has it at " + Whoami.NEW_TOKEN_URL + "\n", r.err());
        assertTrue(Files.exists(t.config()));
    }

    @Test void noNetworkWarnsAndGoesOn() {
        String hubUrl = hub.hubUrl();
        hub.close();
        Run r = t.onboard("", args("--huggingface-api-key", TOKEN));
        assertEquals(0, r.status());
        assertEquals("onboard: warning: could not check the token with " + hubUrl + " (cannot connect to "
                + hubUrl.substring(7) + "); going on\n", r.err());
        assertTrue(Files.exists(t.config()));
    }

    @Test void skipValidationAsksNobody() {
        assertEquals(0, t.onboard("", args("--huggingface-api-key", TOKEN, "--skip-validation")).status());
        assertEquals(List.of(), hub.requests);
    }

    @Test void usageErrors() {
        assertEquals(new Run(2, "",
                "onboard: invalid value for --auth-choice: 'openai-api-key' (valid: huggingface-api-key)\nTry 'onboard "
                        + "--help' for more information.\n"),
                t.onboard("", "--non-interactive", "--auth-choice", "openai-api-key"));
        assertEquals(new Run(2, "",
                "onboard: invalid value for --mode: 'remote' (valid: local)\nTry 'onboard --help' for more "
                        + "information.\n"),
                t.onboard("", "--non-interactive", "--mode", "remote"));
        assertEquals(new Run(2, "",
                "onboard: ':auto' is not a valid suffix: use :fastest, :cheapest, :preferred or :<provider> (e.g. "
                        + ":together)\nTry 'onboard --help' for more information.\n"),
                t.onboard("", args("--huggingface-api-key", TOKEN, "--model", "a/b:auto")));
        assertFalse(Files.exists(t.config()));
    }

    @Test void withoutATerminalItMustBeToldSo() {
        assertEquals(new Run(2, "",
                "onboard: not a terminal: add --non-interactive (with --huggingface-api-key KEY, or HF_TOKEN set)\nTry "
                        + "'onboard --help' for more information.\n"),
                t.onboard(""));
    }

    @Test void aBrokenConfigStopsEverything() {
        t.write(t.config(), "{ agents: { oops } }");
        Run r = t.onboard("", args("--huggingface-api-key", TOKEN));
        assertEquals(new Run(1, "", "onboard: ~/.openclaw/openclaw.json:1:18: invalid character '}'\n"), r);
        assertEquals(List.of(), hub.requests);
        assertFalse(Files.exists(t.state().resolve(".env")));
    }

    /** The config with the gateway's token (48 hex digits, new each onboarding) as TOKEN. */
    static String withoutGatewayToken(String config) { return config.replaceAll("token: \"[0-9a-f]{48}\"",
            "token: \"TOKEN\""); }
}
