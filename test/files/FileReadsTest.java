import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reading half of the file layer: bounded whatever a file says of its size, lines from the end. */
class FileReadsTest {
    @TempDir Path tmp;

    @Test void aReadIsBoundedByWhatItReadsNotByTheSizeTheFileClaims() throws Exception {
        // /proc files say they are empty and hold more: a file that changes size while read is no different.
        assertEquals("larger than 100 bytes, more than this reads",
                assertThrows(FileReads.TooLarge.class, () -> FileReads.bytes(Path.of("/proc/self/maps"),
                        100)).getMessage());
        Path file = Files.write(tmp.resolve("f"), new byte[5000]);
        assertEquals(5000, FileReads.bytes(file, 5000).length);
        assertThrows(FileReads.TooLarge.class, () -> FileReads.bytes(file, 4999));
    }

    @Test void linesFromTheEndSkipTornAndOverlongLines() throws Exception {
        byte[] cut = "caf\u00e9".getBytes(StandardCharsets.UTF_8);
        Path file = tmp.resolve("log");
        Files.write(file, ("one\n" + "x".repeat(50) + "\ntwo\n").getBytes(StandardCharsets.UTF_8));
        Files.write(file, java.util.Arrays.copyOf(cut, cut.length - 1), java.nio.file.StandardOpenOption.APPEND);
        List<String> lines = new ArrayList<>();
        FileReads.linesFromEnd(file, 40, lines::add);
        assertEquals(List.of("two", "one"), lines);
    }

    @Test void needlesPassOverLinesBeforeDecoding() throws Exception {
        Path file = Files.writeString(tmp.resolve("log"), "Alpha beta\nGAMMA\nalphabet\n");
        List<String> lines = new ArrayList<>();
        FileReads.linesFromEnd(file, 100, List.of(new FileReads.Needle("alpha".getBytes(StandardCharsets.US_ASCII),
                true)), lines::add);
        assertEquals(List.of("alphabet", "Alpha beta"), lines);
    }
}
