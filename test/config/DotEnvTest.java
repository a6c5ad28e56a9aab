import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvTest {
    @TempDir Path tmp;

    @Test void readsTheUsualForms() throws Exception {
        Path f = tmp.resolve(".env");
        Files.writeString(f, """
                # tokens
                HF_TOKEN=hf_plain
                export A = spaced   # a comment
                B='single # not a comment'
                C="double\\nline"
                D=
                this is not a line
                E="unclosed
                A=second wins? no, first does
                """);
        DotEnv env = DotEnv.read(f);
        assertEquals(Map.of("HF_TOKEN", "hf_plain", "A", "spaced", "B", "single # not a comment", "C", "double\nline",
                "D", ""), env.values());
        assertEquals(List.of(f + ":7: not KEY=VALUE, skipped", f + ":8: not KEY=VALUE, skipped"), env.warnings());
    }

    @Test void storeReplacesOnlyThatKeysLine() throws Exception {
        Path f = tmp.resolve("state/.env");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "# mine\nOPENAI_API_KEY=sk-1\nexport HF_TOKEN=hf_old\nOTHER=x\n");
        DotEnv.store(f, "HF_TOKEN", "hf_new");
        assertEquals("# mine\nOPENAI_API_KEY=sk-1\nHF_TOKEN=hf_new\nOTHER=x\n", Files.readString(f));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test void storeAppendsToANewFile() throws Exception {
        Path f = tmp.resolve("new/.env");
        DotEnv.store(f, "HF_TOKEN", "hf_new");
        assertEquals("HF_TOKEN=hf_new\n", Files.readString(f));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f.getParent())));
    }

    /** A value is written so that it reads back the same: quoted when a space, a # or a quote would cut it. */
    @Test void storedValuesReadBackAsTheyWere() throws Exception {
        Path f = tmp.resolve("state/.env");
        for (String value : List.of("hf_plain", "hf_abc #x", "with space", "quote\"d", "back\\slash", "it's",
                "tab\there", "")) {
            DotEnv.store(f, "V", value);
            assertEquals(value, DotEnv.read(f).values().getOrDefault("V", ""), Files.readString(f));
        }
        DotEnv.store(f, "V", "hf_abc #x");
        assertEquals("V=\"hf_abc #x\"\n", Files.readString(f));
    }

    @Test void aNewStateFolderIsPrivateAllTheWayDown() throws Exception {
        Path state = tmp.resolve("home/.openclaw");
        DotEnv.store(state.resolve("cache/x.env"), "A", "b");
        for (Path folder : List.of(tmp.resolve("home"), state, state.resolve("cache"))) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)),
                    folder.toString());
        }
    }

    @Test void aLineThatIsNotUtf8IsAWarningTheRestCountsAndAStoreKeepsItsBytes() throws Exception {
        Path f = tmp.resolve(".env");
        byte[] latin1 = "A=1\nNAME=Jos\u00e9\nB=2\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(f, latin1);
        DotEnv env = DotEnv.read(f);
        assertEquals(Map.of("A", "1", "B", "2"), env.values());
        assertEquals(List.of(f + ":2: not UTF-8, skipped"), env.warnings());
        DotEnv.store(f, "HF_TOKEN", "hf_new");
        byte[] expected = "A=1\nNAME=Jos\u00e9\nB=2\nHF_TOKEN=hf_new\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals(new String(expected, java.nio.charset.StandardCharsets.ISO_8859_1),
                new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test void aCrlfFileStaysCrlf() throws Exception {
        Path f = tmp.resolve(".env");
        Files.writeString(f, "A=1\r\nHF_TOKEN=old\r\n");
        DotEnv.store(f, "HF_TOKEN", "hf_new");
        DotEnv.store(f, "B", "2");
        assertEquals("A=1\r\nHF_TOKEN=hf_new\r\nB=2\r\n", Files.readString(f));
    }

    @Test void aSymlinkedEnvFileStaysALink() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("dotfiles")).resolve("openclaw.env");
        Files.writeString(real, "A=1\n");
        Path link = Files.createDirectories(tmp.resolve("state")).resolve(".env");
        Files.createSymbolicLink(link, real);
        DotEnv.store(link, "HF_TOKEN", "hf_new");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("A=1\nHF_TOKEN=hf_new\n", Files.readString(real));
    }

    @Test void tempCopiesThatAKilledEditLeftAreTidiedWhenTheirProcessIsGone() throws Exception {
        Path state = Files.createDirectories(tmp.resolve("state"));
        Path dead = state.resolve("..env.999999999.0.tmp"), alive = state.resolve("..env.1.0.tmp"),
                other = state.resolve("..env.notes.tmp");
        for (Path p : List.of(dead, alive, other)) Files.writeString(p, "x");
        DotEnv.store(state.resolve(".env"), "A", "1");
        assertTrue(!Files.exists(dead) && Files.exists(alive) && Files.exists(other));
    }
}
