import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A C locale (cron, systemd, slim containers), for real, on the JDK the tests run on (CI: 17 and 25): chat run by the
 * launcher every installed command and the ./jbang fast path run ({@link Launcher}) sends what was typed and prints
 * exact JSON; run by java alone, where nothing could fix the locale, it refuses rather than send U+FFFD.
 */
@Tag("slow")
class LocaleTest extends RouterTest {
    static final String R1 = "deepseek-ai/DeepSeek-R1";
    static final String ANSWER = "{\"object\":\"chat.completion\",\"model\":\"" + R1 + "\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"caf\u00e9 \u2713\"},\"finish_reason\":\"stop\"}]}";

    record Result(int status, String out, String err) { }

    /** A jar whose manifest names the test's class path (Main among it): what a launcher starts, as it starts ours. */
    Path jar() throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        List<String> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toAbsolutePath().toUri().toString());
        }
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
        Path jar = Files.createDirectories(tmp.resolve("v")).resolve("chat.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar;
    }

    Result run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.startsWith("HF_")
                || k.startsWith("OPENCLAW_"));
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("HOME", tmp.resolve("home").toString());
        pb.environment().put("OPENCLAW_STATE_DIR", tmp.resolve("state").toString());
        pb.environment().put("HF_ROUTER_URL", router.baseUrl());
        pb.environment().put("HF_TOKEN", "hf_localeTestToken0123");
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out, err);
    }

    String sent(int request) {
        return Json.parse(router.requests.get(request).body()).asObject().get("messages").asArray().get(0).asObject().string("content");
    }

    @Test void throughTheLauncherWhatWasTypedIsSentAndJsonIsExact() throws Exception {
        Path launcher = tmp.resolve("hf-chat");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Files.writeString(launcher, Launcher.fastPath(new Launcher.Target(java, jar(), "Main",
                Runtime.version().feature())));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        router.chat(R1, FakeRouter.Answer.json(200, ANSWER), FakeRouter.Answer.json(200, ANSWER));
        Result r = run(List.of(launcher.toString(), "chat", "--no-stream", "--json", "-s", "S\u00e9", "h\u00e9llo \u2713"));
        assertEquals(0, r.status(), r.err());
        assertEquals("h\u00e9llo \u2713",
                Json.parse(router.requests.get(0).body()).asObject().get("messages").asArray().get(1).asObject().string("content"));
        assertEquals("S\u00e9", sent(0), "the system prompt too");
        assertTrue(r.out().contains("\"content\": \"caf\\u00e9 \\u2713\""), r.out());
        assertTrue(r.out().chars().allMatch(c -> c < 0x80), "stdout is ASCII: " + r.out());
        assertTrue(r.err().chars().allMatch(c -> c < 0x80), "stderr is ASCII: " + r.err());
        Result plain = run(List.of(launcher.toString(), "chat", "--no-stream", "hi"));
        assertEquals(new Result(0, "caf? ?\n", "chat: " + R1 + "\n"), plain, "text out gets the ASCII stand-ins");
    }

    @Test void withoutALauncherSuchArgumentsAreRefusedAndNothingIsSent() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Result r = run(List.of(java, "-cp", System.getProperty("java.class.path"), "Main", "chat", "h\u00e9llo"));
        assertEquals(new Result(1, "",
                "chat: an argument holds characters this locale (LC_ALL=C, ANSI_X3.4-1968) cannot carry,"
                + " and Java read them as U+FFFD; run with a UTF-8 locale (LC_ALL=C.UTF-8), or give the text on stdin;"
                + " nothing was done\n"), r);
        assertEquals(List.of(), router.requests);
    }
}
