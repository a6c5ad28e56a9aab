import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The built-in model catalog, {@code catalog.json}, shipped at the root of the script's jar
 * ({@code //FILES catalog.json=../catalog.json}) so that it works offline and from a URL.
 */
record Catalog(String updated, List<Model> models) {
    static final String RESOURCE = "/catalog.json";

    private static Catalog loaded;

    /** The built-in catalog, read from the jar once per run. */
    static synchronized Catalog builtIn() {
        if (loaded == null) loaded = read();
        return loaded;
    }

    private static Catalog read() {
        try {
            String text = fromOwnJar();
            if (text == null) {
                try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
                    text = in != null ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : bundled();
                }
            }
            return parse(text, "catalog.json");
        } catch (IOException e) {
            throw new Cli.Failure("cannot read the built-in catalog: " + e.getMessage());
        }
    }

    /**
     * The file straight from the jar this class came from, or null when it did not come from a jar.
     * {@code getResource} first searches the JDK's own modules, opening the runtime image to do so:
     * about 6 ms of a cold start, for a file that can only be in our jar.
     */
    private static String fromOwnJar() throws IOException {
        CodeSource source = Catalog.class.getProtectionDomain().getCodeSource();
        if (source == null || !"file".equals(source.getLocation().getProtocol())
                || !source.getLocation().getPath().endsWith(".jar")) return null;
        try (ZipFile jar = new ZipFile(new File(source.getLocation().toURI()))) {
            ZipEntry entry = jar.getEntry(RESOURCE.substring(1));
            if (entry == null) return null;
            try (InputStream in = jar.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * The catalog of a single-file bundle (dist/*.java, made by .ci/bundle.java): there, this class is
     * nested in the script's class, which carries the file as its constant {@code CATALOG_JSON}.
     */
    private static String bundled() {
        try {
            return (String) Catalog.class.getNestHost().getDeclaredField("CATALOG_JSON").get(null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new Cli.Failure("the built-in catalog (catalog.json) is missing from this build");
        }
    }

    static Catalog parse(String text, String file) {
        try {
            JsonObject root = Json.parse(text).asObject();
            JsonValue updated = root.get("updated"), entries = root.get("models");
            if (updated == null || entries == null) throw new JsonException("needs \"updated\" and \"models\"");
            List<Model> models = new ArrayList<>();
            for (JsonValue m : entries.asArray().elements()) models.add(Model.fromJson(m));
            return new Catalog(updated.asString(), List.copyOf(models));
        } catch (JsonException e) {
            throw new Cli.Failure(e.inFile(file));
        }
    }
}
