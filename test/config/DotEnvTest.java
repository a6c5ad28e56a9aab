import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(Map.of("HF_TOKEN", "hf_plain", "A", "spaced", "B", "single # not a comment", "C", "double\nline", "D", ""), env.values());
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
        for (String value : List.of("hf_plain", "hf_abc #x", "with space", "quote\"d", "back\\slash", "it's", "tab\there", "")) {
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
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)), folder.toString());
        }
    }
}
