import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, for real: a 256 KB tmpfs (root only, so skipped elsewhere). An edit that cannot be written
 * leaves the config, its previous backup and the folder as they were. (Copying over the backup, as before,
 * deleted it first and then failed: the backup was gone.)
 */
@Tag("slow")
class FullDiskTest {
    @TempDir Path tmp;

    static int run(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    @Test void aWriteThatFailsOnAFullDiskKeepsTheConfigAndItsOldBackup() throws Exception {
        Path disk = Files.createDirectories(tmp.resolve("disk"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", disk.toString()) == 0,
                "cannot mount a tmpfs here (not root?)");
        try {
            TestEnv t = new TestEnv(tmp.resolve("t")).with("OPENCLAW_STATE_DIR", disk.resolve("state").toString());
            String config = "{ agents: { defaults: { model: { primary: \"huggingface/deepseek-ai/DeepSeek-R1\" } } }, "
                    + "pad: \"" + "x".repeat(60_000) + "\" }\n";
            String backup = "{ previous: true }\n";
            t.write(disk.resolve("state/openclaw.json"), config);
            t.write(disk.resolve("state/openclaw.json.bak"), backup);
            // Leave room for the new config's temp copy, not for the backup's: the write fails half-way.
            long free = Files.getFileStore(disk).getUsableSpace();
            Files.write(disk.resolve("filler"), new byte[(int) Math.max(0, free - 70 * 1024)]);
            Run r = t.models("set", "deepseek-ai/DeepSeek-V3.1", "--force");
            assertEquals(1, r.status(), r.out());
            assertTrue(r.err().contains("cannot write (no space left on device)"), r.err());
            assertEquals(config, t.read(disk.resolve("state/openclaw.json")));
            assertEquals(backup, t.read(disk.resolve("state/openclaw.json.bak")), "the old backup survives");
            try (var left = Files.list(disk.resolve("state"))) {
                assertEquals(java.util.List.of("openclaw.json", "openclaw.json.bak"),
                        left.map(p -> p.getFileName().toString()).sorted().toList());
            }
        } finally {
            run("umount", disk.toString());
        }
    }
}
