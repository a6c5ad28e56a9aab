import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** models set | fallbacks | aliases | status against a real-looking config: exact output, exact file. */
class ConfigCommandsTest {
    static final String CONFIG = """
            // OpenClaw config (hand-written)
            {
              agents: {
                defaults: {
                  model: {
                    primary: "huggingface/deepseek-ai/DeepSeek-R1", // the default
                  },
                  workspace: "~/clawd",
                },
              },

              /* the gateway */
              gateway: { port: 18789 },
            }
            """;

    @TempDir java.nio.file.Path tmp;
    TestEnv t;

    @BeforeEach void setUp() {
        t = new TestEnv(tmp).cacheModelList(Repo.read("test/fixtures/router-models.json"));
        t.write(t.config(), CONFIG);
    }

    /** As OpenClaw's own set: the primary, the model's entry, the migration marker; never modelPolicy.allow. */
    @Test void setChangesThePrimaryAndRecordsTheModelAsOpenClawsSetDoes() {
        assertEquals(new Run(0,
                "Default model: huggingface/Qwen/Qwen3-8B:cheapest (was huggingface/deepseek-ai/DeepSeek-R1)\n", ""),
                        t.models("set", "Qwen/Qwen3-8B:cheapest"));
        assertEquals(CONFIG.replace("\"huggingface/deepseek-ai/DeepSeek-R1\"", "\"huggingface/Qwen/Qwen3-8B:cheapest\"")
                .replace("      workspace: \"~/clawd\",\n",
                        "      workspace: \"~/clawd\",\n      models: {\n        "
                                + "\"huggingface/Qwen/Qwen3-8B:cheapest\": {},\n      },\n")
                .replace("  gateway: { port: 18789 },\n",
                        "  gateway: { port: 18789 },\n  meta: {\n    migrations: {\n      modelPolicyAllowlist: "
                                + "true,\n    },\n  },\n"),
                t.read(t.config()));
        assertEquals(CONFIG, t.read(t.state().resolve("openclaw.json.bak")));
    }

    @Test void setIsIdempotentAndWritesNothingTheSecondTime() {
        assertEquals(new Run(0, "Default model is already huggingface/deepseek-ai/DeepSeek-R1\n", ""), t.models("set",
                "huggingface/deepseek-ai/DeepSeek-R1"));
        assertFalse(Files.exists(t.state().resolve("openclaw.json.bak")));
    }

    @Test void setRefusesABadSuffix() {
        assertEquals(new Run(2, "",
                "models: ':auto' is not a valid suffix: use :fastest, :cheapest, :preferred or :<provider> (e.g. "
                        + ":together)\nTry 'models --help' for more information.\n"),
                t.models("set", "deepseek-ai/DeepSeek-R1:auto"));
        assertEquals(CONFIG, t.read(t.config()));
    }

    @Test void setWithoutAModel() {
        assertEquals(new Run(2, "", "models: missing MODEL\nTry 'models --help' for more information.\n"),
                t.models("set"));
    }

    @Test void fallbacksAddListRemoveClear() {
        assertEquals(new Run(0, "No fallbacks.\n", ""), t.models("fallbacks"));
        assertEquals(new Run(0, "Added fallback #1: huggingface/Qwen/Qwen3-8B\n", ""), t.models("fallbacks", "add",
                "Qwen/Qwen3-8B"));
        assertEquals(new Run(0, "Added fallback #2: huggingface/deepseek-ai/DeepSeek-V4-Pro\n", ""),
                t.models("fallbacks", "add", "huggingface/deepseek-ai/DeepSeek-V4-Pro"));
        assertEquals(new Run(0, "huggingface/Qwen/Qwen3-8B is already fallback #1\n", ""), t.models("fallbacks", "add",
                "Qwen/Qwen3-8B"));
        // Each fallback is listed in agents.defaults.models too, as OpenClaw's own fallbacks add does, in the
        // current form (the marker), so that OpenClaw never reads the map as a legacy allowlist.
        assertEquals(withMarker(CONFIG.replace("""
                        primary: "huggingface/deepseek-ai/DeepSeek-R1", // the default
                """, """
                        primary: "huggingface/deepseek-ai/DeepSeek-R1", // the default
                        fallbacks: ["huggingface/Qwen/Qwen3-8B", "huggingface/deepseek-ai/DeepSeek-V4-Pro"],
                """).replace("""
                      workspace: "~/clawd",
                """, """
                      workspace: "~/clawd",
                      models: {
                        "huggingface/Qwen/Qwen3-8B": {},
                        "huggingface/deepseek-ai/DeepSeek-V4-Pro": {},
                      },
                """)), t.read(t.config()));
        assertEquals(new Run(0, "1. huggingface/Qwen/Qwen3-8B\n2. huggingface/deepseek-ai/DeepSeek-V4-Pro\n", ""),
                t.models("fallbacks", "list"));
        assertEquals(new Run(0, "Removed fallback huggingface/Qwen/Qwen3-8B\n", ""), t.models("fallbacks", "remove",
                "Qwen/Qwen3-8B"));
        assertEquals(new Run(1, "", "models: huggingface/Qwen/Qwen3-8B is not a fallback\n"), t.models("fallbacks",
                "remove", "Qwen/Qwen3-8B"));
        assertEquals(new Run(0, "Cleared 1 fallback.\n", ""), t.models("fallbacks", "clear"));
        assertEquals(new Run(0, "No fallbacks to clear.\n", ""), t.models("fallbacks", "clear"));
        assertEquals(withMarker(CONFIG.replace("""
                        primary: "huggingface/deepseek-ai/DeepSeek-R1", // the default
                """, """
                        primary: "huggingface/deepseek-ai/DeepSeek-R1", // the default
                        fallbacks: [],
                """).replace("""
                      workspace: "~/clawd",
                """, """
                      workspace: "~/clawd",
                      models: {
                        "huggingface/Qwen/Qwen3-8B": {},
                        "huggingface/deepseek-ai/DeepSeek-V4-Pro": {},
                      },
                """)), t.read(t.config()));
    }

    @Test void aliasesAddMoveRemove() {
        assertEquals(new Run(0, "Alias R1 -> huggingface/deepseek-ai/DeepSeek-R1\n", ""), t.models("aliases", "add",
                "R1", "deepseek-ai/DeepSeek-R1"));
        assertEquals(withMarker(CONFIG.replace("""
                      workspace: "~/clawd",
                """, """
                      workspace: "~/clawd",
                      models: {
                        "huggingface/deepseek-ai/DeepSeek-R1": {
                          alias: "R1",
                        },
                      },
                """)), t.read(t.config()));
        assertEquals(new Run(0, "Alias R1 already -> huggingface/deepseek-ai/DeepSeek-R1\n", ""), t.models("aliases",
                "add", "R1", "deepseek-ai/DeepSeek-R1"));
        assertEquals(new Run(0,
                "Alias R1 -> huggingface/deepseek-ai/DeepSeek-R1:cheapest (was huggingface/deepseek-ai/DeepSeek-R1)\n",
                        ""), t.models("aliases", "add", "R1", "deepseek-ai/DeepSeek-R1:cheapest"));
        assertEquals(new Run(0, "R1 -> huggingface/deepseek-ai/DeepSeek-R1:cheapest\n", ""), t.models("aliases"));
        assertEquals(new Run(0,
                "Default model: huggingface/deepseek-ai/DeepSeek-R1:cheapest (was "
                        + "huggingface/deepseek-ai/DeepSeek-R1)\n", ""), t.models("set", "R1"));
        assertEquals(new Run(0, "Removed alias R1 (was huggingface/deepseek-ai/DeepSeek-R1:cheapest)\n", ""),
                t.models("aliases", "remove", "R1"));
        assertEquals(new Run(1, "", "models: no alias R1\n"), t.models("aliases", "remove", "R1"));
        assertEquals(new Run(0, "No aliases.\n", ""), t.models("aliases", "list"));
    }

    /** The config with OpenClaw's marker of the current allowlist form added at its end. */
    static String withMarker(String config) {
        return config.replace("""
                  gateway: { port: 18789 },
                """, """
                  gateway: { port: 18789 },
                  meta: {
                    migrations: {
                      modelPolicyAllowlist: true,
                    },
                  },
                """);
    }

    @Test void anAliasThatLooksLikeARefIsRefused() {
        assertEquals(new Run(2, "",
                "models: 'openai/gpt-oss-120b' cannot be an alias: with a '/' or ':' it would look like a model ref\n"
                + "Try 'models --help' for more information.\n"), t.models("aliases", "add", "openai/gpt-oss-120b",
                        "Qwen/Qwen3-8B"));
        assertEquals(2, t.models("aliases", "add", "r1:fast", "deepseek-ai/DeepSeek-R1").status());
    }

    @Test void aSecondAliasForAModelSaysItReplacesTheFirst() {
        t.models("aliases", "add", "qwen8", "Qwen/Qwen3-8B");
        assertEquals(new Run(0,
                "Alias qwen -> huggingface/Qwen/Qwen3-8B in place of its alias qwen8 (a model has one alias)\n", ""),
                t.models("aliases", "add", "qwen", "Qwen/Qwen3-8B"));
        assertEquals(new Run(0, "qwen -> huggingface/Qwen/Qwen3-8B\n", ""), t.models("aliases"));
    }

    @Test void aRealRefAlwaysWinsOverAnAliasOfTheSameText() {
        // Only a hand-edited config can hold such an alias now; chat -m and set must still mean the ref.
        t.write(t.config(), "{ agents: { defaults: { models: { 'huggingface/Qwen/Qwen3-8B': { alias: "
                + "'deepseek-ai/DeepSeek-V4-Pro' } } } } }");
        // The map was OpenClaw's legacy allowlist: migrated as OpenClaw's own first write migrates it, and said.
        assertEquals(new Run(0,
                "Default model: huggingface/deepseek-ai/DeepSeek-V4-Pro\nNote: huggingface/deepseek-ai/DeepSeek-V4-Pro "
                        + "is not in"
                + " agents.defaults.modelPolicy.allow (huggingface/Qwen/Qwen3-8B): OpenClaw runs it as the configured "
                        + "default, but refuses it as a /model choice\n", ""),
                t.models("set", "deepseek-ai/DeepSeek-V4-Pro"));
        assertEquals("openai/gpt-oss-120b", ModelRef.resolve("openai/gpt-oss-120b",
                java.util.Map.of("openai/gpt-oss-120b", "huggingface/Qwen/Qwen3-8B")).id());
    }

    @Test void aModelIsNeverItsOwnFallbackNorTwiceInTheChain() {
        assertEquals(new Run(1, "",
                "models: huggingface/deepseek-ai/DeepSeek-R1 is the default model: a model cannot be its own "
                        + "fallback\n"),
                t.models("fallbacks", "add", "deepseek-ai/DeepSeek-R1"));
        t.models("fallbacks", "add", "Qwen/Qwen3-8B");
        assertEquals(new Run(0,
                "Default model: huggingface/Qwen/Qwen3-8B (was huggingface/deepseek-ai/DeepSeek-R1); no longer a "
                        + "fallback\n", ""),
                t.models("set", "Qwen/Qwen3-8B"));
        assertEquals(new Run(0, "No fallbacks.\n", ""), t.models("fallbacks"));
    }

    @Test void aCrlfConfigStaysCrlfThroughEdits() {
        String crlf = CONFIG.replace("\n", "\r\n");
        t.write(t.config(), crlf);
        t.models("fallbacks", "add", "Qwen/Qwen3-8B");
        t.models("aliases", "add", "R1", "deepseek-ai/DeepSeek-R1");
        t.models("fallbacks", "remove", "Qwen/Qwen3-8B");
        String after = t.read(t.config());
        assertFalse(after.replace("\r\n", "").contains("\n"), "a bare LF: " + JsonWriter.quote(after));
        assertEquals(Json5.parse(withMarker(CONFIG).replace("""
                      workspace: "~/clawd",
                """, """
                      workspace: "~/clawd",
                      models: {
                        "huggingface/Qwen/Qwen3-8B": {},
                        "huggingface/deepseek-ai/DeepSeek-R1": { alias: "R1" },
                      },
                """).replace("// the default\n", "// the default\n        fallbacks: [],\n")), Json5.parse(after));
    }

    @Test void aConfigThatIsNotUtf8IsNamedByLineAndColumn() throws Exception {
        Files.write(t.config(),
                "{\n  gateway: { name: \"caf\u00e9\" },\n}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(new Run(1, "", "models: ~/.openclaw/openclaw.json:2:24: not UTF-8 (byte 0xE9)\n"), t.models("set",
                "Qwen/Qwen3-8B"));
    }

    @Test void aConfigPathThatIsADeviceOrAFifoIsRefusedUnread() throws Exception {
        TestEnv device = new TestEnv(tmp.resolve("device")).with("OPENCLAW_CONFIG_PATH", "/dev/null");
        assertEquals(new Run(1, "",
                "models: /dev/null: cannot read (not a regular file: a device, a FIFO or a folder)\n"),
                        device.models("set", "Qwen/Qwen3-8B"));
        java.nio.file.Path fifo = tmp.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        TestEnv piped = new TestEnv(tmp.resolve("piped")).with("OPENCLAW_CONFIG_PATH", fifo.toString());
        assertEquals(new Run(1, "", "models: " + fifo
                + ": cannot read (not a regular file: a device, a FIFO or a folder)\n"), piped.models("status"));
    }

    @Test void aSymlinkedConfigStaysALinkAndItsTargetIsEdited() throws Exception {
        java.nio.file.Path dotfiles = Files.createDirectories(tmp.resolve("dotfiles"));
        java.nio.file.Path real = dotfiles.resolve("openclaw.json");
        Files.writeString(real, CONFIG);
        Files.delete(t.config());
        Files.createSymbolicLink(t.config(), real);
        assertEquals(0, t.models("set", "Qwen/Qwen3-8B").status());
        assertTrue(Files.isSymbolicLink(t.config()));
        assertTrue(Files.readString(real).contains("primary: \"huggingface/Qwen/Qwen3-8B\""));
        assertEquals(CONFIG, Files.readString(dotfiles.resolve("openclaw.json.bak")));
    }

    @Test void aBrokenConfigIsNeverWritten() {
        String broken = CONFIG.replace("workspace: \"~/clawd\",", "workspace: \"~/clawd\" oops,");
        t.write(t.config(), broken);
        assertEquals(new Run(1, "", "models: ~/.openclaw/openclaw.json:8:28: invalid character 'o'\n"), t.models("set",
                "Qwen/Qwen3-8B"));
        assertEquals(broken, t.read(t.config()));
        assertFalse(Files.exists(t.state().resolve("openclaw.json.bak")));
    }

    @Test void aValueOfTheWrongKindIsNamed() {
        t.write(t.config(), "{ agents: { defaults: { model: 'x' } } }");
        assertEquals(new Run(1, "",
                "models: ~/.openclaw/openclaw.json:1:32: agents.defaults.model is the string \"x\", not an object\n"),
                        t.models("set", "Qwen/Qwen3-8B"));
    }

    @Test void aNewConfigIsPrivate() throws Exception {
        TestEnv fresh = new TestEnv(tmp.resolve("fresh"));
        assertEquals(new Run(0, "Default model: huggingface/Qwen/Qwen3-8B\n",
                "models: warning: no model list is cached, so huggingface/Qwen/Qwen3-8B was not checked; 'models list' "
                        + "fetches one\n"), fresh.models("set", "Qwen/Qwen3-8B"));
        assertEquals("""
                {
                  agents: {
                    defaults: {
                      model: {
                        primary: "huggingface/Qwen/Qwen3-8B",
                      },
                      models: {
                        "huggingface/Qwen/Qwen3-8B": {},
                      },
                    },
                  },
                  meta: {
                    migrations: {
                      modelPolicyAllowlist: true,
                    },
                  },
                }
                """, fresh.read(fresh.config()));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.state())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.config())));
    }

    @Test void configPathFromTheEnvironment() {
        java.nio.file.Path custom = tmp.resolve("elsewhere/my.json5");
        t.with("OPENCLAW_CONFIG_PATH", custom.toString());
        assertEquals(0, t.models("set", "Qwen/Qwen3-8B").status());
        assertEquals(CONFIG, t.read(t.config()));
        assertEquals("huggingface/Qwen/Qwen3-8B", ConfigFile.string(Json5.parse(t.read(custom)), ConfigFile.PRIMARY));
    }

    @Test void statusWithoutToken() {
        assertEquals(new Run(0, """
                Config:     ~/.openclaw/openclaw.json
                Default:    huggingface/deepseek-ai/DeepSeek-R1
                Fallbacks:  (none)
                Aliases:    (none)
                Base URL:   https://router.huggingface.co/v1
                Bill to:    your own account (set HF_BILL_TO=ORG to bill an organization)
                Token:      no token (set HF_TOKEN, or run onboard)
                """, ""), t.models("status"));
        assertEquals(1, t.models("status", "--check").status());
    }

    @Test void statusWithToken() {
        t.with("HF_TOKEN", "hf_abcdefghijklmnopqrstuvwxyz").with("HF_ROUTER_URL", "http://127.0.0.1:9/v1/");
        t.models("fallbacks", "add", "Qwen/Qwen3-8B");
        t.models("aliases", "add", "R1", "deepseek-ai/DeepSeek-R1");
        assertEquals(new Run(0, """
                Config:     ~/.openclaw/openclaw.json
                Default:    huggingface/deepseek-ai/DeepSeek-R1
                Fallbacks:  huggingface/Qwen/Qwen3-8B
                Aliases:    R1 -> huggingface/deepseek-ai/DeepSeek-R1
                Base URL:   http://127.0.0.1:9/v1
                Bill to:    your own account (set HF_BILL_TO=ORG to bill an organization)
                Token:      hf_…wxyz from environment variable HF_TOKEN
                """, ""), t.models("status", "--check"));
        assertEquals(Json.parse("""
                {"configPath": "%s", "configExists": true, "primary": "huggingface/deepseek-ai/DeepSeek-R1",
                 "fallbacks": ["huggingface/Qwen/Qwen3-8B"], "aliases": {"R1": "huggingface/deepseek-ai/DeepSeek-R1"},
                 "baseUrl": "http://127.0.0.1:9/v1", "modelPolicy": null, "billTo": null, "token": {"source": "environment variable HF_TOKEN", "masked": "hf_…wxyz", "openClawReads": true}, "tokenBlocked": null,
                 "tokens": [{"source": "environment variable HF_TOKEN", "masked": "hf_…wxyz", "openClawReads": true}], "notes": []}
                """.formatted(t.config())), Json.parse(t.models("status", "--json").out()));
    }

    @Test void unknownFallbacksAction() {
        assertEquals(new Run(2, "",
                "models: unknown command ad (did you mean add?)\nTry 'models --help' for more information.\n"),
                        t.models("fallbacks", "ad", "x/y"));
    }
    @Test void editsNeverWidenTheAllowlistAndSayWhatOpenClawWillRefuse() {
        String policy = "{ agents: { defaults: { model: { primary: 'huggingface/Qwen/Qwen3-8B' }, modelPolicy: { "
                + "allow: ['huggingface/Qwen/*'] } } } }";
        t.write(t.config(), policy);
        assertEquals(new Run(0,
                "Added fallback #1: huggingface/deepseek-ai/DeepSeek-R1\nNote: huggingface/deepseek-ai/DeepSeek-R1 is "
                        + "not allowed by"
                + " agents.defaults.modelPolicy.allow (huggingface/Qwen/*); OpenClaw will refuse it\n", ""),
                        t.models("fallbacks", "add", "deepseek-ai/DeepSeek-R1"));
        assertEquals(new Run(0,
                "Alias r1 -> huggingface/deepseek-ai/DeepSeek-R1\nNote: huggingface/deepseek-ai/DeepSeek-R1 is not "
                        + "allowed by"
                + " agents.defaults.modelPolicy.allow (huggingface/Qwen/*); OpenClaw will refuse it\n", ""),
                        t.models("aliases", "add", "r1", "deepseek-ai/DeepSeek-R1"));
        assertEquals(List.of("huggingface/Qwen/*"), Json5.parse(t.read(t.config())).stringsAt(ModelAllowlist.ALLOW));
        assertEquals(0, t.with("HF_TOKEN", "hf_abcdefghijklmnopqrstuvwxyz").models("status", "--check").status(),
                "a fallback outside is said; the default is allowed");
        assertEquals(new Run(0,
                "Default model: huggingface/deepseek-ai/DeepSeek-R1 (was huggingface/Qwen/Qwen3-8B); no longer a "
                        + "fallback\nNote:"
                + " huggingface/deepseek-ai/DeepSeek-R1 is not allowed by agents.defaults.modelPolicy.allow "
                        + "(huggingface/Qwen/*); OpenClaw will refuse it\n", ""),
                t.models("set", "deepseek-ai/DeepSeek-R1"));
        Run status = t.models("status", "--check");
        assertEquals(1, status.status(), "OpenClaw would not run this default");
        assertTrue(status.out().contains("Allowed:    huggingface/Qwen/* (agents.defaults.modelPolicy.allow)\n"
                + "Bill to:"), status.out());
        assertTrue(status.out().contains("Note:       huggingface/deepseek-ai/DeepSeek-R1 is not allowed by "
                + "agents.defaults.modelPolicy.allow"
                + " (huggingface/Qwen/*); OpenClaw will refuse it\n"), status.out());
        assertEquals(Json.parse("{\"path\": \"agents.defaults.modelPolicy.allow\", \"allow\": "
                + "[\"huggingface/Qwen/*\"], \"defaultRefused\": true}"),
                Json.parse(t.models("status", "--json").out()).asObject().get("modelPolicy"));
    }

    @Test void aLegacyMapOpenClawCannotMigrateIsSaidToWiden() {
        t.write(t.config(), "{ agents: { defaults: { models: { 'gpt-4': {} } } } }");
        assertEquals(new Run(0,
                "Added fallback #1: huggingface/Qwen/Qwen3-8B\nNote: agents.defaults.models is OpenClaw's legacy "
                        + "allowlist (gpt-4; not every"
                + " key names its provider, so OpenClaw has not made it agents.defaults.modelPolicy.allow): its entry "
                        + "for huggingface/Qwen/Qwen3-8B lets OpenClaw use"
                + " huggingface/Qwen/Qwen3-8B; set agents.defaults.modelPolicy.allow to keep a restriction of your "
                        + "own\n", ""), t.models("fallbacks", "add", "Qwen/Qwen3-8B"));
        assertEquals(null, Json5.parse(t.read(t.config())).at(ModelAllowlist.POLICY));
    }
    /** OpenClaw's ring: .bak, .bak.1 ... .bak.4, the oldest dropped. */
    @Test void backupsRotateAsOpenClawsDo() {
        String[] refs = {"Qwen/Qwen3-8B", "deepseek-ai/DeepSeek-V3.1", "Qwen/Qwen3-32B", "deepseek-ai/DeepSeek-V3.2",
                "Qwen/Qwen2.5-7B-Instruct", "deepseek-ai/DeepSeek-R1"};
        for (String ref : refs) assertEquals(0, t.models("set", "--force", ref).status());
        java.util.List<String> primaries = new java.util.ArrayList<>();
        for (String suffix : new String[] {".bak", ".bak.1", ".bak.2", ".bak.3", ".bak.4"}) {
            primaries.add(ConfigFile.string(Json5.parse(t.read(t.state().resolve("openclaw.json" + suffix))),
                    ConfigFile.PRIMARY));
        }
        assertEquals(List.of("huggingface/Qwen/Qwen2.5-7B-Instruct", "huggingface/deepseek-ai/DeepSeek-V3.2",
                "huggingface/Qwen/Qwen3-32B",
                "huggingface/deepseek-ai/DeepSeek-V3.1", "huggingface/Qwen/Qwen3-8B"), primaries);
        assertFalse(Files.exists(t.state().resolve("openclaw.json.bak.5")));
    }

    @Test void aKilledEditsTempCopyGoesAtTheNextRead() throws Exception {
        Files.writeString(t.state().resolve(".openclaw.json.999999999.0.tmp"), "");
        assertEquals(0, t.models("status").status());
        assertFalse(Files.exists(t.state().resolve(".openclaw.json.999999999.0.tmp")));
    }
}
