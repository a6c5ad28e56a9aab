import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Billing inference to an organization: X-HF-Bill-To on chat completions only, from --bill-to, HF_BILL_TO or the
 * config.
 */
class BillToTest extends RouterTest {
    static final String R1 = "deepseek-ai/DeepSeek-R1";

    @BeforeEach void setUp() throws Exception {
        router.maybe("/v1/models", 200, Repo.read("test/fixtures/router-models.json"))
                .maybeChat(R1, FakeRouter.Answer.json(200, Repo.read("test/fixtures/chat/nostream_together.json")));
        t.with("HF_TOKEN", "hf_test_token_abcd");
    }

    @Test void sentOnChatNeverOnTheModelList() {
        t.with("HF_BILL_TO", "acme-labs");
        assertEquals(0, t.models("--refresh", "--plain").status());
        assertEquals(0, t.chat("", "--no-stream", "hello").status());
        assertEquals("/v1/models", router.requests.get(0).path());
        assertNull(router.requests.get(0).header("X-HF-Bill-To"), "not on /models");
        assertEquals("acme-labs", router.requests.get(1).header("X-HF-Bill-To"));
    }

    @Test void theFlagWinsThenTheEnvironmentThenTheConfig() {
        t.write(t.config(), "{ models: { providers: { huggingface: { headers: { 'X-HF-Bill-To': 'from-config' } } } } "
                + "}");
        t.chat("", "--no-stream", "hello");
        t.with("HF_BILL_TO", "from-env");
        t.chat("", "--no-stream", "hello");
        t.chat("", "--no-stream", "--bill-to", "from-flag", "hello");
        assertEquals(java.util.List.of("from-config", "from-env", "from-flag"),
                router.requests.stream().map(r -> r.header("X-HF-Bill-To")).toList());
    }

    @Test void statusShowsTheChoice() {
        assertTrue(t.models("status").out().contains("\nBill to:    your own account (set HF_BILL_TO=ORG to bill an "
                + "organization)\n"));
        t.with("HF_BILL_TO", "acme-labs");
        assertTrue(t.models("status").out().contains("\nBill to:    acme-labs (from environment variable "
                + "HF_BILL_TO)\n"), t.models("status").out());
        assertTrue(t.models("status",
                "--json").out().contains("\"billTo\": {\n    \"org\": \"acme-labs\",\n    \"source\": \"environment "
                        + "variable HF_BILL_TO\",\n"
                + "    \"openClaw\": null\n  },"), t.models("status", "--json").out());
        assertTrue(t.models("status").out().contains("\nNote:       environment variable HF_BILL_TO is this toolkit's "
                + "alone: OpenClaw bills the token's own account;"
                + " to bill acme-labs in OpenClaw too, set models.providers.huggingface.headers.X-HF-Bill-To to "
                        + "acme-labs\n"), t.models("status").out());
        t.write(t.config(), "{ models: { providers: { huggingface: { headers: { 'X-HF-Bill-To': 'acme-labs' } } } } }");
        assertTrue(!t.models("status").out().contains("alone"), t.models("status").out());
    }

    /** A 402 billed to an organization: what whoami-v2 says of it, each case its own line. */
    @Test void a402NamesTheOrganizationAndWhyItCannotPay() {
        String whoami = Repo.read("test/fixtures/whoami-v2_finegrained.json");
        String member = whoami.replace("\"orgs\":[]", "\"orgs\":[{\"name\":\"acme-labs\",\"canPay\":false}]");
        String[][] cases = {
            {whoami, "chat: example-user is not a member of acme-labs (whoami-v2 lists no organization); bill one of "
                    + "those, or drop --bill-to"},
            {member, "chat: acme-labs has no way to pay (whoami-v2: canPay false); an admin of acme-labs adds a "
                    + "payment method or credits at https://huggingface.co/organizations/acme-labs/settings/billing"},
            {member.replace("\"canPay\":false}", "\"canPay\":true}"), "chat: acme-labs can pay, but this token may "
                    + "not bill it: a fine-grained token needs inference.serverless.write for acme-labs; make one at "
                    + Whoami.NEW_TOKEN_URL},
        };
        router.chat(R1, FakeRouter.Answer.json(402,
                Repo.read("test/fixtures/chat/err_402_depleted_credits_2026-08.json")));
        for (String[] c : cases) {
            router.answer("/api/whoami-v2", 200, c[0]);
            Run r = t.chat("", "--no-stream", "--no-fallback", "--bill-to", "acme-labs", "hello");
            assertEquals(1, r.status());
            assertTrue(r.err().startsWith("chat: deepseek-ai/DeepSeek-R1: 402: the organization acme-labs (billed, "
                    + "from --bill-to) cannot pay: its credits are used up,"
                    + " or this token may not bill it; see "
                            + "https://huggingface.co/organizations/acme-labs/settings/billing"), r.err());
            assertTrue(r.err().endsWith(")\n" + c[1] + "\nchat: no model answered (1 attempt)\n"), r.err());
            assertEquals(null, router.requests.get(router.requests.size() - 1).header("X-HF-Bill-To"),
                    "whoami is never billed");
        }
    }

    @Test void aNameThatIsNotOneIsRefused() {
        assertEquals(new Run(2, "",
                "chat: --bill-to: 'acme labs' is not an organization name\nTry 'chat --help' for more information.\n"),
                t.chat("", "--bill-to", "acme labs", "hello"));
        t.with("HF_BILL_TO", "evil\r\nX-Other: 1");
        assertEquals(new Run(1, "",
                "chat: environment variable HF_BILL_TO: 'evil\\u000d\\u000aX-Other: 1' is not an organization name\n"),
                        t.chat("", "hello"));
        assertEquals(0, router.requests.size(), "nothing was sent");
    }
}
