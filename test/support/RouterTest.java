import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The set-up most tests share, in one place: a {@link FakeRouter}, and a {@link TestEnv} in a folder of its own
 * that points the scripts at it as a user would ({@code HF_ROUTER_URL}, and {@code HF_ENDPOINT} for whoami: no test reaches huggingface.co). A test class extends it and adds its stubs
 * and variables in its own {@code @BeforeEach} (which JUnit runs after this one); after each test the router is
 * closed, which fails the test when a stub it was given was never asked for.
 */
abstract class RouterTest {
    @TempDir Path tmp;
    TestEnv t;
    FakeRouter router;

    @BeforeEach final void startTheRouter() throws Exception {
        router = new FakeRouter();
        t = new TestEnv(tmp).with("HF_ROUTER_URL", router.baseUrl()).with("HF_ENDPOINT", router.hubUrl());
    }

    @AfterEach final void closeTheRouter() { router.close(); }
}
