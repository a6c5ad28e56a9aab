import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Billing to an organization at onboarding: the organizations whoami-v2 says the token can bill, offered and written.
 */
class OnboardBillingTest {
    static final String TOKEN = "hf_good_token_wxyz";
    /** The recorded fine-grained whoami, plus two paying organizations, and the token's permission for one of them. */
    static final String WHOAMI_WITH_ORGS = OnboardTest.WHOAMI_FINE_GRAINED
            .replace("\"orgs\":[]", "\"orgs\": [{\"type\": \"org\", \"name\": \"acme-labs\", \"canPay\": true},"
                    + " {\"type\": \"org\", \"name\": \"other-org\", \"canPay\": true}, {\"type\": \"org\", \"name\": "
                            + "\"free-org\", \"canPay\": false}]")
            .replace("\"scoped\":[",
                    "\"scoped\": [{\"entity\": {\"_id\": \"2\", \"type\": \"org\", \"name\": \"acme-labs\"}, "
                            + "\"permissions\": [\"inference.serverless.write\"]},"
                    + " {\"entity\": {\"_id\": \"3\", \"type\": \"org\", \"name\": \"free-org\"}, \"permissions\": "
                            + "[\"inference.serverless.write\"]},");

    @TempDir Path tmp;
    TestEnv t;
    FakeRouter hub;

    @BeforeEach void setUp() throws Exception {
        hub = new FakeRouter().maybe("/api/whoami-v2", 200, WHOAMI_WITH_ORGS).maybe("/v1/models", 200,
                Repo.read("test/fixtures/router-models.json"));
        t = new TestEnv(tmp).with("HF_ENDPOINT", hub.hubUrl()).with("HF_ROUTER_URL", hub.baseUrl());
    }

    @AfterEach void tearDown() { hub.close(); }

    @Test void onlyOrganizationsThatPayAndTheTokenMayBill() {
        assertTrue(WHOAMI_WITH_ORGS.contains("acme-labs"), "the fixture still has the shape this edits");
        assertEquals(List.of("acme-labs"), Whoami.of(Json.parse(WHOAMI_WITH_ORGS)).billable());
        String classic = "{\"name\":\"u\",\"orgs\":[{\"name\":\"a\",\"canPay\":true},{\"name\":\"b\"}],\"auth\":{\"accessToken\":{\"role\":\"write\"}}}";
        assertEquals(List.of("a"), Whoami.of(Json.parse(classic)).billable(),
                "a read or write token bills any paying organization");
    }

    @Test void theStepsOfferThemAndTheChoiceIsWritten() {
        Run r = t.onboardTyping(TOKEN + "\n\n\n2\n\n");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("""
                Bill inference to:
                  1) your account (example-user)   ← default
                  2) the organization acme-labs
                Choice:\s
                Ready to write:
                """), r.out());
        assertTrue(r.out().contains("inference billed to acme-labs (X-HF-Bill-To)"), r.out());
        assertEquals("acme-labs", ConfigFile.string(Json5.parse(t.read(t.config())), List.of("models", "providers",
                "huggingface", "headers", "X-HF-Bill-To")));
        assertTrue(t.models("status").out().contains("Bill to:    acme-labs (from config "
                + "models.providers.huggingface.headers.X-HF-Bill-To)\n"));
        // Onboarding again, the choice is the default; 1 goes back to the token's own account.
        Run again = t.onboardTyping("\n\n\n1\n\n");
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("  2) the organization acme-labs   ← default\n"), again.out());
        assertTrue(t.models("status").out().contains("Bill to:    your own account"));
    }

    @Test void nonInteractiveWritesItAndWarnsWhenTheTokenCannotBillIt() {
        Run r = t.onboard("", "--non-interactive", "--huggingface-api-key", TOKEN, "--bill-to", "other-org");
        assertEquals(0, r.status(), r.err());
        assertEquals("onboard: warning: Hugging Face does not list other-org as an organization this token can bill "
                + "(it lists: acme-labs)\n", r.err());
        assertTrue(t.models("status").out().contains("Bill to:    other-org (from config "
                + "models.providers.huggingface.headers.X-HF-Bill-To)\n"));
        t.with("HF_BILL_TO", "acme-labs");
        assertEquals(0, t.onboard("", "--non-interactive", "--huggingface-api-key", TOKEN).status());
        for (FakeRouter.Request request : hub.requests) assertEquals(null, request.header("X-HF-Bill-To"),
                "never on whoami: " + request.path());
        assertEquals(new Run(2, "",
                "onboard: --bill-to: 'a b' is not an organization name\nTry 'onboard --help' for more information.\n"),
                t.onboard("", "--non-interactive", "--bill-to", "a b"));
    }
}
