///usr/bin/env jbang "$0" "$@" ; exit $?
//
// models.java: the OpenClaw x Hugging Face toolkit's models script as one self-contained file: lib/ nested inside it, catalog.json embedded.
// Generated from commit 8f6aa9154e39 by `./jbang .ci/bundle.java`; do not edit: change scripts/ and lib/,
// then regenerate. Runs with plain `java models.java --help` on JDK 17+ (or `jbang models.java --help`).
//
//DESCRIPTION List and inspect Hugging Face router models for OpenClaw; edit the default model, fallbacks and aliases
//JAVA 17+
// Start-up is most of a run, so: string concatenation without invokedynamic bootstraps; one C1
// compiler thread (a second takes a small machine's CPU from the run itself); the default G1 collector
// (on JDK 17 only G1 maps the JDK's archived module graph: the serial GC costs 15 ms); no hsperfdata
// file (jps and jstat cannot see these short runs, nothing else changes); and JBang's class-data
// archive of the first run's classes, kept beside the jar (//CDS) and mapped into every later run,
// with the JVM's CDS warnings off (it prints them on stdout).
// Measured by test/bench/ModelsBench.java and ChatBench.java.
//JAVAC_OPTIONS -XDstringConcat=inline
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData -Xlog:cds*=off
//CDS
//FILES models.java

// The launcher of this bundle, and all the source launcher (java models.java) compiles on each run. The program
// is below it, each line behind "//| ": compiled on every run, as it was, it took 3.7 s a run. The first run
// compiles it once into ${XDG_CACHE_HOME:-~/.cache}/openclaw-hf/bundles/HASH-JDK/ (HASH: this file's SHA-256,
// so an edited or newer file is compiled again; JDK: the feature release, whose class files it runs), and every
// run loads it from there: 0.73 s a run on JDK 17 (0.78 s on 25) where java Hello.java takes 0.34 s (0.41 s),
// against 3.7 s before (test/bench/StartBench.java, 2026-12-08). Where no cache folder can be written, it
// compiles into a temporary folder, removed at exit.
class models {
    static final String NAME = "models";

    public static void main(String... args) throws Throwable {
        byte[] file = self();
        java.nio.file.Path dir = compiled(file);
        // The installer compiles the program from this source (--install), not from this launcher.
        System.setProperty("openclaw.bundle.source", dir.resolve(NAME + ".java").toString());
        java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {dir.resolve("classes")
                .toUri().toURL()}, ClassLoader.getPlatformClassLoader());   // not the class path: it has this class
        Thread.currentThread().setContextClassLoader(loader);
        try {
            java.lang.reflect.Method main = loader.loadClass(NAME).getMethod("main", String[].class);
            main.setAccessible(true);   // the program's class is package-private, as a script's is
            main.invoke(null, (Object) args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** This file: the source launcher names it; run by JBang, it is in the jar (//FILES). */
    static byte[] self() throws java.io.IOException {
        String source = System.getProperty("jdk.launcher.sourcefile");
        if (source != null) return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(source));
        try (java.io.InputStream in = models.class.getResourceAsStream("/" + NAME + ".java")) {
            if (in == null) throw new IllegalStateException(NAME + ".java: cannot find its own source; run it as "
                    + "java " + NAME + ".java");
            return in.readAllBytes();
        }
    }

    /** The folder holding the compiled program ({@code classes/}) and its source, made once. */
    static java.nio.file.Path compiled(byte[] file) throws Exception {
        StringBuilder key = new StringBuilder();
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(file);
        for (int i = 0; i < 16; i++) key.append(Character.forDigit(digest[i] >> 4 & 15, 16)).append(Character
                .forDigit(digest[i] & 15, 16));
        key.append('-').append(Runtime.version().feature());
        String xdg = System.getenv("XDG_CACHE_HOME"), home = System.getenv("HOME");
        java.nio.file.Path bundles = (xdg != null && xdg.startsWith("/") ? java.nio.file.Path.of(xdg)
                : java.nio.file.Path.of(home != null && home.startsWith("/") ? home : System.getProperty("user.home"),
                        ".cache")).resolve("openclaw-hf/bundles");
        java.nio.file.Path dir = bundles.resolve(key.toString());
        if (java.nio.file.Files.isRegularFile(dir.resolve("done")) && mine(dir)) return dir;
        java.nio.file.attribute.FileAttribute<?> only = java.nio.file.attribute.PosixFilePermissions
                .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        java.nio.file.Path work;
        try {
            java.nio.file.Files.createDirectories(bundles, only);
            work = java.nio.file.Files.createTempDirectory(bundles, ".compiling-", only);
        } catch (java.io.IOException | UnsupportedOperationException e) {
            dir = null;
            work = java.nio.file.Files.createTempDirectory("openclaw-hf-bundle-", only);
        }
        compile(file, work);
        if (dir == null) {
            removedAtExit(work);
            return work;
        }
        try {
            java.nio.file.Files.move(work, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException raced) {
            removedAtExit(work);   // another run made it first: its folder is as good as ours
            return java.nio.file.Files.isRegularFile(dir.resolve("done")) && mine(dir) ? dir : work;
        }
        return dir;
    }

    /** The lines behind "//| " as the program's source, compiled into work/classes; "done" says it finished. */
    static void compile(byte[] file, java.nio.file.Path work) throws Exception {
        StringBuilder program = new StringBuilder();
        for (String line : new String(file, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1)) {
            if (line.startsWith("//| ")) program.append(line, 4, line.length()).append('\n');
            else if (line.equals("//|")) program.append('\n');
        }
        java.nio.file.Path source = java.nio.file.Files.writeString(work.resolve(NAME + ".java"), program);
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        int status = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, said, said, "-d",
                work.resolve("classes").toString(), "-XDstringConcat=inline", "-proc:none", "-nowarn", "-encoding",
                "UTF-8", source.toString());
        if (status != 0) throw new IllegalStateException(NAME + ".java: the program does not compile: "
                + said.toString().lines().findFirst().orElse("javac failed"));
        java.nio.file.Files.writeString(work.resolve("done"), "");
    }

    static boolean mine(java.nio.file.Path dir) throws java.io.IOException {
        return java.nio.file.Files.getOwner(dir).getName().equals(System.getProperty("user.name"));
    }

    static void removedAtExit(java.nio.file.Path work) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.walk(work)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException e) {
                // a temporary folder left behind is the system's to clear
            }
        }));
    }
}

//| import java.io.BufferedOutputStream;
//| import java.io.ByteArrayOutputStream;
//| import java.io.File;
//| import java.io.FileDescriptor;
//| import java.io.FileOutputStream;
//| import java.io.FilterOutputStream;
//| import java.io.IOException;
//| import java.io.InputStream;
//| import java.io.OutputStream;
//| import java.io.PrintStream;
//| import java.lang.reflect.InvocationHandler;
//| import java.lang.reflect.Method;
//| import java.lang.reflect.Proxy;
//| import java.math.BigDecimal;
//| import java.math.BigInteger;
//| import java.math.RoundingMode;
//| import java.net.ConnectException;
//| import java.net.InetSocketAddress;
//| import java.net.ProxySelector;
//| import java.net.SocketAddress;
//| import java.net.URI;
//| import java.net.URISyntaxException;
//| import java.net.http.HttpClient;
//| import java.net.http.HttpConnectTimeoutException;
//| import java.net.http.HttpHeaders;
//| import java.net.http.HttpRequest;
//| import java.net.http.HttpResponse;
//| import java.net.http.HttpTimeoutException;
//| import java.nio.ByteBuffer;
//| import java.nio.CharBuffer;
//| import java.nio.channels.FileChannel;
//| import java.nio.charset.CharacterCodingException;
//| import java.nio.charset.Charset;
//| import java.nio.charset.CharsetDecoder;
//| import java.nio.charset.CoderResult;
//| import java.nio.charset.CodingErrorAction;
//| import java.nio.charset.StandardCharsets;
//| import java.nio.file.AccessDeniedException;
//| import java.nio.file.AtomicMoveNotSupportedException;
//| import java.nio.file.DirectoryNotEmptyException;
//| import java.nio.file.FileAlreadyExistsException;
//| import java.nio.file.FileSystemException;
//| import java.nio.file.FileSystems;
//| import java.nio.file.Files;
//| import java.nio.file.InvalidPathException;
//| import java.nio.file.LinkOption;
//| import java.nio.file.NoSuchFileException;
//| import java.nio.file.NotDirectoryException;
//| import java.nio.file.Path;
//| import java.nio.file.StandardCopyOption;
//| import java.nio.file.StandardOpenOption;
//| import java.nio.file.attribute.BasicFileAttributes;
//| import java.nio.file.attribute.PosixFilePermissions;
//| import java.security.CodeSource;
//| import java.time.Duration;
//| import java.time.Instant;
//| import java.time.format.DateTimeParseException;
//| import java.util.ArrayDeque;
//| import java.util.ArrayList;
//| import java.util.Arrays;
//| import java.util.BitSet;
//| import java.util.Collection;
//| import java.util.Collections;
//| import java.util.Comparator;
//| import java.util.Deque;
//| import java.util.HashMap;
//| import java.util.HashSet;
//| import java.util.Iterator;
//| import java.util.LinkedHashMap;
//| import java.util.List;
//| import java.util.Locale;
//| import java.util.Map;
//| import java.util.Random;
//| import java.util.Set;
//| import java.util.concurrent.BlockingQueue;
//| import java.util.concurrent.CompletableFuture;
//| import java.util.concurrent.CompletionException;
//| import java.util.concurrent.ConcurrentHashMap;
//| import java.util.concurrent.LinkedBlockingQueue;
//| import java.util.concurrent.TimeUnit;
//| import java.util.function.Consumer;
//| import java.util.function.Function;
//| import java.util.function.Predicate;
//| import java.util.jar.Attributes;
//| import java.util.jar.JarEntry;
//| import java.util.jar.JarOutputStream;
//| import java.util.jar.Manifest;
//| import java.util.regex.Matcher;
//| import java.util.regex.Pattern;
//| import java.util.zip.ZipEntry;
//| import java.util.zip.ZipFile;
//|
//| // A thin shell: everything models does lives in lib/models/ModelsCommand.java.
//| class models {
//|     public static void main(String... args) {
//|         System.exit(ModelsCommand.run(System.out, System.err, args));
//|     }
//|
//|     // ---- lib/json/Json.java
//|     /** Strict JSON (RFC 8259). The reader and its rules are in {@link JsonReader}. */
//|     public static final class Json {
//|         private Json() { }
//|
//|         /** Reads one JSON document; throws {@link JsonException} with the line and column of the first error. */
//|         public static JsonValue parse(String text) {
//|             return new JsonReader(text, false, null).readDocument();
//|         }
//|
//|         /** Compact JSON. */
//|         public static String write(JsonValue value) {
//|             return JsonWriter.write(value, JsonWriter.Style.JSON, false);
//|         }
//|
//|         /** JSON indented by two spaces. */
//|         public static String pretty(JsonValue value) {
//|             return JsonWriter.write(value, JsonWriter.Style.JSON, true);
//|         }
//|     }
//|
//|     // ---- lib/json/Json5.java
//|     /**
//|      * JSON5 1.0: comments, unquoted and single-quoted names and strings, trailing commas, hex, '.5' and
//|      * '5.', a leading '+', Infinity and NaN, line continuations and the wider whitespace. Returns the same
//|      * values as {@link Json}; the reader is {@link JsonReader}.
//|      */
//|     public static final class Json5 {
//|         private Json5() { }
//|
//|         public static JsonValue parse(String text) {
//|             return new JsonReader(text, true, null).readDocument();
//|         }
//|
//|         /** Reads the document and tells {@code spans} where each key and value sits in it. */
//|         public static JsonValue parse(String text, JsonReader.Spans spans) {
//|             return new JsonReader(text, true, spans).readDocument();
//|         }
//|
//|         /** Compact JSON5 (unquoted names where they are identifiers). */
//|         public static String write(JsonValue value) {
//|             return JsonWriter.write(value, JsonWriter.Style.JSON5, false);
//|         }
//|
//|         /** JSON5 indented by two spaces, with trailing commas, the way OpenClaw's docs write configs. */
//|         public static String pretty(JsonValue value) {
//|             return JsonWriter.write(value, JsonWriter.Style.JSON5, true);
//|         }
//|     }
//|
//|     // ---- lib/json/Json5Document.java
//|     /**
//|      * A JSON5 text that can be edited without disturbing it. An edit replaces, inserts or removes the
//|      * bytes of one member or element; every comment, blank line, key order, quote style and trailing
//|      * comma elsewhere stays as it was. New members go after the last one, in the indentation, quote
//|      * style and comma style the file already uses. Each edit re-reads the text, so the document is
//|      * always valid JSON5 and {@link #value()} is always current.
//|      */
//|     static final class Json5Document {
//|         /** Where a value sits; objects and arrays also hold their members or elements. */
//|         static final class Node {
//|             final JsonValue value;
//|             final int start;
//|             final int end;
//|             final List<Member> members = new ArrayList<>();
//|             final List<Node> elements = new ArrayList<>();
//|
//|             Node(JsonValue value, int start, int end) {
//|                 this.value = value;
//|                 this.start = start;
//|                 this.end = end;
//|             }
//|         }
//|
//|         record Member(String key, int keyStart, Node value) { }
//|
//|         private String text;
//|         private Node root;
//|
//|         /** Reads {@code text}; blank text is an empty object. Throws {@link JsonException} when it is not JSON5. */
//|         Json5Document(String text) {
//|             this.text = text.isBlank() ? "{}\n" : text;
//|             reparse();
//|             if (!(root.value instanceof JsonObject)) throw new JsonException("the top level is not an object",
//|                     new TextPosition(1, 1));
//|         }
//|
//|         String text() { return text; }
//|
//|         JsonValue value() { return root.value; }
//|
//|         /** The node at {@code path} (object keys), or null. */
//|         Node find(List<String> path) {
//|             Node node = root;
//|             for (String key : path) {
//|                 node = member(node, key);
//|                 if (node == null) return null;
//|             }
//|             return node;
//|         }
//|
//|         /** Sets the value at {@code path}, making the objects on the way. Returns false when it was already that. */
//|         boolean set(List<String> path, JsonValue value) { return set(root, path, value); }
//|
//|         /**
//|          * {@link #set} inside element {@code index} of the array at {@code arrayPath} (an object): one entry of a list
//|          * edited in place, the rest of it and of the file as they were.
//|          */
//|         boolean setInElement(List<String> arrayPath, int index, List<String> path, JsonValue value) {
//|             Node array = find(arrayPath);
//|             if (array == null || !(array.value instanceof JsonArray) || index >= array.elements.size()) {
//|                 throw new IllegalArgumentException(String.join(".", arrayPath) + "[" + index + "] is not there");
//|             }
//|             return set(array.elements.get(index), path, value);
//|         }
//|
//|         private boolean set(Node from, List<String> path, JsonValue value) {
//|             Node node = from;
//|             for (int i = 0; i < path.size(); i++) {
//|                 Node next = member(node, path.get(i));
//|                 if (next == null) {
//|                     JsonValue wrapped = value;
//|                     for (int j = path.size() - 1; j > i; j--) wrapped = JsonValue.object(path.get(j), wrapped);
//|                     insertItem(node, path.get(i), wrapped);
//|                     return true;
//|                 }
//|                 if (i + 1 < path.size() && !(next.value instanceof JsonObject)) {
//|                     throw new JsonException(String.join(".", path.subList(0, i + 1)) + " is " + next.value.describe()
//|                             + ", not an object", TextPosition.of(text, next.start));
//|                 }
//|                 node = next;
//|             }
//|             if (node.value.equals(value)) return false;
//|             splice(node.start, node.end, render(value, indentOf(node.start), quoteOf(node)));
//|             return true;
//|         }
//|
//|         /** Removes the member at {@code path}. Returns false when there was none. */
//|         boolean remove(List<String> path) {
//|             Node parent = find(path.subList(0, path.size() - 1));
//|             if (parent == null || !(parent.value instanceof JsonObject)) return false;
//|             String key = path.get(path.size() - 1);
//|             for (int i = parent.members.size() - 1; i >= 0; i--) {
//|                 if (parent.members.get(i).key().equals(key)) {
//|                     removeItem(parent, i);
//|                     return true;
//|                 }
//|             }
//|             return false;
//|         }
//|
//|         /** Appends to the array at {@code path}, making it (and the objects on the way) when missing. */
//|         void append(List<String> path, JsonValue element) {
//|             Node array = find(path);
//|             if (array == null) {
//|                 set(path, JsonValue.array(element));
//|                 return;
//|             }
//|             if (!(array.value instanceof JsonArray)) {
//|                 throw new JsonException(String.join(".", path) + " is " + array.value.describe() + ", not an array",
//|                         TextPosition.of(text, array.start));
//|             }
//|             insertItem(array, null, element);
//|         }
//|
//|         /** Removes element {@code index} of the array at {@code path}. */
//|         void removeElement(List<String> path, int index) {
//|             removeItem(find(path), index);
//|         }
//|
//|         // ---- reading
//|
//|         private void reparse() {
//|             Deque<Node> open = new ArrayDeque<>();
//|             Deque<Member> pendingKeys = new ArrayDeque<>();
//|             Node[] result = new Node[1];
//|             Json5.parse(text, new JsonReader.Spans() {
//|                 private String key;
//|                 private int keyStart = -1;
//|
//|                 public void open(int start) {
//|                     pendingKeys.push(new Member(key, keyStart, null));
//|                     key = null;
//|                     keyStart = -1;
//|                     open.push(new Node(null, start, -1));
//|                 }
//|
//|                 public void key(String name, int start, int end) {
//|                     key = name;
//|                     keyStart = start;
//|                 }
//|
//|                 public void value(JsonValue value, int start, int end) {
//|                     Node node;
//|                     if (value instanceof JsonObject || value instanceof JsonArray) {
//|                         Node building = open.pop();
//|                         node = new Node(value, start, end);
//|                         node.members.addAll(building.members);
//|                         node.elements.addAll(building.elements);
//|                         Member outer = pendingKeys.pop();
//|                         key = outer.key();
//|                         keyStart = outer.keyStart();
//|                     } else {
//|                         node = new Node(value, start, end);
//|                     }
//|                     if (open.isEmpty()) {
//|                         result[0] = node;
//|                     } else if (key != null) {
//|                         open.peek().members.add(new Member(key, keyStart, node));
//|                     } else {
//|                         open.peek().elements.add(node);
//|                     }
//|                     key = null;
//|                     keyStart = -1;
//|                 }
//|             });
//|             root = result[0];
//|         }
//|
//|         private static Node member(Node object, String key) {
//|             if (!(object.value instanceof JsonObject)) return null;
//|             // The last of duplicate keys is the one that counts, as in the reader.
//|             for (int i = object.members.size() - 1; i >= 0; i--) {
//|                 if (object.members.get(i).key().equals(key)) return object.members.get(i).value();
//|             }
//|             return null;
//|         }
//|
//|         // ---- editing
//|
//|         /** Inserts a member ({@code key} not null) or an element after the last one, in the file's style. */
//|         private void insertItem(Node container, String key, JsonValue value) {
//|             boolean object = key != null;
//|             int count = object ? container.members.size() : container.elements.size();
//|             String containerIndent = indentOf(container.start);
//|             if (count == 0) {
//|                 String inner = text.substring(container.start + 1, container.end - 1);
//|                 String itemIndent = containerIndent + indentUnit();
//|                 String item = itemIndent + renderItem(key, value, itemIndent) + (usesTrailingCommas() ? "," : "");
//|                 if (inner.isBlank()) {
//|                     char close = text.charAt(container.end - 1);
//|                     String opening = object ? "{" : "[";
//|                     if (!object && isScalar(value)) {
//|                         splice(container.start, container.end, "[" + renderItem(null, value, containerIndent) + "]");
//|                     } else {
//|                         splice(container.start, container.end, opening + "\n" + item + "\n" + containerIndent + close);
//|                     }
//|                 } else {
//|                     // Only comments inside: the new item goes on its own line before the closing bracket.
//|                     int closeLine = lineStart(container.end - 1);
//|                     boolean closeAlone = text.substring(closeLine, container.end - 1).isBlank();
//|                     int at = closeAlone ? closeLine : container.end - 1;
//|                     splice(at, at, (closeAlone ? "" : "\n") + item + "\n" + (closeAlone ? "" : containerIndent));
//|                 }
//|                 return;
//|             }
//|             int lastStart = object ? container.members.get(count - 1).keyStart() : container.elements.get(count - 1).start;
//|             int lastEnd = object ? container.members.get(count - 1).value().end : container.elements.get(count - 1).end;
//|             int p = skipSpaces(lastEnd);
//|             boolean comma = text.charAt(p) == ',';
//|             int afterComma = comma ? p + 1 : lastEnd;
//|             int eol = endOfLineIfOnlyComment(afterComma);
//|             boolean ownLines = eol >= 0 && onlySpacesBefore(lastStart) && text.substring(container.start,
//|                     lastStart).contains("\n");
//|             if (ownLines) {
//|                 String itemIndent = indentOf(lastStart);
//|                 String item = inFileStyle("\n" + itemIndent + renderItem(key, value, itemIndent) + (comma ? "," : ""));
//|                 // Without a comma after the last item, one goes right after it (before any comment on its line).
//|                 text = text.substring(0, lastEnd) + (comma ? "" : ",") + text.substring(lastEnd, eol) + item
//|                         + text.substring(eol);
//|                 reparse();
//|             } else if (comma) {
//|                 splice(afterComma, afterComma, " " + renderItem(key, value, containerIndent) + ",");
//|             } else {
//|                 splice(lastEnd, lastEnd, ", " + renderItem(key, value, containerIndent));
//|             }
//|         }
//|
//|         /** Removes member or element {@code index}, with its comma, and its whole line when it stood alone. */
//|         private void removeItem(Node container, int index) {
//|             boolean object = container.value instanceof JsonObject;
//|             int count = object ? container.members.size() : container.elements.size();
//|             int start = object ? container.members.get(index).keyStart() : container.elements.get(index).start;
//|             int end = object ? container.members.get(index).value().end : container.elements.get(index).end;
//|             int p = skipSpaces(end);
//|             boolean comma = text.charAt(p) == ',';
//|             int removeEnd = comma ? p + 1 : end;
//|             int eol = endOfLineIfOnlyComment(removeEnd);
//|             int from = start, to = removeEnd;
//|             int previousComma = -1;
//|             boolean ownLine = eol >= 0 && onlySpacesBefore(start) && eol < text.length();
//|             if (ownLine) {
//|                 from = lineStart(start);
//|                 to = eol + (text.startsWith("\r\n", eol) ? 2 : 1);
//|             } else if (comma) {
//|                 to = skipSpaces(removeEnd);
//|             } else if (index > 0) {
//|                 // The last item of an inline list: take the previous item's comma and the space after it.
//|                 from = object ? container.members.get(index - 1).value().end : container.elements.get(index - 1).end;
//|             }
//|             if (ownLine && !comma && index > 0) {
//|                 // The last item had no comma after it: take the previous item's comma too, keeping the file's style.
//|                 int previousEnd = object ? container.members.get(index - 1).value().end
//|                         : container.elements.get(index - 1).end;
//|                 int q = skipSpaces(previousEnd);
//|                 if (text.charAt(q) == ',') previousComma = q;
//|             }
//|             if (count == 1 && text.substring(container.start + 1, from).isBlank() && text.substring(to,
//|                     container.end - 1).isBlank()) {
//|                 // The only item: what is left is an empty {} or [], as a person would write it.
//|                 splice(container.start, container.end, object ? "{}" : "[]");
//|                 return;
//|             }
//|             text = text.substring(0, from) + text.substring(to);
//|             if (previousComma >= 0) text = text.substring(0, previousComma) + text.substring(previousComma + 1);
//|             reparse();
//|         }
//|
//|         /** The file's line end: CRLF when it has one, so that a CRLF file stays CRLF throughout; else LF. */
//|         private String lineEnd() { return text.contains("\r\n") ? "\r\n" : "\n"; }
//|
//|         /** {@code inserted} with the file's line ends. */
//|         private String inFileStyle(String inserted) {
//|             return lineEnd().equals("\r\n") ? inserted.replace("\r\n", "\n").replace("\n", "\r\n") : inserted;
//|         }
//|
//|         private void splice(int from, int to, String replacement) {
//|             replacement = inFileStyle(replacement);
//|             text = text.substring(0, from) + replacement + text.substring(to);
//|             reparse();
//|         }
//|
//|         // ---- the file's style
//|
//|         private String renderItem(String key, JsonValue value, String indent) {
//|             String rendered = render(value, indent, fileQuote());
//|             return key == null ? rendered : renderKey(key) + ": " + rendered;
//|         }
//|
//|         private String renderKey(String key) {
//|             if (usesUnquotedKeys() && JsonWriter.isIdentifier(key)) return key;
//|             return JsonWriter.quote(key, fileQuote());
//|         }
//|
//|         /** A value in the file's style; objects spread over lines, indented one step more than {@code indent}. */
//|         private String render(JsonValue value, String indent, char quote) {
//|             if (value instanceof JsonString s) return JsonWriter.quote(s.value(), quote);
//|             if (value instanceof JsonObject o && !o.members().isEmpty()) {
//|                 StringBuilder sb = new StringBuilder("{");
//|                 String inner = indent + indentUnit();
//|                 int i = 0;
//|                 for (Map.Entry<String, JsonValue> m : o.members().entrySet()) {
//|                     sb.append('\n').append(inner).append(renderKey(m.getKey())).append(": ").append(render(m.getValue(),
//|                             inner, quote));
//|                     if (++i < o.members().size() || usesTrailingCommas()) sb.append(',');
//|                 }
//|                 return sb.append('\n').append(indent).append('}').toString();
//|             }
//|             if (value instanceof JsonArray a && !a.elements().isEmpty()) {
//|                 List<String> items = new ArrayList<>();
//|                 for (JsonValue e : a.elements()) items.add(render(e, indent, quote));
//|                 return "[" + String.join(", ", items) + "]";
//|             }
//|             return Json5.write(value);
//|         }
//|
//|         private static boolean isScalar(JsonValue v) {
//|             return !(v instanceof JsonObject) && !(v instanceof JsonArray);
//|         }
//|
//|         /** The quote a string value already uses, else the file's. */
//|         private char quoteOf(Node node) {
//|             char c = text.charAt(node.start);
//|             return node.value instanceof JsonString && (c == '\'' || c == '"') ? c : fileQuote();
//|         }
//|
//|         /** The quote most strings in the file use; double when there are none. */
//|         private char fileQuote() {
//|             int[] counts = new int[2];
//|             visit(root, n -> {
//|                 if (n.value instanceof JsonString) counts[text.charAt(n.start) == '\'' ? 1 : 0]++;
//|             });
//|             return counts[1] > counts[0] ? '\'' : '"';
//|         }
//|
//|         /** True when any key is unquoted, or there are no keys yet (the JSON5 style of OpenClaw's docs). */
//|         private boolean usesUnquotedKeys() {
//|             boolean[] any = {false, false};
//|             visit(root, n -> {
//|                 for (Member m : n.members) {
//|                     any[0] = true;
//|                     char c = text.charAt(m.keyStart());
//|                     if (c != '"' && c != '\'') any[1] = true;
//|                 }
//|             });
//|             return any[1] || !any[0];
//|         }
//|
//|         /**
//|          * True when some multi-line object or array ends its last item with a comma; when none is multi-line, when the
//|          * file is not written as strict JSON would be (an unquoted key): a file of strict JSON gets none.
//|          */
//|         private boolean usesTrailingCommas() {
//|             int[] seen = {0, 0};
//|             visit(root, n -> {
//|                 int count = n.members.size() + n.elements.size();
//|                 if (count == 0 || !text.substring(n.start, n.end).contains("\n")) return;
//|                 int end = n.members.isEmpty() ? n.elements.get(count - 1).end
//|                         : n.members.get(n.members.size() - 1).value().end;
//|                 seen[text.charAt(skipSpaces(end)) == ',' ? 0 : 1]++;
//|             });
//|             return seen[0] > 0 || (seen[1] == 0 && usesUnquotedKeys());
//|         }
//|
//|         /** The indentation step: the first member's indentation in the top-level object, else two spaces. */
//|         private String indentUnit() {
//|             for (Member m : root.members) {
//|                 String indent = indentOf(m.keyStart());
//|                 if (!indent.isEmpty() && onlySpacesBefore(m.keyStart())) return indent;
//|             }
//|             return "  ";
//|         }
//|
//|         private void visit(Node node, java.util.function.Consumer<Node> action) {
//|             action.accept(node);
//|             for (Member m : node.members) visit(m.value(), action);
//|             for (Node e : node.elements) visit(e, action);
//|         }
//|
//|         // ---- positions
//|
//|         private int lineStart(int pos) {
//|             int i = pos;
//|             while (i > 0 && text.charAt(i - 1) != '\n') i--;
//|             return i;
//|         }
//|
//|         private String indentOf(int pos) {
//|             int start = lineStart(pos), i = start;
//|             while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
//|             return text.substring(start, i);
//|         }
//|
//|         private boolean onlySpacesBefore(int pos) {
//|             return text.substring(lineStart(pos), pos).isBlank();
//|         }
//|
//|         private int skipSpaces(int pos) {
//|             while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) pos++;
//|             return pos;
//|         }
//|
//|         /**
//|          * Where this line's end (its {@code \n}, or the {@code \r} of a {@code \r\n}) is when the rest of it is blank or a
//|          * comment; else -1.
//|          */
//|         private int endOfLineIfOnlyComment(int pos) {
//|             int p = skipSpaces(pos);
//|             int eol = text.indexOf('\n', p);
//|             if (eol < 0) eol = text.length();
//|             else if (eol > p && text.charAt(eol - 1) == '\r') eol--;
//|             String rest = text.substring(p, eol).strip();
//|             if (rest.isEmpty() || rest.startsWith("//") || (rest.startsWith("/*") && rest.endsWith("*/")
//|                     && rest.indexOf("*/") == rest.length() - 2)) return eol;
//|             return -1;
//|         }
//|     }
//|
//|     // ---- lib/json/JsonArray.java
//|     /** An array. The list becomes the value's: the caller hands it over and does not change it afterwards. */
//|     record JsonArray(List<JsonValue> elements) implements JsonValue {
//|         @Override
//|         public List<JsonValue> elements() { return Collections.unmodifiableList(elements); }
//|
//|         public JsonValue get(int index) { return elements.get(index); }
//|
//|         public int size() { return elements.size(); }
//|
//|         public boolean isEmpty() { return elements.isEmpty(); }
//|
//|         /** The elements that are objects, in order; the others are skipped (outside data may mix kinds). */
//|         public List<JsonObject> objects() {
//|             List<JsonObject> objects = new ArrayList<>(elements.size());
//|             for (JsonValue e : elements) if (e instanceof JsonObject o) objects.add(o);
//|             return objects;
//|         }
//|
//|         /** The elements that are strings, in order; the others are skipped. */
//|         public List<String> strings() {
//|             List<String> strings = new ArrayList<>(elements.size());
//|             for (JsonValue e : elements) if (e instanceof JsonString s) strings.add(s.value());
//|             return strings;
//|         }
//|
//|         /** An array of these strings. */
//|         static JsonArray ofStrings(List<String> values) {
//|             List<JsonValue> list = new ArrayList<>(values.size());
//|             for (String v : values) list.add(new JsonString(v));
//|             return new JsonArray(list);
//|         }
//|     }
//|
//|     // ---- lib/json/JsonBoolean.java
//|     /** {@code true} or {@code false}: {@link JsonValue#TRUE} and {@link JsonValue#FALSE}. */
//|     record JsonBoolean(boolean value) implements JsonValue { }
//|
//|     // ---- lib/json/JsonChars.java
//|     /**
//|      * The character classes of JSON5 (ECMAScript 5.1 identifiers, whitespace and line terminators), and
//|      * how a character is shown in an error message, as the JSON5 reference shows it.
//|      */
//|     static final class JsonChars {
//|         private JsonChars() { }
//|
//|         static boolean isIdentifierStart(int cp) {
//|             if (cp == '$' || cp == '_') return true;
//|             return switch (Character.getType(cp)) {
//|                 case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
//|                      Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.LETTER_NUMBER -> true;
//|                 default -> false;
//|             };
//|         }
//|
//|         static boolean isIdentifierPart(int cp) {
//|             if (isIdentifierStart(cp) || cp == '\u200C' || cp == '\u200D') return true;
//|             return switch (Character.getType(cp)) {
//|                 case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
//|                      Character.CONNECTOR_PUNCTUATION -> true;
//|                 default -> false;
//|             };
//|         }
//|
//|         static boolean isJson5Space(char c) {
//|             if (c < 0x80) return c == '\u000B' || c == '\f';
//|             return c == '\u00A0' || c == '\uFEFF' || c == '\u2028' || c == '\u2029'
//|                     || Character.getType(c) == Character.SPACE_SEPARATOR;
//|         }
//|
//|         static boolean isLineTerminator(char c) {
//|             return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
//|         }
//|
//|         /** A character as the JSON5 reference shows it: quoted, with invisible ones escaped. */
//|         static String describe(int cp) {
//|             String shown = switch (cp) {
//|                 case '\'' -> "\\'";
//|                 case '"' -> "\\\"";
//|                 case '\\' -> "\\\\";
//|                 case '\b' -> "\\b";
//|                 case '\f' -> "\\f";
//|                 case '\n' -> "\\n";
//|                 case '\r' -> "\\r";
//|                 case '\t' -> "\\t";
//|                 case '\u000B' -> "\\v";
//|                 case 0 -> "\\0";
//|                 case '\u2028' -> "\\u2028";
//|                 case '\u2029' -> "\\u2029";
//|                 case '\uFEFF' -> "\\uFEFF";
//|                 default -> cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || Character.getType(cp) == Character.SURROGATE
//|                         ? String.format("\\u%04X", cp)
//|                         : new String(Character.toChars(cp));
//|             };
//|             return "'" + shown + "'";
//|         }
//|     }
//|
//|     // ---- lib/json/JsonCursor.java
//|     /**
//|      * A position in a JSON or JSON5 text and the lexical steps every grammar rule of {@link JsonReader} takes:
//|      * look at, consume or expect a character, skip whitespace and comments, read hex digits and literal
//|      * words, and build the error for where the reader stands ({@code invalid character 'x' at 3:5}). The line
//|      * and column are worked out only when an error is thrown, so the happy path pays nothing for them.
//|      */
//|     static abstract class JsonCursor {
//|         final String text;
//|         /**
//|          * The text's characters: the reader looks at each one through an array, which costs the interpreter a
//|          * single bytecode where {@code String.charAt} costs three calls. A cold start reads its files interpreted.
//|          */
//|         final char[] chars;
//|         final int length;
//|         final boolean json5;
//|         int pos;
//|
//|         JsonCursor(String text, boolean json5) {
//|             this.text = text;
//|             this.chars = text.toCharArray();
//|             this.length = chars.length;
//|             this.json5 = json5;
//|         }
//|
//|         static boolean isDigit(char c) { return c >= '0' && c <= '9'; }
//|
//|         // ---- whitespace and comments
//|
//|         final void skipWhitespace() {
//|             while (pos < length) {
//|                 char c = chars[pos];
//|                 if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
//|                     pos++;
//|                 } else if (!json5) {
//|                     return;
//|                 } else if (c == '/') {
//|                     skipComment();
//|                 } else if (JsonChars.isJson5Space(c)) {
//|                     pos++;
//|                 } else {
//|                     return;
//|                 }
//|             }
//|         }
//|
//|         final void skipComment() {
//|             pos++;
//|             if (pos >= length) throw endOfInput();
//|             char c = chars[pos];
//|             if (c == '/') {
//|                 while (pos < length && !JsonChars.isLineTerminator(chars[pos])) pos++;
//|             } else if (c == '*') {
//|                 int end = text.indexOf("*/", pos + 1);
//|                 if (end < 0) {
//|                     pos = length;
//|                     throw endOfInput();
//|                 }
//|                 pos = end + 2;
//|             } else {
//|                 throw invalidCharacter();
//|             }
//|         }
//|
//|         // ---- small helpers
//|
//|         final char peek() {
//|             if (pos >= length) throw endOfInput();
//|             return chars[pos];
//|         }
//|
//|         final boolean consume(char c) {
//|             if (pos >= length) throw endOfInput();
//|             if (chars[pos] != c) return false;
//|             pos++;
//|             return true;
//|         }
//|
//|         final void expect(char c) {
//|             if (!consume(c)) throw invalidCharacter();
//|         }
//|
//|         final JsonException invalidCharacterOrEnd() {
//|             return pos >= length ? endOfInput() : invalidCharacter();
//|         }
//|
//|         final JsonException invalidCharacter() {
//|             if (pos >= length) return endOfInput();
//|             return error("invalid character " + JsonChars.describe(text.codePointAt(pos)));
//|         }
//|
//|         final JsonException endOfInput() {
//|             pos = length;
//|             return error("invalid end of input");
//|         }
//|
//|         final JsonException error(String reason) {
//|             return new JsonException(reason, TextPosition.of(chars, length, pos));
//|         }
//|
//|         final int readHex(int digits) {
//|             int value = 0;
//|             for (int i = 0; i < digits; i++) {
//|                 if (pos >= length) throw endOfInput();
//|                 int d = Character.digit(chars[pos], 16);
//|                 if (d < 0 || chars[pos] > 'f') throw invalidCharacter();
//|                 value = value * 16 + d;
//|                 pos++;
//|             }
//|             return value;
//|         }
//|
//|         final JsonValue readLiteral(String word, JsonValue value) {
//|             for (int i = 0; i < word.length(); i++) {
//|                 if (pos >= length) throw endOfInput();
//|                 if (chars[pos] != word.charAt(i)) throw invalidCharacter();
//|                 pos++;
//|             }
//|             return value;
//|         }
//|     }
//|
//|     // ---- lib/json/JsonException.java
//|     /**
//|      * Input that is not the JSON (or JSON5) it should be, or a value that is not of the kind asked for.
//|      * From the reader it carries the place, so that callers can prefix the file:
//|      * {@code openclaw.json:3:5: invalid character 'x'}.
//|      */
//|     static final class JsonException extends RuntimeException {
//|         private final String reason;
//|         /** Null when the error has no place in a source. */
//|         private final TextPosition position;
//|
//|         /** An error at a place in the source: the message is {@code "<reason> at <line>:<column>"}. */
//|         JsonException(String reason, TextPosition position) {
//|             super(reason + " at " + position.line() + ":" + position.column());
//|             this.reason = reason;
//|             this.position = position;
//|         }
//|
//|         /** An error about a value rather than a place, such as asking a string for its members. */
//|         JsonException(String reason) {
//|             super(reason);
//|             this.reason = reason;
//|             this.position = null;
//|         }
//|
//|         /**
//|          * {@link #inFile} for a value read from line {@code line} of a file holding one value a line (JSON Lines): its
//|          * column on that line.
//|          */
//|         String onLine(String file, long line) {
//|             return position != null ? file + ":" + line + ":" + position.column() + ": " + reason : file + ":" + line
//|                     + ": " + reason;
//|         }
//|
//|         /** {@code file:line:col: reason}, the form an editor can jump to; just {@code file: reason} without a place. */
//|         String inFile(String file) {
//|             return position != null ? file + ":" + position.line() + ":" + position.column() + ": " + reason : file + ": "
//|                     + reason;
//|         }
//|     }
//|
//|     // ---- lib/json/JsonNull.java
//|     /** {@code null}: {@link JsonValue#NULL}. */
//|     record JsonNull() implements JsonValue { }
//|
//|     // ---- lib/json/JsonNumber.java
//|     /** A number as written: JSON's grammar, or JSON5's (hex, leading '+', '.5', '5.', Infinity, NaN). */
//|     record JsonNumber(String text) implements JsonValue {
//|         /** The exact integer value; fails for fractions, non-finite numbers and values outside long. */
//|         public long longValue() {
//|             // Plain decimal integers (nearly every number a router sends) skip BigDecimal.
//|             int n = text.length(), i = text.startsWith("-") ? 1 : 0;
//|             if (n > i && n - i <= 18) {
//|                 long value = 0;
//|                 char c;
//|                 while (i < n && (c = text.charAt(i)) >= '0' && c <= '9') {
//|                     value = value * 10 + (c - '0');
//|                     i++;
//|                 }
//|                 if (i == n) return text.charAt(0) == '-' ? -value : value;
//|             }
//|             try {
//|                 return bigDecimalValue().longValueExact();
//|             } catch (ArithmeticException e) {
//|                 throw new JsonException("not a whole number that fits in a long: " + text);
//|             }
//|         }
//|
//|         /**
//|          * Whether the number is a whole number ({@code 3}, {@code 3.0}, {@code 1.2e1}, {@code 0x1F}), read from its text
//|          * in one pass: a 200,000-digit number is told in microseconds, where BigDecimal's arithmetic takes seconds.
//|          */
//|         public boolean isWhole() {
//|             String t = unsigned();
//|             if (t.equals("Infinity") || t.equals("NaN")) return false;
//|             if (isHex(t)) return true;
//|             int e = Math.max(t.indexOf('e'), t.indexOf('E'));
//|             String mantissa = e < 0 ? t : t.substring(0, e);
//|             int dot = mantissa.indexOf('.');
//|             String digits = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
//|             int fraction = dot < 0 ? 0 : mantissa.length() - dot - 1;
//|             int end = digits.length();
//|             while (end > 0 && digits.charAt(end - 1) == '0') end--;
//|             if (end == 0 || digits.substring(0, end).chars().allMatch(c -> c == '0')) return true;   // zero
//|             int trailingZeros = digits.length() - end;
//|             long exponent;
//|             if (e < 0) {
//|                 exponent = 0;
//|             } else {
//|                 String x = t.substring(e + 1);
//|                 boolean negative = x.startsWith("-");
//|                 String magnitude = x.replaceFirst("^[+-]", "").replaceFirst("^0+(?=.)", "");
//|                 exponent = magnitude.length() > 15 ? Long.MAX_VALUE / 4 : Long.parseLong(magnitude);
//|                 if (negative) exponent = -exponent;
//|             }
//|             return exponent - fraction + trailingZeros >= 0;
//|         }
//|
//|         public double doubleValue() {
//|             String t = unsigned();
//|             double magnitude;
//|             if (t.equals("Infinity")) magnitude = Double.POSITIVE_INFINITY;
//|             else if (t.equals("NaN")) magnitude = Double.NaN;
//|             else if (isHex(t)) magnitude = new BigInteger(t.substring(2), 16).doubleValue();
//|             else magnitude = Double.parseDouble(t);
//|             return text.startsWith("-") ? -magnitude : magnitude;
//|         }
//|
//|         /** The exact value; fails for Infinity and NaN, which have none. */
//|         public BigDecimal bigDecimalValue() {
//|             BigDecimal plain = plainDecimal();
//|             if (plain != null) return plain;
//|             String t = unsigned();
//|             if (t.equals("Infinity") || t.equals("NaN")) throw new JsonException("not a finite number: " + text);
//|             BigDecimal magnitude = isHex(t) ? new BigDecimal(new BigInteger(t.substring(2), 16)) : new BigDecimal(t);
//|             return text.startsWith("-") ? magnitude.negate() : magnitude;
//|         }
//|
//|         /**
//|          * A plain decimal ({@code -12.50}: no exponent, at most 18 digits) read by hand, else null.
//|          * Prices are such numbers, and BigDecimal's string constructor is a large method that a cold
//|          * start would interpret and then compile for each of the few hundred prices of a model list.
//|          */
//|         private BigDecimal plainDecimal() {
//|             int n = text.length(), i = text.startsWith("-") ? 1 : 0, digits = 0, scale = -1;
//|             long unscaled = 0;
//|             for (; i < n; i++) {
//|                 char c = text.charAt(i);
//|                 if (c == '.' && scale < 0) {
//|                     scale = 0;
//|                 } else if (c >= '0' && c <= '9' && ++digits <= 18) {
//|                     unscaled = unscaled * 10 + (c - '0');
//|                     if (scale >= 0) scale++;
//|                 } else {
//|                     return null;
//|                 }
//|             }
//|             if (digits == 0 || scale == 0) return null;
//|             return BigDecimal.valueOf(text.startsWith("-") ? -unscaled : unscaled, Math.max(scale, 0));
//|         }
//|
//|         public boolean isFinite() {
//|             String t = unsigned();
//|             return !t.equals("Infinity") && !t.equals("NaN");
//|         }
//|
//|         private String unsigned() {
//|             return text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
//|         }
//|
//|         private static boolean isHex(String t) {
//|             return t.length() > 1 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X');
//|         }
//|     }
//|
//|     // ---- lib/json/JsonObject.java
//|     /**
//|      * An object: members in their source order. The map becomes the value's: the caller hands it over and
//|      * does not change it afterwards.
//|      * <p>
//|      * The member accessors read data whose shape is not ours to promise (the router passes each provider's
//|      * fields through; a config is hand-edited): a member of the asked kind is returned, anything else (absent,
//|      * {@code null}, another kind) gives the fallback. Where a wrong kind must be an error, use
//|      * {@link JsonValue#stringAt} and {@link JsonValue#stringsAt}, or the {@code as*} accessors, which fail
//|      * loudly saying where and what they found.
//|      */
//|     record JsonObject(Map<String, JsonValue> members) implements JsonValue {
//|         @Override
//|         public Map<String, JsonValue> members() { return Collections.unmodifiableMap(members); }
//|
//|         /** The member's value, or null when there is no such member. */
//|         public JsonValue get(String key) { return members.get(key); }
//|
//|         public boolean has(String key) { return members.containsKey(key); }
//|
//|         /** A copy without the member {@code key} (this object when it has none). */
//|         public JsonObject without(String key) {
//|             if (!members.containsKey(key)) return this;
//|             Map<String, JsonValue> copy = new java.util.LinkedHashMap<>(members);
//|             copy.remove(key);
//|             return new JsonObject(copy);
//|         }
//|
//|         /** A copy with the member {@code key} set to {@code value} (in its place if it was there, else last). */
//|         public JsonObject with(String key, JsonValue value) {
//|             Map<String, JsonValue> copy = new java.util.LinkedHashMap<>(members);
//|             copy.put(key, value);
//|             return new JsonObject(copy);
//|         }
//|
//|         /** The member when it is a string, else null. */
//|         public String string(String key) { return members.get(key) instanceof JsonString s ? s.value() : null; }
//|
//|         /** The member when it is a string, else {@code otherwise}. */
//|         public String stringOr(String key, String otherwise) {
//|             String s = string(key);
//|             return s != null ? s : otherwise;
//|         }
//|
//|         /** The member when it is a whole number that fits in a long, else {@code otherwise}. */
//|         public long longOr(String key, long otherwise) {
//|             Long n = wholeOrNull(key);
//|             return n != null ? n : otherwise;
//|         }
//|
//|         /** The member when it is a whole number that fits in a long, else null. */
//|         public Long wholeOrNull(String key) {
//|             if (!(members.get(key) instanceof JsonNumber n)) return null;
//|             try {
//|                 return n.longValue();
//|             } catch (JsonException notWhole) {
//|                 return null;
//|             }
//|         }
//|
//|         /** The member when it is a finite number, as written, else null. */
//|         public JsonNumber number(String key) { return members.get(key) instanceof JsonNumber n && n.isFinite() ? n : null; }
//|
//|         /** The member when it is a finite number, exactly, else null. */
//|         public BigDecimal decimal(String key) {
//|             return members.get(key) instanceof JsonNumber n && n.isFinite() ? n.bigDecimalValue() : null;
//|         }
//|
//|         /** The member when it is a boolean, else null. */
//|         public Boolean bool(String key) { return members.get(key) instanceof JsonBoolean b ? b.value() : null; }
//|
//|         /** The member when it is a boolean, else {@code otherwise}. */
//|         public boolean boolOr(String key, boolean otherwise) {
//|             Boolean b = bool(key);
//|             return b != null ? b : otherwise;
//|         }
//|
//|         /** The member when it is an object, else null. */
//|         public JsonObject object(String key) { return members.get(key) instanceof JsonObject o ? o : null; }
//|
//|         /** The member when it is an array, else null. */
//|         public JsonArray array(String key) { return members.get(key) instanceof JsonArray a ? a : null; }
//|
//|         /** The string elements of the member when it is an array; empty otherwise. */
//|         public List<String> strings(String key) {
//|             JsonArray a = array(key);
//|             return a == null ? List.of() : a.strings();
//|         }
//|     }
//|
//|     // ---- lib/json/JsonReader.java
//|     /**
//|      * A recursive-descent reader of JSON (RFC 8259) and, in JSON5 mode, of JSON5 1.0: one method per
//|      * grammar rule, one character of lookahead; the lexical steps and the errors are {@link JsonCursor}'s.
//|      * Errors use the JSON5 reference implementation's wording ({@code invalid character 'x' at 3:5},
//|      * {@code invalid end of input at 1:4}).
//|      *
//|      * <p>A duplicate key keeps the place of its first occurrence and the value of its last, as JavaScript's
//|      * {@code JSON.parse} and the JSON5 reference do.
//|      *
//|      * <p>An optional {@link Spans} listener is told where every key and value sits in the source; the
//|      * config editor uses it to change one value's bytes and leave every other byte alone.
//|      */
//|     static final class JsonReader extends JsonCursor {
//|         /** Deeper nesting is refused with a clean error rather than a StackOverflowError. */
//|         static final int MAX_DEPTH = 1000;
//|
//|         /** Told, in document order, where each key and value sits (offsets into the text, end exclusive). */
//|         interface Spans {
//|             /** An object or array starts at {@code start}; its members or elements follow, then {@link #value}. */
//|             void open(int start);
//|
//|             /** A member's name, quotes included. */
//|             void key(String name, int start, int end);
//|
//|             /** A value has been read; for an object or array this comes after everything inside it. */
//|             void value(JsonValue value, int start, int end);
//|         }
//|
//|         private final Spans spans;
//|         private final String[] keyCache = new String[512];
//|         private int depth;
//|
//|         JsonReader(String text, boolean json5, Spans spans) {
//|             super(text, json5);
//|             this.spans = spans;
//|         }
//|
//|         JsonValue readDocument() {
//|             skipWhitespace();
//|             JsonValue value = readValue();
//|             skipWhitespace();
//|             if (pos < length) throw invalidCharacter();
//|             return value;
//|         }
//|
//|         private JsonValue readValue() {
//|             if (pos >= length) throw endOfInput();
//|             int start = pos;
//|             JsonValue value = switch (chars[pos]) {
//|                 case '{' -> readObject();
//|                 case '[' -> readArray();
//|                 case '"' -> new JsonString(readString('"'));
//|                 case '\'' -> {
//|                     if (!json5) throw invalidCharacter();
//|                     yield new JsonString(readString('\''));
//|                 }
//|                 case 't' -> readLiteral("true", JsonValue.TRUE);
//|                 case 'f' -> readLiteral("false", JsonValue.FALSE);
//|                 case 'n' -> readLiteral("null", JsonValue.NULL);
//|                 default -> readNumber();
//|             };
//|             if (spans != null) spans.value(value, start, pos);
//|             return value;
//|         }
//|
//|         private JsonValue readObject() {
//|             enterContainer();
//|             pos++;
//|             Map<String, JsonValue> members = new LinkedHashMap<>();
//|             skipWhitespace();
//|             while (!consume('}')) {
//|                 int keyStart = pos;
//|                 String key = readKey();
//|                 if (spans != null) spans.key(key, keyStart, pos);
//|                 skipWhitespace();
//|                 expect(':');
//|                 skipWhitespace();
//|                 members.put(key, readValue());
//|                 skipWhitespace();
//|                 if (consume(',')) {
//|                     skipWhitespace();
//|                     if (!json5 && peek() == '}') throw invalidCharacter();
//|                 } else if (peek() != '}') {
//|                     throw invalidCharacter();
//|                 }
//|             }
//|             depth--;
//|             return new JsonObject(members);
//|         }
//|
//|         private JsonValue readArray() {
//|             enterContainer();
//|             pos++;
//|             ArrayList<JsonValue> elements = new ArrayList<>();
//|             skipWhitespace();
//|             while (!consume(']')) {
//|                 elements.add(readValue());
//|                 skipWhitespace();
//|                 if (consume(',')) {
//|                     skipWhitespace();
//|                     if (!json5 && peek() == ']') throw invalidCharacter();
//|                 } else if (peek() != ']') {
//|                     throw invalidCharacter();
//|                 }
//|             }
//|             depth--;
//|             return new JsonArray(elements);
//|         }
//|
//|         private void enterContainer() {
//|             if (++depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH);
//|             if (spans != null) spans.open(pos);
//|         }
//|
//|         private String readKey() {
//|             char c = peek();
//|             if (c == '"') return readCachedKey('"');
//|             if (json5 && c == '\'') return readCachedKey('\'');
//|             if (json5) return readIdentifier();
//|             throw invalidCharacter();
//|         }
//|
//|         // ---- strings
//|
//|         /**
//|          * A quoted key, reusing the String of an earlier identical key: documents repeat a few names many
//|          * times, and not allocating them again is most of what keeps this reader ahead of Jackson's.
//|          */
//|         private String readCachedKey(char quote) {
//|             int start = pos + 1;
//|             int hash = 0;
//|             for (int p = start; p < length; p++) {
//|                 char c = chars[p];
//|                 if (c == quote) {
//|                     pos = p + 1;
//|                     return cachedKey(start, p, hash);
//|                 }
//|                 if (c == '\\' || c < 0x20) break;
//|                 hash = 31 * hash + c;
//|             }
//|             return readString(quote);
//|         }
//|
//|         private String cachedKey(int start, int end, int hash) {
//|             int slot = (hash ^ (hash >>> 7)) & (keyCache.length - 1);
//|             String cached = keyCache[slot];
//|             int n = end - start;
//|             if (cached != null && cached.length() == n && text.regionMatches(start, cached, 0, n)) return cached;
//|             return keyCache[slot] = text.substring(start, end);
//|         }
//|
//|         private String readString(char quote) {
//|             int start = ++pos;
//|             // Fast path: no escapes, so the value is a slice of the source.
//|             while (pos < length) {
//|                 char c = chars[pos];
//|                 if (c == quote) return text.substring(start, pos++);
//|                 if (c == '\\' || c < 0x20) break;
//|                 pos++;
//|             }
//|             StringBuilder sb = new StringBuilder(pos - start + 16);
//|             sb.append(text, start, pos);
//|             while (true) {
//|                 if (pos >= length) throw endOfInput();
//|                 char c = chars[pos];
//|                 if (c == quote) {
//|                     pos++;
//|                     return sb.toString();
//|                 } else if (c == '\\') {
//|                     pos++;
//|                     readEscape(sb);
//|                 } else if (c == '\n' || c == '\r' || (c < 0x20 && !json5)) {
//|                     throw invalidCharacter();
//|                 } else {
//|                     sb.append(c);
//|                     pos++;
//|                 }
//|             }
//|         }
//|
//|         private void readEscape(StringBuilder sb) {
//|             if (pos >= length) throw endOfInput();
//|             char c = chars[pos];
//|             switch (c) {
//|                 case '"', '\\', '/' -> sb.append(c);
//|                 case 'b' -> sb.append('\b');
//|                 case 'f' -> sb.append('\f');
//|                 case 'n' -> sb.append('\n');
//|                 case 'r' -> sb.append('\r');
//|                 case 't' -> sb.append('\t');
//|                 case 'u' -> {
//|                     pos++;
//|                     sb.append((char) readHex(4));
//|                     return;
//|                 }
//|                 default -> {
//|                     if (!json5) throw invalidCharacter();
//|                     readJson5Escape(sb, c);
//|                     return;
//|                 }
//|             }
//|             pos++;
//|         }
//|
//|         /** JSON5's extra escapes: \' \v \0 \xHH, line continuations, and any other character but a digit. */
//|         private void readJson5Escape(StringBuilder sb, char c) {
//|             switch (c) {
//|                 case '\'' -> sb.append('\'');
//|                 case 'v' -> sb.append('\u000B');
//|                 case '0' -> {
//|                     if (pos + 1 < length && isDigit(chars[pos + 1])) {
//|                         pos++;
//|                         throw invalidCharacter();
//|                     }
//|                     sb.append('\0');
//|                 }
//|                 case 'x' -> {
//|                     pos++;
//|                     sb.append((char) readHex(2));
//|                     return;
//|                 }
//|                 case '\r' -> {
//|                     if (pos + 1 < length && chars[pos + 1] == '\n') pos++;
//|                 }
//|                 case '\n', '\u2028', '\u2029' -> { }
//|                 default -> {
//|                     if (isDigit(c)) throw invalidCharacter();
//|                     sb.append(c);
//|                 }
//|             }
//|             pos++;
//|         }
//|
//|         // ---- identifiers (JSON5 unquoted keys: ECMAScript 5.1 IdentifierName)
//|
//|         private String readIdentifier() {
//|             // Fast path: plain ASCII names, by far the most common; anything else takes the full rules below.
//|             int first = pos, hash = 0, p = pos;
//|             while (p < length) {
//|                 char c = chars[p];
//|                 if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || (p > first && c >= '0'
//|                         && c <= '9')) {
//|                     hash = 31 * hash + c;
//|                     p++;
//|                 } else {
//|                     break;
//|                 }
//|             }
//|             if (p > first && (p >= length || chars[p] < 0x80 && chars[p] != '\\')) {
//|                 pos = p;
//|                 return cachedKey(first, p, hash);
//|             }
//|             StringBuilder sb = new StringBuilder();
//|             do {
//|                 int start = pos;
//|                 int cp = identifierChar();
//|                 if (!(sb.length() == 0 ? JsonChars.isIdentifierStart(cp) : JsonChars.isIdentifierPart(cp))) {
//|                     pos = start;
//|                     throw invalidCharacter();
//|                 }
//|                 sb.appendCodePoint(cp);
//|             } while (pos < length && (chars[pos] == '\\' || JsonChars.isIdentifierPart(text.codePointAt(pos))));
//|             return sb.toString();
//|         }
//|
//|         /** The next identifier character, reading a {@code \}{@code uXXXX} escape as the character it names. */
//|         private int identifierChar() {
//|             if (pos >= length) throw endOfInput();
//|             if (chars[pos] == '\\') {
//|                 pos++;
//|                 if (pos >= length) throw endOfInput();
//|                 if (chars[pos] != 'u') throw invalidCharacter();
//|                 pos++;
//|                 return readHex(4);
//|             }
//|             int cp = text.codePointAt(pos);
//|             pos += Character.charCount(cp);
//|             return cp;
//|         }
//|
//|         // ---- literals and numbers
//|
//|         private JsonValue readNumber() {
//|             int start = pos;
//|             char c = chars[pos];
//|             if (c == '-' || (json5 && c == '+')) {
//|                 pos++;
//|                 if (pos >= length) throw endOfInput();
//|                 c = chars[pos];
//|             }
//|             if (json5 && (c == 'I' || c == 'N')) {
//|                 readLiteral(c == 'I' ? "Infinity" : "NaN", null);
//|                 return new JsonNumber(text.substring(start, pos));
//|             }
//|             if (json5 && c == '0' && pos + 1 < length && (chars[pos + 1] == 'x' || chars[pos + 1] == 'X')) {
//|                 pos += 2;
//|                 readDigits(16);
//|                 return new JsonNumber(text.substring(start, pos));
//|             }
//|             boolean integerDigits = readIntegerPart();
//|             boolean fractionDigits = false;
//|             if (pos < length && chars[pos] == '.') {
//|                 pos++;
//|                 fractionDigits = json5 ? readOptionalDigits() : readDigits(10);
//|                 if (!integerDigits && !fractionDigits) throw invalidCharacterOrEnd();
//|             } else if (!integerDigits) {
//|                 throw invalidCharacterOrEnd();
//|             }
//|             if (pos < length && (chars[pos] == 'e' || chars[pos] == 'E')) {
//|                 pos++;
//|                 if (pos < length && (chars[pos] == '+' || chars[pos] == '-')) pos++;
//|                 readDigits(10);
//|             }
//|             return new JsonNumber(text.substring(start, pos));
//|         }
//|
//|         /** {@code 0} or a non-zero digit and more digits; in JSON5 it may be absent ({@code .5}). */
//|         private boolean readIntegerPart() {
//|             if (pos >= length) throw endOfInput();
//|             char c = chars[pos];
//|             if (c == '0') {
//|                 pos++;
//|                 if (pos < length && isDigit(chars[pos])) throw invalidCharacter();
//|                 return true;
//|             }
//|             if (isDigit(c)) return readDigits(10);
//|             if (json5 && c == '.') return false;
//|             throw invalidCharacter();
//|         }
//|
//|         /** One or more digits of the radix. */
//|         private boolean readDigits(int radix) {
//|             if (pos >= length) throw endOfInput();
//|             if (!isDigitOf(chars[pos], radix)) throw invalidCharacter();
//|             while (pos < length && isDigitOf(chars[pos], radix)) pos++;
//|             return true;
//|         }
//|
//|         private boolean readOptionalDigits() {
//|             int start = pos;
//|             while (pos < length && isDigit(chars[pos])) pos++;
//|             return pos > start;
//|         }
//|
//|         private static boolean isDigitOf(char c, int radix) {
//|             return radix == 10 ? isDigit(c) : isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
//|         }
//|     }
//|
//|     // ---- lib/json/JsonString.java
//|     /** A string value. */
//|     record JsonString(String value) implements JsonValue { }
//|
//|     // ---- lib/json/JsonValue.java
//|     /**
//|      * A JSON value: what {@link Json#parse} and {@link Json5#parse} return and {@link JsonWriter} writes, one
//|      * record per kind, each in its own file. Objects keep their key order; numbers keep their source text and
//|      * convert only when asked, so nothing is rounded on the way through. The {@code as*} accessors and the
//|      * path accessors fail loudly with what was found instead, and where.
//|      */
//|     sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {
//|
//|         JsonBoolean TRUE = new JsonBoolean(true);
//|         JsonBoolean FALSE = new JsonBoolean(false);
//|         JsonNull NULL = new JsonNull();
//|
//|         static JsonString of(String value) { return new JsonString(value); }
//|
//|         static JsonNumber of(long value) { return new JsonNumber(Long.toString(value)); }
//|
//|         static JsonNumber of(BigDecimal value) { return new JsonNumber(value.toPlainString()); }
//|
//|         static JsonBoolean of(boolean value) { return value ? TRUE : FALSE; }
//|
//|         /** A string, or {@code null} for a null string; likewise for a number. */
//|         static JsonValue orNull(String value) { return value == null ? NULL : of(value); }
//|
//|         static JsonValue orNull(BigDecimal value) { return value == null ? NULL : of(value); }
//|
//|         /** An object from alternating keys and values: {@code object("id", of("x"), "n", of(2))}. */
//|         static JsonObject object(Object... keysAndValues) {
//|             Map<String, JsonValue> members = new LinkedHashMap<>();
//|             for (int i = 0; i < keysAndValues.length; i += 2) {
//|                 // A Java null (not JsonValue.NULL) leaves the member out: a field given only when it applies.
//|                 if (keysAndValues[i + 1] != null) members.put((String) keysAndValues[i], (JsonValue) keysAndValues[i + 1]);
//|             }
//|             return new JsonObject(members);
//|         }
//|
//|         static JsonArray array(JsonValue... elements) { return new JsonArray(List.of(elements)); }
//|
//|         default JsonObject asObject() {
//|             if (this instanceof JsonObject o) return o;
//|             throw new JsonException("not an object: " + describe());
//|         }
//|
//|         default JsonArray asArray() {
//|             if (this instanceof JsonArray a) return a;
//|             throw new JsonException("not an array: " + describe());
//|         }
//|
//|         default String asString() {
//|             if (this instanceof JsonString s) return s.value();
//|             throw new JsonException("not a string: " + describe());
//|         }
//|
//|         default JsonNumber asNumber() {
//|             if (this instanceof JsonNumber n) return n;
//|             throw new JsonException("not a number: " + describe());
//|         }
//|
//|         default boolean asBoolean() {
//|             if (this instanceof JsonBoolean b) return b.value();
//|             throw new JsonException("not a boolean: " + describe());
//|         }
//|
//|         default boolean isNull() { return this instanceof JsonNull; }
//|
//|         /**
//|          * The value at {@code path}, a key per step through nested objects; null when a step is missing or
//|          * is not an object. Keys are whole keys, not dotted paths: model refs such as
//|          * {@code huggingface/Qwen/Qwen2.5-72B} are keys and hold dots.
//|          */
//|         default JsonValue at(List<String> path) {
//|             JsonValue v = this;
//|             for (String key : path) {
//|                 if (!(v instanceof JsonObject o)) return null;
//|                 v = o.get(key);
//|             }
//|             return v;
//|         }
//|
//|         default JsonValue at(String... path) { return at(List.of(path)); }
//|
//|         /** The object at {@code path}, or null when there is none there (or something else is). */
//|         default JsonObject objectAt(List<String> path) { return at(path) instanceof JsonObject o ? o : null; }
//|
//|         /** The array at {@code path}, or null when there is none there (or something else is). */
//|         default JsonArray arrayAt(List<String> path) { return at(path) instanceof JsonArray a ? a : null; }
//|
//|         /**
//|          * The string at {@code path}; null when absent or {@code null}; another kind fails, naming the path:
//|          * {@code agents.defaults.model.primary is the number 3, not a string}.
//|          */
//|         default String stringAt(List<String> path) {
//|             JsonValue v = at(path);
//|             if (v == null || v.isNull()) return null;
//|             if (v instanceof JsonString s) return s.value();
//|             throw new JsonException(String.join(".", path) + " is " + v.describe() + ", not a string");
//|         }
//|
//|         /**
//|          * The string elements of the array at {@code path} (others skipped); empty when absent or
//|          * {@code null}; another kind fails, naming the path.
//|          */
//|         default List<String> stringsAt(List<String> path) {
//|             JsonValue v = at(path);
//|             if (v == null || v.isNull()) return new ArrayList<>();
//|             if (v instanceof JsonArray a) return new ArrayList<>(a.strings());
//|             throw new JsonException(String.join(".", path) + " is " + v.describe() + ", not an array");
//|         }
//|
//|         /** What a person would call this value in an error message: {@code an array}, {@code the string "x"}. */
//|         default String describe() {
//|             if (this instanceof JsonObject) return "an object";
//|             if (this instanceof JsonArray) return "an array";
//|             if (this instanceof JsonString s) return "the string " + JsonWriter.quote(s.value());
//|             if (this instanceof JsonNumber n) return "the number " + n.text();
//|             if (this instanceof JsonBoolean b) return "the boolean " + b.value();
//|             return "null";
//|         }
//|     }
//|
//|     // ---- lib/json/JsonWriter.java
//|     /**
//|      * Writes values as JSON or JSON5, compact or indented by two spaces. Strings escape control characters,
//|      * U+2028/U+2029 (JavaScript line terminators) and lone surrogates, so the output is always valid UTF-8.
//|      * Strict JSON has no NaN or Infinity: writing one fails rather than producing a file nobody can read.
//|      */
//|     static final class JsonWriter {
//|         enum Style { JSON, JSON5 }
//|
//|         private final StringBuilder out = new StringBuilder();
//|         private final Style style;
//|         private final boolean pretty;
//|
//|         private JsonWriter(Style style, boolean pretty) {
//|             this.style = style;
//|             this.pretty = pretty;
//|         }
//|
//|         static String write(JsonValue value, Style style, boolean pretty) {
//|             JsonWriter writer = new JsonWriter(style, pretty);
//|             writer.value(value, 0);
//|             return writer.out.toString();
//|         }
//|
//|         private void value(JsonValue value, int indent) {
//|             if (value instanceof JsonObject o) object(o.members(), indent);
//|             else if (value instanceof JsonArray a) array(a.elements(), indent);
//|             else if (value instanceof JsonString s) out.append(quote(s.value()));
//|             else if (value instanceof JsonNumber n) out.append(number(n));
//|             else if (value instanceof JsonBoolean b) out.append(b.value());
//|             else out.append("null");
//|         }
//|
//|         private void object(Map<String, JsonValue> members, int indent) {
//|             if (members.isEmpty()) {
//|                 out.append("{}");
//|                 return;
//|             }
//|             out.append('{');
//|             Iterator<Map.Entry<String, JsonValue>> it = members.entrySet().iterator();
//|             while (it.hasNext()) {
//|                 Map.Entry<String, JsonValue> member = it.next();
//|                 newline(indent + 1);
//|                 out.append(style == Style.JSON5 && isIdentifier(member.getKey()) ? member.getKey()
//|                         : quote(member.getKey()));
//|                 out.append(pretty ? ": " : ":");
//|                 value(member.getValue(), indent + 1);
//|                 separator(it.hasNext());
//|             }
//|             newline(indent);
//|             out.append('}');
//|         }
//|
//|         private void array(List<JsonValue> elements, int indent) {
//|             if (elements.isEmpty()) {
//|                 out.append("[]");
//|                 return;
//|             }
//|             out.append('[');
//|             for (int i = 0; i < elements.size(); i++) {
//|                 newline(indent + 1);
//|                 value(elements.get(i), indent + 1);
//|                 separator(i + 1 < elements.size());
//|             }
//|             newline(indent);
//|             out.append(']');
//|         }
//|
//|         /** A comma between items; in indented JSON5 also after the last one, as OpenClaw's own examples do. */
//|         private void separator(boolean more) {
//|             if (more || (pretty && style == Style.JSON5)) out.append(',');
//|         }
//|
//|         private void newline(int indent) {
//|             if (!pretty) return;
//|             out.append('\n');
//|             for (int i = 0; i < indent; i++) out.append("  ");
//|         }
//|
//|         private String number(JsonNumber n) {
//|             if (style == Style.JSON5) return n.text();
//|             if (!n.isFinite()) throw new JsonException(n.text()
//|                     + " cannot be written as JSON (JSON has no NaN or Infinity)");
//|             return isJsonNumber(n.text()) ? n.text() : normalise(n.bigDecimalValue());
//|         }
//|
//|         private static String normalise(BigDecimal value) {
//|             return value.signum() == 0 ? "0" : value.stripTrailingZeros().toString();
//|         }
//|
//|         private static final java.util.regex.Pattern JSON_NUMBER =
//|                 java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
//|
//|         private static boolean isJsonNumber(String text) {
//|             return JSON_NUMBER.matcher(text).matches();
//|         }
//|
//|         /** A name JSON5 may leave unquoted; kept to ASCII so every reader agrees. */
//|         static boolean isIdentifier(String name) {
//|             if (name.isEmpty()) return false;
//|             for (int i = 0; i < name.length(); i++) {
//|                 char c = name.charAt(i);
//|                 boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
//|                 if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
//|             }
//|             return true;
//|         }
//|
//|         /** A string as a double-quoted JSON string literal. */
//|         static String quote(String s) {
//|             return quote(s, '"');
//|         }
//|
//|         /** A string literal in {@code quote} ('"', or JSON5's '\''): only that quote is escaped. */
//|         static String quote(String s, char quote) {
//|             StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
//|             for (int i = 0; i < s.length(); i++) {
//|                 char c = s.charAt(i);
//|                 switch (c) {
//|                     case '"', '\'' -> sb.append(c == quote ? "\\" + c : String.valueOf(c));
//|                     case '\\' -> sb.append("\\\\");
//|                     case '\b' -> sb.append("\\b");
//|                     case '\f' -> sb.append("\\f");
//|                     case '\n' -> sb.append("\\n");
//|                     case '\r' -> sb.append("\\r");
//|                     case '\t' -> sb.append("\\t");
//|                     default -> {
//|                         if (c < 0x20 || c == '\u2028' || c == '\u2029' || isLoneSurrogate(s, i)) {
//|                             sb.append(String.format("\\u%04x", (int) c));
//|                         } else {
//|                             sb.append(c);
//|                         }
//|                     }
//|                 }
//|             }
//|             return sb.append(quote).toString();
//|         }
//|
//|         private static boolean isLoneSurrogate(String s, int i) {
//|             char c = s.charAt(i);
//|             if (Character.isHighSurrogate(c)) return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
//|             if (Character.isLowSurrogate(c)) return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
//|             return false;
//|         }
//|     }
//|
//|     // ---- lib/json/TextPosition.java
//|     /**
//|      * A 1-based line and column in a JSON or JSON5 text, for error messages ({@code 3:5}). One rule for the
//|      * reader and the editor: lines end at LF, CRLF, a lone CR, U+2028 or U+2029 (JSON5's line terminators),
//|      * and columns count code points, as an editor shows them.
//|      */
//|     record TextPosition(int line, int column) {
//|         /** Where {@code offset} (a char index, at most {@code length}) falls in {@code text}. */
//|         static TextPosition of(char[] text, int length, int offset) {
//|             int line = 1, column = 1;
//|             for (int i = 0; i < offset && i < length; i++) {
//|                 char c = text[i];
//|                 if (c == '\n' || c == '\u2028' || c == '\u2029' || (c == '\r' && (i + 1 >= length || text[i
//|                         + 1] != '\n'))) {
//|                     line++;
//|                     column = 1;
//|                 } else if (!Character.isLowSurrogate(c) || i == 0 || !Character.isHighSurrogate(text[i - 1])) {
//|                     column++;
//|                 }
//|             }
//|             return new TextPosition(line, column);
//|         }
//|
//|         static TextPosition of(String text, int offset) { return of(text.toCharArray(), text.length(), offset); }
//|     }
//|
//|     // ---- lib/files/FileReads.java
//|     /**
//|      * The file layer's reading half (writes: {@link SafeFile}); every file this toolkit reads is read here, so that
//|      * every read is bounded and none can hang: only a regular file is opened (a FIFO would block the open, a device
//|      * never ends), and at most a stated number of bytes is read, however the file grows meanwhile.
//|      */
//|     static final class FileReads {
//|         /** The most a config, a .env file, a cache or a key file may hold: far above any real one. */
//|         static final long MAX_SMALL_FILE = 16L * 1024 * 1024;
//|
//|         private FileReads() { }
//|
//|         /** A file that is larger than a read allows: nothing of it is used. */
//|         static final class TooLarge extends IOException {
//|             TooLarge(long max) { super("larger than " + size(max) + ", more than this reads"); }
//|         }
//|
//|         /** {@code 16 MB}, {@code 4 KB}. */
//|         static String size(long bytes) {
//|             return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes >= 1024 ? bytes / 1024 + " KB" : bytes
//|                     + " bytes";
//|         }
//|
//|         /** Whether there is anything at {@code file} (a dangling link counts). */
//|         static boolean exists(Path file) { return SafeFile.attributesOrNull(file) != null; }
//|
//|         /**
//|          * Refuses, unopened, what is there and is not a regular file (a FIFO would block the open; a device never ends).
//|          */
//|         private static void requireRegular(Path file) throws IOException {
//|             if (!Files.readAttributes(file, BasicFileAttributes.class).isRegularFile()) throw new NotRegular();
//|         }
//|
//|         /** A device, a FIFO or a folder where a file was to be read: refused unopened. */
//|         static final class NotRegular extends IOException {
//|             NotRegular() { super("not a regular file: a device, a FIFO or a folder"); }
//|         }
//|
//|         /** The bytes of {@code file}, a regular file of at most {@code max} bytes. */
//|         static byte[] bytes(Path file, long max) throws IOException {
//|             requireRegular(file);
//|             try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
//|                 long size = in.size();
//|                 if (size > max) throw new TooLarge(max);
//|                 ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(max + 1, Math.max(size + 1, 8192)));
//|                 while (true) {
//|                     if (!buffer.hasRemaining()) {
//|                         if (buffer.capacity() > max) throw new TooLarge(max);   // it grew while we read
//|                         buffer = ByteBuffer.allocate((int) Math.min(max + 1,
//|                                 (long) buffer.capacity() * 2)).put(buffer.flip());
//|                     }
//|                     if (in.read(buffer) < 0) break;
//|                 }
//|                 if (buffer.position() > max) throw new TooLarge(max);
//|                 return java.util.Arrays.copyOf(buffer.array(), buffer.position());
//|             }
//|         }
//|
//|         /**
//|          * The text of {@code file}, strict UTF-8 (else {@link NotUtf8}, naming the line and column), at most {@code max}
//|          * bytes.
//|          */
//|         static String text(Path file, long max) throws IOException {
//|             byte[] bytes = bytes(file, max);
//|             try {
//|                 return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
//|             } catch (CharacterCodingException e) {
//|                 throw new NotUtf8(bytes);
//|             }
//|         }
//|
//|         /**
//|          * The text of a secret file read as OpenClaw reads one ({@code secrets.providers.*.path}): refused unless it is
//|          * a regular file that is not a link, has one name (a hard link would let another path change it), belongs to
//|          * this user and gives the group and others no access at all; at most {@code max} bytes.
//|          */
//|         static String privateText(Path file, long max) throws IOException {
//|             java.nio.file.attribute.PosixFileAttributes a;
//|             try {
//|                 a = Files.readAttributes(file, java.nio.file.attribute.PosixFileAttributes.class,
//|                         java.nio.file.LinkOption.NOFOLLOW_LINKS);
//|             } catch (UnsupportedOperationException e) {
//|                 throw new IOException("its permissions cannot be checked on this system");
//|             }
//|             if (a.isSymbolicLink()) throw new IOException("a link; OpenClaw refuses a secret file behind a link");
//|             if (!a.isRegularFile()) throw new NotRegular();
//|             Object links = Files.getAttribute(file, "unix:nlink", java.nio.file.LinkOption.NOFOLLOW_LINKS);
//|             if (links instanceof Integer n && n > 1) throw new IOException("hard-linked (" + n
//|                     + " names); OpenClaw refuses it");
//|             String me = ProcessHandle.current().info().user().orElse(System.getProperty("user.name"));
//|             if (!a.owner().getName().equals(me)) {
//|                 throw new IOException("owned by " + a.owner().getName() + ", not by you; OpenClaw refuses it");
//|             }
//|             for (java.nio.file.attribute.PosixFilePermission p : a.permissions()) {
//|                 if (p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")) {
//|                     throw new IOException("open to others ("
//|                             + java.nio.file.attribute.PosixFilePermissions.toString(a.permissions())
//|                                     + "); OpenClaw refuses it: chmod 600");
//|                 }
//|             }
//|             return text(file, max);
//|         }
//|
//|         /** The text of a small file ({@link #MAX_SMALL_FILE}), "" when there is none. */
//|         static String textOrEmpty(Path file) throws IOException {
//|             if (!Files.exists(file)) return "";
//|             return text(file, MAX_SMALL_FILE);
//|         }
//|
//|         /** The most entries {@link #list} reads of a folder. */
//|         static final int MAX_ENTRIES = 100_000;
//|
//|         /** The entries of {@code folder} (a folder, not a link to one), sorted by name; at most {@link #MAX_ENTRIES}. */
//|         static List<Path> list(Path folder) throws IOException {
//|             if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) throw new NotRegular();
//|             List<Path> entries = new java.util.ArrayList<>();
//|             try (java.nio.file.DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
//|                 for (Path entry : stream) {
//|                     if (entries.size() == MAX_ENTRIES) throw new IOException(folder + " holds more than " + MAX_ENTRIES
//|                             + " entries");
//|                     entries.add(entry);
//|                 }
//|             }
//|             java.util.Collections.sort(entries);
//|             return entries;
//|         }
//|
//|         /**
//|          * A stream of {@code file}, a regular file, for a reader that bounds what it takes itself (a batch's input is
//|          * read a line at a time, each line bounded, the whole not: a million prompts cost what one does).
//|          */
//|         static java.io.InputStream stream(Path file) throws IOException {
//|             requireRegular(file);
//|             return Files.newInputStream(file);
//|         }
//|
//|         /** A read-only channel on {@code file}, a regular file (the SQLite reader reads pages where it needs them). */
//|         static FileChannel channel(Path file) throws IOException {
//|             requireRegular(file);
//|             return FileChannel.open(file, StandardOpenOption.READ);
//|         }
//|
//|         /**
//|          * The lines of {@code file}, last first, to {@code each} until it returns false: in constant memory however
//|          * large the file (a block at a time from the end). A line longer than {@code maxLine} bytes, or one that is
//|          * not UTF-8 (cut inside a character by a full disk), is skipped; a missing file has no lines.
//|          */
//|         static void linesFromEnd(Path file, int maxLine, Predicate<String> each) throws IOException { linesFromEnd(file,
//|                 maxLine, List.of(), each); }
//|
//|         /**
//|          * Bytes a line must hold to be decoded at all; {@code foldAsciiCase}: A-Z and a-z alike (the needle in lower case).
//|          */
//|         record Needle(byte[] bytes, boolean foldAsciiCase) { }
//|
//|         /**
//|          * {@link #linesFromEnd}, only the lines whose bytes hold every one of {@code needles}, checked before any decoding.
//|          */
//|         static void linesFromEnd(Path file, int maxLine, List<Needle> needles, Predicate<String> each) throws IOException {
//|             if (!Files.exists(file)) return;
//|             requireRegular(file);
//|             CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder();
//|             try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
//|                 long end = in.size();
//|                 ByteBuffer block = ByteBuffer.allocate(64 * 1024);
//|                 byte[] line = new byte[1024];
//|                 int lineLength = 0;          // bytes of the current line gathered so far, stored from the end of 'line'
//|                 boolean tooLong = false;
//|                 for (long at = end; at > 0; ) {
//|                     int n = (int) Math.min(block.capacity(), at);
//|                     at -= n;
//|                     block.clear().limit(n);
//|                     while (block.hasRemaining()) if (in.read(block, at + block.position()) < 0) break;
//|                     for (int i = n - 1; i >= 0; i--) {
//|                         byte b = block.get(i);
//|                         if (b == '\n') {
//|                             if (!emit(line, lineLength, tooLong, needles, strict, each)) return;
//|                             lineLength = 0;
//|                             tooLong = false;
//|                         } else if (!tooLong) {
//|                             if (lineLength == maxLine) {
//|                                 tooLong = true;
//|                                 continue;
//|                             }
//|                             if (lineLength == line.length) {
//|                                 byte[] bigger = new byte[Math.min(maxLine, line.length * 2)];
//|                                 System.arraycopy(line, 0, bigger, bigger.length - lineLength, lineLength);
//|                                 line = bigger;
//|                             }
//|                             line[line.length - 1 - lineLength] = b;
//|                             lineLength++;
//|                         }
//|                     }
//|                 }
//|                 emit(line, lineLength, tooLong, needles, strict, each);
//|             }
//|         }
//|
//|         private static boolean emit(byte[] line, int length, boolean tooLong, List<Needle> needles, CharsetDecoder strict,
//|                 Predicate<String> each) {
//|             if (length == 0 || tooLong) return true;
//|             for (Needle n : needles) if (!contains(line, line.length - length, line.length, n)) return true;
//|             String text;
//|             try {
//|                 text = strict.reset().decode(ByteBuffer.wrap(line, line.length - length, length)).toString();
//|             } catch (CharacterCodingException cut) {
//|                 return true;   // not whole UTF-8: a line cut short, skipped like any torn line
//|             }
//|             return each.test(text);
//|         }
//|
//|         private static boolean contains(byte[] bytes, int from, int to, Needle needle) {
//|             byte[] wanted = needle.bytes();
//|             outer:
//|             for (int i = from; i + wanted.length <= to; i++) {
//|                 for (int k = 0; k < wanted.length; k++) {
//|                     byte b = bytes[i + k];
//|                     if (needle.foldAsciiCase() && b >= 'A' && b <= 'Z') b += 'a' - 'A';
//|                     if (b != wanted[k]) continue outer;
//|                 }
//|                 return true;
//|             }
//|             return wanted.length == 0;
//|         }
//|
//|         /** Bytes that are not UTF-8: where the first bad one is, as line:column. */
//|         static final class NotUtf8 extends IOException {
//|             final int line, column;
//|             final int value;
//|
//|             NotUtf8(byte[] bytes) {
//|                 super("not UTF-8");
//|                 CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
//|                 ByteBuffer in = ByteBuffer.wrap(bytes);
//|                 CharBuffer out = CharBuffer.allocate(bytes.length + 1);
//|                 decoder.decode(in, out, true);
//|                 out.flip();
//|                 TextPosition at = TextPosition.of(out.toString(), out.length());
//|                 this.line = at.line();
//|                 this.column = at.column();
//|                 this.value = in.hasRemaining() ? bytes[in.position()] & 0xff : 0;
//|             }
//|
//|             @Override
//|             public String getMessage() { return String.format("%d:%d: not UTF-8 (byte 0x%02X)", line, column, value); }
//|         }
//|     }
//|
//|     // ---- lib/files/SafeFile.java
//|     /**
//|      * The file layer's writing half (reads: {@link FileReads}); every file and folder this toolkit makes or
//|      * removes goes through it ({@code ScriptsTest} fails on code in {@code lib/} that does it another way):
//|      * <ul>
//|      * <li>a folder we make is 0700 and a file 0600 (a command we install 0755), set explicitly after creation, so
//|      *     that no umask (not even 000) widens them;
//|      * <li>a file is replaced atomically: a temp file in the same folder, flushed to disk, renamed over the old one;
//|      *     the old one kept as {@code .bak} on request; a symbolic link stays a link and its target is replaced;
//|      * <li>anything that is not a regular file (a FIFO, a device) is refused, unopened;
//|      * <li>an append ({@link #append}) is one write of a whole line under a lock waited for a bounded time;
//|      * <li>a removal ({@link #remove}) removes the name itself, never what a link points to.
//|      * </ul>
//|      */
//|     static final class SafeFile {
//|         private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
//|
//|         private SafeFile() { }
//|
//|         /**
//|          * Replaces {@code file} with {@code text} atomically, keeping the previous content as {@code <name>.bak}.
//|          * A symbolic link stays a link: the file it points to is the one replaced, in its own folder (a dotfiles
//|          * set-up must not fork). Anything that is not a regular file (a device, a FIFO) is refused, unread.
//|          */
//|         static void write(Path file, String text, boolean keepBackup) throws IOException {
//|             write(file, text.getBytes(StandardCharsets.UTF_8), keepBackup);
//|         }
//|
//|         /** {@link #write(Path, String, boolean)} of bytes as they are. */
//|         static void write(Path file, byte[] content, boolean keepBackup) throws IOException { replace(file, content,
//|                 keepBackup, "rw-------"); }
//|
//|         /** An installed command: replaced atomically like any file, but 0755 (anyone may run it; only we may change it). */
//|         static void writeCommand(Path file, String text) throws IOException { replace(file,
//|                 text.getBytes(StandardCharsets.UTF_8), false, "rwxr-xr-x"); }
//|
//|         private static void replace(Path file, byte[] content, boolean keepBackup, String permissions) throws IOException {
//|             Path target = target(file);
//|             if (Files.exists(target) && !Files.isRegularFile(target)) throw new IOException(target
//|                     + " is not a regular file");
//|             Path folder = target.toAbsolutePath().getParent();
//|             createFolder(folder);
//|             removeLeftovers(folder, target.getFileName().toString());
//|             Path temp = createTemp(folder, target.getFileName().toString());
//|             try {
//|                 try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
//|                         StandardOpenOption.TRUNCATE_EXISTING)) {
//|                     ByteBuffer bytes = ByteBuffer.wrap(content);
//|                     while (bytes.hasRemaining()) channel.write(bytes);
//|                     channel.force(true);
//|                 }
//|                 if (POSIX) Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(permissions));
//|                 if (keepBackup && Files.exists(target)) backUp(target);
//|                 try {
//|                     Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
//|                 } catch (AtomicMoveNotSupportedException e) {
//|                     Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
//|                 }
//|             } finally {
//|                 Files.deleteIfExists(temp);
//|                 IN_FLIGHT.remove(temp);
//|             }
//|         }
//|
//|         /**
//|          * The file a path stands for: itself, or where its symbolic links lead (a link to nothing yet: where it would be).
//|          */
//|         static Path target(Path file) throws IOException {
//|             Path p = file.toAbsolutePath();
//|             for (int hops = 0; Files.isSymbolicLink(p); hops++) {
//|                 if (hops == 40) throw new IOException(file + ": too many levels of symbolic links");
//|                 p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
//|             }
//|             return p;
//|         }
//|
//|         /**
//|          * The previous content as {@code <name>.bak}, written beside it first and renamed over the old backup: on a
//|          * full disk the copy fails and the old backup stays (copying over it would have lost it first).
//|          */
//|         private static void backUp(Path file) throws IOException {
//|             Path backup = file.resolveSibling(file.getFileName() + ".bak");
//|             Path temp = createTemp(file.toAbsolutePath().getParent(), file.getFileName() + ".bak");
//|             try {
//|                 Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
//|                 restrict(temp);
//|                 rotateBackups(file);
//|                 Files.move(temp, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
//|             } finally {
//|                 Files.deleteIfExists(temp);
//|                 IN_FLIGHT.remove(temp);
//|             }
//|         }
//|
//|         /** How many backups OpenClaw keeps of its config: {@code .bak}, then {@code .bak.1} to {@code .bak.4}. */
//|         static final int BACKUPS = 5;
//|
//|         /**
//|          * OpenClaw's backup ring (2026.9.6, its backup-rotation): the oldest, {@code .bak.4}, goes; each other moves one
//|          * place up ({@code .bak.3} to {@code .bak.4}, ..., {@code .bak} to {@code .bak.1}), and the new one becomes
//|          * {@code .bak}. A link or anything but a regular file in the ring is left where it is, and stops its move.
//|          */
//|         private static void rotateBackups(Path file) throws IOException {
//|             String base = file.getFileName() + ".bak";
//|             Path oldest = file.resolveSibling(base + "." + (BACKUPS - 1));
//|             if (Files.isRegularFile(oldest, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.delete(oldest);
//|             for (int i = BACKUPS - 2; i >= 0; i--) {
//|                 Path from = file.resolveSibling(i == 0 ? base : base + "." + i), to = file.resolveSibling(base + "." + (i
//|                         + 1));
//|                 if (!Files.isRegularFile(from, java.nio.file.LinkOption.NOFOLLOW_LINKS)
//|                         || attributesOrNull(to) != null) continue;
//|                 restrict(from);
//|                 Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
//|             }
//|         }
//|
//|         /**
//|          * Temp copies being written now: a shutdown hook removes them if the JVM is stopped (Ctrl-C, SIGTERM) meanwhile.
//|          */
//|         private static final java.util.Set<Path> IN_FLIGHT = java.util.concurrent.ConcurrentHashMap.newKeySet();
//|         private static Thread cleanup;
//|
//|         private static Path inFlight(Path temp) {
//|             IN_FLIGHT.add(temp);
//|             synchronized (IN_FLIGHT) {
//|                 if (cleanup == null) {
//|                     cleanup = new Thread(new Runnable() {
//|                         @Override
//|                         public void run() {
//|                             for (Path p : IN_FLIGHT) {
//|                                 try {
//|                                     Files.deleteIfExists(p);
//|                                 } catch (IOException gone) {
//|                                     // nothing more to do as the JVM ends
//|                                 }
//|                             }
//|                         }
//|                     }, "temp-cleanup");
//|                     Runtime.getRuntime().addShutdownHook(cleanup);
//|                 }
//|             }
//|             return temp;
//|         }
//|
//|         /**
//|          * Removes the temp copies of {@code file} that an edit killed outright ({@code kill -9}) left, once their
//|          * process is gone: called when a config is read, so none waits for our next write.
//|          */
//|         static void tidy(Path file) {
//|             Path folder = file.toAbsolutePath().getParent();
//|             if (folder != null && Files.isDirectory(folder)) removeLeftovers(folder, file.getFileName().toString());
//|         }
//|
//|         /** Our temp copies of {@code name} that a killed edit left: removed when the process that made them is gone. */
//|         private static void removeLeftovers(Path folder, String name) {
//|             // Names compared by hand, not by a glob: this runs on every read of a config, and a glob compiles a regex.
//|             String prefix = "." + name + ".";
//|             try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
//|                 for (Path temp : entries) {
//|                     String file = temp.getFileName().toString();
//|                     if (!file.startsWith(prefix) || !file.endsWith(".tmp")) continue;
//|                     String[] parts = file.substring(prefix.length()).split("\\.");
//|                     if (parts.length != 3) continue;   // .<name>.<pid>.<n>.tmp, and nothing else
//|                     try {
//|                         long pid = Long.parseLong(parts[0]);
//|                         if (pid != ProcessHandle.current().pid()
//|                                 && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
//|                             Files.deleteIfExists(temp);
//|                         }
//|                     } catch (NumberFormatException | IOException notOurs) {
//|                         // someone else's file, or already gone
//|                     }
//|                 }
//|             } catch (IOException e) {
//|                 // tidying is a courtesy
//|             }
//|         }
//|
//|         /**
//|          * A new, empty, owner-only {@code .<name>.<pid>.<n>.tmp} in {@code folder}. Not
//|          * {@code Files.createTempFile}: its random names cost a SecureRandom set-up on every start-up, and
//|          * a name need only be unique, which the process id and {@code CREATE_NEW} make it.
//|          */
//|         private static Path createTemp(Path folder, String name) throws IOException {
//|             long pid = ProcessHandle.current().pid();
//|             for (int n = 0; ; n++) {
//|                 Path temp = folder.resolve("." + name + "." + pid + "." + n + ".tmp");
//|                 try {
//|                     return inFlight(POSIX
//|                             ? Files.createFile(temp,
//|                                     PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
//|                             : Files.createFile(temp));
//|                 } catch (java.nio.file.FileAlreadyExistsException taken) {
//|                     if (n == 1000) throw taken;   // a folder full of leftovers: say so rather than loop
//|                 }
//|             }
//|         }
//|
//|         /**
//|          * Makes {@code folder} and any missing folder above it, each 0700 (the state folder, its cache, an install
//|          * folder); one that exists is left as it is, unless it is not a folder.
//|          */
//|         static void createFolder(Path folder) throws IOException {
//|             if (folder == null || Files.isDirectory(folder)) return;
//|             if (Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) throw new IOException(folder
//|                     + " is not a folder");
//|             createFolder(folder.getParent());
//|             try {
//|                 createFolderExclusively(folder);
//|             } catch (java.nio.file.FileAlreadyExistsException raced) {
//|                 // made meanwhile by another process: theirs stands
//|             }
//|         }
//|
//|         private static void restrict(Path file) throws IOException {
//|             if (POSIX) Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
//|         }
//|
//|         /** The lock of an append is waited for this long at most (another chat writing its line takes milliseconds). */
//|         static final java.time.Duration APPEND_WAIT = java.time.Duration.ofSeconds(2);
//|
//|         /**
//|          * Appends {@code line} (a whole line, its newline included) to {@code file} in one write, under an OS lock
//|          * waited for {@link #APPEND_WAIT} at most; false, with nothing written, when the lock could not be had. A
//|          * file that does not end with a newline (cut by a crash or a full disk) gets one first, so that the line
//|          * stands alone. The folder is made 0700, the file 0600; a link or anything but a regular file is refused.
//|          */
//|         static boolean append(Path file, byte[] line) throws IOException {
//|             createFolder(file.toAbsolutePath().getParent());
//|             java.nio.file.attribute.BasicFileAttributes attributes = attributesOrNull(file);
//|             if (attributes != null && !attributes.isRegularFile()) throw new IOException(file + " is not a regular file");
//|             try (FileChannel out = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE,
//|                     StandardOpenOption.WRITE, StandardOpenOption.READ,
//|                     java.nio.file.LinkOption.NOFOLLOW_LINKS))) {
//|                 if (attributes == null) restrict(file);
//|                 java.nio.channels.FileLock lock = null;
//|                 long deadline = System.nanoTime() + APPEND_WAIT.toNanos();
//|                 while ((lock = tryLock(out)) == null) {
//|                     if (System.nanoTime() > deadline) return false;
//|                     try {
//|                         Thread.sleep(20);
//|                     } catch (InterruptedException e) {
//|                         Thread.currentThread().interrupt();
//|                         return false;
//|                     }
//|                 }
//|                 try (java.nio.channels.FileLock held = lock) {
//|                     long size = out.size();
//|                     ByteBuffer last = ByteBuffer.allocate(1);
//|                     boolean cut = size > 0 && out.read(last, size - 1) == 1 && last.get(0) != '\n';
//|                     byte[] bytes = cut ? concat(new byte[] {'\n'}, line) : line;
//|                     ByteBuffer buffer = ByteBuffer.wrap(bytes);
//|                     long at = size;
//|                     while (buffer.hasRemaining()) at += out.write(buffer, at);
//|                 }
//|                 return true;
//|             }
//|         }
//|
//|         /**
//|          * Cuts off what follows the last newline of {@code file} (a line a full disk or a power cut left without its
//|          * end), under the same OS lock as {@link #append}, so that a reader of whole lines never takes half of one;
//|          * false, with nothing cut, when the lock could not be had. A missing file is left missing.
//|          */
//|         static boolean cutTornTail(Path file) throws IOException {
//|             java.nio.file.attribute.BasicFileAttributes attributes = attributesOrNull(file);
//|             if (attributes == null) return true;
//|             if (!attributes.isRegularFile()) throw new IOException(file + " is not a regular file");
//|             try (FileChannel channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.WRITE,
//|                     StandardOpenOption.READ, java.nio.file.LinkOption.NOFOLLOW_LINKS));
//|                     java.nio.channels.FileLock lock = tryLock(channel)) {
//|                 if (lock == null) return false;
//|                 long end = channel.size();
//|                 long keep = end;
//|                 ByteBuffer one = ByteBuffer.allocate(1);
//|                 while (keep > 0) {
//|                     one.clear();
//|                     channel.read(one, keep - 1);
//|                     if (one.get(0) == '\n') break;
//|                     keep--;
//|                 }
//|                 if (keep < end) channel.truncate(keep);
//|                 return true;
//|             }
//|         }
//|
//|         /** The channel's OS lock, or null while another holds it (another process, or another thread of ours). */
//|         private static java.nio.channels.FileLock tryLock(FileChannel channel) throws IOException {
//|             try {
//|                 return channel.tryLock();
//|             } catch (java.nio.channels.OverlappingFileLockException ours) {
//|                 return null;
//|             }
//|         }
//|
//|         /**
//|          * A new file, made exclusively ({@code CREATE_NEW}: it must not exist, and a link there is not followed) and
//|          * 0600 whatever the umask, holding {@code content}: OpenClaw's lock sidecar.
//|          */
//|         static void createNew(Path file, byte[] content) throws IOException {
//|             try (FileChannel channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE_NEW,
//|                     StandardOpenOption.WRITE),
//|                     PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
//|                 restrict(file);
//|                 ByteBuffer buffer = ByteBuffer.wrap(content);
//|                 while (buffer.hasRemaining()) channel.write(buffer);
//|             }
//|         }
//|
//|         /**
//|          * Makes {@code folder} (0700), failing with FileAlreadyExistsException when it exists: a mutex between processes.
//|          */
//|         static void createFolderExclusively(Path folder) throws IOException {
//|             if (POSIX) Files.createDirectory(folder,
//|                     PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
//|             else Files.createDirectory(folder);
//|             // The umask may have taken bits away from the attribute; it cannot have added any: set, not trusted.
//|             if (POSIX) Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
//|         }
//|
//|         /** Whether a process holds an OS lock on the regular file {@code file} (true when that cannot be told). */
//|         static boolean osLocked(Path file) {
//|             if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return true;
//|             try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
//|                     java.nio.file.LinkOption.NOFOLLOW_LINKS);
//|                  java.nio.channels.FileLock os = channel.tryLock()) {
//|                 return os == null;
//|             } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
//|                 return true;
//|             }
//|         }
//|
//|         /** Removes {@code file}, a file or a link (the link itself, never where it points); false when there was none. */
//|         static boolean remove(Path file) throws IOException { return Files.deleteIfExists(file); }
//|
//|         /** Removes {@code folder} when it is an empty folder (not a link to one); true if it did. */
//|         static boolean removeIfEmpty(Path folder) throws IOException {
//|             if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return false;
//|             try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
//|                 if (entries.iterator().hasNext()) return false;
//|             }
//|             Files.delete(folder);
//|             return true;
//|         }
//|
//|         /**
//|          * Makes a new 0700 folder inside {@code parent} for work files (a compile's classes), named after {@code prefix}.
//|          */
//|         static Path workFolder(Path parent, String prefix) throws IOException {
//|             createFolder(parent);
//|             for (int n = 0; ; n++) {
//|                 Path folder = parent.resolve(prefix + "." + ProcessHandle.current().pid() + "." + n);
//|                 try {
//|                     createFolderExclusively(folder);
//|                     return folder;
//|                 } catch (java.nio.file.FileAlreadyExistsException taken) {
//|                     if (n == 1000) throw taken;
//|                 }
//|             }
//|         }
//|
//|         /** Removes {@code folder} and the files in it (one level: a work folder of ours). */
//|         static void removeWorkFolder(Path folder) throws IOException {
//|             try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
//|                 for (Path file : files) Files.deleteIfExists(file);
//|             }
//|             Files.deleteIfExists(folder);
//|         }
//|
//|         /** {@code file}'s own attributes (a link's, not its target's), or null when there is none. */
//|         static java.nio.file.attribute.BasicFileAttributes attributesOrNull(Path file) {
//|             try {
//|                 return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
//|                         java.nio.file.LinkOption.NOFOLLOW_LINKS);
//|             } catch (IOException none) {
//|                 return null;
//|             }
//|         }
//|
//|         private static byte[] concat(byte[] a, byte[] b) {
//|             byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
//|             System.arraycopy(b, 0, c, a.length, b.length);
//|             return c;
//|         }
//|     }
//|
//|     // ---- lib/cli/Cli.java
//|     /**
//|      * Runs a command: the exit codes, the errors that map to them, and how every message on stderr starts
//|      * ({@code models: missing value for --model}, {@code chat: warning: ...}), one line each. The arguments are
//|      * a {@link CommandLine}; the secrets no message may carry and the command's name live in {@link Running}.
//|      */
//|     static final class Cli {
//|         static final String VERSION = "0.1.0";
//|
//|         /** Exit codes: done; failed (bad file, network, refused); wrong use of the command line; stopped by Ctrl-C. */
//|         static final int OK = 0, FAILURE = 1, USAGE = 2, INTERRUPTED = 130;
//|
//|         private Cli() { }
//|
//|         /** Wrong use of the command line: exit {@link #USAGE}. */
//|         static final class UsageException extends RuntimeException {
//|             UsageException(String message) { super(message); }
//|         }
//|
//|         /**
//|          * The command could not do its job (bad file, network, ...): exit {@link #FAILURE}. The message is for the user.
//|          */
//|         static final class Failure extends RuntimeException {
//|             Failure(String message) { super(message); }
//|         }
//|
//|         /**
//|          * The body of a command, free to throw {@link UsageException}, {@link Failure}, a {@link JsonException} or an
//|          * {@link IOException}. {@code models} gives it as a class, not a lambda, and its list path has no lambdas at all:
//|          * a run's first lambda costs about 10 ms of method-handle set-up, a tenth of what {@code models list} may take in
//|          * all. (chat and onboard load {@code java.net.http}, which pays that cost anyway.)
//|          */
//|         interface Body {
//|             int run(CommandLine cli) throws Exception;
//|         }
//|
//|         /**
//|          * Runs a command: answers {@code --help} (usage on stdout), {@code --version}, {@code --install} and
//|          * {@code --uninstall} (see {@link Installer}) itself, then runs the body and turns what it throws into the
//|          * message and exit code a user expects, here and nowhere else: usage errors exit 2 with a hint, failures exit 1;
//|          * anything unexpected also exits 1, with its message only, never a stack trace (which could carry a secret) nor
//|          * a Java class name.
//|          */
//|         static int run(String program, String usage, PrintStream stdout, PrintStream stderr, String[] args, Body body) {
//|             return run(program, usage, stdout, stderr, args, Term.PLAIN, body);
//|         }
//|
//|         /** {@link #run} on {@code term}: its width is the help's (wrapped between words), none for a pipe or a test. */
//|         static int run(String program, String usage, PrintStream stdout, PrintStream stderr, String[] args, Term term,
//|                 Body body) {
//|             Object outer = Running.open(program);
//|             Launcher.keepForFastPath(program, System.getenv(Launcher.KEEP));
//|             PrintStream out = SafeOutput.of(stdout), err = SafeOutput.of(stderr);
//|             try {
//|                 String unreadable = unreadable(args, System.getenv());
//|                 if (unreadable != null) {
//|                     say(err, unreadable);
//|                     return FAILURE;
//|                 }
//|                 return run(program, usage, term, out, err, new CommandLine(program, args), body);
//|             } finally {
//|                 SafeOutput.release(out);
//|                 SafeOutput.release(err);
//|                 Running.close(outer);
//|             }
//|         }
//|
//|         /**
//|          * Why the arguments cannot be used as Java read them, or null: a locale whose charset is not UTF-8 (a C or POSIX
//|          * one, where no launcher of ours could run Java under C.UTF-8) turns each character it lacks into U+FFFD, and
//|          * sending that silently would send something else than what was typed.
//|          */
//|         static String unreadable(String[] args, java.util.Map<String, String> env) {
//|             String charset = System.getProperty("sun.jnu.encoding", "UTF-8");
//|             if (charset.equalsIgnoreCase("UTF-8") || charset.equalsIgnoreCase("UTF8")) return null;
//|             for (String arg : args) {
//|                 if (arg.indexOf('\uFFFD') < 0) continue;
//|                 String locale = env.get("LC_ALL") != null ? "LC_ALL=" + env.get("LC_ALL")
//|                         : env.get("LC_CTYPE") != null ? "LC_CTYPE=" + env.get("LC_CTYPE")
//|                         : env.get("LANG") != null ? "LANG=" + env.get("LANG") : "no LANG";
//|                 return "an argument holds characters this locale (" + locale + ", " + charset
//|                         + ") cannot carry, and Java read"
//|                         + " them as U+FFFD; run with a UTF-8 locale (LC_ALL=C.UTF-8), or give the text on stdin; nothing "
//|                                 + "was done";
//|             }
//|             return null;
//|         }
//|
//|         private static int run(String program, String usage, Term term, PrintStream out, PrintStream err, CommandLine cli,
//|                 Body body) {
//|             // `models help`, as git and gh take it; `chat -- help` asks the model.
//|             if (cli.beforeDoubleDash().equals(java.util.List.of("help"))) {
//|                 out.print(Help.wrapped(usage, term.width()));   // the width asked (stty) only for help
//|                 if (program.equals("chat")) say(err, "'chat help' shows this; to ask a model about help: chat -- help");
//|                 return OK;
//|             }
//|             // Every command answers these the same way, wherever they stand, before anything else runs.
//|             for (String arg : cli.beforeDoubleDash()) {
//|                 if (arg.equals("-h") || arg.equals("--help")) {
//|                     out.print(Help.wrapped(usage, term.width()));   // the width asked (stty) only for help
//|                     return OK;
//|                 }
//|                 if (arg.equals("--version")) {
//|                     out.println(program + " " + VERSION);
//|                     return OK;
//|                 }
//|                 if (arg.equals("--install") || arg.equals("--uninstall")) {
//|                     cli.remove(arg);
//|                     body = c -> new Installer(program, System.getenv(), out).run(arg, c);
//|                     break;
//|                 }
//|             }
//|             try {
//|                 return body.run(cli);
//|             } catch (UsageException e) {
//|                 say(err, e.getMessage());
//|                 err.println("Try '" + program + " --help' for more information.");
//|                 return USAGE;
//|             } catch (Exception e) {
//|                 say(err, describe(e));
//|                 return FAILURE;
//|             }
//|         }
//|
//|         /**
//|          * What went wrong, as a user reads it: a file error names the file and says what is wrong in words
//|          * ({@code /proc/nope: no such file or folder}), never a Java class name.
//|          */
//|         static String describe(Exception e) {
//|             if (e instanceof FileSystemException f && f.getFile() != null) return f.getFile() + ": " + reason(e);
//|             return reason(e);
//|         }
//|
//|         /** {@link #describe} without the file's name, for a message that names it already: {@code permission denied}. */
//|         static String reason(Exception e) {
//|             if (e instanceof Failure || e instanceof JsonException) return e.getMessage();
//|             if (e instanceof FileSystemException f) {
//|                 if (e instanceof NoSuchFileException) return "no such file or folder";
//|                 if (e instanceof AccessDeniedException) return "permission denied";
//|                 if (e instanceof FileAlreadyExistsException) return "already exists";
//|                 if (e instanceof DirectoryNotEmptyException) return "folder not empty";
//|                 if (e instanceof NotDirectoryException) return "not a folder";
//|                 String why = f.getReason();
//|                 return why == null ? "cannot be used" : why.substring(0, 1).toLowerCase() + why.substring(1);
//|             }
//|             if (e instanceof InvalidPathException p) return "not a usable path: " + p.getInput();
//|             if (e instanceof IOException && e.getMessage() != null) {
//|                 // The operating system's words (strerror: "No space left on device"), some JDKs' FileSystemException
//|                 // reason and others' bare message: said alike, in lower case, as every message here starts.
//|                 String m = e.getMessage();
//|                 return m.matches("[A-Z][a-z]+( [a-z]+)*") ? Character.toLowerCase(m.charAt(0)) + m.substring(1) : m;
//|             }
//|             return "unexpected " + (e instanceof IOException ? "input/output error" : "internal error")
//|                     + (e.getMessage() == null ? "" : ": " + e.getMessage()) + " (please report it, with the command run)";
//|         }
//|
//|         /** One line on stderr as the running command's: {@code chat: TEXT}. Secrets are hidden, as everywhere. */
//|         static void say(PrintStream err, String text) { err.println(Running.program() + ": " + Running.redact(text)); }
//|
//|         /** A warning on stderr as the running command's: {@code chat: warning: TEXT}. */
//|         static void warn(PrintStream err, String text) { say(err, "warning: " + text); }
//|     }
//|
//|     // ---- lib/cli/CommandLine.java
//|     /**
//|      * A command's arguments as a deque, read front to back: {@code --flag=value} is read as {@code --flag value}.
//|      * Each reader fails as a usage error (exit 2) naming the flag: {@code missing value for --model}.
//|      */
//|     static final class CommandLine {
//|         final String program;
//|         private final Deque<String> args = new ArrayDeque<>();
//|
//|         CommandLine(String program, String... args) {
//|             this.program = program;
//|             for (String arg : args) {
//|                 int eq = arg.indexOf('=');
//|                 if (arg.startsWith("--") && eq > 2) {
//|                     this.args.add(arg.substring(0, eq));
//|                     this.args.add(arg.substring(eq + 1));
//|                 } else {
//|                     this.args.add(arg);
//|                 }
//|             }
//|         }
//|
//|         boolean hasNext() { return !args.isEmpty(); }
//|
//|         String next() { return args.poll(); }
//|
//|         String peek() { return args.peek(); }
//|
//|         /**
//|          * The arguments not read yet, front first, up to a {@code --}: what every command answers before its own parsing.
//|          */
//|         List<String> beforeDoubleDash() {
//|             List<String> ahead = new ArrayList<>();
//|             for (String arg : args) {
//|                 if (arg.equals("--")) break;
//|                 ahead.add(arg);
//|             }
//|             return ahead;
//|         }
//|
//|         /** Takes the first {@code arg} out, wherever it stands. */
//|         void remove(String arg) { args.remove(arg); }
//|
//|         /** Whether {@code flag} is among the arguments still to read, wherever it stands; takes it out if so. */
//|         boolean flag(String flag) {
//|             boolean found = false;
//|             for (Iterator<String> i = args.iterator(); i.hasNext(); ) {
//|                 String arg = i.next();
//|                 if (arg.equals("--")) break;
//|                 if (arg.equals(flag)) {
//|                     i.remove();
//|                     found = true;
//|                 }
//|             }
//|             return found;
//|         }
//|
//|         /** The value that must follow {@code flag}. */
//|         String value(String flag) {
//|             String value = args.poll();
//|             if (value == null) throw new Cli.UsageException("missing value for " + flag);
//|             return value;
//|         }
//|
//|         /** A whole number that must follow {@code flag}, at least {@code min}. */
//|         int intValue(String flag, int min) {
//|             String value = value(flag);
//|             try {
//|                 int n = Integer.parseInt(value);
//|                 if (n >= min) return n;
//|             } catch (NumberFormatException e) {
//|                 // fall through to the message below
//|             }
//|             throw new Cli.UsageException("invalid value for " + flag + ": '" + value + "' (a whole number of at least "
//|                     + min + ")");
//|         }
//|
//|         /** A number (decimals allowed) that must follow {@code flag}, within [{@code min}, {@code max}]. */
//|         double decimalValue(String flag, double min, double max) {
//|             String value = value(flag);
//|             try {
//|                 double n = Double.parseDouble(value);
//|                 if (n >= min && n <= max) return n;
//|             } catch (NumberFormatException e) {
//|                 // fall through to the message below
//|             }
//|             throw new Cli.UsageException("invalid value for " + flag + ": '" + value + "' (a number from "
//|                     + Figures.plain(min) + " to " + Figures.plain(max) + ")");
//|         }
//|
//|         /** The error for an argument that is not one of {@code known}, with a suggestion when one is close. */
//|         Cli.UsageException unknown(String arg, String... known) {
//|             String what = arg.startsWith("-") ? "unknown option " : "unknown command ";
//|             List<String> candidates = new ArrayList<>(Arrays.asList(known));
//|             candidates.addAll(List.of("--help", "--version", "--install", "--uninstall"));
//|             String close = Suggestions.closest(arg, candidates);
//|             return new Cli.UsageException(what + arg + (close == null ? "" : " (did you mean " + close + "?)"));
//|         }
//|     }
//|
//|     // ---- lib/cli/Figures.java
//|     /** Figures as messages, tables and prompts show them: plain numbers, durations, token counts and prices. */
//|     static final class Figures {
//|         private Figures() { }
//|
//|         /** 2.0 -> "2", 0.25 -> "0.25": no trailing zeros, never an exponent. */
//|         static String plain(double n) {
//|             return n == Math.rint(n) && Math.abs(n) < 1e15 ? Long.toString((long) n)
//|                     : new BigDecimal(Double.toString(n)).stripTrailingZeros().toPlainString();
//|         }
//|
//|         /** {@code 30 s}, {@code 0.5 s}: a duration as messages show it. */
//|         static String seconds(java.time.Duration d) { return plain(d.toMillis() / 1000.0) + " s"; }
//|
//|         /**
//|          * A token count as {@code openclaw models list} prints it, in thousands: 131072 -> 131k, 65536 -> 66k,
//|          * 1000000 -> 1000k (OpenClaw has no M).
//|          */
//|         static String tokens(long n) {
//|             if (n <= 0) return "-";
//|             if (n >= 1000) return Math.round(n / 1000.0) + "k";
//|             return Long.toString(n);
//|         }
//|
//|         static String price(BigDecimal usdPerMillion) {
//|             return usdPerMillion == null ? "-" : usdPerMillion.setScale(2, RoundingMode.HALF_UP).toPlainString();
//|         }
//|     }
//|
//|     // ---- lib/cli/Help.java
//|     /**
//|      * What every {@code --help} shares: the environment variables the commands read, said one way, and help wrapped at
//|      * the terminal's width between words (a line the terminal wraps itself breaks mid-word).
//|      */
//|     static final class Help {
//|         private Help() { }
//|
//|         private static final Map<String, String> VARIABLES = new LinkedHashMap<>();
//|
//|         static {
//|             VARIABLES.put("HF_TOKEN", "the Hugging Face token (also HUGGINGFACE_HUB_TOKEN; else OpenClaw's stored\n"
//|                     + "key, ~/.openclaw/.env, the Hugging Face token file: see models status)");
//|             VARIABLES.put("HF_ROUTER_URL",
//|                     "the router's base URL (default: the config's baseUrl, else\nhttps://router.huggingface.co/v1)");
//|             VARIABLES.put("HF_ENDPOINT", "the Hub, for onboard's whoami check (default https://huggingface.co)");
//|             VARIABLES.put("HF_HUB_OFFLINE",
//|                     "=1: no network for what can do without (models list as --offline,\nonboard skips whoami)");
//|             VARIABLES.put("HF_BILL_TO", "the organization chat bills (header X-HF-Bill-To)");
//|             VARIABLES.put("HF_MAX_COST", "the most a question may cost, in USD, as --max-cost");
//|             VARIABLES.put("HF_CHAT_LOG", "=off: never log conversations (see chat logs --path)");
//|             VARIABLES.put("HTTPS_PROXY",
//|                     "the proxy for https (also HTTP_PROXY, lower case too; user:password@\nallowed); NO_PROXY: hosts "
//|                     + "that go direct");
//|             VARIABLES.put("OPENCLAW_STATE_DIR", "OpenClaw's state folder (default ~/.openclaw; also OPENCLAW_HOME);\n"
//|                     + "OPENCLAW_CONFIG_PATH: its config file");
//|             VARIABLES.put("NO_COLOR", "no colour; COLUMNS: the table's and the help's width");
//|         }
//|
//|         /** The "Environment:" section naming {@code names}, in the options' layout. */
//|         static String environment(String... names) {
//|             StringBuilder sb = new StringBuilder("Environment:\n");
//|             for (String name : names) {
//|                 String[] lines = VARIABLES.get(name).split("\n");
//|                 sb.append("  ").append(String.format("%-20s", name)).append(lines[0]).append('\n');
//|                 for (int i = 1; i < lines.length; i++) sb.append(" ".repeat(22)).append(lines[i]).append('\n');
//|             }
//|             return sb.toString();
//|         }
//|
//|         /**
//|          * {@code text} with every line longer than {@code width} (0: no limit) broken between words; the rest of a line
//|          * goes on under where its text started (an option's description, or the line's own indent).
//|          */
//|         static String wrapped(String text, int width) {
//|             if (width <= 0) return text;
//|             StringBuilder sb = new StringBuilder(text.length() + 64);
//|             for (String line : text.split("\n", -1)) {
//|                 int hang = hang(line);
//|                 String rest = line;
//|                 while (rest.length() > width) {
//|                     int cut = rest.lastIndexOf(' ', width);
//|                     if (cut <= hang) break;   // one long word: the terminal may break it
//|                     sb.append(rest, 0, cut).append('\n');
//|                     rest = " ".repeat(hang) + rest.substring(cut + 1).stripLeading();
//|                 }
//|                 sb.append(rest).append('\n');
//|             }
//|             sb.setLength(sb.length() - 1);
//|             return sb.toString();
//|         }
//|
//|         /** Where a line's text starts: after an option's name and the two spaces that follow it, else after the indent. */
//|         private static int hang(String line) {
//|             int indent = 0;
//|             while (indent < line.length() && line.charAt(indent) == ' ') indent++;
//|             if (indent == 0 || indent >= line.length() || line.charAt(indent) == ' ') return indent;
//|             int gap = line.indexOf("  ", indent);
//|             return gap > 0 && gap + 2 < line.length() && gap < 40 ? gap + 2 + countSpaces(line, gap + 2) : indent;
//|         }
//|
//|         private static int countSpaces(String line, int from) {
//|             int n = 0;
//|             while (from + n < line.length() && line.charAt(from + n) == ' ') n++;
//|             return n;
//|         }
//|     }
//|
//|     // ---- lib/cli/InstallRecord.java
//|     /**
//|      * What {@code --install} wrote, kept in {@code openclaw-hf/installed.json} inside the data folder: for each command,
//|      * its path and SHA-256 and the jar it runs. {@code --uninstall} removes only what this names, and only while the
//|      * command is still the one written (same hash): a wrapper edited to point elsewhere, or a file merely carrying our
//|      * mark, is never a reason to delete anything.
//|      */
//|     static final class InstallRecord {
//|         /** One installed command. */
//|         record Entry(Path command, String sha256, Path jar) { }
//|
//|         private final Path file;
//|         private final List<Entry> entries = new ArrayList<>();
//|
//|         private InstallRecord(Path file) { this.file = file; }
//|
//|         /** The record in {@code root} (the {@code openclaw-hf} folder); empty when there is none or it cannot be read. */
//|         static InstallRecord in(Path root) {
//|             InstallRecord r = new InstallRecord(root.resolve("installed.json"));
//|             try {
//|                 if (!FileReads.exists(r.file)) return r;
//|                 JsonObject o = Json.parse(FileReads.text(r.file, 1024 * 1024)).asObject();
//|                 JsonArray list = o.array("installs");
//|                 for (JsonObject e : list == null ? List.<JsonObject>of() : list.objects()) {
//|                     String command = e.string("command"), sha = e.string("sha256"), jar = e.string("jar");
//|                     if (command != null && sha != null && jar != null) r.entries.add(new Entry(Path.of(command), sha,
//|                             Path.of(jar)));
//|                 }
//|             } catch (IOException | RuntimeException unreadable) {
//|                 // a record that cannot be read names nothing: nothing is removed on its word
//|             }
//|             return r;
//|         }
//|
//|         /** The entry for {@code command}, or null. */
//|         Entry find(Path command) {
//|             for (Entry e : entries) if (e.command().equals(command)) return e;
//|             return null;
//|         }
//|
//|         /** Records {@code command} (replacing an entry for the same path) and writes the record. */
//|         void put(Path command, String sha256, Path jar) throws IOException {
//|             entries.removeIf(e -> e.command().equals(command));
//|             entries.add(new Entry(command, sha256, jar));
//|             save();
//|         }
//|
//|         /** Forgets {@code entry} and writes the record; with nothing left the record file goes too. */
//|         void remove(Entry entry) throws IOException {
//|             entries.remove(entry);
//|             if (entries.isEmpty()) SafeFile.remove(file);
//|             else save();
//|         }
//|
//|         private void save() throws IOException {
//|             List<JsonValue> list = new ArrayList<>();
//|             for (Entry e : entries) {
//|                 list.add(JsonValue.object("command", JsonValue.of(e.command().toString()), "sha256",
//|                         JsonValue.of(e.sha256()),
//|                         "jar", JsonValue.of(e.jar().toString())));
//|             }
//|             SafeFile.write(file, Json.pretty(JsonValue.object("installs", new JsonArray(list))) + "\n", false);
//|         }
//|
//|         /** The SHA-256 of {@code bytes}, in hex. */
//|         static String sha256(byte[] bytes) {
//|             try {
//|                 byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
//|                 StringBuilder sb = new StringBuilder();
//|                 for (byte b : d) sb.append(String.format("%02x", b & 0xff));
//|                 return sb.toString();
//|             } catch (java.security.NoSuchAlgorithmException e) {
//|                 throw new IllegalStateException(e);
//|             }
//|         }
//|
//|         static String sha256(String text) { return sha256(text.getBytes(StandardCharsets.UTF_8)); }
//|     }
//|
//|     // ---- lib/cli/Installer.java
//|     /**
//|      * {@code --install [--dir DIR] [--name NAME]} and {@code --uninstall}, which every script answers before anything
//|      * else, however it was started: JBang's jar ({@code ./jbang models}, {@code jbang models@openclaw}) or a bundle
//|      * run by plain {@code java models.java}. Installing puts the compiled program in a per-user folder,
//|      * {@code ${XDG_DATA_HOME:-~/.local/share}/openclaw-hf/VERSION/hf-models.jar} (a bundle is compiled into it first),
//|      * and writes the command {@code DIR/hf-models} (DIR: {@code ~/.local/bin}), a small sh script that runs
//|      * {@code java} with the script's start-up options and a class-data cache beside the jar, as {@link Launcher} (the
//|      * one policy, which the ./jbang fast path runs too) writes it. What install wrote is kept
//|      * in {@link InstallRecord}, and uninstall removes that alone.
//|      */
//|     static final class Installer {
//|         /** The first line after the shebang of every command we write: how {@code --uninstall} knows one of ours. */
//|         static final String MARK = "# Written by --install of the OpenClaw x Hugging Face toolkit; --uninstall removes it.";
//|
//|         private final String program;
//|         private final Map<String, String> env;
//|         private final PrintStream out;
//|
//|         Installer(String program, Map<String, String> env, PrintStream out) {
//|             this.program = program;
//|             this.env = env;
//|             this.out = out;
//|         }
//|
//|         /** Runs {@code --install} or {@code --uninstall} ({@code action}) with what follows it in {@code cli}. */
//|         int run(String action, CommandLine cli) throws IOException {
//|             Path dir = null;
//|             String name = null;
//|             while (cli.hasNext()) {
//|                 String arg = cli.next();
//|                 switch (arg) {
//|                     case "--dir" -> dir = Path.of(cli.value("--dir")).toAbsolutePath().normalize();
//|                     case "--name" -> name = checkedName(cli.value("--name"));
//|                     default -> throw new Cli.UsageException(action + " takes only --dir DIR and --name NAME, not '"
//|                             + Printable.line(arg) + "'");
//|                 }
//|             }
//|             if (action.equals("--uninstall")) return uninstall(dir, name);
//|             return install(dir == null ? home().resolve(".local/bin") : dir, name == null ? "hf-" + program : name);
//|         }
//|
//|         /**
//|          * A command's name goes into the sh script written for it and into file names: only letters, digits, '.', '_'
//|          * and '-', not starting with '-' (an option) or '.' (hidden), at most 64 characters. Nothing else can then
//|          * inject a command, break the script's syntax or name another program's cache.
//|          */
//|         private static String checkedName(String name) {
//|             if (!name.matches("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}")) {
//|                 String shown = name.length() > 64 ? name.substring(0, 64) + "\u2026" : name;
//|                 throw new Cli.UsageException("invalid value for --name: '" + Printable.line(shown)
//|                         + "' (letters, digits, '.', '_' and '-', not starting with '-' or '.', at most 64)");
//|             }
//|             return name;
//|         }
//|
//|         private int install(Path dir, String name) throws IOException {
//|             Path command = dir.resolve(name);
//|             java.nio.file.attribute.BasicFileAttributes there = SafeFile.attributesOrNull(command);
//|             if (there != null && !(there.isRegularFile() && ours(command))) {
//|                 throw new Cli.Failure(command
//|                         + " exists and was not written by --install; remove it or choose another --name");
//|             }
//|             // The command's folder first: if it cannot be written, nothing else is.
//|             SafeFile.createFolder(dir);
//|             Path root = dataHome().resolve("openclaw-hf");
//|             String script = Launcher.installed(name, MARK, new Launcher.Target(javaCommand(),
//|                     root.resolve(Cli.VERSION).resolve(name + ".jar"), program,
//|                     Runtime.version().feature()));
//|             checkSyntax(dir, name, script);
//|             Path home = root.resolve(Cli.VERSION);
//|             SafeFile.createFolder(home);
//|             // Named after the command, so that two commands of one program (--name) are two installs.
//|             Path jar = home.resolve(name + ".jar");
//|             forgetCaches(jar);
//|             SafeFile.write(jar, program(), false);
//|             SafeFile.writeCommand(command, script);
//|             InstallRecord.in(root).put(command, InstallRecord.sha256(script), jar);
//|             out.println("installed " + name + " (" + program + " " + Cli.VERSION + "): " + command);
//|             out.println("  it runs " + javaCommand() + " with " + jar);
//|             out.println(onPath(dir) ? "  " + dir + " is on your PATH: try '" + name + " --help'"
//|                     : "  " + dir + " is not on your PATH: add it (export PATH=\"" + dir
//|                             + ":$PATH\" in your shell's profile), or run " + command);
//|             return Cli.OK;
//|         }
//|
//|         /** Refuses, before anything is put in place, a script sh would not run (sh -n, with a bounded wait). */
//|         private static void checkSyntax(Path dir, String name, String script) throws IOException {
//|             Path temp = SafeFile.workFolder(dir, "." + name + ".check");
//|             try {
//|                 Path file = temp.resolve(name);
//|                 SafeFile.write(file, script, false);
//|                 Process sh = new ProcessBuilder("sh", "-n", file.toString()).redirectErrorStream(true).start();
//|                 boolean ended = sh.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
//|                 String said = new String(sh.getInputStream().readNBytes(2000), StandardCharsets.UTF_8).strip();
//|                 if (!ended) sh.destroyForcibly();
//|                 if (!ended || sh.exitValue() != 0) {
//|                     throw new Cli.Failure("the command written for " + name + " does not pass sh -n ("
//|                             + Printable.line(said.isEmpty() ? "no answer" : said)
//|                             + "); nothing was installed");
//|                 }
//|             } catch (InterruptedException e) {
//|                 Thread.currentThread().interrupt();
//|                 throw new Cli.Failure("interrupted; nothing was installed");
//|             } finally {
//|                 SafeFile.removeWorkFolder(temp);
//|             }
//|         }
//|
//|         private int uninstall(Path dir, String name) throws IOException {
//|             // Run as the installed command, it knows where it is; else the same defaults as --install.
//|             String installedAs = System.getProperty("openclaw.installedAs");
//|             Path given = dir == null && name == null && installedAs != null
//|                     ? Path.of(installedAs).toAbsolutePath().normalize()
//|                     : (dir == null ? home().resolve(".local/bin") : dir).resolve(name == null ? "hf-" + program : name);
//|             java.nio.file.attribute.BasicFileAttributes there = SafeFile.attributesOrNull(given);
//|             if (there == null) throw new Cli.Failure("nothing to uninstall: there is no " + given);
//|             // Through a link: the command it leads to is the one install wrote; the link itself is the user's.
//|             Path command = there.isSymbolicLink() ? given.toRealPath() : given;
//|             Path root = dataHome().resolve("openclaw-hf");
//|             InstallRecord record = InstallRecord.in(root);
//|             InstallRecord.Entry entry = record.find(command);
//|             if (entry == null) {
//|                 if (!Files.isRegularFile(command) || !ours(command)) throw new Cli.Failure(command
//|                         + " was not written by --install; left as it is");
//|                 throw new Cli.Failure(command + " is not in the record --install keeps (" + root.resolve("installed.json")
//|                         + "), so nothing is removed on its word; run --install again, then --uninstall");
//|             }
//|             if (!Files.isRegularFile(command, java.nio.file.LinkOption.NOFOLLOW_LINKS)
//|                     || !InstallRecord.sha256(FileReads.bytes(command, 1024 * 1024)).equals(entry.sha256())) {
//|                 throw new Cli.Failure(command
//|                         + " was changed since --install wrote it; left as it is (remove it yourself if you are sure)");
//|             }
//|             SafeFile.remove(command);
//|             out.println("removed " + command);
//|             Path jar = entry.jar();
//|             if (inside(jar, root) && Files.isRegularFile(jar, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
//|                 forgetCaches(jar);
//|                 SafeFile.remove(jar);
//|                 out.println("removed " + jar + " and its class-data caches");
//|             }
//|             record.remove(entry);
//|             // The version's folder and ours, when nothing else is left in them.
//|             for (Path folder = jar.getParent(); folder != null && folder.startsWith(root); folder = folder.getParent()) {
//|                 if (!SafeFile.removeIfEmpty(folder)) break;
//|             }
//|             if (!given.equals(command)) out.println("  the link " + given + " to it is left as it is");
//|             return Cli.OK;
//|         }
//|
//|         /** Whether {@code file} lies in {@code root} with no link on the way (a record's jar must). */
//|         private static boolean inside(Path file, Path root) {
//|             try {
//|                 Path real = file.toRealPath();
//|                 return real.equals(file.toAbsolutePath().normalize()) && real.startsWith(root.toRealPath());
//|             } catch (IOException gone) {
//|                 return false;
//|             }
//|         }
//|
//|         /** The program as one jar's bytes: JBang's jar as it is, or a bundle compiled from its source file. */
//|         private byte[] program() throws IOException {
//|             // A bundle's launcher names the program's own source (the launcher's file holds it behind comments).
//|             String source = System.getProperty("openclaw.bundle.source", System.getProperty("jdk.launcher.sourcefile"));
//|             if (source != null) return compile(Path.of(source));
//|             Path location;
//|             try {
//|                 location = Path.of(Installer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
//|             } catch (URISyntaxException | NullPointerException e) {
//|                 throw new Cli.Failure("cannot tell where this program was loaded from, so it cannot install itself");
//|             }
//|             if (!Files.isRegularFile(location) || !location.toString().endsWith(".jar")) {
//|                 throw new Cli.Failure("installs only from JBang's jar or a bundle run with java: this runs from "
//|                         + location);
//|             }
//|             return FileReads.bytes(location, 256L * 1024 * 1024);
//|         }
//|
//|         /** Compiles a bundle (one .java file) with the JDK's compiler, as the source launcher does, into a jar's bytes. */
//|         private byte[] compile(Path source) throws IOException {
//|             javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
//|             if (javac == null) throw new Cli.Failure("this Java has no compiler (a JRE?): install from a JDK");
//|             Path classes = SafeFile.workFolder(dataHome().resolve("openclaw-hf"), ".classes");
//|             try {
//|                 java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
//|                 int status = javac.run(null, said, said, "-d", classes.toString(), "-XDstringConcat=inline", "-proc:none",
//|                         "-nowarn", "-encoding", "UTF-8", source.toString());
//|                 if (status != 0) throw new Cli.Failure("could not compile " + source + ": "
//|                         + said.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("javac failed"));
//|                 Manifest manifest = new Manifest();
//|                 manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
//|                 manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, program);
//|                 java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
//|                 try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
//|                     for (Path file : FileReads.list(classes)) {
//|                         jar.putNextEntry(new JarEntry(file.getFileName().toString()));
//|                         jar.write(FileReads.bytes(file, 64L * 1024 * 1024));
//|                         jar.closeEntry();
//|                     }
//|                 }
//|                 return bytes.toByteArray();
//|             } finally {
//|                 SafeFile.removeWorkFolder(classes);
//|             }
//|         }
//|
//|         /**
//|          * Removes the class-data caches the command made beside {@code jar} ({@code hf-models-25.0.1+8.aot}, and the
//|          * files of one being made): they describe the jar being replaced. A cache whose name also fits another jar
//|          * there with a longer name is that one's: uninstalling {@code hf} leaves {@code hf-2}'s caches.
//|          */
//|         private static void forgetCaches(Path jar) throws IOException {
//|             Path folder = jar.getParent();
//|             if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
//|             String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
//|             java.util.regex.Pattern cache = java.util.regex.Pattern.compile("(.+)-[0-9][^/]*\\.(aot|jsa|conf)");
//|             List<String> jars = new ArrayList<>(List.of(base));
//|             List<Path> caches = new ArrayList<>();
//|             for (Path file : FileReads.list(folder)) {
//|                 String n = file.getFileName().toString();
//|                 if (n.endsWith(".jar")) jars.add(n.substring(0, n.length() - 4));
//|                 else if (cache.matcher(n).matches() && n.startsWith(base + "-")) caches.add(file);
//|             }
//|             for (Path file : caches) {
//|                 String owner = base, n = file.getFileName().toString();
//|                 for (String other : jars) if (other.length() > owner.length() && n.startsWith(other + "-")) owner = other;
//|                 if (owner.equals(base)) SafeFile.remove(file);
//|             }
//|         }
//|
//|         /**
//|          * Whether {@code command}'s second line is our mark (read through the file layer: a FIFO or a device is not ours).
//|          */
//|         private static boolean ours(Path command) {
//|             try {
//|                 String[] head = new String(FileReads.bytes(command, 1024 * 1024), StandardCharsets.UTF_8).split("\n", 3);
//|                 return head.length >= 2 && head[1].equals(MARK);
//|             } catch (IOException e) {
//|                 return false;
//|             }
//|         }
//|
//|         private boolean onPath(Path dir) {
//|             String path = env.getOrDefault("PATH", "");
//|             for (String entry : path.split(":", -1)) {
//|                 if (entry.isEmpty()) continue;
//|                 Path p = Path.of(entry).toAbsolutePath().normalize();
//|                 if (p.equals(dir)) return true;
//|                 try {
//|                     if (Files.isSameFile(p, dir)) return true;
//|                 } catch (IOException e) {
//|                     // an entry that does not exist is not this folder
//|                 }
//|             }
//|             return false;
//|         }
//|
//|         private Path home() {
//|             String home = env.get("HOME");
//|             return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home")).toAbsolutePath();
//|         }
//|
//|         /** {@code $XDG_DATA_HOME} when it is an absolute path (the spec ignores a relative one), else ~/.local/share. */
//|         private Path dataHome() {
//|             String xdg = env.get("XDG_DATA_HOME");
//|             return xdg != null && xdg.startsWith("/") ? Path.of(xdg) : home().resolve(".local/share");
//|         }
//|
//|         private static Path javaCommand() { return Path.of(System.getProperty("java.home"), "bin", "java"); }
//|     }
//|
//|     // ---- lib/cli/Invocation.java
//|     /**
//|      * How this run was started, so that a hint names a command that works as typed: {@code ./jbang models list} from a
//|      * checkout, {@code hf-models list} installed, {@code java models.java list} as a copied bundle, {@code jbang
//|      * models@openclaw list} through JBang's own launcher. Worked out once per run ({@link #of}) and kept in
//|      * {@link Running}; a hint asks {@link #command}.
//|      */
//|     static final class Invocation {
//|         private final String installedDir, installedPrefix, bundleDir, launcher;
//|         private final Path cwd;
//|
//|         private Invocation(String installedDir, String installedPrefix, String bundleDir, String launcher, Path cwd) {
//|             this.installedDir = installedDir;
//|             this.installedPrefix = installedPrefix;
//|             this.bundleDir = bundleDir;
//|             this.launcher = launcher;
//|             this.cwd = cwd;
//|         }
//|
//|         /** Nothing known: hints name the bare commands, as the README's own examples do. */
//|         static final Invocation BARE = new Invocation(null, null, null, null, null);
//|
//|         /**
//|          * This run's: the installed command's path ({@code -Dopenclaw.installedAs}, which the installed launcher sets),
//|          * else the bundle's source file ({@code jdk.launcher.sourcefile}), else the launcher JBang ran under
//|          * ({@code jbangLaunchCmd}: ./jbang, or JBang's own script), else {@link #BARE}.
//|          */
//|         static Invocation of(String jbangLaunchCmd, Path cwd) {
//|             return of(System.getProperty("openclaw.installedAs"), System.getProperty("jdk.launcher.sourcefile"),
//|                     jbangLaunchCmd, cwd);
//|         }
//|
//|         /**
//|          * {@link #of(String, Path)} from what it reads: the installed command, the bundle's source file, JBang's launcher.
//|          */
//|         static Invocation of(String installed, String source, String jbangLaunchCmd, Path cwd) {
//|             if (installed != null) {
//|                 Path command = Path.of(installed).toAbsolutePath().normalize();
//|                 String name = command.getFileName().toString();
//|                 int dash = name.indexOf('-');
//|                 return new Invocation(command.getParent().toString(), dash > 0 ? name.substring(0, dash + 1) : "hf-", null,
//|                         null, cwd);
//|             }
//|             if (source != null) {
//|                 Path parent = Path.of(source).toAbsolutePath().normalize().getParent();
//|                 return new Invocation(null, null, parent == null ? "." : parent.toString(), null, cwd);
//|             }
//|             if (jbangLaunchCmd != null && !jbangLaunchCmd.isBlank()) return new Invocation(null, null, null, jbangLaunchCmd,
//|                     cwd);
//|             return BARE;
//|         }
//|
//|         /**
//|          * The command that runs {@code program} ({@code models}, {@code chat}, {@code onboard}) as this run was started.
//|          */
//|         static String command(String program) { return Running.invocation().commandFor(program); }
//|
//|         String commandFor(String program) {
//|             if (installedDir != null) {
//|                 String sibling = installedPrefix + program;
//|                 Path there = Path.of(installedDir, sibling);
//|                 // Installed beside this one, or not yet: then it is what `PROGRAM --install` would write.
//|                 return onPath(installedDir) || !Files.isRegularFile(there) ? sibling : there.toString();
//|             }
//|             if (bundleDir != null) return "java " + shown(Path.of(bundleDir, program + ".java"));
//|             if (launcher != null) {
//|                 Path script = Path.of(launcher).toAbsolutePath().normalize();
//|                 // Our ./jbang sits beside scripts/; JBang's own launcher knows our scripts by their catalog alias.
//|                 if (Files.isRegularFile(script.resolveSibling("scripts").resolve(program + ".java"))) {
//|                     return shown(script) + " " + program;
//|                 }
//|                 return "jbang " + program + "@openclaw";
//|             }
//|             return program;
//|         }
//|
//|         /** {@code path} as typed from the current folder: {@code ./jbang} there, else the path itself. */
//|         private String shown(Path path) {
//|             if (cwd != null && cwd.getNameCount() > 0 && path.startsWith(cwd)) {
//|                 String rel = cwd.relativize(path).toString();
//|                 return rel.contains("/") ? rel : "./" + rel;
//|             }
//|             return path.toString();
//|         }
//|
//|         private static boolean onPath(String dir) {
//|             String path = System.getenv("PATH");
//|             if (path == null) return false;
//|             for (String entry : path.split(":")) if (!entry.isEmpty()
//|                     && Path.of(entry).toAbsolutePath().normalize().toString().equals(dir)) return true;
//|             return false;
//|         }
//|     }
//|
//|     // ---- lib/cli/Launcher.java
//|     /**
//|      * How our commands start java, the one place the class-data cache policy lives: the command {@code --install}
//|      * writes ({@link Installer}) and the launcher the ./jbang fast path runs are both written here, and ./jbang keeps
//|      * no policy of its own. Each is a small sh script: no fork before java on a warm run (a fork costs 5-10 ms here).
//|      * <p>
//|      * The cache sits beside the jar, named after the JDK's exact version (read from its release file, so an updated
//|      * JDK makes its own), made by the first real run (not {@code --help} and the like): JDK 25+ an AOT cache (JEP 483),
//|      * recorded by that run and assembled after it in the background, so that no run waits for it; JDK 19-24 an archive
//|      * the JVM creates itself; JDK 17-18 a dynamic CDS archive. A cache is mapped only when it is the user's own, and one
//|      * that is not is never replaced either; a cache that does not fit is ignored by the JVM, silently.
//|      */
//|     static final class Launcher {
//|         /**
//|          * The JVM options every script's {@code //JAVA_OPTIONS} starts with (ScriptsTest checks): why, see
//|          * scripts/models.java.
//|          */
//|         static final String START_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData";
//|
//|         /** Set by ./jbang on a run through JBang: the file to keep this run's launcher in, for its fast path. */
//|         static final String KEEP = "OPENCLAW_JBANG_KEEP";
//|
//|         private Launcher() { }
//|
//|         /**
//|          * What a launcher starts: this JDK's {@code java}, the program's {@code jar} and its {@code main} class; {@code
//|          * feature}: the JDK's.
//|          */
//|         record Target(Path java, Path jar, String main, int feature) { }
//|
//|         /**
//|          * The command {@code --install} writes as {@code name}: its first lines carry {@code mark} (how {@code --uninstall}
//|          * knows one of ours), and the program is told where it is installed ({@code -Dopenclaw.installedAs}).
//|          */
//|         static String installed(String name, String mark, Target t) {
//|             String gone = name + ": $java is gone; install again with the JDK you use now (" + t.main() + " --install)";
//|             return script(mark, "# " + name + ": the toolkit's " + t.main() + " " + Cli.VERSION + ", for the JDK below.",
//|                     gone,
//|                     "-Dopenclaw.installedAs=\"$0\" ", t);
//|         }
//|
//|         /** The launcher ./jbang's fast path runs while nothing the script is built from changed. */
//|         static String fastPath(Target t) {
//|             return script("# The ./jbang fast path's launcher of " + t.main()
//|                     + ": written by the program itself, run while its sources are unchanged.",
//|                     "# ./jbang removes it whenever JBang builds the script again.",
//|                             "./jbang: $java is gone; run ./jbang again", "", t);
//|         }
//|
//|         private static String script(String first, String second, String gone, String property, Target t) {
//|             String options = START_OPTIONS + " -Xlog:cds*=off" + (t.feature() >= 25 ? " -Xlog:aot*=off" : "");
//|             String run = "\"$java\" " + options + " %s" + property + "-cp \"$jar\" " + t.main() + " \"$@\"";
//|             StringBuilder s = new StringBuilder();
//|             s.append("#!/bin/sh\n").append(first).append('\n').append(second).append('\n');
//|             s.append("umask 077\n");
//|             // The same rule as ./jbang's, which says why.
//|             s.append("case ${LC_ALL:-${LC_CTYPE:-${LANG:-C}}} in C|POSIX) export "
//|                     + "LC_ALL=C.UTF-8 ").append(Output.TERMINAL_CHARSET)
//|                     .append("=US-ASCII ;; esac\n");
//|             s.append("java=").append(quoted(t.java().toString())).append('\n');
//|             s.append("jar=").append(quoted(t.jar().toString())).append('\n');
//|             s.append("if [ ! -x \"$java\" ]; then\n");
//|             s.append("  echo \"").append(gone).append("\" >&2\n");
//|             s.append("  exit 1\n");
//|             s.append("fi\n");
//|             s.append("runtime=\n");
//|             s.append("release=\"${java%/bin/java}/release\"\n");
//|             s.append("[ -r \"$release\" ] && while IFS= read -r line; do case $line in JAVA_RUNTIME_VERSION=*) "
//|                     + "runtime=${line#*\\\"}; runtime=${runtime%\\\"} ;; esac; done < \"$release\"\n");
//|             s.append("cache=\"${jar%.jar}-$runtime\"\n");
//|             s.append("train=1\n");
//|             s.append("for arg do case $arg in --) break ;; -h|--help|--version|--install|--uninstall) train=0 ;; esac; "
//|                     + "done\n");
//|             if (t.feature() >= 25) {
//|                 s.append("[ -f \"$cache.aot\" ] && [ -O \"$cache.aot\" ] && "
//|                         + "exec ").append(run.formatted("-XX:AOTCache=\"$cache.aot\" ")).append('\n');
//|                 s.append("{ [ $train = 0 ] || [ -e \"$cache.aot\" ]; } && exec ").append(run.formatted("")).append('\n');
//|                 s.append("# The first real run records the classes it uses (the JVM prints that it did on stdout unless "
//|                         + "told not to),\n");
//|                 s.append("# and the cache is assembled from that after it, in the background: no run waits for it.\n");
//|                 s.append("trap : INT\n");
//|                 s.append(run.formatted("-XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput -XX:AOTMode=record "
//|                         + "-XX:AOTConfiguration=\"$cache.$$.conf\" ")).append('\n');
//|                 s.append("status=$?\n");
//|                 s.append("( \"$java\" ").append(options).append(" -XX:AOTMode=create "
//|                         + "-XX:AOTConfiguration=\"$cache.$$.conf\" -XX:AOTCache=\"$cache.$$.aot\" -cp \"$jar\" &&\n");
//|                 s.append("  mv -f \"$cache.$$.aot\" \"$cache.aot\"; rm -f \"$cache.$$.conf\" \"$cache.$$.aot\" ) < "
//|                         + "/dev/null > /dev/null 2>&1 &\n");
//|                 s.append("exit $status\n");
//|             } else if (t.feature() >= 19) {
//|                 s.append("{ [ -f \"$cache.jsa\" ] && [ -O \"$cache.jsa\" ]; } || { [ ! -e \"$cache.jsa\" ] && [ $train = 1 "
//|                         + "]; } && exec ")
//|                         .append(run.formatted("-XX:+AutoCreateSharedArchive "
//|                                 + "-XX:SharedArchiveFile=\"$cache.jsa\" ")).append('\n');
//|                 s.append("exec ").append(run.formatted("")).append('\n');
//|             } else {
//|                 s.append("[ -f \"$cache.jsa\" ] && [ -O \"$cache.jsa\" ] && "
//|                         + "exec ").append(run.formatted("-XX:SharedArchiveFile=\"$cache.jsa\" ")).append('\n');
//|                 s.append("[ ! -e \"$cache.jsa\" ] && [ $train = 1 ] && "
//|                         + "exec ").append(run.formatted("-XX:ArchiveClassesAtExit=\"$cache.jsa\" ")).append('\n');
//|                 s.append("exec ").append(run.formatted("")).append('\n');
//|             }
//|             return s.toString();
//|         }
//|
//|         /** {@code text} as one sh word in single quotes. */
//|         static String quoted(String text) { return "'" + text.replace("'", "'\\''") + "'"; }
//|
//|         /**
//|          * The options JBang starts a script with that the launcher gives too (the scripts' //JAVA_OPTIONS, JBang's //CDS).
//|          */
//|         private static final Set<String> OPTIONS_WE_GIVE = Set.of(START_OPTIONS.split(" "));
//|
//|         /**
//|          * When ./jbang asked ({@link #KEEP}): keeps the launcher of this very run, started by JBang, for the fast path.
//|          * Only when the run is what a launcher starts (one jar, {@code program} its main class, no option but ours and
//|          * JBang's class-data one): otherwise, and on any error, nothing is kept and the next run goes through JBang again.
//|          */
//|         static void keepForFastPath(String program, String keep) {
//|             // ./jbang names the record after the script's path: only scripts/PROGRAM.java keeps a launcher for PROGRAM.
//|             if (keep == null || !keep.startsWith("/") || !keep.endsWith("%2F" + program + ".java.sh")) return;
//|             try {
//|                 String classPath = System.getProperty("java.class.path", "");
//|                 List<String> args = ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
//|                 if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar") || !startedByJBang(args,
//|                         classPath, program)) return;
//|                 Path file = Path.of(keep), jar = Path.of(classPath).toAbsolutePath();
//|                 if (!Files.isDirectory(file.getParent()) || !Files.isRegularFile(jar)) return;
//|                 Target t = new Target(Path.of(System.getProperty("java.home"), "bin", "java"), jar, program,
//|                         Runtime.version().feature());
//|                 SafeFile.writeCommand(file, fastPath(t));
//|             } catch (Exception e) {
//|                 // the fast path misses, and JBang runs the script as before
//|             }
//|         }
//|
//|         /**
//|          * Whether {@code args} (the JVM's, after {@code java}) start a program as a launcher would: options of ours or
//|          * JBang's class-data one, {@code -classpath JAR} among them, then {@code MAIN}.
//|          */
//|         static boolean startedByJBang(List<String> args, String jar, String main) {
//|             boolean classPath = false;
//|             for (int i = 0; i < args.size(); i++) {
//|                 String a = args.get(i);
//|                 if (a.equals("-classpath") || a.equals("-cp")) {
//|                     if (i + 1 == args.size() || !args.get(++i).equals(jar)) return false;
//|                     classPath = true;
//|                 } else if (!a.startsWith("-")) {
//|                     return classPath && a.equals(main);
//|                 } else if (!(OPTIONS_WE_GIVE.contains(a) || a.equals("-Xlog:cds*=off")
//|                         || a.startsWith("-XX:SharedArchiveFile=") || a.startsWith("-XX:ArchiveClassesAtExit="))) {
//|                     return false;
//|                 }
//|             }
//|             return false;
//|         }
//|     }
//|
//|     // ---- lib/cli/Options.java
//|     /**
//|      * One command's options, said once: what parsing accepts ({@link #take}), what a typo is matched against, which
//|      * go one at a time ({@link #requireAtMostOne}, one wording), and the lines its help lists ({@link #help}). An option
//|      * that is not in the table cannot be parsed, so none can be missing from {@code --help}.
//|      */
//|     static final class Options {
//|         /**
//|          * {@code -m, --model MODEL the model to ask}: a long name, an optional short one, the value it takes (or null).
//|          */
//|         record Option(String name, String shortName, String value, String help) { }
//|
//|         private final List<Option> options = new ArrayList<>();
//|         private final List<List<String>> exclusive = new ArrayList<>();
//|
//|         /** A flag or an option taking a value; {@code shortName} and {@code value} may be null. */
//|         Options add(String name, String shortName, String value, String help) {
//|             options.add(new Option(name, shortName, value, help));
//|             return this;
//|         }
//|
//|         /** Options of which at most one may be given. */
//|         Options oneOf(String... names) {
//|             exclusive.add(List.of(names));
//|             return this;
//|         }
//|
//|         List<Option> all() { return List.copyOf(options); }
//|
//|         /** A table of some of these options (a verb that takes fewer), with the one-at-a-time groups they fill. */
//|         Options only(String... names) {
//|             Options some = new Options();
//|             List<String> wanted = List.of(names);
//|             for (Option o : options) if (wanted.contains(o.name())) some.options.add(o);
//|             for (List<String> group : exclusive) if (wanted.containsAll(group)) some.exclusive.add(group);
//|             return some;
//|         }
//|
//|         /** The long name {@code arg} stands for (its long or short form), else a usage error with the nearest of these. */
//|         String take(CommandLine cli, String arg) {
//|             for (Option o : options) if (o.name().equals(arg) || arg.equals(o.shortName())) return o.name();
//|             List<String> names = new ArrayList<>();
//|             for (Option o : options) names.add(o.name());
//|             throw cli.unknown(arg, names.toArray(new String[0]));
//|         }
//|
//|         /**
//|          * Refuses two options of one {@link #oneOf} group, in one wording: {@code --offline and --refresh cannot be used
//|          * together}.
//|          */
//|         void requireAtMostOne(Set<String> given) {
//|             for (List<String> group : exclusive) {
//|                 List<String> both = new ArrayList<>();
//|                 for (String name : group) if (given.contains(name)) both.add(name);
//|                 if (both.size() > 1) throw new Cli.UsageException(both.get(0) + " and " + both.get(1)
//|                         + " cannot be used together");
//|             }
//|         }
//|
//|         /** The help lines, one option each, the texts aligned after the widest {@code -s, --name VALUE}. */
//|         String help() {
//|             int width = 0;
//|             for (Option o : options) width = Math.max(width, label(o).length());
//|             StringBuilder sb = new StringBuilder();
//|             for (Option o : options) {
//|                 String[] lines = o.help().split("\n");
//|                 sb.append("  ").append(String.format("%-" + width + "s",
//|                         label(o))).append("  ").append(lines[0]).append('\n');
//|                 for (int i = 1; i < lines.length; i++) sb.append(" ".repeat(width + 4)).append(lines[i]).append('\n');
//|             }
//|             return sb.toString();
//|         }
//|
//|         private static String label(Option o) {
//|             return (o.shortName() == null ? "" : o.shortName() + ", ") + o.name() + (o.value() == null ? "" : " "
//|                     + o.value());
//|         }
//|     }
//|
//|     // ---- lib/cli/Output.java
//|     /**
//|      * The process's stdout and stderr as the locale allows: what we print carries a few characters beyond
//|      * ASCII (a middle dot, an ellipsis, a dash, arrows; and whatever a model answers). Where the streams' encoding (the
//|      * JVM's
//|      * {@code stdout.encoding}, else the locale's {@code native.encoding}) can show them, nothing changes; where
//|      * it cannot (a C or POSIX locale: cron, systemd units, slim containers), they become ASCII stand-ins
//|      * ({@code ... - <- ->}) and anything else {@code ?}, where the JVM alone would print {@code ?} for all of them.
//|      */
//|     static final class Output {
//|         private Output() { }
//|
//|         /**
//|          * {@code given} as the locale allows it, when it is the process's own stdout or stderr; any other stream as it is.
//|          */
//|         static PrintStream forLocale(PrintStream given) {
//|             boolean stdout = given == System.out, stderr = given == System.err;
//|             if (!stdout && !stderr) return given;
//|             String name = terminalCharset(stdout);
//|             // Nearly always: nothing to check (an encoder's first use costs a start-up a few milliseconds).
//|             if (name.equalsIgnoreCase("UTF-8") || name.equalsIgnoreCase("UTF8")) return given;
//|             Charset charset;
//|             try {
//|                 charset = Charset.forName(name);
//|             } catch (RuntimeException unknown) {
//|                 return given;
//|             }
//|             if (charset.newEncoder().canEncode("\u00b7\u2026\u2014\u2190\u2192")) return given;
//|             given.flush();
//|             OutputStream fd = new BufferedOutputStream(new FileOutputStream(stdout ? FileDescriptor.out
//|                     : FileDescriptor.err), 8192);
//|             return new AsciiStream(new Ascii(fd));
//|         }
//|
//|         /**
//|          * Set by the launchers (./jbang, an installed command) when they ran Java under C.UTF-8 for a C or POSIX locale.
//|          */
//|         static final String TERMINAL_CHARSET = "OPENCLAW_HF_TERMINAL_CHARSET";
//|
//|         /**
//|          * What the terminal takes: {@value #TERMINAL_CHARSET} when a launcher ran Java under a UTF-8 locale so that
//|          * arguments arrive intact (a C or POSIX locale reads them as ASCII, each other character as U+FFFD), else the
//|          * JVM's {@code stdout.encoding}, else the locale's {@code native.encoding}.
//|          */
//|         private static String terminalCharset(boolean stdout) {
//|             String told = System.getenv(TERMINAL_CHARSET);
//|             if (told != null && !told.isBlank()) return told;
//|             return System.getProperty(stdout ? "stdout.encoding" : "stderr.encoding",
//|                     System.getProperty("native.encoding", "UTF-8"));
//|         }
//|
//|         /**
//|          * The process's stdout or stderr in ASCII stand-ins: JSON printed to it escapes what it cannot show ({@link
//|          * #json}).
//|          */
//|         static final class AsciiStream extends PrintStream {
//|             AsciiStream(OutputStream ascii) { super(ascii, true, StandardCharsets.UTF_8); }
//|         }
//|
//|         /**
//|          * Prints {@code json} (JSON text) on {@code out} exactly: where the output cannot carry a character beyond ASCII,
//|          * as a JSON escape (a backslash, u, four hex digits: valid in strings, where alone such characters stand), never a
//|          * stand-in.
//|          */
//|         static void json(PrintStream out, String json) {
//|             if (!(out instanceof SafeOutput safe && safe.asciiOnly()) && !(out instanceof AsciiStream)) {
//|                 out.println(json);
//|                 return;
//|             }
//|             StringBuilder sb = new StringBuilder(json.length() + 16);
//|             for (int i = 0; i < json.length(); i++) {
//|                 char c = json.charAt(i);
//|                 if (c < 0x80) sb.append(c);
//|                 else sb.append(String.format("\\u%04x", (int) c));
//|             }
//|             out.println(sb);
//|         }
//|
//|         /** The ASCII stand-in of one code point, or null to keep it (it is ASCII). */
//|         static String standIn(int codePoint) {
//|             if (codePoint < 0x80) return null;
//|             return switch (codePoint) {
//|                 case 0x2026 -> "...";
//|                 case 0x2192 -> "->";
//|                 case 0x2190 -> "<-";
//|                 case 0x00b7, 0x2014, 0x2013, 0x2212 -> "-";
//|                 case 0x00d7 -> "x";
//|                 case 0x2018, 0x2019 -> "'";
//|                 case 0x201c, 0x201d -> "\"";
//|                 case 0x00a0 -> " ";
//|                 default -> "?";
//|             };
//|         }
//|
//|         /** Takes UTF-8, writes ASCII: each code point beyond ASCII as its {@link #standIn}. */
//|         static final class Ascii extends FilterOutputStream {
//|             private int codePoint, pending;
//|
//|             Ascii(OutputStream out) { super(out); }
//|
//|             @Override
//|             public void write(int b) throws IOException {
//|                 b &= 0xff;
//|                 if (pending > 0 && (b & 0xc0) == 0x80) {
//|                     codePoint = (codePoint << 6) | (b & 0x3f);
//|                     if (--pending == 0) out.write(standIn(codePoint).getBytes(StandardCharsets.US_ASCII));
//|                     return;
//|                 }
//|                 if (pending > 0) out.write('?');   // a sequence cut short
//|                 pending = 0;
//|                 if (b < 0x80) {
//|                     out.write(b);
//|                 } else if (b >= 0xf0) {
//|                     codePoint = b & 0x07;
//|                     pending = 3;
//|                 } else if (b >= 0xe0) {
//|                     codePoint = b & 0x0f;
//|                     pending = 2;
//|                 } else if (b >= 0xc0) {
//|                     codePoint = b & 0x1f;
//|                     pending = 1;
//|                 } else {
//|                     out.write('?');
//|                 }
//|             }
//|
//|             @Override
//|             public void write(byte[] b, int off, int len) throws IOException {
//|                 for (int i = off; i < off + len; i++) write(b[i]);
//|             }
//|         }
//|     }
//|
//|     // ---- lib/cli/Printable.java
//|     /**
//|      * Text from outside (the router's model ids, names, provider names and statuses, its error messages, a Hub
//|      * account name, a model's answer and reasoning) made safe to print on a terminal: control characters, which
//|      * could move the cursor, retitle the window or write the clipboard (OSC 52), and the bidirectional overrides,
//|      * which can make text read as something else, are shown escaped ({@code \\u001b}, as Java and JSON write
//|      * them); everything else is as it came. {@code --json} output needs none of this: JSON escapes them itself.
//|      */
//|     static final class Printable {
//|         private Printable() { }
//|
//|         /** One line of text: every control character escaped, line ends too. */
//|         static String line(String text) { return text == null ? null : escape(text, false); }
//|
//|         /** Text that may run over lines: line feeds and tabs kept, every other control character escaped. */
//|         static String text(String text) { return text == null ? null : escape(text, true); }
//|
//|         private static String escape(String text, boolean lines) {
//|             int i = 0, n = text.length();
//|             while (i < n && safe(text.charAt(i), lines)) i++;
//|             if (i == n) return text;   // nearly always: no copy
//|             StringBuilder sb = new StringBuilder(n + 16).append(text, 0, i);
//|             for (; i < n; i++) {
//|                 char c = text.charAt(i);
//|                 if (safe(c, lines)) sb.append(c);
//|                 else sb.append(escaped(c));
//|             }
//|             return sb.toString();
//|         }
//|
//|         /** {@code c} as Java and JSON write it: {@code \\u001b}. */
//|         static String escaped(char c) { return String.format("\\u%04x", (int) c); }
//|
//|         /** Whether {@link #text} leaves {@code c} as it is. */
//|         static boolean safeInText(char c) { return safe(c, true); }
//|
//|         private static boolean safe(char c, boolean lines) {
//|             if (c >= 0x20 && c < 0x7f) return true;
//|             if (c < 0x20) return lines && (c == '\n' || c == '\t');
//|             if (c <= 0x9f) return false;                               // DEL and the C1 controls (0x9b is a CSI)
//|             return !(c >= 0x202a && c <= 0x202e) && !(c >= 0x2066 && c <= 0x2069) && c != 0x200e && c != 0x200f
//|                     && c != 0x061c;
//|         }
//|     }
//|
//|     // ---- lib/cli/Running.java
//|     /**
//|      * What one run of a command knows wherever its code is: the command's name, which every message on stderr
//|      * starts with, and every secret (token, proxy password) it has held, so that no message can carry one out whole.
//|      * <p>
//|      * Scoped to the run ({@link Cli#run} opens and closes it) and to the threads it starts, not to the JVM: tests
//|      * run many commands in one JVM, and one test's secrets must not hide what another prints. A run starts with the
//|      * secrets its thread already held (a test may make a token before running the command).
//|      */
//|     static final class Running {
//|         private final String program;
//|         private final Set<String> secrets = ConcurrentHashMap.newKeySet();
//|         private volatile Invocation invocation = Invocation.BARE;
//|
//|         private Running(String program) { this.program = program; }
//|
//|         private static final InheritableThreadLocal<Running> CURRENT = new InheritableThreadLocal<>() {
//|             @Override protected Running initialValue() { return new Running(null); }
//|         };
//|
//|         /** Opens the run of {@code program}; give what this returns to {@link #close}. */
//|         static Object open(String program) {
//|             Running outer = CURRENT.get();
//|             Running run = new Running(program);
//|             run.secrets.addAll(outer.secrets);
//|             CURRENT.set(run);
//|             return outer;
//|         }
//|
//|         static void close(Object outer) { CURRENT.set((Running) outer); }
//|
//|         /** The running command's name ({@code chat}, {@code models}, {@code onboard}). */
//|         static String program() {
//|             String program = CURRENT.get().program;
//|             return program != null ? program : "openclaw-hf";
//|         }
//|
//|         /** How this run was started (for hints that name a command); {@link Invocation#BARE} until a command says. */
//|         static Invocation invocation() { return CURRENT.get().invocation; }
//|
//|         static void invokedAs(Invocation how) { CURRENT.get().invocation = how; }
//|
//|         /** Remembers {@code secret}: from now on {@link #redact} hides it. */
//|         static void secret(String secret) {
//|             if (secret != null && secret.length() >= 8) CURRENT.get().secrets.add(secret);
//|         }
//|
//|         /** {@code message} with every remembered secret replaced by {@code [redacted]}; the last line of defence. */
//|         static String redact(String message) {
//|             if (message == null) return null;
//|             for (String secret : CURRENT.get().secrets) message = message.replace(secret, "[redacted]");
//|             return message;
//|         }
//|
//|         /**
//|          * How many chars at the end of {@code text} are the start of a remembered secret (not all of it): what
//|          * {@link SafeOutput} holds back until the next write shows whether the secret follows.
//|          */
//|         static int secretPrefixAtEnd(String text) {
//|             int best = 0;
//|             for (String secret : CURRENT.get().secrets) {
//|                 for (int k = Math.min(secret.length() - 1, text.length()); k > best; k--) {
//|                     if (text.regionMatches(text.length() - k, secret, 0, k)) {
//|                         best = k;
//|                         break;
//|                     }
//|                 }
//|             }
//|             return best;
//|         }
//|     }
//|
//|     // ---- lib/cli/SafeOutput.java
//|     /**
//|      * The one exit: every command's stdout and stderr are one of these ({@link #of}), so every line that carries
//|      * outside text (a router error, an answer, a code block, a provider's name, a REPL failure) leaves through the
//|      * same two rules, whoever printed it:
//|      * <ul>
//|      * <li>every secret this run holds ({@link Cli#secret}) is redacted, also when it arrives in pieces (a streamed
//|      *     answer): text that could be the start of a secret is held back until the next write shows it is not;
//|      * <li>control characters are escaped as {@link Printable#text} escapes them (line feeds and tabs kept), so
//|      *     nothing from outside can move the cursor, retitle the window or write the clipboard (OSC 52). The only
//|      *     escape sequences let through are the three styles {@link Term} uses (bold, dim, reset), which can neither
//|      *     move nor hide text; the spinner's carriage return and line erase go by {@link #control} alone.
//|      * </ul>
//|      * Before the two rules the locale's ({@link Output#forLocale}) applies. {@code ScriptsTest} fails when code in
//|      * {@code lib/} prints to the process's streams in any other way.
//|      */
//|     static final class SafeOutput extends PrintStream {
//|         private final PrintStream target;
//|         private final Filter filter;
//|
//|         private SafeOutput(PrintStream target, Filter filter) {
//|             super(filter, false, StandardCharsets.UTF_8);
//|             this.target = target;
//|             this.filter = filter;
//|         }
//|
//|         /** Whether what this prints goes out in ASCII stand-ins (a C or POSIX locale). */
//|         boolean asciiOnly() { return target instanceof Output.AsciiStream; }
//|
//|         /** Where what nobody is to see goes: the attempts of a batch item, whose one line says how it ended. */
//|         static final PrintStream NOWHERE = new PrintStream(java.io.OutputStream.nullOutputStream());
//|
//|         /** {@code given} behind the exit; a stream that already is one is returned as it is. */
//|         static PrintStream of(PrintStream given) {
//|             if (given instanceof SafeOutput) return given;
//|             PrintStream target = Output.forLocale(given);
//|             Filter filter = new Filter(target);
//|             return new SafeOutput(target, filter);
//|         }
//|
//|         /**
//|          * {@code text} as the exit would print it, for the one door that is not a stream: a prompt the JDK's Console
//|          * writes to the terminal itself (onboarding's questions). Secrets redacted, every control character escaped.
//|          */
//|         static String clean(String text) { return Printable.text(Running.redact(text)); }
//|
//|         /** Writes {@code sequence}, one of {@link Term}'s own, as it is: what the filter was holding goes first. */
//|         static void control(PrintStream stream, String sequence) {
//|             if (stream instanceof SafeOutput safe) {
//|                 synchronized (safe) {
//|                     safe.flush();
//|                     safe.filter.release();
//|                     safe.target.print(sequence);
//|                     safe.target.flush();
//|                 }
//|             } else {
//|                 stream.print(sequence);
//|                 stream.flush();
//|             }
//|         }
//|
//|         /** Prints all that is held back (the run is over: nothing more can complete a secret) and flushes. */
//|         static void release(PrintStream stream) {
//|             if (stream instanceof SafeOutput safe) {
//|                 synchronized (safe) {
//|                     safe.flush();
//|                     safe.filter.release();
//|                     safe.target.flush();
//|                 }
//|             } else {
//|                 stream.flush();
//|             }
//|         }
//|
//|         /** Receives what was printed as UTF-8, and prints it to the target escaped and redacted. */
//|         private static final class Filter extends OutputStream {
//|             private final PrintStream target;
//|             private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
//|                     .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
//|             /** Bytes of a character not yet whole. */
//|             private final ByteBuffer partial = ByteBuffer.allocate(8);
//|             /** Text held back: it may be the start of a secret, or of one of Term's styles. */
//|             private final StringBuilder held = new StringBuilder();
//|
//|             Filter(PrintStream target) { this.target = target; }
//|
//|             @Override
//|             public synchronized void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }
//|
//|             @Override
//|             public synchronized void write(byte[] bytes, int off, int len) {
//|                 ByteBuffer in = ByteBuffer.wrap(bytes, off, len);
//|                 CharBuffer out = CharBuffer.allocate(len + 8);
//|                 while (partial.position() > 0 && in.hasRemaining()) {
//|                     partial.put(in.get());
//|                     partial.flip();
//|                     CoderResult r = decoder.decode(partial, out, false);
//|                     partial.compact();
//|                     if (partial.position() == 0 || r.isError()) break;
//|                 }
//|                 decoder.decode(in, out, false);
//|                 while (in.hasRemaining()) partial.put(in.get());   // the start of a character the next write completes
//|                 out.flip();
//|                 held.append(out);
//|                 emit(false);
//|             }
//|
//|             @Override
//|             public synchronized void flush() { target.flush(); }
//|
//|             synchronized void release() { emit(true); }
//|
//|             private void emit(boolean all) {
//|                 String text = Running.redact(held.toString());
//|                 int keep = all ? 0 : Math.max(Running.secretPrefixAtEnd(text), styleStartAtEnd(text));
//|                 String now = text.substring(0, text.length() - keep);
//|                 held.setLength(0);
//|                 held.append(text, text.length() - keep, text.length());
//|                 if (!now.isEmpty()) target.print(escape(now));
//|             }
//|
//|             /** Control characters escaped, but for Term's styles {@code ESC[0m}, {@code ESC[1m}, {@code ESC[2m}. */
//|             private static String escape(String text) {
//|                 StringBuilder sb = null;
//|                 for (int i = 0; i < text.length(); i++) {
//|                     char c = text.charAt(i);
//|                     if (c == '\u001b' && isStyle(text, i)) {
//|                         if (sb != null) sb.append(text, i, i + 4);
//|                         i += 3;
//|                     } else if (Printable.safeInText(c)) {
//|                         if (sb != null) sb.append(c);
//|                     } else {
//|                         if (sb == null) sb = new StringBuilder(text.length() + 16).append(text, 0, i);
//|                         sb.append(Printable.escaped(c));
//|                     }
//|                 }
//|                 return sb == null ? text : sb.toString();
//|             }
//|
//|             private static boolean isStyle(String text, int at) {
//|                 return at + 3 < text.length() && text.charAt(at + 1) == '[' && "012".indexOf(text.charAt(at + 2)) >= 0
//|                         && text.charAt(at + 3) == 'm';
//|             }
//|
//|             /** How many chars at the end could begin one of Term's styles, not yet whole. */
//|             private static int styleStartAtEnd(String text) {
//|                 int n = text.length();
//|                 for (int k = Math.min(3, n); k > 0; k--) {
//|                     if (text.charAt(n - k) != '\u001b') continue;
//|                     String tail = text.substring(n - k);
//|                     if ("\u001b[0m".startsWith(tail) || "\u001b[1m".startsWith(tail)
//|                             || "\u001b[2m".startsWith(tail)) return k;
//|                 }
//|                 return 0;
//|             }
//|         }
//|     }
//|
//|     // ---- lib/cli/Signals.java
//|     /**
//|      * Ctrl-C (SIGINT) handled by us instead of ending the JVM, for the conversation: an answer is stopped, the
//|      * conversation goes on. Through {@code sun.misc.Signal} (module jdk.unsupported, in every JDK since 9),
//|      * reached by reflection so that compiling, a bundle's above all, prints no warning about internal API.
//|      */
//|     static final class Signals {
//|         private Signals() { }
//|
//|         /**
//|          * Runs {@code handler} on each Ctrl-C from now on; false where the JDK offers no way (the JVM then exits as usual).
//|          */
//|         static boolean onInterrupt(Runnable handler) {
//|             try {
//|                 Class<?> signal = Class.forName("sun.misc.Signal");
//|                 Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
//|                 Object interrupt = signal.getConstructor(String.class).newInstance("INT");
//|                 InvocationHandler calls = new InvocationHandler() {
//|                     @Override
//|                     public Object invoke(Object proxy, Method method, Object[] args) {
//|                         if (method.getName().equals("handle")) handler.run();
//|                         return null;
//|                     }
//|                 };
//|                 Object proxy = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {handlerType}, calls);
//|                 signal.getMethod("handle", signal, handlerType).invoke(null, interrupt, proxy);
//|                 return true;
//|             } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
//|                 return false;
//|             }
//|         }
//|     }
//|
//|     // ---- lib/cli/Suggestions.java
//|     /** "Did you mean": the nearest of the known words to a likely typo. */
//|     static final class Suggestions {
//|         private Suggestions() { }
//|
//|         /** The candidate nearest to {@code word} by edit distance, when it is near enough to be a likely typo. */
//|         static String closest(String word, Collection<String> candidates) {
//|             String best = null;
//|             int bestDistance = Integer.MAX_VALUE;
//|             for (String candidate : candidates) {
//|                 int d = distance(word.toLowerCase(), candidate.toLowerCase());
//|                 if (d < bestDistance) {
//|                     best = candidate;
//|                     bestDistance = d;
//|                 }
//|             }
//|             int allowed = Math.max(1, Math.min(3, word.length() / 3));
//|             return bestDistance <= allowed ? best : null;
//|         }
//|
//|         /** Edit distance counting a swap of two neighbours as one edit (optimal string alignment). */
//|         static int distance(String a, String b) {
//|             int[][] d = new int[a.length() + 1][b.length() + 1];
//|             for (int i = 0; i <= a.length(); i++) d[i][0] = i;
//|             for (int j = 0; j <= b.length(); j++) d[0][j] = j;
//|             for (int i = 1; i <= a.length(); i++) {
//|                 for (int j = 1; j <= b.length(); j++) {
//|                     int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
//|                     d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
//|                     if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
//|                         d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
//|                     }
//|                 }
//|             }
//|             return d[a.length()][b.length()];
//|         }
//|     }
//|
//|     // ---- lib/cli/Term.java
//|     /**
//|      * What the terminal allows: whether we print to one, its width, and whether colour is wanted
//|      * (a terminal, and no {@code NO_COLOR}). The only code that draws on the terminal: colour and the spinner.
//|      */
//|     static final class Term {
//|         /** Not a terminal: no spinner, no colour, no width limit. What tests and pipes get. */
//|         static final Term PLAIN = new Term(false, 0, false);
//|
//|         private static final int ASK_STTY = -1;
//|
//|         /** What {@link #spinner} gives when there is nothing to draw (a class, not a lambda: see Cli.Body). */
//|         static final AutoCloseable NO_SPINNER = new AutoCloseable() {
//|             @Override
//|             public void close() { }
//|         };
//|
//|         private final boolean tty;
//|         private final boolean colour;
//|         private final boolean spins;
//|         private int width;
//|
//|         /**
//|          * {@code width} 0 means no limit. No spinner: what tests use, since it would write over the output they compare.
//|          */
//|         Term(boolean tty, int width, boolean colour) { this(tty, width, colour, false); }
//|
//|         /** {@code spins}: whether {@link #spinner} draws (a real terminal). */
//|         Term(boolean tty, int width, boolean colour, boolean spins) {
//|             this.tty = tty;
//|             this.width = width;
//|             this.colour = colour;
//|             this.spins = spins;
//|         }
//|
//|         static Term detect(Map<String, String> environment) {
//|             boolean tty = isTerminal();
//|             String columns = environment.get("COLUMNS");
//|             // On a terminal without COLUMNS the width costs a process (stty): asked only when a table needs it.
//|             int width = columns != null && columns.matches("\\d{1,4}") ? Integer.parseInt(columns) : tty ? ASK_STTY : 0;
//|             boolean colour = tty && (environment.get("NO_COLOR") == null || environment.get("NO_COLOR").isEmpty())
//|                     && !"dumb".equals(environment.get("TERM"));
//|             return new Term(tty, width, colour, tty);
//|         }
//|
//|         boolean tty() { return tty; }
//|
//|         /**
//|          * What standard input is: text may be waiting in a PIPE or a FILE; a TERMINAL waits for typing; NONE is /dev/null.
//|          */
//|         enum Stdin { TERMINAL, PIPE, FILE, NONE, UNKNOWN }
//|
//|         /**
//|          * What standard input is, so that {@code cat FILE | chat "summarise"} reads the file and {@code chat "hi"} on a
//|          * terminal does not wait for typing. Linux says where fd 0 leads; else the launchers' {@code JBANG_STDIN_NOTTY}
//|          * (from the shell's {@code [ -t 0 ]}) says pipe or terminal; else UNKNOWN, read as before (not at all).
//|          */
//|         static Stdin stdin(Map<String, String> environment) {
//|             try {
//|                 String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/0")).toString();
//|                 if (target.startsWith("/dev/pts/") || target.startsWith("/dev/tty")
//|                         || target.equals("/dev/console")) return Stdin.TERMINAL;
//|                 if (target.equals("/dev/null")) return Stdin.NONE;
//|                 if (target.startsWith("pipe:") || target.startsWith("socket:")) return Stdin.PIPE;
//|                 return Stdin.FILE;
//|             } catch (Exception notLinux) {
//|                 String said = environment.get("JBANG_STDIN_NOTTY");
//|                 return "true".equals(said) ? Stdin.PIPE : "false".equals(said) ? Stdin.TERMINAL : Stdin.UNKNOWN;
//|             }
//|         }
//|
//|         boolean colour() { return colour; }
//|
//|         /** The columns a line may use; 0 for no limit. */
//|         int width() {
//|             if (width == ASK_STTY) width = sttyWidth();
//|             return width;
//|         }
//|
//|         /** JDK 22+ gives a Console even when redirected and says so through isTerminal(); older JDKs give none. */
//|         private static boolean isTerminal() {
//|             java.io.Console console = System.console();
//|             if (console == null) return false;
//|             try {
//|                 Method isTerminal = console.getClass().getMethod("isTerminal");
//|                 return (Boolean) isTerminal.invoke(console);
//|             } catch (ReflectiveOperationException e) {
//|                 return true;
//|             }
//|         }
//|
//|         private static int sttyWidth() {
//|             try {
//|                 Process p = new ProcessBuilder("stty",
//|                         "size").redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/tty"))).start();
//|                 String[] size = new String(p.getInputStream().readAllBytes()).trim().split("\\s+");
//|                 return p.waitFor() == 0 && size.length == 2 ? Integer.parseInt(size[1]) : 0;
//|             } catch (Exception e) {
//|                 return 0;
//|             }
//|         }
//|
//|         String bold(String s) { return colour ? "\u001b[1m" + s + "\u001b[0m" : s; }
//|
//|         String dim(String s) { return colour ? "\u001b[2m" + s + "\u001b[0m" : s; }
//|
//|         /** A spinner on {@code err} while {@code label} runs; nothing at all when not on a terminal. */
//|         AutoCloseable spinner(PrintStream err, String label) {
//|             if (!spins) return NO_SPINNER;
//|             Thread thread = new Thread(() -> {
//|                 String frames = "|/-\\";
//|                 try {
//|                     for (int i = 0; ; i++) {
//|                         SafeOutput.control(err, "\r" + frames.charAt(i % frames.length()) + " " + label);
//|                         Thread.sleep(100);
//|                     }
//|                 } catch (InterruptedException done) {
//|                     SafeOutput.control(err, "\r\u001b[K");
//|                 }
//|             }, "spinner");
//|             thread.setDaemon(true);
//|             // Ctrl-C while it spins: the line is cleared before the JVM ends (the command's own hook says why it ended).
//|             Thread clear = new Thread(() -> {
//|                 thread.interrupt();
//|                 try {
//|                     thread.join(500);
//|                 } catch (InterruptedException e) {
//|                     Thread.currentThread().interrupt();
//|                 }
//|             });
//|             Runtime.getRuntime().addShutdownHook(clear);
//|             thread.start();
//|             return () -> {
//|                 thread.interrupt();
//|                 thread.join(500);
//|                 try {
//|                     Runtime.getRuntime().removeShutdownHook(clear);
//|                 } catch (IllegalStateException shuttingDown) {
//|                     // the hook runs anyway, and finds the spinner gone
//|                 }
//|             };
//|         }
//|     }
//|
//|     // ---- lib/sqlite/SqliteDatabase.java
//|     /**
//|      * A read-only reader of SQLite 3 database files, after sqlite.org's "Database File Format": the 100-byte
//|      * header, table B-trees (interior and leaf pages), records, overflow pages, and the write-ahead log's
//|      * committed frames ({@link SqliteWal}), which stand in for the pages they hold. Enough to read a rowid
//|      * table whole: the schema table names each table's root page.
//|      * <p>
//|      * It opens the files for reading only, takes no lock, and writes nothing (not even the {@code -shm}
//|      * index a SQLite connection would make), so it cannot disturb the program that owns the database. What
//|      * it reads is the last committed state; a database changed while it reads may look damaged, which the
//|      * caller reports as a warning.
//|      */
//|     static final class SqliteDatabase implements AutoCloseable {
//|         /** One row of a table: its rowid and its columns in table order (an INTEGER PRIMARY KEY column is null here). */
//|         record Row(long rowid, List<Object> values) { }
//|
//|         private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
//|         private static final int LEAF_TABLE = 0x0d, INTERIOR_TABLE = 0x05;
//|
//|         private final Path file;
//|         private final FileChannel db;
//|         private final SqliteWal wal;
//|         private final FileChannel log;
//|         private final int pageSize;
//|         private final int usable;
//|         private final int pageCount;
//|         private final Charset text;
//|
//|         private SqliteDatabase(Path file, FileChannel db, SqliteWal wal, FileChannel log, int pageSize, int usable,
//|                 int pageCount, Charset text) {
//|             this.file = file;
//|             this.db = db;
//|             this.wal = wal;
//|             this.log = log;
//|             this.pageSize = pageSize;
//|             this.usable = usable;
//|             this.pageCount = pageCount;
//|             this.text = text;
//|         }
//|
//|         /** Opens {@code file} (and its {@code -wal}, when there is one) for reading. */
//|         static SqliteDatabase open(Path file) throws IOException, SqliteException {
//|             FileChannel db = FileReads.channel(file);
//|             try {
//|                 ByteBuffer header = ByteBuffer.allocate(100);
//|                 if (db.read(header, 0) < 100 || !header.slice(0, 16).equals(ByteBuffer.wrap(MAGIC))) {
//|                     throw new SqliteException(file + ": not a SQLite 3 database");
//|                 }
//|                 int pageSize = header.getShort(16) & 0xffff;
//|                 if (pageSize == 1) pageSize = 65536;
//|                 if (pageSize < 512 || Integer.bitCount(pageSize) != 1) throw new SqliteException(file + ": bad page size "
//|                         + pageSize);
//|                 int usable = pageSize - (header.get(20) & 0xff);
//|                 Charset text = switch (header.getInt(56)) {
//|                     case 2 -> StandardCharsets.UTF_16LE;
//|                     case 3 -> StandardCharsets.UTF_16BE;
//|                     default -> StandardCharsets.UTF_8;
//|                 };
//|                 Path walFile = file.resolveSibling(file.getFileName() + "-wal");
//|                 SqliteWal wal = SqliteWal.read(walFile, pageSize);
//|                 // The header's page count holds only when it was written by the same change as the
//|                 // version-valid-for number; otherwise the file's length says it. A commit in the log says it last.
//|                 long inHeader = header.getInt(28) & 0xffffffffL;
//|                 long pages = inHeader > 0 && header.getInt(24) == header.getInt(92) ? inHeader : db.size() / pageSize;
//|                 if (wal.databasePages > 0) pages = wal.databasePages;
//|                 FileChannel log = wal.pages.isEmpty() ? null : FileReads.channel(walFile);
//|                 return new SqliteDatabase(file, db, wal, log, pageSize, usable, (int) Math.min(pages, Integer.MAX_VALUE),
//|                         text);
//|             } catch (IOException | SqliteException | RuntimeException e) {
//|                 db.close();
//|                 throw e;
//|             }
//|         }
//|
//|         /** Every row of the rowid table {@code name}, in rowid order; an empty list when there is no such table. */
//|         List<Row> rows(String name) throws IOException, SqliteException {
//|             for (Row entry : table(1)) {
//|                 List<Object> v = entry.values();
//|                 // sqlite_schema: type, name, tbl_name, rootpage, sql
//|                 if (v.size() >= 4 && "table".equals(v.get(0)) && name.equals(v.get(1)) && v.get(3) instanceof Long root) {
//|                     if (root < 1 || root > pageCount) throw new SqliteException(file + ": table " + name + " has root page "
//|                             + root + " of " + pageCount);
//|                     return table(root.intValue());
//|                 }
//|             }
//|             return List.of();
//|         }
//|
//|         /** The rows of the table B-tree rooted at {@code root}, walked depth first, each page once. */
//|         private List<Row> table(int root) throws IOException, SqliteException {
//|             List<Row> rows = new ArrayList<>();
//|             BitSet visited = new BitSet();
//|             List<Integer> todo = new ArrayList<>(List.of(root));
//|             while (!todo.isEmpty()) {
//|                 int number = todo.remove(todo.size() - 1);
//|                 if (visited.get(number)) throw new SqliteException(where(number) + "visited twice: the tree has a loop");
//|                 visited.set(number);
//|                 byte[] page = page(number);
//|                 int at = number == 1 ? 100 : 0;
//|                 int type = page[at] & 0xff, cells = u16(page, at + 3);
//|                 int header = type == INTERIOR_TABLE ? 12 : 8;
//|                 if (type != LEAF_TABLE && type != INTERIOR_TABLE) throw new SqliteException(where(number)
//|                         + "is not a table B-tree page (type " + type + ")");
//|                 if (at + header + 2 * cells > usable) throw new SqliteException(where(number) + "has more cells than fit");
//|                 List<Integer> children = new ArrayList<>();
//|                 for (int i = 0; i < cells; i++) {
//|                     int cell = u16(page, at + header + 2 * i);
//|                     if (cell < at + header || cell >= usable) throw new SqliteException(where(number) + "cell " + i
//|                             + " points outside the page");
//|                     if (type == INTERIOR_TABLE) children.add(child(page, cell, number));
//|                     else rows.add(leafCell(page, cell, number));
//|                 }
//|                 if (type == INTERIOR_TABLE) children.add(child(page, at + 8, number));
//|                 // Pushed last to first, so that pages are taken in key order and rows come out sorted by rowid.
//|                 for (int i = children.size() - 1; i >= 0; i--) todo.add(children.get(i));
//|             }
//|             return rows;
//|         }
//|
//|         private int child(byte[] page, int at, int number) throws SqliteException {
//|             int child = page.length >= at + 4 ? ByteBuffer.wrap(page, at, 4).getInt() : 0;
//|             if (child < 1 || child > pageCount) throw new SqliteException(where(number) + "points to page " + child + " of "
//|                     + pageCount);
//|             return child;
//|         }
//|
//|         /** A leaf cell: payload size, rowid, the payload's local part, then (if it spills) its overflow chain. */
//|         private Row leafCell(byte[] page, int cell, int number) throws IOException, SqliteException {
//|             long[] read = new long[2];
//|             SqliteRecord.varint(page, cell, read);
//|             long size = read[0];
//|             SqliteRecord.varint(page, (int) read[1], read);
//|             long rowid = read[0];
//|             int start = (int) read[1];
//|             if (size > 64L * 1024 * 1024) throw new SqliteException(where(number) + "holds a row of " + size + " bytes");
//|             byte[] payload = new byte[(int) size];
//|             int local = localSize((int) size);
//|             if (start + local > usable) throw new SqliteException(where(number) + "a cell runs past the page");
//|             System.arraycopy(page, start, payload, 0, local);
//|             if (local < size) overflow(payload, local, ByteBuffer.wrap(page, start + local, 4).getInt(), number);
//|             return new Row(rowid, SqliteRecord.decode(payload, text));
//|         }
//|
//|         /** How much of a payload of {@code size} bytes a table leaf page keeps itself (the rest overflows). */
//|         private int localSize(int size) {
//|             int max = usable - 35;
//|             if (size <= max) return size;
//|             int min = (usable - 12) * 32 / 255 - 23;
//|             int local = min + (size - min) % (usable - 4);
//|             return local <= max ? local : min;
//|         }
//|
//|         /** Fills the rest of {@code payload} from the overflow chain starting at {@code next}. */
//|         private void overflow(byte[] payload, int filled, int next, int from) throws IOException, SqliteException {
//|             BitSet visited = new BitSet();
//|             while (filled < payload.length) {
//|                 if (next < 1 || next > pageCount || visited.get(next)) throw new SqliteException(where(from)
//|                         + "has a broken overflow chain at page " + next);
//|                 visited.set(next);
//|                 byte[] page = page(next);
//|                 int n = Math.min(usable - 4, payload.length - filled);
//|                 System.arraycopy(page, 4, payload, filled, n);
//|                 filled += n;
//|                 next = ByteBuffer.wrap(page, 0, 4).getInt();
//|             }
//|         }
//|
//|         /**
//|          * Page {@code number} (1-based) as it is after the last commit: from the log when it holds it, else from the file.
//|          */
//|         private byte[] page(int number) throws IOException, SqliteException {
//|             if (number < 1 || number > pageCount) throw new SqliteException(file + ": no page " + number
//|                     + " (the database has " + pageCount + ")");
//|             Long inLog = wal.pages.get(number);
//|             FileChannel from = inLog != null ? log : db;
//|             long at = inLog != null ? inLog : (long) (number - 1) * pageSize;
//|             ByteBuffer page = ByteBuffer.allocate(pageSize);
//|             while (page.hasRemaining()) {
//|                 if (from.read(page, at + page.position()) < 0) throw new SqliteException(where(number)
//|                         + "is cut short: the file ends inside it");
//|             }
//|             return page.array();
//|         }
//|
//|         private String where(int page) { return file + ": page " + page + " "; }
//|
//|         private static int u16(byte[] b, int at) { return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff); }
//|
//|         @Override
//|         public void close() throws IOException {
//|             try {
//|                 db.close();
//|             } finally {
//|                 if (log != null) log.close();
//|             }
//|         }
//|     }
//|
//|     // ---- lib/sqlite/SqliteException.java
//|     /**
//|      * A file that is not the SQLite 3 database this reader expects, or one damaged past reading: the message
//|      * names the file and, where it can, the page. Callers treat it as a warning: the database is OpenClaw's,
//|      * and reading it is a courtesy, never a reason to stop.
//|      */
//|     static final class SqliteException extends Exception {
//|         SqliteException(String message) { super(message); }
//|     }
//|
//|     // ---- lib/sqlite/SqliteRecord.java
//|     /**
//|      * A row as SQLite stores it ("Database File Format", 2.1 Record Format): a header of varints (its own
//|      * size, then one serial type per column), then the values. Values come back as null, Long, Double,
//|      * String (in the database's text encoding) or byte[].
//|      */
//|     static final class SqliteRecord {
//|         private SqliteRecord() { }
//|
//|         static List<Object> decode(byte[] record, Charset text) throws SqliteException {
//|             long[] read = new long[2];
//|             varint(record, 0, read);
//|             int headerSize = (int) read[0], at = (int) read[1];
//|             if (headerSize < at || headerSize > record.length) throw new SqliteException("a record header runs past its "
//|                     + "record");
//|             List<Long> types = new ArrayList<>();
//|             while (at < headerSize) {
//|                 varint(record, at, read);
//|                 types.add(read[0]);
//|                 at = (int) read[1];
//|             }
//|             List<Object> values = new ArrayList<>(types.size());
//|             int body = headerSize;
//|             for (long type : types) {
//|                 int size = size(type);
//|                 if (size < 0 || body
//|                         + size > record.length) throw new SqliteException("a record's values run past its end");
//|                 values.add(value(type, record, body, size, text));
//|                 body += size;
//|             }
//|             return values;
//|         }
//|
//|         /** How many bytes a value of this serial type takes; -1 for the reserved types 10 and 11. */
//|         private static int size(long type) {
//|             if (type >= 12) return (int) Math.min(Integer.MAX_VALUE, (type - (type % 2 == 0 ? 12 : 13)) / 2);
//|             return switch ((int) type) {
//|                 case 0, 8, 9 -> 0;
//|                 case 1 -> 1;
//|                 case 2 -> 2;
//|                 case 3 -> 3;
//|                 case 4 -> 4;
//|                 case 5 -> 6;
//|                 case 6, 7 -> 8;
//|                 default -> -1;
//|             };
//|         }
//|
//|         private static Object value(long type, byte[] b, int at, int size, Charset text) {
//|             if (type == 0) return null;
//|             if (type == 8) return 0L;
//|             if (type == 9) return 1L;
//|             if (type == 7) return Double.longBitsToDouble(integer(b, at, 8));
//|             if (type < 7) return integer(b, at, size);
//|             if (type % 2 == 1) return new String(b, at, size, text);
//|             byte[] blob = new byte[size];
//|             System.arraycopy(b, at, blob, 0, size);
//|             return blob;
//|         }
//|
//|         /** A big-endian two's-complement integer of {@code size} bytes. */
//|         private static long integer(byte[] b, int at, int size) {
//|             long v = b[at];   // sign from the first byte
//|             for (int i = 1; i < size; i++) v = (v << 8) | (b[at + i] & 0xff);
//|             return v;
//|         }
//|
//|         /**
//|          * Reads the varint at {@code at} (1 to 9 bytes, 7 bits each, big-endian; all 8 bits of a ninth)
//|          * into {@code out}: its value, then the position after it.
//|          */
//|         static void varint(byte[] b, int at, long[] out) throws SqliteException {
//|             long v = 0;
//|             for (int i = 0; i < 9; i++) {
//|                 if (at + i >= b.length) throw new SqliteException("a varint runs past its page");
//|                 int c = b[at + i] & 0xff;
//|                 if (i == 8) {
//|                     v = (v << 8) | c;
//|                     out[0] = v;
//|                     out[1] = at + 9;
//|                     return;
//|                 }
//|                 v = (v << 7) | (c & 0x7f);
//|                 if (c < 0x80) {
//|                     out[0] = v;
//|                     out[1] = at + i + 1;
//|                     return;
//|                 }
//|             }
//|         }
//|     }
//|
//|     // ---- lib/sqlite/SqliteWal.java
//|     /**
//|      * The committed content of a SQLite write-ahead log ({@code <db>-wal}), per sqlite.org's "Database File
//|      * Format", section 4: a 32-byte header (magic, version, page size, checkpoint sequence, two salts, a
//|      * checksum), then frames of a 24-byte header (page number, database size in pages for a commit frame,
//|      * the salts, a checksum) and one page. A frame counts only when its salts are the header's and its
//|      * checksum, which runs on from the one before, is right; and only frames up to the last commit frame
//|      * among those are committed. A reader sees, for each page, the last committed frame that holds it.
//|      */
//|     static final class SqliteWal {
//|         private static final int HEADER = 32, FRAME_HEADER = 24;
//|
//|         /** Page number -> where its newest committed copy starts in the log. */
//|         final Map<Integer, Long> pages;
//|         /** The database size in pages after the last commit; 0 when nothing is committed. */
//|         final int databasePages;
//|
//|         private SqliteWal(Map<Integer, Long> pages, int databasePages) {
//|             this.pages = pages;
//|             this.databasePages = databasePages;
//|         }
//|
//|         /** An empty log: no file, an empty file, or a header that does not check out (as SQLite ignores it). */
//|         static final SqliteWal NONE = new SqliteWal(Map.of(), 0);
//|
//|         static SqliteWal read(Path file, int pageSize) throws IOException {
//|             try (FileChannel log = FileReads.channel(file)) {
//|                 return read(log, pageSize);
//|             } catch (NoSuchFileException none) {
//|                 return NONE;
//|             }
//|         }
//|
//|         private static SqliteWal read(FileChannel log, int pageSize) throws IOException {
//|             ByteBuffer header = ByteBuffer.allocate(HEADER);
//|             if (log.read(header, 0) < HEADER) return NONE;
//|             int magic = header.getInt(0);
//|             if (magic != 0x377f0682 && magic != 0x377f0683) return NONE;
//|             boolean bigEndian = (magic & 1) == 1;
//|             if (header.getInt(8) != pageSize) return NONE;
//|             int[] sum = checksum(bigEndian, header.array(), 0, 24, 0, 0);
//|             if (sum[0] != header.getInt(24) || sum[1] != header.getInt(28)) return NONE;
//|             int salt1 = header.getInt(16), salt2 = header.getInt(20);
//|             Map<Integer, Long> seen = new HashMap<>(), committed = new HashMap<>();
//|             int databasePages = 0;
//|             ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER + pageSize);
//|             for (long at = HEADER; at + FRAME_HEADER + pageSize <= log.size(); at += FRAME_HEADER + pageSize) {
//|                 frame.clear();
//|                 while (frame.hasRemaining() && log.read(frame, at + frame.position()) > 0) { }
//|                 if (frame.hasRemaining()) break;
//|                 if (frame.getInt(8) != salt1 || frame.getInt(12) != salt2) break;
//|                 sum = checksum(bigEndian, frame.array(), 0, 8, sum[0], sum[1]);
//|                 sum = checksum(bigEndian, frame.array(), FRAME_HEADER, pageSize, sum[0], sum[1]);
//|                 if (sum[0] != frame.getInt(16) || sum[1] != frame.getInt(20)) break;
//|                 int page = frame.getInt(0);
//|                 if (page < 1) break;
//|                 seen.put(page, at + FRAME_HEADER);
//|                 int commitSize = frame.getInt(4);
//|                 if (commitSize != 0) {
//|                     committed.putAll(seen);
//|                     seen.clear();
//|                     databasePages = commitSize;
//|                 }
//|             }
//|             return new SqliteWal(committed, databasePages);
//|         }
//|
//|         /** SQLite's WAL checksum over {@code length} bytes (a multiple of 8), continuing from {@code s0, s1}. */
//|         static int[] checksum(boolean bigEndian, byte[] data, int offset, int length, int s0, int s1) {
//|             ByteBuffer words = ByteBuffer.wrap(data, offset, length).order(bigEndian ? java.nio.ByteOrder.BIG_ENDIAN
//|                     : java.nio.ByteOrder.LITTLE_ENDIAN);
//|             for (int i = offset; i < offset + length; i += 8) {
//|                 s0 += words.getInt(i) + s1;
//|                 s1 += words.getInt(i + 4) + s0;
//|             }
//|             return new int[] {s0, s1};
//|         }
//|     }
//|
//|     // ---- lib/config/BillTo.java
//|     /**
//|      * The Hugging Face organization that pays for inference, and where that was said: {@code --bill-to ORG}, else
//|      * {@code HF_BILL_TO} (environment, .env files, config env.vars), else the config's
//|      * {@code models.providers.huggingface.headers["X-HF-Bill-To"]}, which OpenClaw itself sends. It goes out as the
//|      * {@code X-HF-Bill-To} header on inference requests only (chat completions): never on the model list or whoami.
//|      */
//|     record BillTo(String org, String source) {
//|         static final String HEADER = "X-HF-Bill-To";
//|         static final String VARIABLE = "HF_BILL_TO";
//|         static final List<String> HEADERS = List.of("models", "providers", "huggingface", "headers");
//|         /** Hub organization names: letters, digits, '-', '_', '.'; nothing a header could be split on. */
//|         private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,95}");
//|
//|         /** The choice in force, or null when inference is billed to the token's own account. */
//|         static BillTo of(String flag, Env env, JsonValue config) {
//|             if (flag != null) return flag(flag);
//|             // Who pays is the user's choice, not a folder's they merely stand in (a cloned repository's ./.env).
//|             Env.Value v = env.lookupNotFromHere(VARIABLE, env::warn);
//|             if (v != null && !v.value().isBlank()) return checked(v.value().strip(), v.source());
//|             String header = header(config);
//|             return header == null ? null : checked(header, "config models.providers.huggingface.headers." + HEADER);
//|         }
//|
//|         /**
//|          * The organization the config's {@code headers} entry bills: the only one OpenClaw bills (null: the token's own
//|          * account).
//|          */
//|         static String header(JsonValue config) {
//|             JsonObject headers = config.objectAt(HEADERS);
//|             if (headers == null) return null;
//|             for (Map.Entry<String, JsonValue> h : headers.members().entrySet()) {
//|                 if (h.getKey().equalsIgnoreCase(HEADER) && h.getValue() instanceof JsonString s
//|                         && !s.value().isBlank()) return s.value().strip();
//|             }
//|             return null;
//|         }
//|
//|         /**
//|          * What {@code status} says when this choice is this toolkit's alone: OpenClaw knows no {@code HF_BILL_TO} and bills
//|          * only through the {@code headers} entry. Null when OpenClaw bills the same.
//|          */
//|         String oursAlone(JsonValue config) {
//|             String theirs = header(config);
//|             if (org.equals(theirs)) return null;
//|             return source + " is this toolkit's alone: OpenClaw bills " + (theirs == null ? "the token's own account"
//|                     : theirs + " (its headers entry)")
//|                     + "; to bill " + org + " in OpenClaw too, set models.providers.huggingface.headers." + HEADER + " to "
//|                             + org;
//|         }
//|
//|         /** {@code --bill-to ORG}, checked: a wrong name is a usage error. */
//|         static BillTo flag(String org) {
//|             if (!NAME.matcher(org).matches()) throw new Cli.UsageException("--bill-to: '" + shortened(org)
//|                     + "' is not an organization name");
//|             return new BillTo(org, "--bill-to");
//|         }
//|
//|         private static BillTo checked(String org, String source) {
//|             if (!NAME.matcher(org).matches()) throw new Cli.Failure(source + ": '" + shortened(org)
//|                     + "' is not an organization name");
//|             return new BillTo(org, source);
//|         }
//|
//|         /**
//|          * A name as a refusal quotes it: escaped, and its first 40 characters when it is longer (a name has at most 96).
//|          */
//|         private static String shortened(String org) { return Printable.line(org.length() > 40 ? org.substring(0, 40)
//|                 + "\u2026" : org); }
//|
//|         /** {@code acme (from HF_BILL_TO)}: how status shows it. */
//|         String shown() { return org + " (from " + source + ")"; }
//|     }
//|
//|     // ---- lib/config/ConfigFile.java
//|     /**
//|      * OpenClaw's config file ({@code openclaw.json}, JSON5): the keys this toolkit reads and writes, and
//|      * the only place that writes the file. Edits go through {@link Json5Document} (only the edited bytes
//|      * change) and {@link SafeFile} (locked, atomic, {@code .bak}, 0600). A missing file is an empty config;
//|      * a file that does not parse is never written.
//|      */
//|     static final class ConfigFile {
//|         static final List<String> PRIMARY = List.of("agents", "defaults", "model", "primary");
//|         static final List<String> FALLBACKS = List.of("agents", "defaults", "model", "fallbacks");
//|         static final List<String> MODELS = List.of("agents", "defaults", "models");
//|         static final List<String> PROVIDER = List.of("models", "providers", "huggingface");
//|         static final List<String> BASE_URL = List.of("models", "providers", "huggingface", "baseUrl");
//|         static final List<String> API_KEY = List.of("models", "providers", "huggingface", "apiKey");
//|         static final List<String> PROVIDER_MODELS = List.of("models", "providers", "huggingface", "models");
//|         static final String DEFAULT_BASE_URL = "https://router.huggingface.co/v1";
//|
//|         final Path path;
//|         /** The path as the user would write it, for messages. */
//|         final String shown;
//|         private final java.time.Duration lockWait;
//|
//|         ConfigFile(Path path, String shown) { this(path, shown, SidecarLock.WAIT); }
//|
//|         ConfigFile(Path path, String shown, java.time.Duration lockWait) {
//|             this.path = path;
//|             this.shown = shown;
//|             this.lockWait = lockWait;
//|         }
//|
//|         static ConfigFile of(Env env) {
//|             return new ConfigFile(env.configPath(), env.display(env.configPath()), env.lockWait());
//|         }
//|
//|         /**
//|          * The config's value; an empty object when there is no file. The keys every command reads are checked here, once,
//|          * so that a wrong type is said with the file, line and column ({@code openclaw.json:1:37: agents.defaults.model.
//|          * primary is the number 42, not a string}); the edits read the document itself, so that they can mend such a key.
//|          */
//|         JsonValue read() {
//|             Json5Document doc = document();
//|             for (List<String> key : List.of(PRIMARY, BASE_URL, FALLBACKS)) {
//|                 Json5Document.Node node = doc.find(key);
//|                 if (node == null) continue;
//|                 try {
//|                     if (key == FALLBACKS) doc.value().stringsAt(key);
//|                     else doc.value().stringAt(key);
//|                 } catch (JsonException e) {
//|                     throw new Cli.Failure(new JsonException(e.getMessage(), TextPosition.of(doc.text(),
//|                             node.start)).inFile(shown));
//|                 }
//|                 for (int i = 0; i < node.elements.size(); i++) {
//|                     JsonValue element = node.elements.get(i).value;
//|                     if (element instanceof JsonString) continue;
//|                     throw new Cli.Failure(new JsonException(String.join(".", key) + "[" + i + "] is " + element.describe()
//|                             + ", not a string", TextPosition.of(doc.text(), node.elements.get(i).start)).inFile(shown));
//|                 }
//|             }
//|             return doc.value();
//|         }
//|
//|         Json5Document document() {
//|             String text;
//|             try {
//|                 text = FileReads.textOrEmpty(path);
//|                 SafeFile.tidy(path);
//|             } catch (Exception e) {
//|                 if (e instanceof FileReads.NotUtf8 bad) throw new Cli.Failure(shown + ":" + bad.getMessage());
//|                 throw new Cli.Failure(shown + ": cannot read (" + Cli.reason(e) + ")");
//|             }
//|             try {
//|                 return new Json5Document(text);
//|             } catch (JsonException e) {
//|                 throw new Cli.Failure(e.inFile(shown));
//|             }
//|         }
//|
//|         /**
//|          * Applies {@code edit} to the current file under the lock (re-read there, so a concurrent edit is
//|          * never lost) and writes the result when the text changed. Returns what {@code edit} returns.
//|          */
//|         <T> T update(Function<Json5Document, T> edit) {
//|             try {
//|                 return SidecarLock.locked(path, lockWait, () -> {
//|                     Json5Document doc = document();
//|                     String before = doc.text();
//|                     T result;
//|                     try {
//|                         result = edit.apply(doc);
//|                     } catch (JsonException e) {
//|                         throw new Cli.Failure(e.inFile(shown));
//|                     }
//|                     if (!doc.text().equals(before)) SafeFile.write(path, doc.text(), true);
//|                     return result;
//|                 });
//|             } catch (Cli.Failure | Cli.UsageException e) {
//|                 throw e;
//|             } catch (SidecarLock.Busy e) {
//|                 throw new Cli.Failure(e.getMessage());
//|             } catch (Exception e) {
//|                 throw new Cli.Failure(shown + ": cannot write (" + Cli.reason(e) + ")");
//|             }
//|         }
//|
//|         // ---- reading our keys from a config value
//|
//|         /** The string at {@code path}, or null when absent; a value of another kind is an error naming the key. */
//|         static String string(JsonValue root, List<String> path) {
//|             try {
//|                 return root.stringAt(path);
//|             } catch (JsonException e) {
//|                 throw new Cli.Failure(e.getMessage());
//|             }
//|         }
//|
//|         static List<String> fallbacks(JsonValue root) {
//|             try {
//|                 return root.stringsAt(FALLBACKS);
//|             } catch (JsonException e) {
//|                 throw new Cli.Failure(e.getMessage());
//|             }
//|         }
//|
//|         /** Alias -> ref, from {@code agents.defaults.models[REF].alias}, in file order. */
//|         static Map<String, String> aliases(JsonValue root) {
//|             Map<String, String> aliases = new LinkedHashMap<>();
//|             JsonObject models = root.objectAt(MODELS);
//|             if (models != null) {
//|                 for (Map.Entry<String, JsonValue> entry : models.members().entrySet()) {
//|                     String alias = entry.getValue() instanceof JsonObject o ? o.string("alias") : null;
//|                     if (alias != null) aliases.putIfAbsent(alias, entry.getKey());
//|                 }
//|             }
//|             return aliases;
//|         }
//|
//|         /** {@code HF_ROUTER_URL}, else the provider's baseUrl, else the public router; without a trailing slash. */
//|         static String baseUrl(Env env, JsonValue root) {
//|             String url = env.process("HF_ROUTER_URL");
//|             if (url == null) url = string(root, BASE_URL);
//|             if (url == null || url.isBlank()) url = DEFAULT_BASE_URL;
//|             return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
//|         }
//|     }
//|
//|     // ---- lib/config/DotEnv.java
//|     /**
//|      * A {@code .env} file: {@code KEY=VALUE} lines, optionally {@code export}ed, with single- or
//|      * double-quoted values and {@code #} comments. A line that is none of these is reported with its
//|      * number and skipped. Storing a value rewrites only that key's line.
//|      */
//|     record DotEnv(Map<String, String> values, List<String> warnings) {
//|         /** Compiled on first use: most runs have no .env file and should not pay for a regex. */
//|         private static final class Line {
//|             static final Pattern PATTERN =
//|                     Pattern.compile("\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*?)\\s*");
//|         }
//|
//|         static DotEnv read(Path file) {
//|             Map<String, String> values = new LinkedHashMap<>();
//|             List<String> warnings = new ArrayList<>();
//|             if (!Files.isRegularFile(file)) return new DotEnv(values, warnings);
//|             List<byte[]> lines;
//|             try {
//|                 lines = lines(FileReads.bytes(file, FileReads.MAX_SMALL_FILE));
//|             } catch (IOException e) {
//|                 warnings.add(file + ": cannot read (" + Cli.reason(e) + ")");
//|                 return new DotEnv(values, warnings);
//|             }
//|             for (int i = 0; i < lines.size(); i++) {
//|                 String line = text(lines.get(i));
//|                 if (line == null) {
//|                     warnings.add(file + ":" + (i + 1) + ": not UTF-8, skipped");
//|                     continue;
//|                 }
//|                 if (line.isBlank() || line.strip().startsWith("#")) continue;
//|                 Matcher m = Line.PATTERN.matcher(line);
//|                 String value = m.matches() ? unquote(m.group(2)) : null;
//|                 if (value == null) {
//|                     warnings.add(file + ":" + (i + 1) + ": not KEY=VALUE, skipped");
//|                 } else {
//|                     values.putIfAbsent(m.group(1), value);
//|                 }
//|             }
//|             return new DotEnv(values, warnings);
//|         }
//|
//|         /** The value of a right-hand side, or null when its quotes do not close. */
//|         private static String unquote(String raw) {
//|             if (raw.startsWith("'")) {
//|                 int end = raw.indexOf('\'', 1);
//|                 return end < 0 || !isCommentOrNothing(raw.substring(end + 1)) ? null : raw.substring(1, end);
//|             }
//|             if (raw.startsWith("\"")) {
//|                 StringBuilder sb = new StringBuilder();
//|                 for (int i = 1; i < raw.length(); i++) {
//|                     char c = raw.charAt(i);
//|                     if (c == '"') return isCommentOrNothing(raw.substring(i + 1)) ? sb.toString() : null;
//|                     if (c == '\\' && i + 1 < raw.length()) {
//|                         char n = raw.charAt(++i);
//|                         sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n == 'r' ? '\r' : n);
//|                     } else {
//|                         sb.append(c);
//|                     }
//|                 }
//|                 return null;
//|             }
//|             int comment = raw.indexOf(" #");
//|             return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
//|         }
//|
//|         private static boolean isCommentOrNothing(String rest) {
//|             String r = rest.strip();
//|             return r.isEmpty() || r.startsWith("#");
//|         }
//|
//|         /**
//|          * A value as a {@code .env} line must hold it to read back the same: as it is when it is plain, else in
//|          * double quotes with {@code \\}, {@code "} and line ends escaped (a space or a {@code #} would cut it).
//|          */
//|         static String quoted(String value) {
//|             boolean plain = !value.isEmpty();
//|             for (int i = 0; i < value.length() && plain; i++) {
//|                 char c = value.charAt(i);
//|                 plain = c > ' ' && c != '#' && c != '"' && c != '\'' && c != '\\' && c != 0x7f;
//|             }
//|             if (plain) return value;
//|             StringBuilder sb = new StringBuilder("\"");
//|             for (char c : value.toCharArray()) {
//|                 switch (c) {
//|                     case '\\' -> sb.append("\\\\");
//|                     case '"' -> sb.append("\\\"");
//|                     case '\n' -> sb.append("\\n");
//|                     case '\r' -> sb.append("\\r");
//|                     case '\t' -> sb.append("\\t");
//|                     default -> sb.append(c);
//|                 }
//|             }
//|             return sb.append('"').toString();
//|         }
//|
//|         /**
//|          * Sets {@code key=value} in {@code file}: its line replaced where it has one, else appended; every
//|          * other line kept. Atomic, 0600, under the file's lock.
//|          */
//|         static void store(Path file, String key, String value) throws Exception { store(file, key, value,
//|                 SidecarLock.WAIT); }
//|
//|         static void store(Path file, String key, String value, java.time.Duration lockWait) throws Exception {
//|             SidecarLock.locked(file, lockWait, () -> {
//|                 Path target = SafeFile.target(file);
//|                 if (Files.exists(target) && !Files.isRegularFile(target)) throw new IOException(file
//|                         + " is not a regular file");
//|                 byte[] old = Files.exists(target) ? FileReads.bytes(target, FileReads.MAX_SMALL_FILE) : new byte[0];
//|                 // Every other line is kept byte for byte (one that is not UTF-8 too), with the file's own line ends.
//|                 byte[] eol = crlf(old) ? new byte[] {'\r', '\n'} : new byte[] {'\n'};
//|                 List<byte[]> lines = lines(old);
//|                 byte[] entry = (key + "=" + quoted(value)).getBytes(StandardCharsets.UTF_8);
//|                 boolean replaced = false;
//|                 java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(old.length + entry.length + 2);
//|                 for (byte[] line : lines) {
//|                     String text = text(line);
//|                     Matcher m = text == null ? null : Line.PATTERN.matcher(text);
//|                     if (m != null && m.matches() && m.group(1).equals(key)) {
//|                         if (replaced) continue;
//|                         line = entry;
//|                         replaced = true;
//|                     }
//|                     out.writeBytes(line);
//|                     out.writeBytes(eol);
//|                 }
//|                 if (!replaced) {
//|                     out.writeBytes(entry);
//|                     out.writeBytes(eol);
//|                 }
//|                 SafeFile.write(file, out.toByteArray(), false);
//|                 return null;
//|             });
//|         }
//|
//|         /** The lines of {@code bytes}, without their line ends ({@code \n}, and a {@code \r} before it). */
//|         static List<byte[]> lines(byte[] bytes) {
//|             List<byte[]> lines = new ArrayList<>();
//|             int start = 0;
//|             for (int i = 0; i <= bytes.length; i++) {
//|                 if (i < bytes.length && bytes[i] != '\n') continue;
//|                 if (i == bytes.length && start == bytes.length) break;
//|                 int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
//|                 lines.add(java.util.Arrays.copyOfRange(bytes, start, end));
//|                 start = i + 1;
//|             }
//|             return lines;
//|         }
//|
//|         /** Whether the file's first line ends with CRLF: then so do the lines we write. */
//|         private static boolean crlf(byte[] bytes) {
//|             for (int i = 0; i < bytes.length; i++) if (bytes[i] == '\n') return i > 0 && bytes[i - 1] == '\r';
//|             return false;
//|         }
//|
//|         /** The line as UTF-8 text, or null when it is not UTF-8. */
//|         private static String text(byte[] line) {
//|             try {
//|                 return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(line)).toString();
//|             } catch (java.nio.charset.CharacterCodingException e) {
//|                 return null;
//|             }
//|         }
//|     }
//|
//|     // ---- lib/config/Env.java
//|     /**
//|      * Where settings come from, as OpenClaw reads them; the first that has a value wins and nothing
//|      * overrides a value already found: the process environment, {@code ./.env},
//|      * {@code $OPENCLAW_STATE_DIR/.env}, the config's {@code env} block, and - only when the config says
//|      * {@code env: { shellEnv: { enabled: true } }} - the user's login shell, asked once for the variables
//|      * still missing. Every value knows where it came from.
//|      */
//|     static final class Env {
//|         record Value(String value, String source) { }
//|
//|         private final Map<String, String> process;
//|         private final Path cwd;
//|         private final Path home;
//|         private final List<String> warnings = new ArrayList<>();
//|         private List<Map.Entry<String, Map<String, String>>> files;
//|         private Map<String, String> configBlock = Map.of();
//|         private List<String> misplaced = List.of();
//|         private boolean shellEnabled;
//|         private long shellTimeoutMs = 15_000;
//|         /** What the login shell said, by name, for every name it was asked (an empty value: it has none). */
//|         private final Map<String, String> shellAnswers = new LinkedHashMap<>();
//|         private boolean shellFailed;
//|         /** Names a command will look up later (see {@link #willLookUp}): asked of the login shell with the first batch. */
//|         private final List<String> later = new ArrayList<>();
//|
//|         /** How long an edit waits for OpenClaw's lock on a file ({@link SidecarLock}); a test's own Env may wait less. */
//|         private java.time.Duration lockWait = SidecarLock.WAIT;
//|
//|         Env(Map<String, String> process, Path cwd, Path home) {
//|             this.process = Map.copyOf(process);
//|             this.cwd = cwd;
//|             this.home = home;
//|         }
//|
//|         java.time.Duration lockWait() { return lockWait; }
//|
//|         /** This environment with a shorter lock wait: for tests, each its own, with no JVM-wide setting shared. */
//|         Env waitingForLocks(java.time.Duration wait) {
//|             lockWait = wait;
//|             return this;
//|         }
//|
//|         static Env system() {
//|             return new Env(System.getenv(), Path.of("").toAbsolutePath(), home(System.getenv(),
//|                     System.getProperty("user.home")));
//|         }
//|
//|         /**
//|          * The home folder every {@code ~} means: {@code $HOME}, as OpenClaw (Node's {@code os.homedir()}), the
//|          * Hugging Face libraries and every shell tool take it; the JVM's {@code user.home} (the passwd entry)
//|          * only when {@code HOME} is unset or empty.
//|          */
//|         static Path home(Map<String, String> environment, String userHome) {
//|             String home = environment.get("HOME");
//|             return Path.of(home != null && !home.isEmpty() ? home : userHome).toAbsolutePath();
//|         }
//|
//|         /** How this run was started, for hints that name a command ({@link Invocation}). */
//|         Invocation invocation() { return Invocation.of(process("JBANG_LAUNCH_CMD"), cwd); }
//|
//|         /** A variable of the process environment only (used to find files, before any file is read). */
//|         String process(String name) {
//|             String v = process.get(name);
//|             return v == null || v.isEmpty() ? null : v;
//|         }
//|
//|         Path home() { return home; }
//|
//|         /** {@code $OPENCLAW_STATE_DIR}, else {@code ~/.openclaw} ({@code OPENCLAW_HOME} replacing {@code ~}). */
//|         Path stateDir() {
//|             if (process("OPENCLAW_STATE_DIR") != null) return expand(process("OPENCLAW_STATE_DIR"));
//|             Path base = process("OPENCLAW_HOME") != null ? expand(process("OPENCLAW_HOME")) : home;
//|             return base.resolve(".openclaw");
//|         }
//|
//|         /** {@code $OPENCLAW_CONFIG_PATH}, else {@code <state dir>/openclaw.json}. */
//|         Path configPath() {
//|             return process("OPENCLAW_CONFIG_PATH") != null ? expand(process("OPENCLAW_CONFIG_PATH"))
//|                     : stateDir().resolve("openclaw.json");
//|         }
//|
//|         Path expand(String path) {
//|             if (path.equals("~")) return home;
//|             if (path.startsWith("~/")) return home.resolve(path.substring(2));
//|             return cwd.resolve(path);
//|         }
//|
//|         /**
//|          * Takes the config's {@code env} block as OpenClaw 2026.9.6 reads it: variables from {@code env.vars},
//|          * and {@code env.shellEnv}. A string directly under {@code env} ({@code env: {HF_TOKEN: "..."}}) is not
//|          * read: OpenClaw rejects the whole config for it; {@link #misplacedEnvKeys} names them for a warning.
//|          */
//|         void useConfig(JsonValue config) {
//|             JsonObject block = config.objectAt(List.of("env"));
//|             if (block == null) return;
//|             Map<String, String> values = new LinkedHashMap<>();
//|             JsonObject vars = block.object("vars");
//|             if (vars != null) for (String name : vars.members().keySet()) if (vars.string(name) != null) values.put(name,
//|                     vars.string(name));
//|             configBlock = values;
//|             misplaced = new ArrayList<>();
//|             for (String name : block.members().keySet()) if (block.string(name) != null) misplaced.add(name);
//|             JsonObject shell = block.object("shellEnv");
//|             if (shell != null) {
//|                 shellEnabled = shell.boolOr("enabled", false);
//|                 shellTimeoutMs = shell.longOr("timeoutMs", shellTimeoutMs);
//|             }
//|         }
//|
//|         /**
//|          * Strings directly under the config's {@code env}, which OpenClaw refuses ({@code env.vars.NAME} is the valid
//|          * form).
//|          */
//|         List<String> misplacedEnvKeys() { return List.copyOf(misplaced); }
//|
//|         /** The value of {@code name} and where it came from, or null. */
//|         Value lookup(String name) { return lookup(name, List.of(name)); }
//|
//|         /**
//|          * The value of {@code name} and where it came from, or null. {@code batch}: the names to ask a login
//|          * shell for together, if it must be asked for this one (each start of a login shell costs time).
//|          */
//|         Value lookup(String name, List<String> batch) { return lookup(name, batch, true); }
//|
//|         /**
//|          * {@link #lookup}, but never from {@code ./.env}: for a variable that decides where the token goes
//|          * ({@code HF_ENDPOINT}), which a folder the user merely stands in (a cloned repository) must not set.
//|          * A {@code ./.env} that sets it gets a warning naming it.
//|          */
//|         Value lookupNotFromHere(String name, java.util.function.Consumer<String> warn) {
//|             Value v = lookup(name, List.of(name), false);
//|             Map<String, String> here = dotEnvFiles().get(0).getValue();
//|             if (here.get(name) != null && process(name) == null) warn.accept("./.env sets " + name
//|                     + ", which decides where your token goes: not used from there");
//|             return v;
//|         }
//|
//|         private Value lookup(String name, List<String> batch, boolean fromHere) {
//|             if (process(name) != null) return new Value(process(name), "environment variable " + name);
//|             for (Map.Entry<String, Map<String, String>> file : dotEnvFiles()) {
//|                 if (!fromHere && file.getKey().equals("./.env")) continue;
//|                 String v = file.getValue().get(name);
//|                 if (v != null && !v.isEmpty()) return new Value(v, file.getKey() + " (" + name + ")");
//|             }
//|             String v = configBlock.get(name);
//|             if (v != null && !v.isEmpty()) return new Value(v, "config env.vars." + name);
//|             if (shellEnabled) {
//|                 String s = shell(name, batch);
//|                 if (s != null && !s.isEmpty()) return new Value(s, "login shell (" + name + ")");
//|             }
//|             return null;
//|         }
//|
//|         /**
//|          * Says which variables the command will look up after the ones it asks for first, so that one login shell
//|          * (each start costs up to its timeout) answers them all: chat reads HF_BILL_TO and HF_CHAT_LOG after the token.
//|          */
//|         void willLookUp(String... names) {
//|             for (String n : names) if (!later.contains(n)) later.add(n);
//|         }
//|
//|         /** Something worth a warning line on stderr ({@code models: warning: ...}), found while looking things up. */
//|         void warn(String message) { warnings.add(message); }
//|
//|         /** Bad lines found in .env files, and what {@link #warn} was told, one message each. */
//|         List<String> warnings() {
//|             dotEnvFiles();
//|             return List.copyOf(warnings);
//|         }
//|
//|         private List<Map.Entry<String, Map<String, String>>> dotEnvFiles() {
//|             if (files == null) {
//|                 files = new ArrayList<>();
//|                 for (Path p : List.of(cwd.resolve(".env"), stateDir().resolve(".env"))) {
//|                     DotEnv env = DotEnv.read(p);
//|                     warnings.addAll(env.warnings());
//|                     files.add(Map.entry(p.getParent().equals(cwd) ? "./.env" : display(p), env.values()));
//|                 }
//|             }
//|             return files;
//|         }
//|
//|         /** A path as the user would write it: {@code ~/...} under the home folder. */
//|         String display(Path p) {
//|             Path abs = p.toAbsolutePath().normalize();
//|             return abs.startsWith(home) && !abs.equals(home) ? "~/" + home.relativize(abs) : abs.toString();
//|         }
//|
//|         /**
//|          * The login shell's value of {@code name}. The shell is started, with a timeout, only for names not
//|          * asked before ({@code name} and the rest of {@code batch}); the names travel as arguments, never
//|          * inside the script, so nothing is interpolated. A shell that failed or hung is not asked again.
//|          */
//|         private String shell(String name, List<String> batch) {
//|             if (!shellAnswers.containsKey(name) && !shellFailed) {
//|                 List<String> ask = new ArrayList<>();
//|                 for (String n : batch) if (!shellAnswers.containsKey(n)) ask.add(n);
//|                 for (String n : later) if (!shellAnswers.containsKey(n) && !ask.contains(n)) ask.add(n);
//|                 if (!ask.contains(name)) ask.add(name);
//|                 askShell(ask);
//|             }
//|             return shellAnswers.get(name);
//|         }
//|
//|         private void askShell(List<String> names) {
//|             String shell = process("SHELL") != null ? process("SHELL") : "/bin/sh";
//|             List<String> command = new ArrayList<>(List.of(shell, "-l", "-c",
//|                     "for n in \"$@\"; do printf '%s=' \"$n\"; printenv \"$n\"; printf '\\0'; done", "sh"));
//|             command.addAll(names);
//|             try {
//|                 Process p = new ProcessBuilder(command).redirectErrorStream(false)
//|                         .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
//|                 ByteArrayOutputStream out = new ByteArrayOutputStream();
//|                 Thread reader = new Thread(() -> copy(p.getInputStream(), out));
//|                 reader.start();
//|                 if (!p.waitFor(shellTimeoutMs, TimeUnit.MILLISECONDS)) {
//|                     p.destroyForcibly();
//|                     shellFailed = true;
//|                     warnings.add("login shell " + shell + " gave no answer in " + shellTimeoutMs + " ms; skipped");
//|                     return;
//|                 }
//|                 reader.join(1000);
//|                 for (String n : names) shellAnswers.put(n, "");
//|                 for (String entry : out.toString(StandardCharsets.UTF_8).split("\0")) {
//|                     int eq = entry.indexOf('=');
//|                     if (eq > 0) shellAnswers.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
//|                 }
//|             } catch (IOException e) {
//|                 shellFailed = true;
//|                 warnings.add("cannot run login shell " + shell + ": " + e.getMessage());
//|             } catch (InterruptedException e) {
//|                 Thread.currentThread().interrupt();
//|             }
//|         }
//|
//|         private static void copy(InputStream in, ByteArrayOutputStream out) {
//|             try {
//|                 in.transferTo(out);
//|             } catch (IOException ignored) {
//|                 // the process went away; what was read is what we have
//|             }
//|         }
//|     }
//|
//|     // ---- lib/config/ModelAllowlist.java
//|     /**
//|      * OpenClaw's model policy (2026.9.6, its docs/concepts/models.md and what its own edits were seen to do):
//|      * {@code agents.defaults.modelPolicy.allow} is the user's allowlist of exact refs and {@code provider/*},
//|      * {@code provider/namespace/*} wildcards; absent or {@code []}, any model is allowed. It is the user's policy:
//|      * {@code openclaw models set}, {@code fallbacks add} and {@code aliases add} never change it, and neither do we.
//|      * <p>
//|      * An edit that names a model does what OpenClaw's do ({@link #record}): the model gets its entry in
//|      * {@code agents.defaults.models}; a config that has not been through OpenClaw's migration is first migrated as
//|      * OpenClaw's first write migrates it ({@code materializeModelPolicyAllowlist}): a legacy map (no marker, no
//|      * {@code modelPolicy}, a non-empty models map, whose keys were the allowlist) becomes
//|      * {@code modelPolicy.allow} holding the keys it had before the edit, when every key is a ref OpenClaw accepts;
//|      * one with a key it cannot qualify ({@code gpt-4}) stays legacy, and there an added entry widens the restriction,
//|      * which we say ({@link #widens}). Then the marker {@code meta.migrations.modelPolicyAllowlist} is set.
//|      * <p>
//|      * {@link #refusal} says when a model is outside the policy. OpenClaw refuses such a model as a choice
//|      * ({@code /model}, {@code --model}); as the configured default it is refused ({@link #refusesAsDefault}) only
//|      * under a policy with a wildcard: an exact-only list still runs its configured default.
//|      */
//|     static final class ModelAllowlist {
//|         static final List<String> MARKER = List.of("meta", "migrations", "modelPolicyAllowlist");
//|         static final List<String> ALLOW = List.of("agents", "defaults", "modelPolicy", "allow");
//|         static final List<String> POLICY = List.of("agents", "defaults", "modelPolicy");
//|         static final String ALLOW_PATH = "agents.defaults.modelPolicy.allow";
//|         static final String LEGACY_PATH = "agents.defaults.models";
//|
//|         private ModelAllowlist() { }
//|
//|         /** The policy in force: the refs and where they are; null when any model is allowed. */
//|         record Policy(List<String> refs, String path) {
//|             boolean hasWildcard() {
//|                 for (String r : refs) if (r.strip().endsWith("/*")) return true;
//|                 return false;
//|             }
//|         }
//|
//|         /** The policy of {@code root}, as OpenClaw reads it (an explicit {@code allow}, else an unmigrated legacy map). */
//|         static Policy policy(JsonValue root) {
//|             JsonObject policy = root.objectAt(POLICY);
//|             if (policy != null && policy.members().containsKey("allow")) {
//|                 List<String> refs = policy.strings("allow");
//|                 return refs.isEmpty() ? null : new Policy(refs, ALLOW_PATH);
//|             }
//|             List<String> legacy = legacyRefs(root);
//|             return legacy == null ? null : new Policy(legacy, LEGACY_PATH);
//|         }
//|
//|         /** The keys of an unmigrated legacy models map (no marker, no modelPolicy), or null. */
//|         static List<String> legacyRefs(JsonValue root) {
//|             if (root.at(MARKER) instanceof JsonBoolean b && b.value()) return null;
//|             if (root.at(POLICY) instanceof JsonObject) return null;
//|             JsonObject models = root.objectAt(ConfigFile.MODELS);
//|             if (models == null) return null;
//|             List<String> refs = new ArrayList<>();
//|             for (String key : models.members().keySet()) if (!key.isBlank()) refs.add(key);
//|             return refs.isEmpty() ? null : refs;
//|         }
//|
//|         /** Whether {@code ref} may be chosen under {@code root}'s policy. */
//|         static boolean allows(JsonValue root, String ref) {
//|             Policy p = policy(root);
//|             if (p == null) return true;
//|             Map<String, String> aliases = ConfigFile.aliases(root);
//|             for (String raw : p.refs()) {
//|                 String entry = raw.strip();
//|                 if (entry.endsWith("/*")) {
//|                     String prefix = canonical(entry.substring(0, entry.length() - 1));
//|                     if (canonical(ref).startsWith(prefix)) return true;
//|                 } else if (canonical(entry).equals(canonical(ref)) || ref.equals(aliases.get(entry))) {
//|                     return true;
//|                 }
//|             }
//|             return false;
//|         }
//|
//|         /**
//|          * {@code huggingface/deepseek-ai/DeepSeek-R1 is not allowed by agents.defaults.modelPolicy.allow
//|          * (huggingface/Qwen/*); OpenClaw will refuse it}, or null.
//|          */
//|         static String refusal(JsonValue root, String ref) {
//|             if (allows(root, ref)) return null;
//|             Policy p = policy(root);
//|             return ref + " is not allowed by " + p.path() + " (" + String.join(", ", p.refs())
//|                     + "); OpenClaw will refuse it";
//|         }
//|
//|         /** Whether OpenClaw would not run {@code ref} as the configured default: outside a policy that has a wildcard. */
//|         static boolean refusesAsDefault(JsonValue root, String ref) {
//|             Policy p = policy(root);
//|             return p != null && p.hasWildcard() && !allows(root, ref);
//|         }
//|
//|         /**
//|          * What a model's role is to OpenClaw's policy: the default runs unless a wildcard policy excludes it; a choice
//|          * never.
//|          */
//|         enum Role { DEFAULT, FALLBACK, ALIAS }
//|
//|         /**
//|          * What the user should know after an edit gave {@code ref} its {@code role}: {@code before} and {@code after}
//|          * the edit. Empty when the policy lets it be, as nearly always.
//|          */
//|         static List<String> notes(JsonValue before, JsonValue after, String ref, Role role) {
//|             List<String> notes = new ArrayList<>();
//|             String widened = widens(before, ref);
//|             if (widened != null) notes.add(widened);
//|             else if (!allows(after, ref)) notes.add(outside(after, ref, role));
//|             return notes;
//|         }
//|
//|         /** The sentence for a {@code ref} outside {@code root}'s policy, as its {@code role} makes OpenClaw treat it. */
//|         static String outside(JsonValue root, String ref, Role role) {
//|             if (role != Role.DEFAULT || refusesAsDefault(root, ref)) return refusal(root, ref);
//|             Policy p = policy(root);
//|             return ref + " is not in " + p.path() + " (" + String.join(", ", p.refs())
//|                     + "): OpenClaw runs it as the configured default,"
//|                     + " but refuses it as a /model choice";
//|         }
//|
//|         /**
//|          * What recording {@code ref} does to a legacy map OpenClaw could not migrate, said for the user: the map is the
//|          * allowlist, and a new entry lets OpenClaw use the model. Null when the edit widens nothing.
//|          */
//|         static String widens(JsonValue before, String ref) {
//|             List<String> legacy = legacyRefs(before);
//|             if (legacy == null || legacy.contains(ref) || migratable(before, legacy)) return null;
//|             return LEGACY_PATH + " is OpenClaw's legacy allowlist (" + String.join(", ", legacy)
//|                     + "; not every key names its provider, so OpenClaw"
//|                     + " has not made it " + ALLOW_PATH + "): its entry for " + ref + " lets OpenClaw use " + ref
//|                     + "; set " + ALLOW_PATH + " to keep a restriction of your own";
//|         }
//|
//|         /**
//|          * Records {@code ref} as OpenClaw's own edits do: OpenClaw's migration first (see the class comment), then the
//|          * model's entry in {@code agents.defaults.models} ({@code {}} if it had none). {@code modelPolicy.allow} is
//|          * never changed, but for the migration writing it from a legacy map, as OpenClaw's first write does.
//|          */
//|         static void record(Json5Document doc, String ref) {
//|             migrate(doc);
//|             List<String> entry = new ArrayList<>(ConfigFile.MODELS);
//|             entry.add(ref);
//|             if (doc.value().objectAt(entry) == null) doc.set(entry, JsonValue.object());
//|         }
//|
//|         /** OpenClaw's {@code materializeModelPolicyAllowlist}, on the config as it was before this edit. */
//|         private static void migrate(Json5Document doc) {
//|             JsonValue before = doc.value();
//|             if (before.at(MARKER) instanceof JsonBoolean b && b.value()) return;
//|             List<String> legacy = legacyRefs(before);
//|             if (legacy != null) {
//|                 if (!migratable(before, legacy)) return;   // deferred, as OpenClaw defers it: legacy it stays
//|                 doc.set(ALLOW, JsonArray.ofStrings(legacy));
//|             }
//|             doc.set(MARKER, JsonValue.TRUE);
//|         }
//|
//|         /**
//|          * Whether every legacy key is a ref OpenClaw's migration accepts: an exact provider/model, a wildcard, an alias.
//|          */
//|         private static boolean migratable(JsonValue root, List<String> legacy) {
//|             java.util.Set<String> aliases = new java.util.HashSet<>();
//|             for (String a : ConfigFile.aliases(root).keySet()) aliases.add(a.toLowerCase(Locale.ROOT));
//|             for (String key : legacy) {
//|                 String k = key.strip();
//|                 if (aliases.contains(k.toLowerCase(Locale.ROOT)) || k.equalsIgnoreCase("openrouter:auto")
//|                         || k.equalsIgnoreCase("openrouter:free")) continue;
//|                 String[] segments = (k.endsWith("/*") ? k.substring(0, k.length() - 2) : k).split("/", -1);
//|                 if (segments.length < (k.endsWith("/*") ? 1 : 2)) return false;
//|                 for (String s : segments) if (s.isEmpty() || s.contains("*")
//|                         || !s.codePoints().noneMatch(c -> Character.isWhitespace(c) || c < 0x20 || c == 0x7f)) return false;
//|             }
//|             return true;
//|         }
//|
//|         /** A ref as OpenClaw compares it: the provider in lower case. */
//|         private static String canonical(String ref) {
//|             int slash = ref.indexOf('/');
//|             return slash < 0 ? ref : ref.substring(0, slash).toLowerCase(Locale.ROOT) + ref.substring(slash);
//|         }
//|     }
//|
//|     // ---- lib/config/OpenClawAuth.java
//|     /**
//|      * The Hugging Face key OpenClaw 2026.9.6 sends, found the way it finds it (its {@code resolveApiKeyForProvider}
//|      * and {@code resolveAuthProfileOrder}, checked with {@code openclaw agent --local} against a recording router in
//|      * {@code .ci/interop}), each step giving a key, a reason OpenClaw has none, or a source it uses that we cannot read:
//|      * <ol>
//|      * <li>{@code models.providers.huggingface.apiKey} naming a stored profile ({@code huggingface:manual}, which
//|      *     {@code openclaw models auth paste-api-key} writes): that profile;</li>
//|      * <li>{@code apiKey} as a SecretRef (or {@code "${NAME}"}), or naming {@code HF_TOKEN}/{@code HUGGINGFACE_HUB_TOKEN}:
//|      *     that secret, and a SecretRef that does not resolve leaves OpenClaw with no key (it does not fall through);</li>
//|      * <li>the stored profiles in OpenClaw's order: {@code auth.order.huggingface} (the store's own override first),
//|      *     else the {@code auth.profiles} ids, else the store's; skipping inactive setup replacements, a mode that does not
//|      *     match, expired tokens; without an explicit order, least recently used first. A {@code keyRef} that does not
//|      *     resolve leaves OpenClaw with no key;</li>
//|      * <li>the environment: {@code HUGGINGFACE_HUB_TOKEN}, then {@code HF_TOKEN} (process, the .env files, {@code
//|      * env.vars});</li>
//|      * <li>{@code apiKey} as a literal key.</li>
//|      * </ol>
//|      */
//|     static final class OpenClawAuth {
//|         /**
//|          * The variables OpenClaw reads for Hugging Face, in its order; also the names it takes as an {@code apiKey} marker.
//|          */
//|         static final List<String> VARIABLES = List.of("HUGGINGFACE_HUB_TOKEN", "HF_TOKEN");
//|         static final String API_KEY_PATH = "models.providers.huggingface.apiKey";
//|         private static final java.util.regex.Pattern VARIABLE_NAME = java.util.regex.Pattern.compile("[A-Z_][A-Z0-9_]*");
//|
//|         private OpenClawAuth() { }
//|
//|         /**
//|          * One step's finding: a {@code token}; or a {@code problem}, {@code fatal} when OpenClaw stops there with no key,
//|          * else a source OpenClaw uses that this toolkit cannot read. {@code variable}: the environment variable behind it,
//|          * where a token stored under that name is what OpenClaw will read; {@code literal}: the config's own literal key,
//|          * which any variable outranks.
//|          */
//|         record Found(Token token, String problem, boolean fatal, String variable, boolean literal) {
//|             static Found of(Token token, String variable) { return new Found(token, null, false, variable, false); }
//|         }
//|
//|         /** Every step's finding, in OpenClaw's order (callers stop at the first that decides). */
//|         static List<Found> steps(Env env, JsonValue config) {
//|             List<Found> found = new ArrayList<>();
//|             OpenClawKeys.Store store = OpenClawKeys.find(env, config);
//|             JsonValue apiKey = config.at(ConfigFile.API_KEY);
//|             String apiKeyText = apiKey instanceof JsonString s ? s.value().strip() : null;
//|             // 1. apiKey names a stored profile
//|             if (apiKeyText != null && store != null && store.profile(apiKeyText) != null) {
//|                 JsonObject p = store.profile(apiKeyText);
//|                 if (setupReplacement(p)) {
//|                     found.add(new Found(null, API_KEY_PATH + " names " + apiKeyText
//|                             + ", an inactive setup replacement OpenClaw will not use: "
//|                             + "openclaw models auth activate " + apiKeyText, true, null, false));
//|                 } else {
//|                     found.add(profile(env, config, store, apiKeyText, p, " (named by config apiKey)"));
//|                 }
//|                 return found;
//|             }
//|             // 2. apiKey as a SecretRef or a known variable's name
//|             SecretRef ref = SecretRef.of(apiKey);
//|             if (ref != null) {
//|                 SecretRef.Resolved r = ref.resolve(env, config, "config " + API_KEY_PATH);
//|                 found.add(r.value() != null ? Found.of(new Token(r.value(), r.source() + " via config apiKey (SecretRef "
//|                         + ref.label() + ")"), r.variable())
//|                         : new Found(null, r.problem(), r.fatal(), r.variable(), false));
//|                 if (r.value() != null || r.fatal()) return found;   // else an exec or store ref: what follows is ours alone
//|             }
//|             if (ref == null && apiKey != null && !(apiKey instanceof JsonString) && !apiKey.isNull()) {
//|                 found.add(new Found(null, "config " + API_KEY_PATH + " is " + apiKey.describe()
//|                         + ", neither a key nor a SecretRef: OpenClaw refuses the config", true, null, false));
//|                 return found;
//|             }
//|             if (apiKeyText != null && VARIABLES.contains(apiKeyText)) {
//|                 Env.Value v = env.lookup(apiKeyText, VARIABLES);
//|                 if (v != null && !v.value().isBlank()) found.add(Found.of(new Token(v.value().strip(), v.source()
//|                         + " via config apiKey"), apiKeyText));
//|             }
//|             // 3. the stored profiles, in OpenClaw's order
//|             if (store != null) {
//|                 for (String id : order(config, store)) found.add(profile(env, config, store, id, store.profile(id), ""));
//|             }
//|             // 4. the environment
//|             for (String name : VARIABLES) {
//|                 Env.Value v = env.lookup(name, Token.VARIABLES);
//|                 if (v != null && !v.value().isBlank()) found.add(Found.of(new Token(v.value().strip(), v.source()), name));
//|             }
//|             // 5. the literal key
//|             if (apiKeyText != null && !apiKeyText.isEmpty() && !VARIABLES.contains(apiKeyText)) {
//|                 JsonObject configured = config.objectAt(List.of("auth", "profiles"));
//|                 if (configured != null && configured.object(apiKeyText) != null) {
//|                     found.add(new Found(null, "config apiKey names the auth profile " + apiKeyText
//|                             + ", which OpenClaw's key store does not hold: "
//|                             + "OpenClaw would send the name itself as the key; run: openclaw models auth paste-api-key "
//|                                     + "--provider huggingface", false, null, true));
//|                 } else if (VARIABLE_NAME.matcher(apiKeyText).matches()) {
//|                     Env.Value v = env.lookup(apiKeyText);
//|                     if (v != null) {
//|                         found.add(new Found(new Token(v.value().strip(), v.source() + " via config apiKey", false),
//|                                 "OpenClaw sends the name " + apiKeyText
//|                                         + " itself as the key; write apiKey as { source: \"env\", provider: \"default\", "
//|                                                 + "id: \""
//|                                         + apiKeyText + "\" } for both to read the variable", false, null, true));
//|                     }
//|                 } else {
//|                     found.add(new Found(new Token(apiKeyText, "config " + API_KEY_PATH), null, false, null, true));
//|                 }
//|             }
//|             return found;
//|         }
//|
//|         /** One stored profile's key: its own, or what its {@code keyRef}/{@code tokenRef} resolves to. */
//|         private static Found profile(Env env, JsonValue config, OpenClawKeys.Store store, String id, JsonObject p,
//|                 String how) {
//|             String type = p.stringOr("type", "api_key");
//|             String name = "OpenClaw's " + (store.where().endsWith(".json") ? "auth profile " : "stored key ") + id + how
//|                     + " (" + store.where() + ")";
//|             if (type.equals("oauth")) {
//|                 return new Found(null, name
//|                         + " is an OAuth sign-in, which this toolkit does not refresh: set HF_TOKEN for this toolkit", false,
//|                                 null, false);
//|             }
//|             String field = type.equals("token") ? "token" : "key";
//|             String key = p.string(field);
//|             if (key == null && type.equals("api_key")) key = p.string("token");   // OpenClaw's 2026.1 legacy files
//|             if (key != null && !key.isBlank()) return Found.of(new Token(key.strip(), name), null);
//|             SecretRef ref = SecretRef.of(p.get(field + "Ref"));
//|             if (ref == null) return new Found(null, name + " holds no key", false, null, false);
//|             String refAt = "OpenClaw's auth profile " + id + how + " (" + field + "Ref, " + store.where() + ")";
//|             SecretRef.Resolved r = ref.resolve(env, config, refAt);
//|             if (r.value() == null) return new Found(null, r.problem(), r.fatal(), r.variable(), false);
//|             return Found.of(new Token(r.value(), r.source() + " via " + refAt), r.variable());
//|         }
//|
//|         /** The Hugging Face profile ids OpenClaw tries, in its order, each usable as far as the store shows. */
//|         static List<String> order(JsonValue config, OpenClawKeys.Store store) {
//|             JsonObject configured = config.objectAt(List.of("auth", "profiles"));
//|             List<String> explicit = forProvider(store.order());
//|             boolean fromStore = explicit != null;
//|             if (explicit == null) explicit = forProvider(config.objectAt(List.of("auth", "order")));
//|             List<String> declared = new ArrayList<>();
//|             if (configured != null) {
//|                 for (String id : configured.members().keySet()) {
//|                     JsonObject c = configured.object(id);
//|                     if (c != null && isProvider(c.string("provider"))) declared.add(id);
//|                 }
//|             }
//|             List<String> stored = new ArrayList<>();
//|             for (String id : store.profiles().members().keySet()) {
//|                 JsonObject p = store.profile(id);
//|                 if (p != null && isProvider(p.string("provider"))) stored.add(id);
//|             }
//|             List<String> base = explicit != null ? explicit : !declared.isEmpty() ? declared : stored;
//|             // Loops, not streams: this runs on models list's path, which keeps clear of lambdas (see Cli.Body).
//|             List<String> usable = usable(config, store, base);
//|             boolean allMissing = true;
//|             for (String id : base) allMissing &= store.profile(id) == null;
//|             if (usable.isEmpty() && allMissing && (fromStore || !declared.isEmpty())) {
//|                 usable = usable(config, store, stored);
//|                 explicit = null;
//|             }
//|             long now = System.currentTimeMillis();
//|             List<String> ready = new ArrayList<>(), cooling = new ArrayList<>();
//|             for (String id : usable) (until(store, id) > now ? cooling : ready).add(id);
//|             if (explicit == null) sortBy(ready, store, true);
//|             sortBy(cooling, store, false);
//|             ready.addAll(cooling);
//|             return ready;
//|         }
//|
//|         private static List<String> usable(JsonValue config, OpenClawKeys.Store store, List<String> ids) {
//|             List<String> usable = new ArrayList<>();
//|             for (String id : ids) if (!usable.contains(id) && usable(config, store, id)) usable.add(id);
//|             return usable;
//|         }
//|
//|         /** A stable insertion sort: by type and then least recently used ({@code byUse}), else by the end of the rest. */
//|         private static void sortBy(List<String> ids, OpenClawKeys.Store store, boolean byUse) {
//|             for (int i = 1; i < ids.size(); i++) {
//|                 String id = ids.get(i);
//|                 int j = i;
//|                 while (j > 0 && before(id, ids.get(j - 1), store, byUse)) {
//|                     ids.set(j, ids.get(j - 1));
//|                     j--;
//|                 }
//|                 ids.set(j, id);
//|             }
//|         }
//|
//|         private static boolean before(String a, String b, OpenClawKeys.Store store, boolean byUse) {
//|             if (!byUse) return until(store, a) < until(store, b);
//|             int ta = typeRank(store.profile(a).stringOr("type", "api_key")), tb = typeRank(store.profile(b).stringOr("type",
//|                     "api_key"));
//|             return ta != tb ? ta < tb : usage(store, a, "lastUsed") < usage(store, b, "lastUsed");
//|         }
//|
//|         private static boolean usable(JsonValue config, OpenClawKeys.Store store, String id) {
//|             JsonObject p = store.profile(id);
//|             if (p == null || setupReplacement(p) || !isProvider(p.string("provider"))) return false;
//|             String type = p.stringOr("type", "api_key");
//|             JsonObject declared = config.objectAt(List.of("auth", "profiles", id));
//|             if (declared != null) {
//|                 if (!isProvider(declared.string("provider"))) return false;
//|                 String mode = declared.string("mode");
//|                 if (mode != null && !mode.equals(type) && !(mode.equals("oauth") && type.equals("token"))) return false;
//|             }
//|             if (type.equals("token") && p.has("expires")) {
//|                 JsonNumber expires = p.number("expires");
//|                 if (expires == null || !expires.isWhole() || expires.longValue() <= 0
//|                         || expires.longValue() < System.currentTimeMillis()) return false;
//|             }
//|             String field = type.equals("token") ? "token" : "key";
//|             return type.equals("oauth") || p.string(field) != null || p.string("token") != null || p.get(field
//|                     + "Ref") != null;
//|         }
//|
//|         private static boolean setupReplacement(JsonObject p) {
//|             JsonObject setup = p.object("setup");
//|             return setup != null && setup.boolOr("replacement", false);
//|         }
//|
//|         private static int typeRank(String type) {
//|             return switch (type) {
//|                 case "oauth" -> 0;
//|                 case "token" -> 1;
//|                 case "api_key" -> 2;
//|                 default -> 3;
//|             };
//|         }
//|
//|         private static long usage(OpenClawKeys.Store store, String id, String field) {
//|             JsonObject u = store.usageStats().object(id);
//|             return u == null ? 0 : u.longOr(field, 0);
//|         }
//|
//|         /** Until when a profile rests after failures (its cooldown or disabled window), 0 when it does not. */
//|         private static long until(OpenClawKeys.Store store, String id) {
//|             return Math.max(usage(store, id, "cooldownUntil"), usage(store, id, "disabledUntil"));
//|         }
//|
//|         private static boolean isProvider(String provider) { return provider != null
//|                 && provider.strip().toLowerCase(Locale.ROOT).equals(OpenClawKeys.PROVIDER); }
//|
//|         private static List<String> forProvider(JsonObject order) {
//|             if (order == null) return null;
//|             for (String key : order.members().keySet()) {
//|                 if (isProvider(key) && order.array(key) != null) return order.strings(key);
//|             }
//|             return null;
//|         }
//|
//|         /**
//|          * Where a token stored now will be read by OpenClaw: the variable to save it under in the state .env, and, when
//|          * OpenClaw will not read it whatever the name, why not ({@code notRead}, null when it will).
//|          */
//|         record Storage(String variable, String notRead) { }
//|
//|         static Storage storage(Env env, JsonValue config, String token) {
//|             for (Found f : steps(env, config)) {
//|                 if (f.literal()) break;                   // a variable outranks the config's literal key
//|                 if (f.variable() != null) return new Storage(f.variable(), null);
//|                 if (f.token() != null) {
//|                     return new Storage("HF_TOKEN", f.token().secret().equals(Token.clean(token)) ? null : "it sends "
//|                             + f.token().source() + " instead");
//|                 }
//|                 return new Storage("HF_TOKEN", f.problem());
//|             }
//|             return new Storage("HF_TOKEN", null);
//|         }
//|     }
//|
//|     // ---- lib/config/OpenClawKeys.java
//|     /**
//|      * OpenClaw's own key store, read-only: OpenClaw 2026.9.6 keeps its auth profiles in its state database,
//|      * {@code $OPENCLAW_STATE_DIR/state/openclaw.sqlite}, table {@code config_machine_state}, row
//|      * {@code authProfiles.store} ({@code {"version":1,"profiles":{"huggingface:default":{"type":"api_key",
//|      * "provider":"huggingface","key":"hf_..."}}}}; a profile may hold a {@code keyRef} SecretRef instead of the key,
//|      * and one saved by {@code openclaw onboard} over a working setup carries {@code setup.replacement}), and their
//|      * order and usage in row {@code authProfiles.state}. Earlier versions kept the same in
//|      * {@code agents/<agent>/agent/auth-profiles.json}. Nothing here ever writes: the database is OpenClaw's alone.
//|      * A store that cannot be read is a warning. How OpenClaw picks among them is {@link OpenClawAuth}.
//|      */
//|     static final class OpenClawKeys {
//|         static final String PROVIDER = "huggingface";
//|
//|         private OpenClawKeys() { }
//|
//|         /** The profiles, the {@code order} override and the {@code usageStats} of one store, and where it is. */
//|         record Store(JsonObject profiles, JsonObject order, JsonObject usageStats, String where) {
//|             JsonObject profile(String id) { return profiles.object(id); }
//|         }
//|
//|         /** The store OpenClaw reads, the database first, then the legacy file; null when there is none with profiles. */
//|         static Store find(Env env, JsonValue config) {
//|             Path database = env.stateDir().resolve("state").resolve("openclaw.sqlite");
//|             if (Files.isRegularFile(database)) {
//|                 try (SqliteDatabase db = SqliteDatabase.open(database)) {
//|                     JsonValue store = null, state = null;
//|                     for (SqliteDatabase.Row row : db.rows("config_machine_state")) {
//|                         List<Object> v = row.values();
//|                         if (v.size() < 2 || !(v.get(1) instanceof String json)) continue;
//|                         if ("authProfiles.store".equals(v.get(0))) store = Json.parse(json);
//|                         if ("authProfiles.state".equals(v.get(0))) state = Json.parse(json);
//|                     }
//|                     Store found = of(store, state, env.display(database));
//|                     if (found != null) return found;
//|                 } catch (IOException | SqliteException | JsonException e) {
//|                     env.warn("cannot read OpenClaw's key store " + env.display(database) + " (" + e.getMessage()
//|                             + "); skipped");
//|                 }
//|             }
//|             for (Path agent : agentDirs(env, config)) {
//|                 Path legacy = agent.resolve("auth-profiles.json");
//|                 if (!Files.isRegularFile(legacy)) continue;
//|                 try {
//|                     JsonValue store = Json.parse(FileReads.text(legacy, FileReads.MAX_SMALL_FILE));
//|                     Store found = of(store, store, env.display(legacy));
//|                     if (found != null) return found;
//|                 } catch (IOException | JsonException e) {
//|                     env.warn("cannot read " + env.display(legacy) + " (" + e.getMessage() + "); skipped");
//|                 }
//|             }
//|             return null;
//|         }
//|
//|         private static Store of(JsonValue store, JsonValue state, String where) {
//|             JsonObject profiles = store == null ? null : store.objectAt(List.of("profiles"));
//|             if (profiles == null || profiles.members().isEmpty()) return null;
//|             JsonObject order = state == null ? null : state.objectAt(List.of("order"));
//|             JsonObject usage = state == null ? null : state.objectAt(List.of("usageStats"));
//|             return new Store(profiles, order == null ? JsonValue.object() : order, usage == null ? JsonValue.object()
//|                     : usage, where);
//|         }
//|
//|         /** The folders of OpenClaw's agents: each {@code agents.entries.*.agentDir}, else {@code agents/main/agent}. */
//|         private static List<Path> agentDirs(Env env, JsonValue config) {
//|             List<Path> dirs = new ArrayList<>();
//|             JsonObject entries = config.objectAt(List.of("agents", "entries"));
//|             if (entries != null) {
//|                 for (String id : entries.members().keySet()) {
//|                     JsonObject agent = entries.object(id);
//|                     String dir = agent == null ? null : agent.string("agentDir");
//|                     if (dir != null) dirs.add(env.expand(dir));
//|                 }
//|             }
//|             if (dirs.isEmpty()) dirs.add(env.stateDir().resolve("agents").resolve("main").resolve("agent"));
//|             return dirs;
//|         }
//|     }
//|
//|     // ---- lib/config/SecretRef.java
//|     /**
//|      * An OpenClaw SecretRef, {@code {source: "env"|"file"|"exec"|"store", provider, id}}, the form OpenClaw 2026.9.6
//|      * takes in place of a literal secret (its {@code docs/gateway/secrets/secretref-contract.md}); also its string
//|      * shorthands {@code "${NAME}"} and {@code "$NAME"} for an env ref. Env and file refs are resolved here as OpenClaw
//|      * resolves them; exec refs (OpenClaw runs a command) and store refs (its shared secret store) are not: this
//|      * toolkit runs no secret commands and reads no secret store, and says so.
//|      */
//|     record SecretRef(String source, String provider, String id) {
//|         private static final Pattern PROVIDER = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
//|         private static final Pattern ENV_ID = Pattern.compile("[A-Z][A-Z0-9_]{0,127}");
//|         private static final Pattern SHORTHAND =
//|                 Pattern.compile("\\$\\{([A-Z][A-Z0-9_]{0,127})}|\\$([A-Z][A-Z0-9_]{0,127})");
//|         /** OpenClaw's default {@code maxBytes} for a file provider. */
//|         static final long FILE_MAX_BYTES = 1024 * 1024;
//|
//|         /** What resolving gave: a value, or why there is none ({@code fatal}: OpenClaw has none either). */
//|         record Resolved(String value, String source, String variable, String problem, boolean fatal) {
//|             static Resolved missing(String problem) { return new Resolved(null, null, null, problem, true); }
//|         }
//|
//|         /** The ref {@code value} holds, or null when it holds none (a literal string, say). */
//|         static SecretRef of(JsonValue value) {
//|             if (value instanceof JsonObject o && o.has("source")) {
//|                 return new SecretRef(String.valueOf(o.string("source")), o.string("provider"), o.string("id"));
//|             }
//|             if (value instanceof JsonString s) {
//|                 var m = SHORTHAND.matcher(s.value().strip());
//|                 if (m.matches()) return new SecretRef("env", null, m.group(1) != null ? m.group(1) : m.group(2));
//|             }
//|             return null;
//|         }
//|
//|         /** {@code env:HF_TOKEN}, {@code file:hffile:value}: as OpenClaw's own status labels a ref. */
//|         String label() { return source + ":" + (source.equals("env") ? "" : provider + ":") + id; }
//|
//|         /** The secret, resolved from the environment or a file as OpenClaw does; {@code at}: where the ref is written. */
//|         Resolved resolve(Env env, JsonValue config, String at) {
//|             if (provider != null && !PROVIDER.matcher(provider).matches()) return Resolved.missing(at
//|                     + " names the secret provider \"" + provider + "\", which OpenClaw refuses");
//|             JsonObject secrets = config.objectAt(List.of("secrets"));
//|             JsonObject defaults = secrets == null ? null : secrets.object("defaults");
//|             String alias = provider != null ? provider : defaults != null && defaults.string(source) != null
//|                     ? defaults.string(source) : "default";
//|             JsonObject entry = secrets == null || secrets.object("providers") == null ? null
//|                     : secrets.object("providers").object(alias);
//|             if (entry != null && !source.equals(entry.string("source"))) entry = null;
//|             return switch (source) {
//|                 case "env" -> env(env, at, alias, entry);
//|                 case "file" -> file(env, at, alias, entry);
//|                 case "exec", "store" -> new Resolved(null, null, null, at + " is " + (source.equals("exec")
//|                         ? "an exec SecretRef (OpenClaw runs secrets.providers." + alias
//|                                 + "'s command); this toolkit runs no secret commands"
//|                         : "a store SecretRef (OpenClaw's shared secret store); this toolkit does not read that store")
//|                         + ": set HF_TOKEN for this toolkit", false);
//|                 default -> Resolved.missing(at + " is a SecretRef with the source \"" + source
//|                         + "\", which OpenClaw does not know");
//|             };
//|         }
//|
//|         private Resolved env(Env env, String at, String alias, JsonObject entry) {
//|             if (id == null || !ENV_ID.matcher(id).matches()) return Resolved.missing(at + " names the variable \"" + id
//|                     + "\", which OpenClaw refuses (A-Z, 0-9, _)");
//|             if (entry == null && !alias.equals("default")) return Resolved.missing(at + " names secrets.providers." + alias
//|                     + ", which is not an env provider");
//|             if (entry != null && entry.array("allowlist") != null && !entry.strings("allowlist").contains(id)) {
//|                 return Resolved.missing(at + " names " + id + ", which secrets.providers." + alias
//|                         + ".allowlist does not allow");
//|             }
//|             Env.Value v = env.lookup(id);
//|             if (v == null || v.value().isBlank()) return new Resolved(null, null, id, at + " takes the key from " + id
//|                     + ", which is not set: OpenClaw has no key either", true);
//|             return new Resolved(v.value().strip(), v.source(), id, null, false);
//|         }
//|
//|         private Resolved file(Env env, String at, String alias, JsonObject entry) {
//|             if (entry == null || entry.string("path") == null) return Resolved.missing(at + " names secrets.providers."
//|                     + alias + ", which is not a file provider with a path");
//|             Path file = env.expand(entry.string("path"));
//|             String shown = "file " + env.display(file) + " (secrets.providers." + alias + ")";
//|             if (!file.isAbsolute()) return Resolved.missing(shown + ": OpenClaw takes only an absolute path");
//|             boolean single = "singleValue".equals(entry.string("mode"));
//|             if (single && !"value".equals(id)) return Resolved.missing(at + ": the singleValue provider " + alias
//|                     + " takes the id \"value\"");
//|             if (!single && (id == null || !id.startsWith("/"))) return Resolved.missing(at
//|                     + ": the id of a json file provider is a JSON pointer such as /huggingface/apiKey");
//|             String text;
//|             try {
//|                 text = FileReads.privateText(file, Math.max(1, Math.min(entry.longOr("maxBytes", FILE_MAX_BYTES),
//|                         FileReads.MAX_SMALL_FILE)));
//|             } catch (java.nio.file.NoSuchFileException e) {
//|                 return Resolved.missing(shown + " does not exist: OpenClaw has no key either");
//|             } catch (IOException e) {
//|                 return Resolved.missing(shown + " cannot be used: " + e.getMessage());
//|             }
//|             if (text.startsWith("\ufeff")) text = text.substring(1);
//|             if (single) return new Resolved(text.replaceFirst("\r?\n$", ""), shown, null, null, false);
//|             try {
//|                 JsonValue node = Json.parse(text);
//|                 for (String segment : id.substring(1).split("/", -1)) {
//|                     String key = segment.replace("~1", "/").replace("~0", "~");
//|                     node = node instanceof JsonObject o ? o.get(key) : null;
//|                     if (node == null) return Resolved.missing(shown + " has nothing at " + id
//|                             + ": OpenClaw has no key either");
//|                 }
//|                 if (!(node instanceof JsonString s)) return Resolved.missing(shown + " holds " + node.describe() + " at "
//|                         + id + ", not a string");
//|                 return new Resolved(s.value(), shown + " at " + id, null, null, false);
//|             } catch (JsonException e) {
//|                 // Not the parser's message: it may quote the file, which holds secrets.
//|                 return Resolved.missing(shown
//|                         + " is not JSON (for a file holding only the key, set mode: \"singleValue\")");
//|             }
//|         }
//|     }
//|
//|     // ---- lib/config/SidecarLock.java
//|     /**
//|      * The lock OpenClaw takes on a file it writes ({@code openclaw.json}, {@code .env}), spoken as OpenClaw
//|      * 2026.9.6 speaks it (npm {@code @openclaw/fs-safe}, its sidecar lock; OpenClaw's file-lock options):
//|      * <ul>
//|      * <li>the lock is the file {@code <name>.lock} beside the target, created exclusively (0600) and holding
//|      *     {@code {"pid": N, "createdAt": ISO, "starttime": T}} as JSON indented by two spaces, a newline, an
//|      *     ownership token (8 tabs, then 128 tabs or spaces) and a newline: the token is whitespace to JSON, so
//|      *     the whole file still parses; {@code starttime} is field 22 of {@code /proc/PID/stat} on Linux;
//|      * <li>a lock that exists is someone else's: waited for, retried with backoff;
//|      * <li>it is stale, and may be taken over, only when its owner is definitely gone: the pid names no live
//|      *     process (or a zombie), or one that started at another time; or, without a pid, its {@code createdAt}
//|      *     is over 30 s old. A lock that says neither (empty, not JSON) is never taken over: OpenClaw fails
//|      *     closed on it, and so do we;
//|      * <li>taking over is "remove if unchanged": under the folder {@code <name>.lock.reclaim} (made with mkdir;
//|      *     while it exists, nobody else reclaims), the lock is removed only if it is still the same file with
//|      *     the same bytes;
//|      * <li>the owner removes its lock when done, after checking it still holds its own bytes.
//|      * </ul>
//|      * Ours is removed on every way out: normal return, exception, and Ctrl-C (a shutdown hook); after a
//|      * {@code kill -9} it names a dead pid, which OpenClaw and we both reclaim. A leftover empty
//|      * {@code .lock} from this toolkit's earlier versions (which held an OS lock on an empty file) is removed
//|      * when no process holds that OS lock and it is older than a few seconds.
//|      */
//|     static final class SidecarLock implements AutoCloseable {
//|         /**
//|          * How long to wait for a lock someone else holds: ten seconds, about as long as OpenClaw's own config
//|          * writes retry. (The system property is for tests, which need not wait that long to see a wait run out.)
//|          */
//|         /** How long an edit waits for another holder of the lock. */
//|         static final Duration WAIT = Duration.ofSeconds(10);
//|         /** A lock without a pid is stale this long after its {@code createdAt} (OpenClaw's config lock: 30 s). */
//|         static final Duration STALE = Duration.ofSeconds(30);
//|         /** An empty lock younger than this may be OpenClaw's between its exclusive create and its write. */
//|         private static final Duration EMPTY_GRACE = Duration.ofSeconds(5);
//|         private static final int MAX_LOCK_BYTES = 1024 * 1024;
//|
//|         /** Locks this process holds, removed by the shutdown hook if the JVM is stopped while holding them. */
//|         private static final Set<SidecarLock> HELD = ConcurrentHashMap.newKeySet();
//|         private static Thread cleanup;
//|
//|         /** The lock could not be had within the wait: someone else holds it. {@code owner}: its pid, or null. */
//|         static final class Busy extends IOException {
//|             final Long owner;
//|
//|             Busy(Path target, Long owner) {
//|                 super(target.getFileName() + " is being changed by another process" + (owner == null ? "" : " (pid " + owner
//|                         + ")") + "; try again");
//|                 this.owner = owner;
//|             }
//|         }
//|
//|         final Path path;
//|         private final byte[] bytes;
//|         private volatile boolean released;
//|
//|         private SidecarLock(Path path, byte[] bytes) {
//|             this.path = path;
//|             this.bytes = bytes;
//|         }
//|
//|         /**
//|          * Runs {@code work} holding {@code file}'s lock, waiting up to {@code wait} for another holder, its folder made
//|          * first (0700): how {@link ConfigFile} and {@link DotEnv} edit a file OpenClaw may be editing too.
//|          */
//|         static <T> T locked(Path file, Duration wait, java.util.concurrent.Callable<T> work) throws Exception {
//|             SafeFile.createFolder(file.toAbsolutePath().getParent());
//|             try (SidecarLock lock = acquire(file.toAbsolutePath(), wait)) {
//|                 return work.call();
//|             }
//|         }
//|
//|         /** The lock of {@code target} (its folder must exist), waiting up to {@code wait} for another holder. */
//|         static SidecarLock acquire(Path target, Duration wait) throws IOException {
//|             Path lock = target.resolveSibling(target.getFileName() + ".lock");
//|             byte[] mine = payload(ProcessHandle.current().pid(), Instant.now(), new Random());
//|             long deadline = System.nanoTime() + wait.toNanos();
//|             Random jitter = new Random();
//|             Long owner = null;
//|             for (int attempt = 0; ; attempt++) {
//|                 if (!Files.exists(reclaimGuard(lock), LinkOption.NOFOLLOW_LINKS) && create(lock, mine)) {
//|                     SidecarLock held = new SidecarLock(lock, mine);
//|                     held.register();
//|                     return held;
//|                 }
//|                 Held other = Held.read(lock);
//|                 if (other != null) {
//|                     owner = other.pid;
//|                     if (other.stale(lock, Instant.now())) {
//|                         reclaim(lock, other);
//|                         continue;
//|                     }
//|                 }
//|                 long left = deadline - System.nanoTime();
//|                 if (left <= 0) throw new Busy(target, owner);
//|                 // OpenClaw's backoff: 25 ms growing by 1.2 each time up to 250 ms, randomised.
//|                 long delay = (long) Math.min(250, 25 * Math.pow(1.2, Math.min(attempt, 20)));
//|                 sleep(Math.min(left / 1_000_000 + 1, delay / 2 + jitter.nextInt((int) delay / 2 + 1)));
//|             }
//|         }
//|
//|         /** Removes the lock if it still holds our bytes; safe to call twice. */
//|         @Override
//|         public void close() {
//|             if (released) return;
//|             released = true;
//|             HELD.remove(this);
//|             try {
//|                 if (Arrays.equals(FileReads.bytes(path, MAX_LOCK_BYTES), bytes)) SafeFile.remove(path);
//|             } catch (IOException gone) {
//|                 // already removed (or replaced by someone who reclaimed it): nothing of ours to remove
//|             }
//|         }
//|
//|         /**
//|          * {@code {"pid": N, "createdAt": "...", "starttime": T}}, two-space JSON as JavaScript's
//|          * {@code JSON.stringify(payload, null, 2)} writes it, then the ownership token. The token only has to
//|          * be unlikely to repeat (the file is also compared by its whole bytes), so a plain Random serves.
//|          */
//|         static byte[] payload(long pid, Instant now, Random random) {
//|             StringBuilder sb = new StringBuilder("{\n  \"pid\": ").append(pid).append(",\n  \"createdAt\": "
//|                     + "\"").append(UtcTime.format(now)).append('"');
//|             Long starttime = startTime(pid);
//|             if (starttime != null) sb.append(",\n  \"starttime\": ").append(starttime);
//|             sb.append("\n}\n").append("\t".repeat(8));
//|             for (int i = 0; i < 128; i++) sb.append(random.nextBoolean() ? '\t' : ' ');
//|             return sb.append('\n').toString().getBytes(StandardCharsets.UTF_8);
//|         }
//|
//|         /** Field 22 of {@code /proc/PID/stat} (start time in clock ticks since boot), or null off Linux. */
//|         static Long startTime(long pid) {
//|             try {
//|                 String stat = FileReads.text(Path.of("/proc", Long.toString(pid), "stat"), 64 * 1024);
//|                 String[] fields = stat.substring(stat.lastIndexOf(')') + 1).trim().split("\\s+");
//|                 return fields.length > 19 ? Long.valueOf(fields[19]) : null;
//|             } catch (IOException | RuntimeException e) {
//|                 return null;
//|             }
//|         }
//|
//|         /** Creates the lock file exclusively with our bytes; false when it exists already. */
//|         private static boolean create(Path lock, byte[] bytes) throws IOException {
//|             try {
//|                 SafeFile.createNew(lock, bytes);
//|                 return true;
//|             } catch (FileAlreadyExistsException held) {
//|                 return false;
//|             }
//|         }
//|
//|         private static Path reclaimGuard(Path lock) { return lock.resolveSibling(lock.getFileName() + ".reclaim"); }
//|
//|         /**
//|          * Removes a stale lock if it is still the one judged stale, under the reclaim guard; quietly gives up otherwise.
//|          */
//|         private static void reclaim(Path lock, Held stale) throws IOException {
//|             Path guard = reclaimGuard(lock);
//|             try {
//|                 SafeFile.createFolderExclusively(guard);
//|             } catch (FileAlreadyExistsException busy) {
//|                 return;   // someone else is reclaiming: wait as for any holder
//|             }
//|             try {
//|                 Held now = Held.read(lock);
//|                 if (now != null && now.sameAs(stale)) SafeFile.remove(lock);
//|             } finally {
//|                 SafeFile.remove(guard);
//|             }
//|         }
//|
//|         private void register() {
//|             HELD.add(this);
//|             synchronized (SidecarLock.class) {
//|                 if (cleanup != null) return;
//|                 cleanup = new Thread(new Runnable() {
//|                     @Override
//|                     public void run() { for (SidecarLock l : HELD) l.close(); }
//|                 }, "sidecar-lock-cleanup");
//|                 Runtime.getRuntime().addShutdownHook(cleanup);
//|             }
//|         }
//|
//|         private static void sleep(long millis) throws IOException {
//|             try {
//|                 Thread.sleep(Math.max(1, millis));
//|             } catch (InterruptedException e) {
//|                 Thread.currentThread().interrupt();
//|                 throw new IOException("interrupted while waiting for a lock");
//|             }
//|         }
//|
//|         /** A lock file someone else holds, as read once: its bytes, its file identity and what its payload says. */
//|         private record Held(byte[] bytes, Object fileKey, Instant modified, Long pid, Long starttime, Instant createdAt) {
//|             /** The lock as it is now; null when it is gone. Anything but a regular file is an error, not a lock. */
//|             static Held read(Path lock) throws IOException {
//|                 BasicFileAttributes attributes;
//|                 byte[] bytes;
//|                 try {
//|                     attributes = Files.readAttributes(lock, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
//|                     if (!attributes.isRegularFile()) throw new IOException(lock
//|                             + " is not a regular file; remove it if nothing is running");
//|                     if (attributes.size() > MAX_LOCK_BYTES) throw new IOException(lock
//|                             + " is larger than a lock file can be");
//|                     bytes = FileReads.bytes(lock, MAX_LOCK_BYTES);
//|                 } catch (NoSuchFileException gone) {
//|                     return null;
//|                 }
//|                 Long pid = null, starttime = null;
//|                 Instant createdAt = null;
//|                 try {
//|                     JsonObject payload = Json.parse(new String(bytes, StandardCharsets.UTF_8)).asObject();
//|                     pid = payload.wholeOrNull("pid");
//|                     if (pid != null && pid <= 0) pid = null;
//|                     starttime = payload.wholeOrNull("starttime");
//|                     String created = payload.string("createdAt");
//|                     if (created != null) createdAt = UtcTime.parse(created);
//|                 } catch (RuntimeException notOurs) {
//|                     // empty or not JSON: judged by emptiness and age alone (see stale)
//|                 }
//|                 return new Held(bytes, attributes.fileKey(), attributes.lastModifiedTime().toInstant(), pid, starttime,
//|                         createdAt);
//|             }
//|
//|             boolean stale(Path lock, Instant now) throws IOException {
//|                 if (pid != null) {
//|                     Long observed = startTime(pid);
//|                     if (starttime != null && observed != null && !observed.equals(starttime)) return true;
//|                     return !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) || zombie(pid);
//|                 }
//|                 if (createdAt != null) return createdAt.plus(STALE).isBefore(now);
//|                 return bytes.length == 0 && modified.plus(EMPTY_GRACE).isBefore(now) && !osLocked(lock);
//|             }
//|
//|             /** A process that has exited and waits for its parent: as dead as one that is gone (Linux only). */
//|             private static boolean zombie(long pid) {
//|                 try {
//|                     String stat = FileReads.text(Path.of("/proc", Long.toString(pid), "stat"), 64 * 1024);
//|                     return stat.substring(stat.lastIndexOf(')') + 1).trim().startsWith("Z");
//|                 } catch (IOException | RuntimeException e) {
//|                     return false;
//|                 }
//|             }
//|
//|             /**
//|              * Whether a process holds an OS lock on the file, as this toolkit's earlier versions did on their empty lock.
//|              */
//|             private static boolean osLocked(Path lock) {
//|                 return SafeFile.osLocked(lock);
//|             }
//|
//|             boolean sameAs(Held other) {
//|                 return Arrays.equals(bytes, other.bytes) && java.util.Objects.equals(fileKey, other.fileKey);
//|             }
//|         }
//|     }
//|
//|     // ---- lib/config/Token.java
//|     /**
//|      * The Hugging Face token and where it came from. Its {@code toString} is masked: a token is never
//|      * printed whole, not even by accident in a log line or an exception message.
//|      */
//|     static final class Token {
//|         /** OpenClaw reads the first two; the Hugging Face libraries also know the third (deprecated). */
//|         static final List<String> VARIABLES = List.of("HUGGINGFACE_HUB_TOKEN", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN");
//|
//|         private final String value;
//|         private final String source;
//|         private final boolean openClawReads;
//|
//|         Token(String value, String source) { this(value, source, true); }
//|
//|         /** {@code openClawReads}: false for a source only this toolkit reads (the Hugging Face token file). */
//|         Token(String value, String source, boolean openClawReads) {
//|             Running.secret(value);
//|             this.value = clean(value);
//|             Running.secret(this.value);
//|             this.source = source;
//|             this.openClawReads = openClawReads;
//|         }
//|
//|         /**
//|          * The token as the Hugging Face libraries take it: without the whitespace around it (a pasted line end),
//|          * and without a byte-order mark or zero-width characters anywhere (Notepad, a web page's copy).
//|          */
//|         static String clean(String token) {
//|             StringBuilder sb = new StringBuilder(token.length());
//|             for (char c : token.toCharArray()) {
//|                 if (c != '\ufeff' && c != '\u200b' && c != '\u200c' && c != '\u200d' && c != '\u2060') sb.append(c);
//|             }
//|             return sb.toString().strip();
//|         }
//|
//|         /**
//|          * Why this token cannot go in a request header (a character outside visible ASCII), naming where it came
//|          * from and showing only the mask; null when it can.
//|          */
//|         String problem() {
//|             for (int i = 0; i < value.length(); i++) {
//|                 char c = value.charAt(i);
//|                 if (c < 0x21 || c > 0x7e) {
//|                     return String.format("the token from %s (%s) holds a character no request can carry (U+%04X); copy it "
//|                             + "again, or run %s", source, masked(), (int) c, Invocation.command("onboard"));
//|                 }
//|             }
//|             return null;
//|         }
//|
//|         /** The secret itself: only for an Authorization header or the .env file. */
//|         String secret() { return value; }
//|
//|         String source() { return source; }
//|
//|         /** Whether OpenClaw reads this source too; if not, OpenClaw reports "Missing auth" with this token. */
//|         boolean openClawReads() { return openClawReads; }
//|
//|         String masked() { return mask(value); }
//|
//|         @Override
//|         public String toString() { return masked() + " (" + source + ")"; }
//|
//|         /**
//|          * {@code hf_...wxyz}: the prefix, then at most the last four characters, fewer for a short token; a shown
//|          * character that is not visible ASCII is a {@code ?}, so that a mask never carries a control character.
//|          */
//|         static String mask(String token) {
//|             String prefix = token.startsWith("hf_") ? "hf_" : "";
//|             String rest = token.substring(prefix.length());
//|             int shown = Math.min(4, rest.length() / 4);
//|             StringBuilder tail = new StringBuilder();
//|             for (char c : rest.substring(rest.length() - shown).toCharArray()) tail.append(c >= 0x21 && c <= 0x7e ? c
//|                     : '?');
//|             return prefix + "\u2026" + tail;
//|         }
//|
//|         /**
//|          * What {@link #find} and {@link #all} found: the tokens, first the one used; {@code blocked}, when OpenClaw
//|          * stops with no key (an unresolvable SecretRef, say), the one-line reason, and then no token is used here either;
//|          * {@code notes}, sources OpenClaw uses that this toolkit cannot read.
//|          */
//|         record Found(List<Token> tokens, String blocked, List<String> notes) {
//|             Token first() { return tokens.isEmpty() ? null : tokens.get(0); }
//|         }
//|
//|         /**
//|          * The token, first found wins, in the order OpenClaw itself finds its key ({@link OpenClawAuth}), then what only
//|          * this toolkit reads: {@code HUGGING_FACE_HUB_TOKEN} and the Hugging Face token file. Null when there is none,
//|          * or when OpenClaw would have none ({@link Found#blocked}).
//|          */
//|         static Token find(Env env, JsonValue config) { return collect(env, config, false).first(); }
//|
//|         /** Every token found, in {@link #find}'s order, each source once: for {@code models status}. */
//|         static Found all(Env env, JsonValue config) { return collect(env, config, true); }
//|
//|         /** {@link #find} with the reason when there is none because OpenClaw would have none. */
//|         static Found first(Env env, JsonValue config) { return collect(env, config, false); }
//|
//|         private static Found collect(Env env, JsonValue config, boolean all) {
//|             List<Token> found = new ArrayList<>();
//|             List<String> notes = new ArrayList<>();
//|             boolean unread = false;   // OpenClaw uses a source we cannot read: what we find after it is not what it sends
//|             for (OpenClawAuth.Found f : OpenClawAuth.steps(env, config)) {
//|                 if (f.token() == null && f.fatal()) {
//|                     if (found.isEmpty()) return new Found(found, f.problem(), notes);
//|                     break;
//|                 }
//|                 if (f.problem() != null) notes.add(f.problem());
//|                 if (f.token() == null) {
//|                     unread = true;
//|                     continue;
//|                 }
//|                 Token t = unread && f.token().openClawReads() ? new Token(f.token().secret(), f.token().source(), false)
//|                         : f.token();
//|                 if (add(found, t, all)) return new Found(found, null, notes);
//|             }
//|             Env.Value old = env.lookup("HUGGING_FACE_HUB_TOKEN", VARIABLES);
//|             if (old != null && !old.value().isBlank() && add(found, new Token(old.value().strip(), old.source(), false),
//|                     all)) return new Found(found, null, notes);
//|             Path file = tokenFile(env);
//|             try {
//|                 if (Files.isRegularFile(file)) {
//|                     String t = FileReads.text(file, FileReads.MAX_SMALL_FILE).strip();
//|                     if (!t.isEmpty()) add(found, new Token(t, "token file " + env.display(file), false), all);
//|                 }
//|             } catch (IOException e) {
//|                 // unreadable token file: as if there were none
//|             }
//|             return new Found(found, null, notes);
//|         }
//|
//|         /** Adds {@code token} unless that source is there already; true when that is enough (only the first is wanted). */
//|         private static boolean add(List<Token> found, Token token, boolean all) {
//|             for (Token t : found) if (t.source.equals(token.source)) return false;
//|             found.add(token);
//|             return !all;
//|         }
//|
//|         /**
//|          * Keeps the token where OpenClaw will read it ({@link OpenClawAuth#storage}): in {@code $OPENCLAW_STATE_DIR/.env}
//|          * (0600, other lines kept) under {@code HF_TOKEN}, or under the variable OpenClaw's profile or SecretRef names;
//|          * never in {@code openclaw.json} or OpenClaw's database.
//|          */
//|         record Stored(Path file, String variable, String notRead) { }
//|
//|         static Stored store(Env env, JsonValue config, Token token) throws Exception {
//|             OpenClawAuth.Storage where = OpenClawAuth.storage(env, config, token.secret());
//|             Path file = env.stateDir().resolve(".env");
//|             DotEnv.store(file, where.variable(), token.secret(), env.lockWait());
//|             return new Stored(file, where.variable(), where.notRead());
//|         }
//|
//|         /**
//|          * Where the Hugging Face libraries keep the token: $HF_TOKEN_PATH, else $HF_HOME/token, else the cache folder's.
//|          */
//|         static Path tokenFile(Env env) {
//|             if (env.process("HF_TOKEN_PATH") != null) return env.expand(env.process("HF_TOKEN_PATH"));
//|             if (env.process("HF_HOME") != null) return env.expand(env.process("HF_HOME")).resolve("token");
//|             Path cache = env.process("XDG_CACHE_HOME") != null ? env.expand(env.process("XDG_CACHE_HOME"))
//|                     : env.home().resolve(".cache");
//|             return cache.resolve("huggingface").resolve("token");
//|         }
//|     }
//|
//|     // ---- lib/config/UtcTime.java
//|     /**
//|      * Timestamps as {@code 2026-11-21T20:19:02Z} (UTC, whole seconds), written and read by hand with the
//|      * proleptic Gregorian day count: the JDK's {@code Instant.toString()} and {@code Instant.parse} start up
//|      * its whole date-time formatting engine, and even {@code LocalDateTime} loads and initialises the
//|      * field tables behind it, a noticeable part of a start-up that only needs the cache's fetch time.
//|      */
//|     static final class UtcTime {
//|         private UtcTime() { }
//|
//|         private static final long SECONDS_PER_DAY = 86_400;
//|
//|         static String format(Instant instant) {
//|             long seconds = instant.getEpochSecond();
//|             long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
//|             int ofDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
//|             long[] date = civil(days);
//|             StringBuilder sb = new StringBuilder(20);
//|             pad(sb, date[0], 4).append('-');
//|             pad(sb, date[1], 2).append('-');
//|             pad(sb, date[2], 2).append('T');
//|             pad(sb, ofDay / 3600, 2).append(':');
//|             pad(sb, ofDay / 60 % 60, 2).append(':');
//|             return pad(sb, ofDay % 60, 2).append('Z').toString();
//|         }
//|
//|         /** Reads what {@link #format} writes; any other ISO-8601 instant goes through the JDK's parser. */
//|         static Instant parse(String text) {
//|             if (text.length() == 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
//|                     && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == 'Z') {
//|                 long year = number(text, 0, 4), month = number(text, 5, 7), day = number(text, 8, 10);
//|                 long hour = number(text, 11, 13), minute = number(text, 14, 16), second = number(text, 17, 19);
//|                 long days = days(year, month, day);
//|                 long[] check = civil(days);
//|                 // A day count taken back to a date gives the same date only if the date exists (no 2026-02-30).
//|                 if (month < 1 || month > 12 || check[1] != month || check[2] != day || hour > 23 || minute > 59
//|                         || second > 59) {
//|                     throw new DateTimeParseException("not a timestamp", text, 0);
//|                 }
//|                 return Instant.ofEpochSecond(days * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second);
//|             }
//|             return Instant.parse(text);
//|         }
//|
//|         /** Days since 1970-01-01 of a date (March-based years, so that February's length comes last). */
//|         private static long days(long year, long month, long day) {
//|             long y = month <= 2 ? year - 1 : year;
//|             long era = Math.floorDiv(y, 400);
//|             long yearOfEra = y - era * 400;
//|             long dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
//|             long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
//|             return era * 146_097 + dayOfEra - 719_468;
//|         }
//|
//|         /** The date {@code {year, month, day}} of a day count since 1970-01-01: {@link #days} backwards. */
//|         private static long[] civil(long days) {
//|             long z = days + 719_468;
//|             long era = Math.floorDiv(z, 146_097);
//|             long dayOfEra = z - era * 146_097;
//|             long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
//|             long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
//|             long mp = (5 * dayOfYear + 2) / 153;
//|             long day = dayOfYear - (153 * mp + 2) / 5 + 1;
//|             long month = mp < 10 ? mp + 3 : mp - 9;
//|             return new long[] {yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day};
//|         }
//|
//|         private static int number(String text, int from, int to) {
//|             int n = 0;
//|             for (int i = from; i < to; i++) {
//|                 char c = text.charAt(i);
//|                 if (c < '0' || c > '9') throw new DateTimeParseException("not a timestamp", text, i);
//|                 n = n * 10 + (c - '0');
//|             }
//|             return n;
//|         }
//|
//|         private static StringBuilder pad(StringBuilder sb, long value, int width) {
//|             String digits = Long.toString(value);
//|             for (int i = digits.length(); i < width; i++) sb.append('0');
//|             return sb.append(digits);
//|         }
//|     }
//|
//|     // ---- lib/router/Proxies.java
//|     /**
//|      * The proxy settings of the environment, read as curl and the Hugging Face libraries read them (java.net.http
//|      * reads none of them by itself): {@code https_proxy}/{@code HTTPS_PROXY} for https URLs, {@code http_proxy}/
//|      * {@code HTTP_PROXY} for http ones, the lower-case name first; {@code no_proxy}/{@code NO_PROXY} lists the hosts
//|      * reached directly: {@code *} for all, a name for itself and its subdomains ({@code example.com} and
//|      * {@code .example.com} alike), an IP address or a CIDR block, each with an optional {@code :port} that limits
//|      * the rule to that port. A proxy's user and password ({@code http://user:pass@host:port}) are used only to
//|      * answer that proxy, and never shown: a proxy is named by host, port and variable.
//|      */
//|     static final class Proxies extends ProxySelector {
//|         // java.net.Proxy by its full name: the bundles put all imports of a script together, and Signals imports
//|         // java.lang.reflect.Proxy.
//|         /** One proxy setting: where it is, which variable gave it, and its credentials (or null). */
//|         record Setting(String host, int port, String variable, String user, String password) {
//|             /** {@code the proxy proxy.example:3128 (HTTPS_PROXY)}: how messages name it, without its credentials. */
//|             String named() { return "the proxy " + host + ":" + port + " (" + variable + ")"; }
//|
//|             /** What a 407 from this proxy means, in one line. */
//|             String refusedLogin() {
//|                 return user == null ? named() + " asks for a user and password (407): give them in " + variable
//|                         + " as http://USER:PASSWORD@" + host + ":" + port
//|                         : named() + " refused the user and password in " + variable + " (407)";
//|             }
//|
//|             /** The Proxy-Authorization value of the user and password. */
//|             String basicLogin() {
//|                 return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":"
//|                         + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
//|             }
//|         }
//|
//|         static final Proxies NONE = new Proxies(null, null, List.of());
//|
//|         private final Setting https;
//|         private final Setting http;
//|         private final List<String> noProxy;
//|
//|         Proxies(Setting https, Setting http, List<String> noProxy) {
//|             this.https = https;
//|             this.http = http;
//|             this.noProxy = noProxy;
//|         }
//|
//|         /** The settings of {@code env}'s process environment; a malformed one fails naming its variable. */
//|         static Proxies of(Env env) {
//|             Setting https = setting(env, "https_proxy", "HTTPS_PROXY");
//|             Setting http = setting(env, "http_proxy", "HTTP_PROXY");
//|             if (https == null && http == null) return NONE;
//|             String no = named(env, "no_proxy", "NO_PROXY");
//|             List<String> rules = new ArrayList<>();
//|             if (no != null) {
//|                 for (String rule : env.process(no).split(",")) {
//|                     if (!rule.isBlank()) rules.add(rule.strip().toLowerCase(Locale.ROOT));
//|                 }
//|             }
//|             return new Proxies(https, http, rules);
//|         }
//|
//|         /** The variable that holds the setting, the lower-case name first; null when neither holds one. */
//|         private static String named(Env env, String lower, String upper) {
//|             for (String name : new String[] {lower, upper}) if (env.process(name) != null
//|                     && !env.process(name).isBlank()) return name;
//|             return null;
//|         }
//|
//|         private static Setting setting(Env env, String lower, String upper) {
//|             String variable = named(env, lower, upper);
//|             if (variable == null) return null;
//|             String value = env.process(variable);
//|             URI uri;
//|             try {
//|                 // "host:3128" is read as curl reads it: http://host:3128.
//|                 uri = new URI(value.contains("://") ? value.strip() : "http://" + value.strip());
//|             } catch (java.net.URISyntaxException e) {
//|                 throw new Cli.Failure(variable + " is not a proxy URL (http://[user:password@]host:port)");
//|             }
//|             String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
//|             if (!scheme.equals("http")) throw new Cli.Failure(variable + ": only http:// proxies are supported, not "
//|                     + scheme + "://");
//|             if (uri.getHost() == null) throw new Cli.Failure(variable
//|                     + " is not a proxy URL (http://[user:password@]host:port)");
//|             String user = null, password = null;
//|             if (uri.getRawUserInfo() != null) {
//|                 String[] parts = uri.getRawUserInfo().split(":", 2);
//|                 user = java.net.URLDecoder.decode(parts[0], java.nio.charset.StandardCharsets.UTF_8);
//|                 password = parts.length > 1 ? java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8)
//|                         : "";
//|                 Running.secret(password);
//|             }
//|             if (uri.getPort() > 65535) throw new Cli.Failure(variable + ": " + uri.getPort()
//|                     + " is not a port (1 to 65535)");
//|             return new Setting(uri.getHost(), uri.getPort() < 0 ? 1080 : uri.getPort(), variable, user, password);
//|         }
//|
//|         /**
//|          * Refuses, before anything is sent, what this JDK cannot do for requests to {@code base}: before JDK 24 a client
//|          * with a proxy login for https drops every request's token (JDK-8326949). A router the https proxy is not used
//|          * for (plain http, loopback, NO_PROXY) is not refused for it.
//|          */
//|         void checkUsableFor(URI base) {
//|             Setting s = settingFor(base);
//|             if (s != null && s == https && s.user() != null && Runtime.version().feature() < 24) {
//|                 throw new Cli.Failure(s.variable()
//|                         + ": a proxy login for https needs Java 24 or later (before it, the JDK drops the token"
//|                         + " of any request made with one: JDK-8326949); use a proxy without a login, or a newer Java");
//|             }
//|         }
//|
//|         /**
//|          * Whether {@code host} is this machine: {@code localhost} (and names under it), 127.0.0.0/8 and ::1, written
//|          * any way. Loopback never goes through a proxy, as curl, Go and Python do it: the proxy cannot reach our
//|          * loopback, and a token for a local gateway must not travel to it.
//|          */
//|         static boolean loopback(String host) {
//|             if (host == null) return false;
//|             String h = host.toLowerCase(Locale.ROOT);
//|             if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
//|             if (h.equals("localhost") || h.endsWith(".localhost")) return true;
//|             byte[] a = literal(h);
//|             if (a == null) return false;
//|             if (a.length == 4) return a[0] == 127;
//|             for (int i = 0; i < 15; i++) if (a[i] != 0) return false;
//|             return a[15] == 1;
//|         }
//|
//|         boolean any() { return https != null || http != null; }
//|
//|         /** The setting of the proxy at {@code host:port}, or null. */
//|         Setting named(String host, int port) {
//|             for (Setting s : new Setting[] {https, http}) if (s != null && s.host().equalsIgnoreCase(host)
//|                     && s.port() == port) return s;
//|             return null;
//|         }
//|
//|
//|         /** The proxy a request to {@code uri} goes through, or null when it goes directly. */
//|         Setting settingFor(URI uri) {
//|             Setting s = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
//|             if (s == null || loopback(uri.getHost()) || bypassed(uri)) return null;
//|             return s;
//|         }
//|
//|         @Override
//|         public List<java.net.Proxy> select(URI uri) {
//|             Setting s = settingFor(uri);
//|             return List.of(s == null ? java.net.Proxy.NO_PROXY : new java.net.Proxy(java.net.Proxy.Type.HTTP,
//|                     InetSocketAddress.createUnresolved(s.host(), s.port())));
//|         }
//|
//|         @Override
//|         public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
//|             // RouterClient names the proxy in its own message.
//|         }
//|
//|         /** Whether NO_PROXY sends {@code uri} directly. */
//|         boolean bypassed(URI uri) {
//|             String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
//|             if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
//|             int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
//|             for (String rule : noProxy) if (matches(rule, host, port)) return true;
//|             return false;
//|         }
//|
//|         /**
//|          * One NO_PROXY entry against a host and port: {@code *}, a domain, an address, a CIDR block, each with an optional
//|          * port.
//|          */
//|         static boolean matches(String rule, String host, int port) {
//|             if (rule.equals("*")) return true;
//|             String name = rule;
//|             int colon = rule.lastIndexOf(':');
//|             // "host:port" and "[v6]:port"; a bare IPv6 address has more than one colon and no brackets.
//|             if (colon > 0 && rule.indexOf(':') == colon || rule.startsWith("[") && rule.contains("]:")) {
//|                 String p = rule.substring(colon + 1);
//|                 if (!p.matches("[0-9]{1,5}") || Integer.parseInt(p) != port) return false;
//|                 name = rule.substring(0, colon);
//|             }
//|             if (name.startsWith("[") && name.endsWith("]")) name = name.substring(1, name.length() - 1);
//|             if (name.startsWith("*.")) name = name.substring(1);
//|             if (name.startsWith(".")) name = name.substring(1);
//|             if (name.isEmpty()) return false;
//|             if (name.contains("/")) return inBlock(name, host);
//|             // Addresses as addresses: 0:0:0:0:0:0:0:1 is ::1.
//|             byte[] address = literal(host), ruled = literal(name);
//|             if (address != null && ruled != null) return java.util.Arrays.equals(address, ruled);
//|             return host.equals(name) || host.endsWith("." + name);
//|         }
//|
//|         /** Whether the address {@code host} lies in the CIDR block {@code block} (a name never does). */
//|         private static boolean inBlock(String block, String host) {
//|             byte[] address = literal(host), network = literal(block.substring(0, block.indexOf('/')));
//|             if (address == null || network == null || address.length != network.length) return false;
//|             int bits;
//|             try {
//|                 bits = Integer.parseInt(block.substring(block.indexOf('/') + 1));
//|             } catch (NumberFormatException e) {
//|                 return false;
//|             }
//|             if (bits < 0 || bits > address.length * 8) return false;
//|             for (int i = 0; i < bits; i++) {
//|                 int mask = 0x80 >> (i % 8);
//|                 if ((address[i / 8] & mask) != (network[i / 8] & mask)) return false;
//|             }
//|             return true;
//|         }
//|
//|         /** The bytes of an IP address literal, or null for a name (never a DNS lookup). */
//|         private static byte[] literal(String text) {
//|             if (text.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || (text.contains(":") && text.matches("[0-9a-fA-F:.]+"))) {
//|                 try {
//|                     return java.net.InetAddress.getByName(text).getAddress();
//|                 } catch (java.net.UnknownHostException e) {
//|                     return null;
//|                 }
//|             }
//|             return null;
//|         }
//|     }
//|
//|     // ---- lib/router/RouterClient.java
//|     /**
//|      * The only user of the network: the Hugging Face router's OpenAI-compatible API (and the Hub's whoami) on
//|      * {@code java.net.http}. Everything it gets back is checked and every failure becomes a
//|      * {@link RouterError} with one plain line.
//|      */
//|     static final class RouterClient implements AutoCloseable {
//|         static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
//|         /** The real list is a few hundred KB; anything past this is not a model list. */
//|         static final int MAX_BODY = 32 * 1024 * 1024;
//|
//|         static {
//|             // Basic logins for an https tunnel's CONNECT are off in the JDK unless this is cleared before its HTTP client
//|             // first reads it (once, when its classes load): a proxy login the user gave in HTTPS_PROXY needs it. It lets
//|             // the JDK answer a proxy's 407 with the login of ProxyLogin, which answers nothing else.
//|             if (System.getProperty("jdk.http.auth.tunneling.disabledSchemes") == null) {
//|                 System.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
//|             }
//|         }
//|
//|         /** Redirects followed at most, as curl's default is 50 and browsers' about 20: a loop ends here. */
//|         private static final int MAX_REDIRECTS = 10;
//|
//|         private final String baseUrl;
//|         private final Token token;
//|         /** Why the token may not be sent to this base URL (plain http), or null: every request then fails saying so. */
//|         private final String refusal;
//|         private final Duration timeout;
//|         private final java.util.function.Consumer<String> warn;
//|         private final Proxies proxies;
//|         /** Who pays for inference, sent as X-HF-Bill-To on chat completions only; null: the token's own account. */
//|         /** The organization chat completions (nothing else) are billed to; null for the token's account. */
//|         private final BillTo billTo;
//|         private final HttpClient http;
//|         /** The selector thread of this client, found by name when it starts (see close()); null if not found. */
//|         private final Thread selector;
//|
//|         /**
//|          * A client of {@code baseUrl} sending what {@code verdict} allows of the token; {@code warn} is told, once
//|          * each, of a token sent to a host that is not Hugging Face's and of a redirect followed without it.
//|          */
//|         RouterClient(String baseUrl, TokenDestination.Verdict verdict, Duration timeout,
//|                 java.util.function.Consumer<String> warn, Proxies proxies,
//|                      BillTo billTo) {
//|             this.billTo = billTo;
//|             this.baseUrl = baseUrl;
//|             this.proxies = proxies;
//|             this.token = verdict.token();
//|             this.refusal = verdict.refusal();
//|             this.timeout = timeout;
//|             this.warn = warn;
//|             if (verdict.warning() != null) warn.accept(verdict.warning());
//|             // Redirects are followed here, not by the client, which would send the token on to any host.
//|             HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
//|                     .followRedirects(HttpClient.Redirect.NEVER);
//|             if (baseUrl.startsWith("http://")) {
//|                 // A plain-http router (a local gateway, a test double): no TLS and no HTTP/2 upgrade to set up.
//|                 builder.sslContext(NoTls.CONTEXT).sslParameters(new javax.net.ssl.SSLParameters())
//|                         .version(HttpClient.Version.HTTP_1_1);
//|             }
//|             // A proxy's login for a plain-http request goes as a Proxy-Authorization header of our own (see send). An
//|             // https tunnel's CONNECT takes it only from an Authenticator (the JDK puts no header of ours on a CONNECT),
//|             // and before JDK 24 a client with one drops every request's Authorization header, our token (JDK-8326949):
//|             // so that needs JDK 24+ (Proxies.of says so).
//|             if (proxies.any()) {
//|                 try {
//|                     proxies.checkUsableFor(URI.create(baseUrl));
//|                 } catch (IllegalArgumentException e) {
//|                     // a bad URL is said when it is used
//|                 }
//|                 builder.proxy(proxies);
//|                 if (Runtime.version().feature() >= 24) builder.authenticator(new ProxyLogin(proxies));
//|             }
//|             Set<Thread> before = selectorThreads();
//|             this.http = builder.build();
//|             Set<Thread> mine = selectorThreads();
//|             mine.removeAll(before);
//|             this.selector = mine.size() == 1 ? mine.iterator().next() : null;
//|         }
//|
//|         /**
//|          * Stops the client's selector thread. Not a nicety: while that thread waits in {@code epoll_wait},
//|          * the JVM's exit waits for it too, 300 ms, longer than the whole rest of a {@code models list}.
//|          * JDK 21+ clients close themselves; on 17-20 the only way in is to interrupt the thread, which makes
//|          * its loop end and close the selector (the client is unusable afterwards, as after close()).
//|          */
//|         @Override
//|         public void close() {
//|             if (http instanceof AutoCloseable closeable) {
//|                 try {
//|                     closeable.close();
//|                 } catch (Exception e) {
//|                     // closing a client whose requests are all done cannot fail in a way worth reporting
//|                 }
//|             } else if (selector != null) {
//|                 selector.interrupt();
//|                 try {
//|                     selector.join(1000);
//|                 } catch (InterruptedException e) {
//|                     Thread.currentThread().interrupt();
//|                 }
//|             }
//|         }
//|
//|         /** The JDK's HTTP client threads named {@code HttpClient-N-SelectorManager} in our thread group. */
//|         private static Set<Thread> selectorThreads() {
//|             Thread[] threads = new Thread[Thread.activeCount() + 8];
//|             int n = Thread.currentThread().getThreadGroup().enumerate(threads, false);
//|             Set<Thread> found = new HashSet<>();
//|             for (int i = 0; i < n; i++) if (threads[i].getName().endsWith("-SelectorManager")) found.add(threads[i]);
//|             return found;
//|         }
//|
//|         /**
//|          * The SSL context of a plain-http client. The JDK would otherwise build its default one, loading the
//|          * security providers and the CA trust store (~0.25 s), for a connection that never uses TLS. This one
//|          * refuses every TLS operation: if a redirect ever led to https, the request fails; it cannot pass.
//|          */
//|         private static final class NoTls extends javax.net.ssl.SSLContextSpi {
//|             static final javax.net.ssl.SSLContext CONTEXT = new javax.net.ssl.SSLContext(new NoTls(), null, "none") { };
//|
//|             private static UnsupportedOperationException refused() {
//|                 return new UnsupportedOperationException("TLS is off for a plain-http router URL");
//|             }
//|
//|             protected void engineInit(javax.net.ssl.KeyManager[] km, javax.net.ssl.TrustManager[] tm,
//|                     java.security.SecureRandom random) { }
//|
//|             protected javax.net.ssl.SSLSocketFactory engineGetSocketFactory() { throw refused(); }
//|
//|             protected javax.net.ssl.SSLServerSocketFactory engineGetServerSocketFactory() { throw refused(); }
//|
//|             protected javax.net.ssl.SSLEngine engineCreateSSLEngine() { throw refused(); }
//|
//|             protected javax.net.ssl.SSLEngine engineCreateSSLEngine(String host, int port) { throw refused(); }
//|
//|             protected javax.net.ssl.SSLSessionContext engineGetServerSessionContext() { throw refused(); }
//|
//|             protected javax.net.ssl.SSLSessionContext engineGetClientSessionContext() { throw refused(); }
//|         }
//|
//|         /** Answers a proxy's 407 with the login of its setting, or none; never a server's 401 (our token answers that). */
//|         private static final class ProxyLogin extends java.net.Authenticator {
//|             private final Proxies proxies;
//|
//|             ProxyLogin(Proxies proxies) { this.proxies = proxies; }
//|
//|             @Override
//|             protected java.net.PasswordAuthentication getPasswordAuthentication() {
//|                 if (getRequestorType() != RequestorType.PROXY) return null;
//|                 Proxies.Setting s = proxies.named(getRequestingHost(), getRequestingPort());
//|                 return s == null || s.user() == null ? null : new java.net.PasswordAuthentication(s.user(),
//|                         s.password().toCharArray());
//|             }
//|         }
//|
//|         /** A client of the router: {@code HF_ROUTER_URL}, else the config's baseUrl, else the public router. */
//|         static RouterClient forRouter(Env env, JsonValue config, Token token, Duration timeout,
//|                 java.util.function.Consumer<String> warn) {
//|             return forRouter(env, config, token, timeout, warn, null);
//|         }
//|
//|         /** {@link #forRouter} billing chat completions to {@code billTo}'s organization (null: the token's account). */
//|         static RouterClient forRouter(Env env, JsonValue config, Token token, Duration timeout,
//|                 java.util.function.Consumer<String> warn, BillTo billTo) {
//|             String url = ConfigFile.baseUrl(env, config), configured = ConfigFile.string(config, ConfigFile.BASE_URL);
//|             String named = env.process("HF_ROUTER_URL") != null ? "HF_ROUTER_URL" : configured != null
//|                     ? "the config's baseUrl" : "the default router";
//|             return new RouterClient(url, TokenDestination.of(token, url, configured, named,
//|                     "1".equals(env.process(TokenDestination.ALLOW_HTTP))), timeout, warn,
//|                     Proxies.of(env), billTo);
//|         }
//|
//|         /** A client of the Hub at {@code hub} (HF_ENDPOINT, else https://huggingface.co). */
//|         static RouterClient forHub(Env env, String hub, Token token, Duration timeout,
//|                 java.util.function.Consumer<String> warn) {
//|             return new RouterClient(hub, TokenDestination.of(token, hub, null, "HF_ENDPOINT",
//|                     "1".equals(env.process(TokenDestination.ALLOW_HTTP))), timeout, warn,
//|                     Proxies.of(env), null);
//|         }
//|
//|         BillTo billTo() { return billTo; }
//|
//|         /**
//|          * Why no request to this router can ever go (a base URL that is not one, a token no header can carry, a token
//|          * refused over plain http), or null. A local, permanent error: said once, never retried nor passed to fallbacks.
//|          */
//|         String cannotSend() {
//|             try {
//|                 URI uri = URI.create(baseUrl);
//|                 String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
//|                 if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) return refusal;
//|             } catch (IllegalArgumentException e) {
//|                 // said below
//|             }
//|             return "the router URL '" + Printable.line(baseUrl)
//|                     + "' is not an http(s) URL with a host (HF_ROUTER_URL, else the config's baseUrl)";
//|         }
//|
//|         /** Whether requests carry a token: a 401 means "rejected" only when one was sent. */
//|         boolean sendsToken() { return token != null; }
//|
//|         /**
//|          * Where the token sent came from ({@code environment variable HUGGINGFACE_HUB_TOKEN}), or null when none is sent.
//|          */
//|         String tokenSource() { return token == null ? null : token.source(); }
//|
//|         /** {@code GET {baseUrl}/models}, with the bearer token when there is one: the body as it came. */
//|         String models() throws RouterError {
//|             HttpRequest.Builder request = request(baseUrl + "/models", timeout).header("Accept", "application/json").GET();
//|             try (RouterResponse answer = send(request, baseUrl + "/models", timeout, timeout)) {
//|                 String body = answer.rest(MAX_BODY);
//|                 if (answer.status() / 100 != 2) throw RouterError.forStatus(answer.status(), body, token != null);
//|                 return body;
//|             }
//|         }
//|
//|         /**
//|          * {@code GET {baseUrl}/api/whoami-v2} on the Hub (this client made with the Hub's URL: HF_ENDPOINT or
//|          * https://huggingface.co): the account behind the token. A non-2xx answer is a RouterError with its status.
//|          */
//|         JsonValue whoami() throws RouterError {
//|             String url = baseUrl + "/api/whoami-v2";
//|             try (RouterResponse answer = send(request(url, timeout).header("Accept", "application/json").GET(), url,
//|                     timeout, timeout)) {
//|                 String body = answer.rest(1024 * 1024);
//|                 if (answer.status() / 100 != 2) throw RouterError.forStatus(answer.status(), body, token != null);
//|                 try {
//|                     return Json.parse(body);
//|                 } catch (JsonException e) {
//|                     throw new RouterError(0, "the answer is not JSON (" + e.getMessage() + ")");
//|                 }
//|             }
//|         }
//|
//|         /**
//|          * {@code POST {baseUrl}/chat/completions} with {@code request}: returns once the status line and headers
//|          * have come (within {@code idle}); the body follows through the answer, line by line.
//|          */
//|         RouterResponse chat(JsonValue request, boolean stream, Duration idle) throws RouterError {
//|             return post("/chat/completions", request, stream, idle);
//|         }
//|
//|         /** {@code POST {baseUrl}/responses} (the beta Responses API, which runs Remote MCP servers), as {@link #chat}. */
//|         RouterResponse responses(JsonValue request, boolean stream, Duration idle) throws RouterError {
//|             return post("/responses", request, stream, idle);
//|         }
//|
//|         private RouterResponse post(String path, JsonValue request, boolean stream, Duration idle) throws RouterError {
//|             String url = baseUrl + path;
//|             HttpRequest.Builder builder = request(url, idle).header("Content-Type", "application/json")
//|                     .header("Accept", stream ? "text/event-stream" : "application/json")
//|                     .POST(HttpRequest.BodyPublishers.ofString(Json.write(request)));
//|             if (billTo != null) builder.header(BillTo.HEADER, billTo.org());
//|             return send(builder, url, idle, null);
//|         }
//|
//|         /**
//|          * What every request says it is (not {@code Java-http-client/17.0.15}): the router's and the Hub's logs can tell us
//|          * apart.
//|          */
//|         static final String USER_AGENT = "openclaw-hf/" + Cli.VERSION + " (java " + Runtime.version().feature() + ")";
//|
//|         private HttpRequest.Builder request(String url, Duration headTimeout) throws RouterError {
//|             HttpRequest.Builder builder;
//|             try {
//|                 builder = HttpRequest.newBuilder(URI.create(url)).timeout(headTimeout);
//|             } catch (IllegalArgumentException e) {
//|                 throw new RouterError(0, "bad router URL " + url);
//|             }
//|             builder.header("User-Agent", USER_AGENT);
//|             if (token != null) builder.header("Authorization", "Bearer " + token.secret());
//|             return builder;
//|         }
//|
//|         /**
//|          * Sends and waits for the head; {@code whole} limits the whole request, or null for no limit. Follows redirects
//|          * itself: the token goes on only to the same origin
//|          * (scheme, host and port); to another, the request is made again without it, and {@code warn} says so.
//|          */
//|         private RouterResponse send(HttpRequest.Builder builder, String url, Duration idle,
//|                 Duration whole) throws RouterError {
//|             if (refusal != null) throw new RouterError(0, refusal);
//|             HttpRequest request = builder.build();
//|             for (int hop = 0; ; hop++) {
//|                 Proxies.Setting proxy = proxies.settingFor(request.uri());
//|                 // Plain http through a proxy: the token would travel in clear text to the proxy and on from it.
//|                 if (proxy != null && "http".equalsIgnoreCase(request.uri().getScheme())
//|                         && request.headers().firstValue("authorization").isPresent()) {
//|                     throw new Cli.Failure("not sending the token in clear text through the proxy " + proxy.host() + ":"
//|                             + proxy.port() + " ("
//|                             + proxy.variable() + ") to " + host(request.uri().toString())
//|                                     + "; use https, or list the host in NO_PROXY");
//|                 }
//|                 // A plain-http request through a proxy is sent to the proxy itself, so its login goes as our own header.
//|                 // Never on an https request: that header would travel inside the tunnel, to the router (an https
//|                 // tunnel's login comes from ProxyLogin, on the CONNECT alone). A request that goes directly carries none.
//|                 HttpRequest.Builder login = HttpRequest.newBuilder(request, (name,
//|                         value) -> !name.equalsIgnoreCase("proxy-authorization"));
//|                 if (proxy != null && proxy.user() != null
//|                         && "http".equalsIgnoreCase(request.uri().getScheme())) login.header("Proxy-Authorization",
//|                                 proxy.basicLogin());
//|                 request = login.build();
//|                 RouterResponse answer = new RouterResponse(idle, whole, host(request.uri().toString()), proxy);
//|                 answer.started(http.sendAsync(request, answer.handler()));
//|                 answer.awaitHead();
//|                 int status = answer.status();
//|                 if (status == 407 && proxy != null) {
//|                     answer.close();
//|                     throw new RouterError(407, proxy.refusedLogin());
//|                 }
//|                 String location = answer.headers().firstValue("location").orElse(null);
//|                 if (location == null || (status != 301 && status != 302 && status != 303 && status != 307
//|                         && status != 308)) return answer;
//|                 answer.close();
//|                 if (hop == MAX_REDIRECTS) throw new RouterError(0, "more than " + MAX_REDIRECTS + " redirects from "
//|                         + host(url));
//|                 URI next;
//|                 try {
//|                     next = request.uri().resolve(location);
//|                 } catch (IllegalArgumentException e) {
//|                     throw new RouterError(0, "a redirect to a bad address from " + host(request.uri().toString()));
//|                 }
//|                 boolean sameOrigin = origin(next).equals(origin(request.uri()));
//|                 boolean keepsBody = status == 307 || status == 308;
//|                 HttpRequest.Builder again = HttpRequest.newBuilder(request, (name, value) -> sameOrigin
//|                         || !name.equalsIgnoreCase("authorization")).uri(next);
//|                 if (!keepsBody && !request.method().equals("GET")) again.GET();
//|                 if (!sameOrigin && request.headers().firstValue("authorization").isPresent()) {
//|                     warn.accept(host(request.uri().toString()) + " redirected to " + host(next.toString())
//|                             + ": followed without your token");
//|                 }
//|                 request = again.build();
//|             }
//|         }
//|
//|         /** Scheme, host and port: what must stay the same for the token to go on. */
//|         private static String origin(URI uri) {
//|             int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
//|             return (uri.getScheme() + "://" + uri.getHost() + ":" + port).toLowerCase(java.util.Locale.ROOT);
//|         }
//|
//|         private static String host(String url) {
//|             URI uri = URI.create(url);
//|             return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
//|         }
//|     }
//|
//|     // ---- lib/router/RouterError.java
//|     /**
//|      * A router call that did not give a usable answer, worded for one line on stderr
//|      * ({@code 401: token rejected}, {@code timed out after 30 s}). Kept apart from {@link RouterClient} so
//|      * that code on the offline path can name it without loading {@code java.net.http}.
//|      */
//|     static final class RouterError extends Exception {
//|         /** The HTTP status, or 0 when there was no answer (network, timeout, bad body). */
//|         final int status;
//|
//|         RouterError(int status, String message) {
//|             super(message);
//|             this.status = status;
//|         }
//|
//|         /** What an error body says: the router's words and the OpenAI-style {@code error.code}, each possibly null. */
//|         record Said(String message, String code) { }
//|
//|         /** Reads an error body once: {@code {"error":"text"}} or {@code {"error":{"message":...,"code":...}}}. */
//|         static Said said(String body) {
//|             try {
//|                 JsonValue error = Json.parse(body).asObject().get("error");
//|                 String code = error instanceof JsonObject o ? o.string("code") : null;
//|                 return new Said(Printable.line(message(error)), code);
//|             } catch (JsonException e) {
//|                 return new Said(null, null);   // not JSON: no words of the router's to quote
//|             }
//|         }
//|
//|         /** The text of an {@code error} value, a string or an object's {@code message}; null otherwise. */
//|         static String message(JsonValue error) {
//|             if (error instanceof JsonString s) return s.value();
//|             if (error instanceof JsonObject o) return o.string("message");
//|             return null;
//|         }
//|
//|         /** What a 401 means: the token was refused, or there was none to send. */
//|         static String unauthorized(boolean tokenSent) {
//|             return tokenSent ? "token rejected" : "no token was sent; set HF_TOKEN or run " + Invocation.command("onboard");
//|         }
//|
//|         /** The one-line form of a non-2xx answer; {@code tokenSent}: whether the request carried a token. */
//|         static RouterError forStatus(int status, String body, boolean tokenSent) {
//|             String plain = switch (status) {
//|                 case 401 -> unauthorized(tokenSent);
//|                 case 402 -> "out of credits";
//|                 case 403 -> "token lacks the Inference Providers permission";
//|                 case 404 -> "not found";
//|                 case 429 -> "rate limited";
//|                 default -> null;
//|             };
//|             String said = said(body).message();
//|             String message = status + ": " + (plain != null ? plain : said != null ? said : "HTTP error");
//|             return new RouterError(status, message.length() > 200 ? message.substring(0, 200) + "\u2026" : message);
//|         }
//|     }
//|
//|     // ---- lib/router/RouterResponse.java
//|     /**
//|      * One answer of the router as it arrives: status and headers first, then the body line by line. Lines
//|      * are handed over through a queue that the reader polls, so that a router that goes silent, before or
//|      * after the headers, is noticed (and the request cancelled) however the connection behaves: after
//|      * {@code idle} without data, or at the {@code deadline} of the whole request when there is one.
//|      */
//|     static final class RouterResponse implements AutoCloseable {
//|         /**
//|          * What the HTTP client's threads hand to the reader, in order: the head, then body parts, then the end or a
//|          * failure.
//|          */
//|         private sealed interface Item permits Head, Block, Broken, End { }
//|
//|         private record Head(HttpResponse.ResponseInfo info) implements Item { }
//|
//|         private record Block(byte[] bytes) implements Item { }
//|
//|         private record Broken(Throwable cause) implements Item { }
//|
//|         private record End() implements Item { }
//|
//|         private static final End END = new End();
//|
//|         /** The longest line a stream may have: an event of the router's is a few KB at most. */
//|         static final int MAX_LINE = 4 * 1024 * 1024;
//|
//|         private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
//|         /** The block being split into lines, and where in it the next line starts; the line gathered so far. */
//|         private byte[] block;
//|         private int at;
//|         private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
//|         private final Duration idle;
//|         /** The limit for the whole request, or null; {@code deadline} is its end on the nanoTime clock. */
//|         private final Duration whole;
//|         private final long deadline;
//|         private final String host;
//|         /** The proxy the request goes through, or null. */
//|         private final Proxies.Setting proxy;
//|         private CompletableFuture<?> exchange;
//|         private HttpResponse.ResponseInfo info;
//|
//|         /**
//|          * {@code whole}: the limit for the whole request (head and body), or null for none; {@code proxy}: see the field.
//|          */
//|         RouterResponse(Duration idle, Duration whole, String host, Proxies.Setting proxy) {
//|             this.idle = idle;
//|             this.whole = whole;
//|             this.deadline = whole == null ? 0 : System.nanoTime() + whole.toNanos();
//|             this.host = host;
//|             this.proxy = proxy;
//|         }
//|
//|         /**
//|          * What the HTTP client is given: it reports the head, then feeds the body to our queue in the byte blocks
//|          * it arrives in. Lines are split here, in one pass over each block: the JDK's line splitter takes time
//|          * that grows with the square of a line's length (a 200 KB model list on one line, a hostile stream).
//|          */
//|         HttpResponse.BodyHandler<Void> handler() {
//|             return head -> {
//|                 queue.add(new Head(head));
//|                 return HttpResponse.BodySubscribers.ofByteArrayConsumer(block -> queue.add(block.isPresent()
//|                         ? new Block(block.get()) : END));
//|             };
//|         }
//|
//|         /** Ties the request to this answer: a failure before the head arrives is queued like the rest. */
//|         void started(CompletableFuture<?> request) {
//|             this.exchange = request;
//|             request.whenComplete((r, failure) -> {
//|                 if (failure != null) queue.add(new Broken(failure));
//|             });
//|         }
//|
//|         /** Waits for the status line and headers (at most the idle timeout). */
//|         void awaitHead() throws RouterError {
//|             Item item = take();
//|             if (item instanceof Head head) {
//|                 info = head.info();
//|                 return;
//|             }
//|             throw failure(item, true);
//|         }
//|
//|         int status() { return info.statusCode(); }
//|
//|         HttpHeaders headers() { return info.headers(); }
//|
//|         /**
//|          * The next line of the body, without its line end ({@code \n} or {@code \r\n}); null at the end of the
//|          * body. A line longer than {@link #MAX_LINE} fails: no answer of the router has one.
//|          */
//|         String nextLine() throws RouterError {
//|             while (true) {
//|                 if (block != null) {
//|                     for (int i = at; i < block.length; i++) {
//|                         if (block[i] != '\n') continue;
//|                         line.write(block, at, i - at);
//|                         at = i + 1;
//|                         return takeLine();
//|                     }
//|                     line.write(block, at, block.length - at);
//|                     block = null;
//|                     if (line.size() > MAX_LINE) {
//|                         close();
//|                         throw new RouterError(0, "a line of the answer is longer than " + MAX_LINE / (1024 * 1024) + " MB");
//|                     }
//|                 }
//|                 Item item = take();
//|                 if (item instanceof Block b) {
//|                     block = b.bytes();
//|                     at = 0;
//|                 } else if (item instanceof End) {
//|                     queue.add(END);
//|                     return line.size() > 0 ? takeLine() : null;
//|                 } else {
//|                     throw failure(item, false);
//|                 }
//|             }
//|         }
//|
//|         /** The line gathered so far, without a final {@code \r}; the gathering starts over. */
//|         private String takeLine() {
//|             byte[] bytes = line.toByteArray();
//|             line.reset();
//|             int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
//|             return new String(bytes, 0, n, StandardCharsets.UTF_8);
//|         }
//|
//|         /**
//|          * The rest of the body as one string; fails past {@code max} bytes.
//|          */
//|         String rest(int max) throws RouterError {
//|             java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
//|             for (Item item = take(); !(item instanceof End); item = take()) {
//|                 if (item instanceof Block b) body.writeBytes(b.bytes());
//|                 else if (!(item instanceof Head)) throw failure(item, false);
//|                 if (body.size() > max) {
//|                     close();
//|                     throw new RouterError(0, "the answer is larger than " + max / (1024 * 1024) + " MB");
//|                 }
//|             }
//|             queue.add(END);
//|             return body.toString(StandardCharsets.UTF_8).strip();
//|         }
//|
//|         private Item take() throws RouterError {
//|             try {
//|                 long wait = whole == null ? idle.toNanos() : Math.min(idle.toNanos(), deadline - System.nanoTime());
//|                 Item item = queue.poll(wait, TimeUnit.NANOSECONDS);
//|                 if (item == null) {
//|                     close();
//|                     if (whole != null && deadline - System.nanoTime() <= 0) throw new RouterError(0, "timed out after "
//|                             + Figures.seconds(whole));
//|                     throw new RouterError(0, silent());
//|                 }
//|                 return item;
//|             } catch (InterruptedException e) {
//|                 close();
//|                 Thread.currentThread().interrupt();
//|                 throw new RouterError(0, "interrupted");
//|             }
//|         }
//|
//|         /** The error for an item that should not come here: a failure, or a head where a body part belongs. */
//|         private RouterError failure(Item item, boolean beforeHead) {
//|             Throwable t = item instanceof Broken broken ? broken.cause() : new IOException("unexpected "
//|                     + item.getClass().getSimpleName());
//|             while (t instanceof CompletionException && t.getCause() != null) t = t.getCause();
//|             if (proxy != null && beforeHead) {
//|                 // Through a proxy, a connection that fails is the proxy's; a tunnel it would not open says its status.
//|                 String said = t.getMessage() == null ? "" : t.getMessage();
//|                 if (t instanceof HttpConnectTimeoutException) return new RouterError(0, "no connection to " + proxy.named()
//|                         + " after " + RouterClient.CONNECT_TIMEOUT.toSeconds() + " s");
//|                 if (t instanceof ConnectException) return new RouterError(0, "cannot connect to " + proxy.named());
//|                 if (said.startsWith("Tunnel failed, got: ")) return new RouterError(0, proxy.named()
//|                         + " would not connect to " + host + " (" + said.substring(20) + ")");
//|                 // The JDK's words when its Authenticator (JDK 24+, see RouterClient) has no login for a 407.
//|                 if (said.equals("No credentials provided")) return new RouterError(407, proxy.refusedLogin());
//|                 // A proxy that said it opened the tunnel, then did not carry TLS to the host: its answer, not the host's.
//|                 for (Throwable c = t; c != null; c = c.getCause()) {
//|                     if (c instanceof javax.net.ssl.SSLException) {
//|                         return new RouterError(0, proxy.named() + " opened a tunnel to " + host
//|                                 + " that does not speak TLS (" + Printable.line(said) + ")");
//|                     }
//|                 }
//|             }
//|             if (t instanceof HttpConnectTimeoutException) return new RouterError(0, "no connection to " + host + " after "
//|                     + RouterClient.CONNECT_TIMEOUT.toSeconds() + " s");
//|             if (t instanceof HttpTimeoutException) return new RouterError(0, whole != null ? "timed out after "
//|                     + Figures.seconds(whole) : silent());
//|             if (t instanceof ConnectException) return new RouterError(0, "cannot connect to " + host);
//|             if (t instanceof IOException && !beforeHead) return new RouterError(0, "the connection was cut"
//|                     + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")"));
//|             return new RouterError(0, "network error talking to " + host + (t.getMessage() == null ? "" : ": "
//|                     + t.getMessage()));
//|         }
//|
//|         /**
//|          * A router silent for the idle time, before its head or in its body: one wording, whichever clock noticed first.
//|          */
//|         private String silent() { return host + " was silent for " + Figures.seconds(idle); }
//|
//|         /** Stops the request, whatever state it is in. */
//|         @Override
//|         public void close() {
//|             if (exchange != null) exchange.cancel(true);
//|         }
//|     }
//|
//|     // ---- lib/router/TokenCheck.java
//|     /**
//|      * How a token fared with Hugging Face ({@code GET {HF_ENDPOINT or https://huggingface.co}/api/whoami-v2}): the account
//|      * when checked; {@code problem} says what to warn about, or why it was {@code rejected} (a 401); {@code unchecked}
//|      * when the check could not be made (offline, no network). What onboarding checks, and {@code models status --verify}.
//|      */
//|     record TokenCheck(Whoami who, String problem, boolean rejected, boolean unchecked) {
//|         static final String HUB = "https://huggingface.co";
//|
//|         static TokenCheck of(Env env, Token token, Consumer<String> warn) {
//|             if ("1".equals(env.process("HF_HUB_OFFLINE"))) {
//|                 return new TokenCheck(null, "HF_HUB_OFFLINE=1: the token was not checked", false, true);
//|             }
//|             Env.Value endpoint = env.lookupNotFromHere("HF_ENDPOINT", warn);
//|             String hub = endpoint != null ? endpoint.value().strip().replaceAll("/+$", "") : HUB;
//|             try (RouterClient client = RouterClient.forHub(env, hub, token, Duration.ofSeconds(15), warn)) {
//|                 Whoami who = Whoami.of(client.whoami());
//|                 if (who.canCallInference()) return new TokenCheck(who, null, false, false);
//|                 return new TokenCheck(who, "the token of " + who.shownName()
//|                         + " lacks the \"Make calls to Inference Providers\""
//|                         + " permission (inference.serverless.write): chat will be refused; make one that has it at "
//|                         + Whoami.NEW_TOKEN_URL, false, false);
//|             } catch (RouterError e) {
//|                 if (e.status == 401) return new TokenCheck(null, "Hugging Face rejected the token (401)", true, false);
//|                 return new TokenCheck(null, "could not check the token with " + hub + " (" + e.getMessage() + ")", false,
//|                         true);
//|             } catch (JsonException e) {
//|                 return new TokenCheck(null, "could not read the answer of " + hub + " (" + e.getMessage() + ")", false,
//|                         true);
//|             }
//|         }
//|     }
//|
//|     // ---- lib/router/TokenDestination.java
//|     /**
//|      * Where the Hugging Face token may be sent. Freely: to Hugging Face's own hosts ({@code huggingface.co},
//|      * {@code hf.co} and their subdomains, the router among them) over https, to loopback (a local gateway, a test
//|      * double), and to the host the config names in {@code models.providers.huggingface.baseUrl}. Anywhere else
//|      * (an {@code HF_ROUTER_URL} or {@code HF_ENDPOINT} that points elsewhere) it is sent with a warning, once.
//|      * Never over plain http to a host that is not loopback, unless {@code HF_ALLOW_HTTP_TOKEN=1} says so: then
//|      * nothing is sent at all, and every request fails saying why.
//|      */
//|     static final class TokenDestination {
//|         static final String ALLOW_HTTP = "HF_ALLOW_HTTP_TOKEN";
//|
//|         /**
//|          * What to do with the token for one base URL: send {@code token} (may be null), and print {@code warning} if set.
//|          */
//|         record Verdict(Token token, String warning, String refusal) { }
//|
//|         private TokenDestination() { }
//|
//|         /**
//|          * The verdict for {@code url}; {@code configured}: the config's baseUrl or null; {@code named}: what set the
//|          * URL, for messages ({@code HF_ROUTER_URL}); {@code allowHttp}: the opt-in.
//|          */
//|         static Verdict of(Token token, String url, String configured, String named, boolean allowHttp) {
//|             if (token == null) return new Verdict(null, null, null);
//|             if (token.problem() != null) return new Verdict(null, null, token.problem());
//|             URI uri;
//|             try {
//|                 uri = URI.create(url);
//|             } catch (IllegalArgumentException e) {
//|                 return new Verdict(null, null, null);   // the request itself will fail, naming the URL
//|             }
//|             String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
//|             if (loopback(host)) return new Verdict(token, null, null);
//|             if (!"https".equalsIgnoreCase(uri.getScheme()) && !allowHttp) {
//|                 return new Verdict(null, null, "refusing to send your Hugging Face token over plain http to " + host
//|                         + "; use https, or set " + ALLOW_HTTP + "=1 to allow it");
//|             }
//|             if (huggingFace(host) || (configured != null && host.equals(hostOf(configured)))) return new Verdict(token,
//|                     null, null);
//|             return new Verdict(token, "sending your Hugging Face token to " + host + " (" + named
//|                     + "), which is not a Hugging Face host", null);
//|         }
//|
//|         /**
//|          * {@code localhost}, an IPv4 address in 127.0.0.0/8 (digits only: {@code 127.example.com} is not), or {@code ::1}.
//|          */
//|         static boolean loopback(String host) {
//|             if (host.equals("localhost") || host.equals("::1") || host.equals("[::1]")) return true;
//|             String[] parts = host.split("\\.", -1);
//|             if (parts.length != 4 || !parts[0].equals("127")) return false;
//|             for (String part : parts) if (part.isEmpty() || part.length() > 3
//|                     || !part.chars().allMatch(Character::isDigit)) return false;
//|             return true;
//|         }
//|
//|         static boolean huggingFace(String host) {
//|             return host.equals("huggingface.co") || host.endsWith(".huggingface.co") || host.equals("hf.co")
//|                     || host.endsWith(".hf.co");
//|         }
//|
//|         private static String hostOf(String url) {
//|             try {
//|                 String host = URI.create(url).getHost();
//|                 return host == null ? "" : host.toLowerCase(Locale.ROOT);
//|             } catch (IllegalArgumentException e) {
//|                 return "";
//|             }
//|         }
//|     }
//|
//|     // ---- lib/router/Whoami.java
//|     /**
//|      * What {@code GET /api/whoami-v2} says about a token: the account, and whether the token may call
//|      * Inference Providers. Read and write tokens may; a fine-grained one needs
//|      * {@code inference.serverless.write}, given globally or in the scoped entry of the user's own account.
//|      * {@code billable}: the organizations inference may be billed to (X-HF-Bill-To), as the answer says: those with
//|      * {@code canPay}, and for a fine-grained token only those its scoped entries give the permission for.
//|      * {@code billing}: what the answer says about paying, for explaining a 402.
//|      */
//|     record Whoami(String name, boolean canCallInference, List<String> billable, Billing billing) {
//|         /**
//|          * The account's {@code canPay} (a payment method: use past the included credits is billed), {@code billingMode}
//|          * ({@code prepaid}, or null), {@code periodEnd} (when the included credits renew, epoch seconds; or null), and the
//|          * organizations the account is in, each with its own {@code canPay}.
//|          */
//|         record Billing(boolean canPay, String mode, Long periodEnd, java.util.Map<String, Boolean> orgs) { }
//|
//|         static final String PERMISSION = "inference.serverless.write";
//|         /** Where to make a token that has the permission (what the spec links to). */
//|         static final String NEW_TOKEN_URL = "https://huggingface.co/settings/tokens/new"
//|                 + "?ownUserPermissions=inference.serverless.write&tokenType=fineGrained";
//|
//|         /** The account name as it may be printed (it comes from the Hub: control characters escaped). */
//|         String shownName() { return Printable.line(name); }
//|
//|         static Whoami of(JsonValue answer) {
//|             JsonObject o = answer.asObject();
//|             String name = o.stringOr("name", "?");
//|             JsonObject token = o.objectAt(List.of("auth", "accessToken"));
//|             List<String> paying = new java.util.ArrayList<>();
//|             java.util.Map<String, Boolean> member = new java.util.LinkedHashMap<>();
//|             JsonArray orgs = o.array("orgs");
//|             for (JsonObject org : orgs == null ? List.<JsonObject>of() : orgs.objects()) {
//|                 if (org.string("name") == null) continue;
//|                 member.put(org.string("name"), org.boolOr("canPay", false));
//|                 if (org.boolOr("canPay", false)) paying.add(org.string("name"));
//|             }
//|             JsonValue end = o.get("periodEnd");
//|             Billing billing = new Billing(o.boolOr("canPay", false), o.string("billingMode"),
//|                     end instanceof JsonNumber n && n.text().matches("\\d{1,12}") ? Long.valueOf(n.text()) : null,
//|                     java.util.Collections.unmodifiableMap(member));
//|             if (token == null || !"fineGrained".equals(token.string("role"))) return new Whoami(name, true,
//|                     List.copyOf(paying), billing);
//|             JsonObject fineGrained = token.object("fineGrained");
//|             if (fineGrained == null) return new Whoami(name, false, List.of(), billing);
//|             List<String> billable = new java.util.ArrayList<>();
//|             boolean can = fineGrained.strings("global").contains(PERMISSION);
//|             JsonArray scoped = fineGrained.array("scoped");
//|             for (JsonObject entry : scoped == null ? List.<JsonObject>of() : scoped.objects()) {
//|                 JsonObject entity = entry.object("entity");
//|                 boolean own = entity != null && name.equals(entity.string("name")) && "user".equals(entity.string("type"));
//|                 if (own && entry.strings("permissions").contains(PERMISSION)) can = true;
//|                 boolean org = entity != null && "org".equals(entity.string("type"))
//|                         && paying.contains(entity.string("name"));
//|                 if (org && entry.strings("permissions").contains(PERMISSION)) billable.add(entity.string("name"));
//|             }
//|             return new Whoami(name, can, List.copyOf(billable), billing);
//|         }
//|     }
//|
//|     // ---- lib/catalog/Catalog.java
//|     /**
//|      * The built-in model catalog, {@code catalog.json}, shipped at the root of the script's jar
//|      * ({@code //FILES catalog.json=../catalog.json}) so that it works offline and from a URL.
//|      */
//|     record Catalog(String updated, List<Model> models) {
//|         static final String RESOURCE = "/catalog.json";
//|
//|         private static Catalog loaded;
//|
//|         /** The built-in catalog, read from the jar once per run. */
//|         static synchronized Catalog builtIn() {
//|             if (loaded == null) loaded = read();
//|             return loaded;
//|         }
//|
//|         private static Catalog read() {
//|             try {
//|                 String text = fromOwnJar();
//|                 if (text == null) {
//|                     try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
//|                         text = in != null ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : bundled();
//|                     }
//|                 }
//|                 return parse(text, "catalog.json");
//|             } catch (IOException e) {
//|                 throw new Cli.Failure("cannot read the built-in catalog: " + e.getMessage());
//|             }
//|         }
//|
//|         /**
//|          * The file straight from the jar this class came from, or null when it did not come from a jar.
//|          * {@code getResource} first searches the JDK's own modules, opening the runtime image to do so:
//|          * about 6 ms of a cold start, for a file that can only be in our jar.
//|          */
//|         private static String fromOwnJar() throws IOException {
//|             CodeSource source = Catalog.class.getProtectionDomain().getCodeSource();
//|             if (source == null || !"file".equals(source.getLocation().getProtocol())
//|                     || !source.getLocation().getPath().endsWith(".jar")) return null;
//|             try (ZipFile jar = new ZipFile(new File(source.getLocation().toURI()))) {
//|                 ZipEntry entry = jar.getEntry(RESOURCE.substring(1));
//|                 if (entry == null) return null;
//|                 try (InputStream in = jar.getInputStream(entry)) {
//|                     return new String(in.readAllBytes(), StandardCharsets.UTF_8);
//|                 }
//|             } catch (URISyntaxException e) {
//|                 return null;
//|             }
//|         }
//|
//|         /**
//|          * The catalog of a single-file bundle (dist/*.java, made by .ci/bundle.java): there, this class is
//|          * nested in the script's class, which carries the file as its constant {@code CATALOG_JSON}.
//|          */
//|         private static String bundled() {
//|             try {
//|                 return (String) Catalog.class.getNestHost().getDeclaredField("CATALOG_JSON").get(null);
//|             } catch (ReflectiveOperationException | ClassCastException e) {
//|                 throw new Cli.Failure("the built-in catalog (catalog.json) is missing from this build");
//|             }
//|         }
//|
//|         static Catalog parse(String text, String file) {
//|             try {
//|                 JsonObject root = Json.parse(text).asObject();
//|                 JsonValue updated = root.get("updated"), entries = root.get("models");
//|                 if (updated == null || entries == null) throw new JsonException("needs \"updated\" and \"models\"");
//|                 List<Model> models = new ArrayList<>();
//|                 for (JsonValue m : entries.asArray().elements()) models.add(Model.fromJson(m));
//|                 return new Catalog(updated.asString(), List.copyOf(models));
//|             } catch (JsonException e) {
//|                 throw new Cli.Failure(e.inFile(file));
//|             }
//|         }
//|     }
//|
//|     // ---- lib/catalog/Discovery.java
//|     /**
//|      * Which models the router serves now: a fresh cache (an hour), else {@code GET /models}, else a stale
//|      * cache, else nothing (the caller then shows the built-in catalog). The answer says where the list came
//|      * from and, when something failed, one line for stderr saying why.
//|      */
//|     static final class Discovery {
//|         static final Duration FRESH = Duration.ofHours(1);
//|
//|         /** {@code live} is null when no router list could be had. {@code source}: live, cache or built-in. */
//|         /** Where a model list came from; {@link #json} is what {@code --json} calls it. */
//|         enum Source {
//|             LIVE("live"), CACHE("cache"), BUILT_IN("built-in");
//|
//|             final String json;
//|
//|             Source(String json) { this.json = json; }
//|         }
//|
//|         record Result(List<RouterModel> live, Source source, Instant fetchedAt, String note) { }
//|
//|         /** How the caller wants the list: never touch the network, refetch even if the cache is fresh. */
//|         /** {@code keep}: whether a list fetched is cached (onboarding keeps nothing until the user confirms). */
//|         record Options(boolean offline, boolean refresh, Duration timeout, boolean keep) {
//|             Options(boolean offline, boolean refresh, Duration timeout) { this(offline, refresh, timeout, true); }
//|         }
//|
//|         private final Env env;
//|         private final JsonValue config;
//|         private final Instant now;
//|         /** The token to send; by default the one the environment and config give (onboarding passes the one just typed). */
//|         private final Token token;
//|
//|         Discovery(Env env, JsonValue config, Instant now) { this(env, config, now, null); }
//|
//|         /** A discovery sending {@code token} rather than the one found in the environment (null: that one). */
//|         Discovery(Env env, JsonValue config, Instant now, Token token) {
//|             this.env = env;
//|             this.config = config;
//|             this.now = now;
//|             this.token = token;
//|         }
//|
//|         Path cacheFile() { return env.stateDir().resolve("cache").resolve("huggingface-models.json"); }
//|
//|         Result discover(Options options) {
//|             String baseUrl = ConfigFile.baseUrl(env, config);
//|             // The cache is read only when it can serve: offline, to see whether it is fresh, or after a failure.
//|             JsonObject cached = options.refresh() && !options.offline() ? null : readCache(baseUrl);
//|             if (options.offline()) {
//|                 return cached != null ? fromCache(cached, null) : new Result(null, Source.BUILT_IN, null, null);
//|             }
//|             if (cached != null && fetchedAt(cached).plus(FRESH).isAfter(now)) return fromCache(cached, null);
//|             String why;
//|             try {
//|                 String body;
//|                 try (RouterClient router = RouterClient.forRouter(env, config, token != null ? token : Token.find(env,
//|                         config), options.timeout(), env::warn)) {
//|                     body = router.models();
//|                 }
//|                 JsonValue answer;
//|                 try {
//|                     answer = Json.parse(body);
//|                 } catch (JsonException e) {
//|                     throw new RouterError(0, "the answer is not JSON (" + e.getMessage() + ")");
//|                 }
//|                 List<RouterModel> models = RouterModel.listFrom(answer);
//|                 if (models.isEmpty()) throw new RouterError(0, "the router listed no models");
//|                 if (options.keep()) writeCache(baseUrl, body);
//|                 return new Result(models, Source.LIVE, now, null);
//|             } catch (RouterError e) {
//|                 why = e.getMessage();
//|             } catch (JsonException e) {
//|                 why = "unexpected answer (" + e.getMessage() + ")";
//|             }
//|             if (cached == null) cached = readCache(baseUrl);
//|             if (cached != null) {
//|                 return fromCache(cached, "could not refresh the model list (" + why + "); using the list cached "
//|                         + age(fetchedAt(cached)) + " ago");
//|             }
//|             return new Result(null, Source.BUILT_IN, null, "could not fetch the model list (" + why
//|                     + "); using the built-in catalog");
//|         }
//|
//|         /**
//|          * The cache for this base URL, or null (none, another router, or unreadable: it is only a cache).
//|          * It stays the JSON object it was read as ({@code {fetchedAt, baseUrl, answer}}), with no class of its
//|          * own: the cache path then loads no class that the network path does not, so the class-data archive a
//|          * script's first run writes (//CDS) covers both, whichever one that run took. A class missing from the
//|          * archive is read from the jar instead: the class loader opens it as a JarFile and parses and verifies
//|          * the class, a few milliseconds of a run that takes about 120. (ModelsBench names any such class.)
//|          */
//|         private JsonObject readCache(String baseUrl) {
//|             try {
//|                 Path file = cacheFile();
//|                 if (!Files.isRegularFile(file)) return null;
//|                 JsonObject o = Json.parse(FileReads.text(file, FileReads.MAX_SMALL_FILE)).asObject();
//|                 JsonObject answer = o.object("answer");
//|                 if (!baseUrl.equals(o.string("baseUrl")) || answer == null || answer.array("data") == null) return null;
//|                 fetchedAt(o);
//|                 return o;
//|             } catch (Exception e) {
//|                 return null;
//|             }
//|         }
//|
//|         private static Instant fetchedAt(JsonObject cache) { return UtcTime.parse(cache.string("fetchedAt")); }
//|
//|         /** The cached list as the result; its models are read out only here, when the cache is the one used. */
//|         private static Result fromCache(JsonObject cache, String note) {
//|             return new Result(RouterModel.listFrom(cache.get("answer")), Source.CACHE, fetchedAt(cache), note);
//|         }
//|
//|         /** The router's answer goes in as it came (already checked to be JSON): no second serialisation. */
//|         private void writeCache(String baseUrl, String answer) {
//|             try {
//|                 String head = Json.write(JsonValue.object("fetchedAt", JsonValue.of(UtcTime.format(now)), "baseUrl",
//|                         JsonValue.of(baseUrl)));
//|                 SafeFile.write(cacheFile(), head.substring(0, head.length() - 1) + ",\"answer\":" + answer.strip() + "}\n",
//|                         false);
//|             } catch (Exception e) {
//|                 // a cache that cannot be written is only a slower next run
//|             }
//|         }
//|
//|         static String age(Instant then, Instant now) {
//|             long minutes = Math.max(0, Duration.between(then, now).toMinutes());
//|             if (minutes < 60) return minutes + " min";
//|             if (minutes < 48 * 60) return minutes / 60 + " h";
//|             return minutes / (24 * 60) + " days";
//|         }
//|
//|         private String age(Instant then) { return age(then, now); }
//|     }
//|
//|     // ---- lib/catalog/Model.java
//|     /**
//|      * One chat model as the toolkit shows it, in the shape of an entry of OpenClaw's
//|      * {@code models.providers.huggingface.models[]} (ids are Hub repo ids, never with a suffix), plus the
//|      * providers that serve it when the router's list is known. Costs are USD per million tokens; null when
//|      * unknown. {@code unlisted}: in the built-in catalog but not in the router's current list. {@code suffix}: null,
//|      * except on the row of a configured ref with a suffix ({@code :cheapest}), which OpenClaw lists on a row of its own.
//|      */
//|     record Model(String id, String name, boolean reasoning, List<String> input, long contextWindow, long maxTokens,
//|                  BigDecimal costInput, BigDecimal costOutput, List<RouterModel.Offer> providers, boolean unlisted,
//|                          String suffix) {
//|
//|         static final long DEFAULT_MAX_TOKENS = 8192;
//|         /** What OpenClaw takes for a model whose context window nobody states (its built-in catalog's figure). */
//|         static final long DEFAULT_CONTEXT_WINDOW = 131072;
//|
//|         /** The OpenClaw ref: {@code huggingface/<org>/<model>[:suffix]}. */
//|         String ref() { return new ModelRef(id, suffix).ref(); }
//|
//|         /** This model's row for the configured ref with {@code newSuffix}. */
//|         Model withSuffix(String newSuffix) {
//|             return new Model(id, name, reasoning, input, contextWindow, maxTokens, costInput, costOutput, providers,
//|                     unlisted, newSuffix);
//|         }
//|
//|         boolean vision() { return input.contains("image"); }
//|
//|         /** True when some live provider says it supports tool calls. */
//|         boolean tools() {
//|             for (RouterModel.Offer o : providers) if (o.live() && Boolean.TRUE.equals(o.supportsTools())) return true;
//|             return false;
//|         }
//|
//|         /** Reads one entry of catalog.json; fails naming the entry and the field that is missing. */
//|         static Model fromJson(JsonValue value) {
//|             JsonObject o = value.asObject();
//|             String id = o.string("id");
//|             if (id == null) throw new JsonException("a model has no id");
//|             for (String field : List.of("contextWindow", "maxTokens")) {
//|                 if (!o.has(field)) throw new JsonException("model " + id + " has no " + field);
//|             }
//|             return known(id).with(o);
//|         }
//|
//|         /** A model known only by its id: text in, no figures yet; the sources of {@link ModelMerge} fill it in. */
//|         static Model known(String id) {
//|             return new Model(id, null, false, List.of("text"), DEFAULT_CONTEXT_WINDOW, DEFAULT_MAX_TOKENS, null, null,
//|                     List.of(), false, null);
//|         }
//|
//|         Model named(String newName) {
//|             return new Model(id, newName, reasoning, input, contextWindow, maxTokens, costInput, costOutput, providers,
//|                     unlisted, suffix);
//|         }
//|
//|         /** This model marked as one the router no longer lists. */
//|         Model asUnlisted() {
//|             return new Model(id, name, reasoning, input, contextWindow, maxTokens, costInput, costOutput, providers, true,
//|                     suffix);
//|         }
//|
//|         /**
//|          * This model with the fields {@code entry} carries (the OpenClaw model-entry shape: name, reasoning,
//|          * input, contextWindow, maxTokens, cost{input, output}); fields it does not carry, or carries with
//|          * the wrong kind of value, stay as they were.
//|          */
//|         Model with(JsonObject entry) {
//|             String n = entry.string("name");
//|             List<String> in = entry.strings("input");
//|             JsonObject cost = entry.object("cost");
//|             BigDecimal ci = cost == null ? null : cost.decimal("input"), co = cost == null ? null : cost.decimal("output");
//|             return new Model(id, n != null && !n.isBlank() ? n : name, entry.boolOr("reasoning", reasoning), in.isEmpty()
//|                     ? input : List.copyOf(in),
//|                     entry.longOr("contextWindow", contextWindow), entry.longOr("maxTokens", maxTokens),
//|                     ci != null ? ci : costInput, co != null ? co : costOutput, providers, unlisted, suffix);
//|         }
//|
//|         /** A display name from the id, for models nobody named: {@code deepseek-ai/DeepSeek-R1} -> "DeepSeek R1". */
//|         static String nameFromId(String id) {
//|             // Plain character tests, no regexes: this runs for every unnamed model on each start-up.
//|             StringBuilder name = new StringBuilder();
//|             int i = id.indexOf('/') + 1;
//|             while (i < id.length()) {
//|                 int end = i;
//|                 while (end < id.length() && !isSeparator(id.charAt(end))) end++;
//|                 if (end > i) {
//|                     if (name.length() > 0) name.append(' ');
//|                     name.append(word(id.substring(i, end)));
//|                 }
//|                 i = end + 1;
//|             }
//|             return name.toString();
//|         }
//|
//|         private static boolean isSeparator(char c) { return c == '-' || c == '_' || c == ' '; }
//|
//|         /** {@code 120b} -> "120B", {@code gpt} -> "GPT", {@code instruct} -> "Instruct"; others as they are. */
//|         private static String word(String w) {
//|             char first = w.charAt(0);
//|             if (isSize(w) || (w.length() <= 3 && allLowerAscii(w))) return w.toUpperCase(Locale.ROOT);
//|             if (first >= 'a' && first <= 'z') return Character.toUpperCase(first) + w.substring(1);
//|             return w;
//|         }
//|
//|         /** Digits, optionally a dot and more digits, then b, m or k: a parameter count like 7b or 1.5b. */
//|         private static boolean isSize(String w) {
//|             int i = 0, n = w.length() - 1;
//|             char unit = w.charAt(n);
//|             if (n == 0 || (unit != 'b' && unit != 'm' && unit != 'k')) return false;
//|             while (i < n && isDigit(w.charAt(i))) i++;
//|             if (i == 0) return false;
//|             if (i == n) return true;
//|             if (w.charAt(i) != '.' || i + 1 == n) return false;
//|             for (i++; i < n; i++) if (!isDigit(w.charAt(i))) return false;
//|             return true;
//|         }
//|
//|         private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }
//|
//|         private static boolean allLowerAscii(String w) {
//|             for (int i = 0; i < w.length(); i++) if (w.charAt(i) < 'a' || w.charAt(i) > 'z') return false;
//|             return true;
//|         }
//|     }
//|
//|     // ---- lib/catalog/ModelChoice.java
//|     /**
//|      * A MODEL the user typed (an alias, a ref or a bare id) made into the ref to write into the config, for
//|      * every command that writes one ({@code models set}, {@code fallbacks add}, {@code aliases add},
//|      * {@code onboard --model}). Offline: checked against the router's list as cached by the last
//|      * {@code models list}, when there is one, and the config's own {@code models[]} entries. A model neither
//|      * has is refused with the nearest ids ({@code --force} writes it all the same); with no list at all, it is
//|      * written with a warning. A pinned provider that the cached list says does not serve the model is refused.
//|      */
//|     static final class ModelChoice {
//|         private ModelChoice() { }
//|
//|         /** What a check found: the ref, and a warning to print when it could not be checked (else null). */
//|         record Checked(String ref, String warning) { }
//|
//|         /**
//|          * The ref for {@code model}; a usage error when it is not one; a failure when the known list lacks it (unless
//|          * {@code force}).
//|          */
//|         static Checked ref(Env env, JsonValue root, String model, boolean force) {
//|             ModelRef ref;
//|             try {
//|                 ref = ModelRef.resolve(model, ConfigFile.aliases(root));
//|             } catch (ModelRefException e) {
//|                 throw new Cli.UsageException(e.getMessage());
//|             }
//|             List<RouterModel> live = new Discovery(env, root, Instant.now()).discover(new Discovery.Options(true, false,
//|                     Duration.ZERO)).live();
//|             // Written as the router's list spells it (qwen/qwen3-8b -> Qwen/Qwen3-8B): OpenClaw compares refs exactly.
//|             ref = ref.canonical(live);
//|             if (force) return new Checked(ref.ref(), null);
//|             if (live == null) {
//|                 return new Checked(ref.ref(), "no model list is cached, so " + ref.ref()
//|                         + " was not checked; '" + Invocation.command("models") + " list' fetches one");
//|             }
//|             List<Model> known = ModelMerge.merge(live, Catalog.builtIn(), root, false);
//|             boolean found = false;
//|             for (Model m : known) found |= ref.names(m.id());
//|             if (!found) throw new Cli.Failure("no model " + ref.id() + " in the router's list" + suggestions(model, known)
//|                     + " (--force writes it anyway)");
//|             try {
//|                 ref.requireServed(live);
//|             } catch (ModelRefException e) {
//|                 throw new Cli.Failure(e.getMessage());
//|             }
//|             return new Checked(ref.ref(), null);
//|         }
//|
//|         /**
//|          * "; did you mean a, b or c?" with the ids nearest to what was typed, or "; see 'models list'" when none is near.
//|          */
//|         static String suggestions(String wanted, List<Model> models) {
//|             java.util.Set<String> ids = new java.util.LinkedHashSet<>();   // a configured suffixed ref's row: its id again
//|             for (Model m : models) ids.add(m.id());
//|             return suggestionsAmong(wanted, new ArrayList<>(ids));
//|         }
//|
//|         /** {@link #suggestions} among Hub ids (the router's list), each said as its ref. */
//|         static String suggestionsAmong(String wanted, List<String> ids) {
//|             String key = ModelRef.looseId(wanted);
//|             List<String> sorted = new ArrayList<>(ids);
//|             sorted.sort(Comparator.comparingInt(id -> distance(key, id)));
//|             List<String> close = new ArrayList<>();
//|             for (String id : sorted) {
//|                 if (close.size() == 3 || distance(key, id) > Math.max(3, key.length() / 2)) break;
//|                 close.add(Printable.line(ModelRef.PREFIX + id));
//|             }
//|             if (close.isEmpty()) return "; see '" + Invocation.command("models") + " list'";
//|             return "; did you mean " + String.join(", ", close) + "?";
//|         }
//|
//|         /** Distance to the id, or to its name part alone when that is nearer (people type just the model). */
//|         private static int distance(String key, String hubId) {
//|             String id = hubId.toLowerCase(java.util.Locale.ROOT);
//|             return Math.min(Suggestions.distance(key, id), Suggestions.distance(key, id.substring(id.indexOf('/') + 1)));
//|         }
//|     }
//|
//|     // ---- lib/catalog/ModelEntries.java
//|     /**
//|      * The entries of {@code models.providers.huggingface.models[]} that let OpenClaw see what a Hugging Face model
//|      * really costs ({@code models sync}, and onboarding for the model chosen). OpenClaw's own projection of the
//|      * router's list prices every discovered model at 0, so its usage shows no spend; it takes a model's cost, context
//|      * window and tool support from {@code models.providers.huggingface.models[]} when an entry has the ref's id (its
//|      * merge keeps existing entries). An entry per ref, in OpenClaw's schema, from the provider the ref resolves to:
//|      * <ul>
//|      * <li>{@code :provider}: that provider; {@code :cheapest}: the lowest output price among live providers; no suffix
//|      *     or {@code :fastest}: the highest throughput ({@link ProviderPolicy}); {@code :preferred} follows an order only
//|      *     the user's Hugging Face settings hold, so it is priced at the dearest live provider, which it never exceeds;
//|      * <li>{@code cost} USD per million tokens, {@code cacheRead}/{@code cacheWrite} at the input price (the router lists
//|      *     no cache price; OpenClaw's own catalog does the same);
//|      * <li>{@code contextWindow}: the pinned provider's, else the smallest among live providers, as OpenClaw's own
//|      *     projection budgets (the router may send a policy's request to any of them); {@code compat.supportsTools}
//|      *     likewise: false when the provider (or, unpinned, any live one) says it takes no tools.
//|      * </ul>
//|      * Only those fields are ours; the user's others ({@code name}, {@code maxTokens}, {@code params}, a
//|      * {@code tieredPricing}...) are kept, and a new entry gets OpenClaw's defaults for the rest. Nothing else in the
//|      * config changes: not the models OpenClaw may use ({@code modelPolicy.allow}), not the default or the aliases.
//|      */
//|     static final class ModelEntries {
//|         private ModelEntries() { }
//|
//|         /** What OpenClaw's projection gives a model it knows nothing of (its HUGGINGFACE_DEFAULT_MAX_TOKENS). */
//|         static final long OPENCLAW_MAX_TOKENS = 8192;
//|
//|         /** Where a ref's figures come from: the offer priced, why that one, and what OpenClaw should budget with. */
//|         record Resolved(RouterModel.Offer priced, String why, Long contextWindow, boolean tools) { }
//|
//|         /**
//|          * Brings the ref's entry up to date from the list ({@code write}), or says what would change; adds the line that
//|          * says so to {@code lines} and returns {@code added}, {@code updated}, {@code unchanged} (or {@code would be...}),
//|          * or null, with a warning, when the list gives nothing to write. Onboarding calls it too, for the model chosen.
//|          */
//|         static String sync(Json5Document doc, ModelRef ref, List<RouterModel> live, List<Model> merged, boolean write,
//|                 java.util.function.Consumer<String> warn, List<String> lines) {
//|             RouterModel listed = ref.in(live);
//|             Resolved r = listed == null ? null : resolve(ref, listed);
//|             if (r == null) {
//|                 warn.accept(ref.ref() + ": " + (listed == null ? "not in the router's list"
//|                         : ref.suffix() != null && !ModelRef.POLICIES.contains(ref.suffix())
//|                                 ? ref.suffix() + " does not serve it now" : "no live provider lists a price")
//|                         + "; its entry is left as it is");
//|                 return null;
//|             }
//|             String what = write ? apply(doc, ref, r, named(merged, ref)) : preview(doc.value(), ref);
//|             lines.add(ref.ref() + ": " + what + " (" + describe(r) + ")");
//|             return what;
//|         }
//|
//|         /** The offer the ref's price comes from, and the budget figures; null when no live offer lists a price. */
//|         static Resolved resolve(ModelRef ref, RouterModel m) {
//|             List<RouterModel.Offer> live = new ArrayList<>();
//|             for (RouterModel.Offer o : m.providers()) if (o.live()) live.add(o);
//|             String suffix = ref.suffix();
//|             if (suffix != null && !ModelRef.POLICIES.contains(suffix)) {
//|                 for (RouterModel.Offer o : live) {
//|                     if (o.provider().equals(suffix) && o.priceIn() != null && o.priceOut() != null) {
//|                         return new Resolved(o, "pinned", o.contextLength(), !Boolean.FALSE.equals(o.supportsTools()));
//|                     }
//|                 }
//|                 return null;
//|             }
//|             List<RouterModel.Offer> priced = new ArrayList<>();
//|             for (RouterModel.Offer o : live) if (o.priceIn() != null && o.priceOut() != null) priced.add(o);
//|             if (priced.isEmpty()) return null;
//|             RouterModel.Offer pick = "preferred".equals(suffix) ? null
//|                     : ("cheapest".equals(suffix) ? ProviderPolicy.CHEAPEST : ProviderPolicy.FASTEST).pick(priced);
//|             String why = "cheapest".equals(suffix) ? "cheapest" : "preferred".equals(suffix) ? "dearest: :preferred "
//|                     + "follows your Hugging Face settings" : "fastest";
//|             if (pick == null) {
//|                 for (RouterModel.Offer o : priced) {
//|                     if (pick == null || o.priceOut().compareTo(pick.priceOut()) > 0) pick = o;
//|                 }
//|                 if (!"preferred".equals(suffix)) why = "dearest: no throughput listed";
//|             }
//|             Long context = null;
//|             boolean tools = true;
//|             for (RouterModel.Offer o : live) {
//|                 Long c = o.contextLength();
//|                 if (c != null && (context == null || c < context)) context = c;
//|                 if (Boolean.FALSE.equals(o.supportsTools())) tools = false;
//|             }
//|             return new Resolved(pick, why, context, tools);
//|         }
//|
//|         /** {@code together, fastest: $3 in, $7 out per 1M tokens; context 163840; tools}. */
//|         static String describe(Resolved r) {
//|             return r.priced().provider() + ", " + r.why() + ": $" + r.priced().priceIn().stripTrailingZeros()
//|                     .toPlainString() + " in, $" + r.priced().priceOut().stripTrailingZeros().toPlainString()
//|                     + " out per 1M tokens" + (r.contextWindow() == null ? "" : "; context " + r.contextWindow())
//|                     + (r.tools() ? "; tools" : "; no tools");
//|         }
//|
//|         /** The index of the entry whose id is the ref's (as OpenClaw matches: exactly), or -1. */
//|         static int entry(JsonValue config, ModelRef ref) {
//|             JsonArray entries = config.arrayAt(ConfigFile.PROVIDER_MODELS);
//|             if (entries == null) return -1;
//|             List<JsonValue> all = entries.elements();
//|             for (int i = 0; i < all.size(); i++) {
//|                 if (all.get(i) instanceof JsonObject o && ref.routerId().equals(o.string("id"))) return i;
//|             }
//|             return -1;
//|         }
//|
//|         private static String preview(JsonValue config, ModelRef ref) {
//|             return entry(config, ref) < 0 ? "would be added" : "would be updated";
//|         }
//|
//|         /** The fields this writes, in OpenClaw's schema (cost USD per 1M tokens). */
//|         private static List<Object[]> fields(Resolved r) {
//|             BigDecimal in = r.priced().priceIn(), out = r.priced().priceOut();
//|             List<Object[]> fields = new ArrayList<>();
//|             fields.add(new Object[] {List.of("cost", "input"), usd(in)});
//|             fields.add(new Object[] {List.of("cost", "output"), usd(out)});
//|             fields.add(new Object[] {List.of("cost", "cacheRead"), usd(in)});
//|             fields.add(new Object[] {List.of("cost", "cacheWrite"), usd(in)});
//|             if (r.contextWindow() != null) fields.add(new Object[] {List.of("contextWindow"),
//|                 JsonValue.of(r.contextWindow())});
//|             fields.add(new Object[] {List.of("compat", "supportsTools"), JsonValue.of(r.tools())});
//|             return fields;
//|         }
//|
//|         /** Adds or updates the ref's entry; says which ({@code added}, {@code updated}, {@code unchanged}). */
//|         @SuppressWarnings("unchecked")
//|         private static String apply(Json5Document doc, ModelRef ref, Resolved r, Model model) {
//|             int at = entry(doc.value(), ref);
//|             if (at < 0) {
//|                 List<Object> entry = new ArrayList<>(List.of("id", JsonValue.of(ref.routerId()), "name",
//|                         JsonValue.of(ref.suffix() == null ? model.name() : model.name() + " (" + ref.suffix() + ")"),
//|                         "reasoning", JsonValue.of(model.reasoning()), "input", inputs(model)));
//|                 BigDecimal in = r.priced().priceIn();
//|                 entry.addAll(List.of("cost", JsonValue.object("input", usd(in), "output",
//|                         usd(r.priced().priceOut()), "cacheRead", usd(in), "cacheWrite", usd(in))));
//|                 if (r.contextWindow() != null) entry.addAll(List.of("contextWindow", JsonValue.of(r.contextWindow())));
//|                 entry.addAll(List.of("maxTokens", JsonValue.of(OPENCLAW_MAX_TOKENS), "compat",
//|                         JsonValue.object("supportsTools", JsonValue.of(r.tools()))));
//|                 doc.append(ConfigFile.PROVIDER_MODELS, JsonValue.object(entry.toArray()));
//|                 return "added";
//|             }
//|             boolean changed = false;
//|             for (Object[] f : fields(r)) changed |= doc.setInElement(ConfigFile.PROVIDER_MODELS, at,
//|                     (List<String>) f[0], (JsonValue) f[1]);
//|             return changed ? "updated" : "unchanged";
//|         }
//|
//|         /** A price as JSON: {@code 3}, {@code 0.55}; never {@code 3.000} or an exponent. */
//|         private static JsonValue usd(BigDecimal price) {
//|             return new JsonNumber(price.stripTrailingZeros().toPlainString());
//|         }
//|
//|         /** OpenClaw's input kinds for the model: text, and image when it takes images. */
//|         private static JsonValue inputs(Model model) {
//|             return model.vision() ? JsonValue.array(JsonValue.of("text"), JsonValue.of("image"))
//|                     : JsonValue.array(JsonValue.of("text"));
//|         }
//|
//|         private static Model named(List<Model> merged, ModelRef ref) {
//|             for (Model m : merged) if (m.suffix() == null && ref.names(m.id())) return m;
//|             return Model.known(ref.id()).named(Model.nameFromId(ref.id()));
//|         }
//|     }
//|
//|     // ---- lib/catalog/ModelMerge.java
//|     /**
//|      * Merges what is known about the models, each source adding to the one before:
//|      * <ol>
//|      * <li>the router's list says which models exist (when it is known);
//|      * <li>the built-in catalog adds its metadata (reasoning, max tokens, fallback name, context and price)
//|      *     to the ids it knows; built-in models the router no longer lists are hidden unless asked for;
//|      * <li>the models the config uses (default, fallbacks, aliases) are always listed: tagged unlisted when the
//|      *     router's list lacks them;
//|      * <li>entries of {@code models.providers.huggingface.models[]} in the config keep their own fields and win;
//|      *     entries for ids nobody else knows are kept too (the user added them).
//|      * </ol>
//|      * When several providers serve a model: the context window is the largest any live provider offers
//|      * (what pinning that provider gets you), and the price is that of the provider {@code :cheapest} would
//|      * pick (the lowest output price among live providers). Without live figures the built-in ones stand.
//|      */
//|     static final class ModelMerge {
//|         private ModelMerge() { }
//|
//|         static List<Model> merge(List<RouterModel> live, Catalog builtIn, JsonValue config, boolean includeUnlisted) {
//|             Map<String, Model> known = new LinkedHashMap<>();
//|             for (Model m : builtIn.models()) known.put(m.id(), m);
//|             Map<String, Model> merged = new LinkedHashMap<>();
//|             if (live == null) {
//|                 merged.putAll(known);
//|             } else {
//|                 for (RouterModel r : live) merged.put(r.id(), fromRouter(r, known.get(r.id())));
//|                 if (includeUnlisted) {
//|                     for (Model m : known.values()) {
//|                         if (!merged.containsKey(m.id())) {
//|                             merged.put(m.id(), m.asUnlisted());
//|                         }
//|                     }
//|                 }
//|             }
//|             // The models the config uses (default, fallbacks, aliases) are always there, so that a default the router
//|             // dropped is seen, tagged unlisted, rather than gone from the list.
//|             // Ids match ignoring case (ModelRef.sameId): a default typed qwen/qwen3-8b is the router's Qwen/Qwen3-8B row.
//|             for (String id : configured(config)) {
//|                 if (keyOf(merged, id) != null) continue;
//|                 String builtInKey = keyOf(known, id);
//|                 Model m = builtInKey != null ? known.get(builtInKey) : Model.known(id);
//|                 merged.put(m.id(), live == null ? m : m.asUnlisted());
//|             }
//|             JsonArray entries = config.arrayAt(ConfigFile.PROVIDER_MODELS);
//|             if (entries != null) {
//|                 for (JsonObject entry : entries.objects()) {
//|                     String id = entry.string("id");
//|                     // An entry for a ref with a suffix (models sync writes them: OpenClaw budgets each ref by its own
//|                     // entry) describes that ref, not a model of its own: its model's row stays the router's.
//|                     ModelRef suffixed = id == null ? null : ModelRef.orNull(id);
//|                     if (id == null || (suffixed != null && suffixed.suffix() != null)) continue;
//|                     String key = keyOf(merged, ModelRef.withoutPrefix(id));
//|                     if (key == null) key = ModelRef.withoutPrefix(id);
//|                     merged.put(key, merged.getOrDefault(key, Model.known(key)).with(entry));
//|                 }
//|             }
//|             // A configured ref with a suffix gets a row of its own after its model's, as OpenClaw lists it, so that its
//|             // tags (default, fallback#N, alias) are on that row and not on the bare model's.
//|             List<ModelRef> suffixed = new ArrayList<>();
//|             for (ModelRef ref : configuredRefs(config)) if (ref.suffix() != null) suffixed.add(ref);
//|             List<Model> result = new ArrayList<>();
//|             for (Model m : merged.values()) {
//|                 Model named = m.name() == null ? m.named(Model.nameFromId(m.id())) : m;
//|                 result.add(named);
//|                 for (ModelRef ref : suffixed) if (ref.names(m.id())) result.add(named.withSuffix(ref.suffix()));
//|             }
//|             return result;
//|         }
//|
//|         /** The key of {@code models} that is the model {@code id} ({@link ModelRef#sameId}), or null. */
//|         private static String keyOf(Map<String, Model> models, String id) {
//|             if (models.containsKey(id)) return id;
//|             for (String key : models.keySet()) if (ModelRef.sameId(key, id)) return key;
//|             return null;
//|         }
//|
//|         /** The refs the config names (default, fallbacks, alias targets), in that order, each once. */
//|         static List<ModelRef> configuredRefs(JsonValue config) {
//|             List<String> texts = new ArrayList<>();
//|             String primary = ConfigFile.string(config, ConfigFile.PRIMARY);
//|             if (primary != null) texts.add(primary);
//|             texts.addAll(ConfigFile.fallbacks(config));
//|             texts.addAll(ConfigFile.aliases(config).values());
//|             List<ModelRef> refs = new ArrayList<>();
//|             for (String text : texts) {
//|                 ModelRef ref = text.startsWith(ModelRef.PREFIX) ? ModelRef.orNull(text) : null;
//|                 if (ref == null) continue;
//|                 boolean seen = false;
//|                 for (ModelRef r : refs) seen |= r.names(ref.id()) && java.util.Objects.equals(r.suffix(), ref.suffix());
//|                 if (!seen) refs.add(ref);
//|             }
//|             return refs;
//|         }
//|
//|         /**
//|          * The ids of the Hugging Face models the config names: default, fallbacks, alias targets; in that order, each once.
//|          */
//|         static List<String> configured(JsonValue config) {
//|             List<String> ids = new ArrayList<>();
//|             for (ModelRef ref : configuredRefs(config)) {
//|                 boolean seen = false;
//|                 for (String id : ids) seen |= ref.names(id);
//|                 if (!seen) ids.add(ref.id());
//|             }
//|             return ids;
//|         }
//|
//|         private static Model fromRouter(RouterModel r, Model builtIn) {
//|             Model base = builtIn != null ? builtIn : Model.known(r.id());
//|             long context = base.contextWindow();
//|             long liveContext = 0;
//|             for (RouterModel.Offer o : r.providers()) {
//|                 if (o.live() && o.contextLength() != null) liveContext = Math.max(liveContext, o.contextLength());
//|             }
//|             RouterModel.Offer cheapest = ProviderPolicy.CHEAPEST.pick(r.providers());
//|             if (liveContext > 0) context = liveContext;
//|             BigDecimal in = cheapest != null && cheapest.priceIn() != null ? cheapest.priceIn() : base.costInput();
//|             BigDecimal out = cheapest != null ? cheapest.priceOut() : base.costOutput();
//|             String name = r.name() != null ? r.name() : base.name();
//|             List<String> input = r.input().isEmpty() ? base.input() : r.input();
//|             return new Model(r.id(), name, base.reasoning(), input, context, base.maxTokens(), in, out, r.providers(),
//|                     false, null);
//|         }
//|     }
//|
//|     // ---- lib/catalog/ModelRef.java
//|     /**
//|      * A model reference: {@code huggingface/<org>/<model>[:suffix]} in OpenClaw's config,
//|      * {@code <org>/<model>[:suffix]} on the router. The suffix picks how the router chooses a backend:
//|      * {@code :fastest} (also the default), {@code :cheapest}, {@code :preferred} (the user's order in their
//|      * Hugging Face settings) or {@code :<provider>} to pin one. The router never sees {@code huggingface/}.
//|      */
//|     record ModelRef(String id, String suffix) {
//|         static final String PREFIX = "huggingface/";
//|         /** What OpenClaw's onboarding sets, and what chat uses when the config names no default. */
//|         static final String DEFAULT_MODEL = "huggingface/deepseek-ai/DeepSeek-R1";
//|         static final List<String> POLICIES = List.of("fastest", "cheapest", "preferred");
//|         private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
//|         private static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9-]*");
//|
//|         /**
//|          * Whether {@code name} can stand as a {@code :provider} suffix: lower-case letters, digits and '-', not
//|          * {@code auto} nor a policy. What a conversation may stick to: a provider's name from outside (the router's
//|          * {@code x-inference-provider} header, the log) is used only when it is one.
//|          */
//|         static boolean isProviderName(String name) {
//|             return name != null && name.length() <= 64 && PROVIDER.matcher(name).matches() && !name.equals("auto")
//|                     && !POLICIES.contains(name);
//|         }
//|
//|         /**
//|          * The one rule for "same model": Hub ids compare ignoring case, as the router takes them ({@code qwen/qwen3-8b}
//|          * is {@code Qwen/Qwen3-8B}). Every comparison of model ids goes through here.
//|          */
//|         static boolean sameId(String a, String b) { return a != null && a.equalsIgnoreCase(b); }
//|
//|         /** Whether this ref names the model {@code id}, whatever its suffix. */
//|         boolean names(String id) { return sameId(this.id, id); }
//|
//|         /** Whether {@code text} is this very ref: the same model with the same suffix (or none). */
//|         boolean isRef(String text) {
//|             ModelRef other = orNull(text);
//|             return other != null && names(other.id) && java.util.Objects.equals(suffix, other.suffix);
//|         }
//|
//|         /** This model with {@code newSuffix} (null: none): the one place a suffix is put on. */
//|         ModelRef withSuffix(String newSuffix) { return new ModelRef(id, newSuffix); }
//|
//|         /** The router's entry for this model, or null when the list lacks it (or is not known). */
//|         RouterModel in(List<RouterModel> live) {
//|             if (live != null) for (RouterModel m : live) if (names(m.id())) return m;
//|             return null;
//|         }
//|
//|         /** This ref with the id as the router's list spells it, when the list has it: what is written to the config. */
//|         ModelRef canonical(List<RouterModel> live) {
//|             RouterModel m = in(live);
//|             return m == null || m.id().equals(id) ? this : new ModelRef(m.id(), suffix);
//|         }
//|
//|         /** Reads a ref or a bare id; throws {@link ModelRefException} saying what is wrong. */
//|         static ModelRef parse(String text) {
//|             String s = withoutPrefix(text.strip());
//|             String suffix = null;
//|             int colon = s.indexOf(':');
//|             if (colon >= 0) {
//|                 suffix = s.substring(colon + 1);
//|                 s = s.substring(0, colon);
//|             }
//|             String[] parts = s.split("/", -1);
//|             if (parts.length != 2 || !PART.matcher(parts[0]).matches() || !PART.matcher(parts[1]).matches()) {
//|                 throw new ModelRefException("'" + text
//|                         + "' is not a model: use huggingface/<org>/<model>[:suffix], <org>/<model>, or an alias");
//|             }
//|             if (suffix != null) {
//|                 if (suffix.equals("auto") || !PROVIDER.matcher(suffix).matches()) {
//|                     throw new ModelRefException("':" + suffix
//|                             + "' is not a valid suffix: use :fastest, :cheapest, :preferred or :<provider> (e.g. "
//|                                     + ":together)");
//|                 }
//|             }
//|             return new ModelRef(s, suffix);
//|         }
//|
//|         /**
//|          * The model id {@code text} names when it is a ref or an id, else null: for text from a config, not from the user.
//|          */
//|         static String idOrNull(String text) {
//|             ModelRef ref = orNull(text);
//|             return ref == null ? null : ref.id();
//|         }
//|
//|         /** The ref {@code text} is, or null when it is none: for text from a config, not from the user. */
//|         static ModelRef orNull(String text) {
//|             if (text == null) return null;
//|             try {
//|                 return parse(text);
//|             } catch (ModelRefException notARef) {
//|                 return null;
//|             }
//|         }
//|
//|         /** {@code text} without the {@code huggingface/} prefix (in any case), when it has one. */
//|         static String withoutPrefix(String text) {
//|             return text.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) ? text.substring(PREFIX.length()) : text;
//|         }
//|
//|         /**
//|          * The model id that {@code text} names, lower-cased, without prefix and suffix, whether or not it is a
//|          * valid ref: what "did you mean" compares with the known ids.
//|          */
//|         static String looseId(String text) {
//|             String s = withoutPrefix(text.strip()).toLowerCase(java.util.Locale.ROOT);
//|             int colon = s.indexOf(':');
//|             return colon >= 0 ? s.substring(0, colon) : s;
//|         }
//|
//|         /**
//|          * Whether {@code text} can be an alias: not blank, and with no {@code /} or {@code :}, which would make it look
//|          * like a ref.
//|          */
//|         static boolean isAliasName(String text) {
//|             return !text.isBlank() && text.indexOf('/') < 0 && text.indexOf(':') < 0;
//|         }
//|
//|         /**
//|          * An alias from the config (exact, then ignoring case), else a ref or id; a ref or id is never taken for an alias.
//|          */
//|         static ModelRef resolve(String text, Map<String, String> aliases) {
//|             // A ref or an id is what it says, whatever the aliases: only a bare name can be an alias.
//|             if (!isAliasName(text)) return parse(text);
//|             String target = aliases.get(text);
//|             if (target == null) {
//|                 for (Map.Entry<String,
//|                         String> a : aliases.entrySet()) if (a.getKey().equalsIgnoreCase(text)) target = a.getValue();
//|             }
//|             return parse(target != null ? target : text);
//|         }
//|
//|         /**
//|          * Refuses a pinned provider that the known router list says does not serve this model, naming those
//|          * that do. Without a list, or for a model it does not have, there is nothing to check against.
//|          */
//|         void requireServed(List<RouterModel> live) {
//|             RouterModel m = provider() == null ? null : in(live);
//|             if (m == null) return;
//|             List<String> serving = new java.util.ArrayList<>();
//|             for (RouterModel.Offer o : m.providers()) {
//|                 if (o.provider().equalsIgnoreCase(provider())) return;
//|                 serving.add(o.provider());
//|             }
//|             throw new ModelRefException("':" + suffix + "' does not serve " + id + "; providers that do: "
//|                     + (serving.isEmpty() ? "none listed" : String.join(", ", serving)));
//|         }
//|
//|         String ref() { return PREFIX + routerId(); }
//|
//|         /** What the router is sent: the id and suffix, never the {@code huggingface/} prefix. */
//|         String routerId() { return suffix == null ? id : id + ":" + suffix; }
//|
//|         /** {@code :cheapest} and {@code :fastest} let the router pick: no backend choice is offered. */
//|         boolean providerLocked() { return "cheapest".equals(suffix) || "fastest".equals(suffix); }
//|
//|         /** The pinned provider, or null for a policy or no suffix. */
//|         String provider() { return suffix == null || POLICIES.contains(suffix) ? null : suffix; }
//|     }
//|
//|     // ---- lib/catalog/ModelRefException.java
//|     /**
//|      * Text that is not a model ref, or a ref the known router list refuses (a pinned provider that does
//|      * not serve the model). The message is for the user: it says what is wrong and what would be right.
//|      */
//|     static final class ModelRefException extends RuntimeException {
//|         ModelRefException(String message) { super(message); }
//|     }
//|
//|     // ---- lib/catalog/OpenClawFacts.java
//|     /**
//|      * A model as OpenClaw 2026.9.6 treats it once its own discovery has read the same router list (its
//|      * {@code extensions/huggingface} {@code projectHuggingfaceModels}), beside what this toolkit shows:
//|      * <ul>
//|      * <li>the context window OpenClaw budgets with is the <em>smallest</em> {@code context_length} of the providers
//|      *     not in {@code error} (staging included), where ours is the largest a live provider offers: what pinning
//|      *     that provider ({@code :provider}) gets;</li>
//|      * <li>OpenClaw treats the model as without tools when any such provider says {@code supports_tools: false};
//|      *     ours tags it with tools when some live provider has them;</li>
//|      * <li>OpenClaw counts a cost only for the three models of its own catalog; every discovered one is $0 to it.</li>
//|      * </ul>
//|      * Names differ too (OpenClaw shows {@code owner/Model} for a model the router does not name), which changes
//|      * nothing either tool sends, so it is not reported. Null facts when the router's list is not known.
//|      */
//|     record OpenClawFacts(long contextWindow, String smallestFrom, String withoutTools, BigDecimal costInput,
//|             BigDecimal costOutput) {
//|         /** OpenClaw's built-in Hugging Face catalog: the only models it has prices for (USD per 1M tokens, in and out). */
//|         static final Map<String, BigDecimal[]> PRICED = Map.of(
//|                 "deepseek-ai/DeepSeek-R1", new BigDecimal[] {new BigDecimal("3"), new BigDecimal("7")},
//|                 "deepseek-ai/DeepSeek-V3.1", new BigDecimal[] {new BigDecimal("0.6"), new BigDecimal("1.25")},
//|                 "openai/gpt-oss-120b", new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
//|
//|         /** The facts for {@code m}, or null when no provider list is known for it. */
//|         static OpenClawFacts of(Model m) {
//|             if (m.providers().isEmpty()) return null;
//|             long smallest = 0;
//|             String from = null;
//|             String withoutTools = null;
//|             for (RouterModel.Offer o : m.providers()) {
//|                 if ("error".equals(o.status())) continue;
//|                 if (o.contextLength() != null && o.contextLength() > 0 && (from == null || o.contextLength() < smallest)) {
//|                     smallest = o.contextLength();
//|                     from = o.provider();
//|                 }
//|                 if (Boolean.FALSE.equals(o.supportsTools()) && withoutTools == null) withoutTools = o.provider();
//|             }
//|             BigDecimal[] price = PRICED.getOrDefault(m.id(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
//|             return new OpenClawFacts(from != null ? smallest : Model.DEFAULT_CONTEXT_WINDOW, from, withoutTools, price[0],
//|                     price[1]);
//|         }
//|
//|         boolean supportsTools() { return withoutTools == null; }
//|
//|         /** The live provider with the largest context window: the one to pin for the most room; null when none says. */
//|         static RouterModel.Offer widest(Model m) {
//|             RouterModel.Offer best = null;
//|             for (RouterModel.Offer o : m.providers()) {
//|                 if (o.live() && o.contextLength() != null && (best == null
//|                         || o.contextLength() > best.contextLength())) best = o;
//|             }
//|             return best;
//|         }
//|
//|         /** Whether OpenClaw counts no cost where this toolkit knows one. */
//|         boolean costUnknownToIt(Model m) {
//|             return costOutput.signum() == 0 && costInput.signum() == 0 && m.costOutput() != null
//|                     && m.costOutput().signum() > 0;
//|         }
//|
//|         /** {@code models show}'s lines where OpenClaw differs from what is shown above them; none when it agrees. */
//|         java.util.List<String> differences(Model m) {
//|             java.util.List<String> lines = new java.util.ArrayList<>();
//|             RouterModel.Offer widest = widest(m);
//|             if (contextWindow < m.contextWindow()) {
//|                 lines.add("budgets " + Figures.tokens(contextWindow) + " tokens of context (" + (smallestFrom == null
//|                         ? "its default"
//|                         : Printable.line(smallestFrom) + "'s, the smallest of the providers not in error") + ")"
//|                         + (widest == null ? "" : "; pinning :" + Printable.line(widest.provider()) + " gives "
//|                                 + Figures.tokens(widest.contextLength())));
//|             }
//|             if (!supportsTools() && m.tools()) {
//|                 lines.add("treats it as without tools (" + Printable.line(withoutTools)
//|                         + " has none), so its agent gives it no tools");
//|             }
//|             if (costUnknownToIt(m)) lines.add("counts its cost as $0 (OpenClaw has prices only for the models of its own "
//|                     + "catalog)");
//|             return lines;
//|         }
//|
//|         JsonValue json() {
//|             return JsonValue.object("contextWindow", JsonValue.of(contextWindow), "supportsTools",
//|                     JsonValue.of(supportsTools()),
//|                     "cost", JsonValue.object("input", JsonValue.of(costInput), "output", JsonValue.of(costOutput)));
//|         }
//|     }
//|
//|     // ---- lib/catalog/ProviderPolicy.java
//|     /**
//|      * The router's {@code :cheapest} and {@code :fastest} rules applied to the listed figures: the lowest
//|      * output price, or the highest throughput, among live providers. An estimate: the router decides with
//|      * fresher numbers. The one place the rule lives: the list's price column and {@code models show} use it.
//|      */
//|     enum ProviderPolicy {
//|         CHEAPEST, FASTEST;
//|
//|         /** The offer this policy would pick, or null when no live offer lists the figure it goes by. */
//|         RouterModel.Offer pick(List<RouterModel.Offer> offers) {
//|             RouterModel.Offer best = null;
//|             for (RouterModel.Offer o : offers) {
//|                 if (!o.live()) continue;
//|                 if (this == CHEAPEST && o.priceOut() != null && (best == null
//|                         || o.priceOut().compareTo(best.priceOut()) < 0)) best = o;
//|                 if (this == FASTEST && o.throughput() != null && (best == null
//|                         || o.throughput() > best.throughput())) best = o;
//|             }
//|             return best;
//|         }
//|     }
//|
//|     // ---- lib/catalog/RouterModel.java
//|     /**
//|      * One entry of the router's {@code GET /v1/models}: the Hub id, a display name when the API gives one
//|      * ({@code name}, then {@code title}, then {@code display_name}), input modalities, and the providers that
//|      * serve it. Every provider field but {@code provider} may be missing: those are null here.
//|      */
//|     record RouterModel(String id, String name, List<String> input, List<Offer> providers) {
//|
//|         /**
//|          * One provider's offer for a model. Prices are USD per million tokens. Latency and throughput stay
//|          * as the router wrote them until asked for: only {@code models show} and {@code :fastest} need them,
//|          * and reading a thousand doubles is a fifth of a cold {@code models list}.
//|          */
//|         record Offer(String provider, String status, Long contextLength, BigDecimal priceIn, BigDecimal priceOut,
//|                      Boolean supportsTools, Boolean supportsStructuredOutput, JsonNumber latency, JsonNumber speed) {
//|             boolean live() { return "live".equals(status); }
//|
//|             /** Milliseconds to the first token, or null when not listed. */
//|             Double firstTokenLatencyMs() { return latency == null ? null : latency.doubleValue(); }
//|
//|             /** Tokens per second, or null when not listed. */
//|             Double throughput() { return speed == null ? null : speed.doubleValue(); }
//|         }
//|
//|         /** Where the API may put a display name, first found wins. */
//|         private static final List<String> NAME_FIELDS = List.of("name", "title", "display_name");
//|
//|         /** The {@code data} array of a {@code /v1/models} answer; entries without an id are skipped. */
//|         static List<RouterModel> listFrom(JsonValue answer) {
//|             JsonArray data = answer instanceof JsonObject o ? o.array("data") : null;
//|             if (data == null) throw new JsonException("no \"data\" list in the answer");
//|             List<RouterModel> models = new ArrayList<>();
//|             for (JsonObject m : data.objects()) {
//|                 String id = m.string("id");
//|                 if (id != null) models.add(from(id, m));
//|             }
//|             return models;
//|         }
//|
//|         private static RouterModel from(String id, JsonObject m) {
//|             String name = null;
//|             for (String field : NAME_FIELDS) {
//|                 String s = m.string(field);
//|                 if (name == null && s != null && !s.isBlank()) name = s;
//|             }
//|             JsonObject arch = m.object("architecture");
//|             List<String> input = arch == null ? List.of() : List.copyOf(arch.strings("input_modalities"));
//|             List<Offer> offers = new ArrayList<>();
//|             JsonArray ps = m.array("providers");
//|             if (ps != null) {
//|                 for (JsonObject o : ps.objects()) {
//|                     String provider = o.string("provider");
//|                     if (provider == null) continue;
//|                     JsonObject pricing = o.object("pricing");
//|                     offers.add(new Offer(provider, o.string("status"), o.wholeOrNull("context_length"),
//|                             pricing == null ? null : pricing.decimal("input"), pricing == null ? null
//|                                     : pricing.decimal("output"),
//|                             o.bool("supports_tools"), o.bool("supports_structured_output"),
//|                                     o.number("first_token_latency_ms"), o.number("throughput")));
//|                 }
//|             }
//|             return new RouterModel(id, name, input, List.copyOf(offers));
//|         }
//|     }
//|
//|     // ---- lib/models/ConfigCommands.java
//|     /**
//|      * The {@code models} subcommands that edit the config: {@code set}, {@code fallbacks} and {@code aliases}
//|      * ({@code status} is {@link StatusCommand}). Each edit says what it changed in one line; listing and
//|      * adding are idempotent.
//|      */
//|     static final class ConfigCommands {
//|         private final CommandLine cli;
//|         private final Env env;
//|         private final PrintStream out;
//|         private final ConfigFile config;
//|
//|         ConfigCommands(CommandLine cli, Env env, PrintStream out) {
//|             this.cli = cli;
//|             this.env = env;
//|             this.out = out;
//|             this.config = ConfigFile.of(env);
//|         }
//|
//|         /** {@code models set MODEL [--force]}. */
//|         int set() {
//|             boolean force = cli.flag("--force");
//|             String model = operand("MODEL");
//|             noMore(model);
//|             String[] previous = new String[1];
//|             boolean[] wasFallback = new boolean[1];
//|             List<String> notes = new java.util.ArrayList<>();
//|             String ref = config.update(doc -> {
//|                 JsonValue before = doc.value();
//|                 String resolved = ref(doc.value(), model, force);
//|                 previous[0] = ConfigFile.string(doc.value(), ConfigFile.PRIMARY);
//|                 doc.set(ConfigFile.PRIMARY, JsonValue.of(resolved));
//|                 // The chain tries each model once: the new default leaves the fallbacks.
//|                 int asFallback = ConfigFile.fallbacks(doc.value()).indexOf(resolved);
//|                 if (asFallback >= 0) {
//|                     doc.removeElement(ConfigFile.FALLBACKS, stringIndex(doc, asFallback));
//|                     wasFallback[0] = true;
//|                 }
//|                 // as OpenClaw's set; nothing when nothing changes
//|                 if (!resolved.equals(previous[0])) ModelAllowlist.record(doc, resolved);
//|                 notes.addAll(ModelAllowlist.notes(before, doc.value(), resolved, ModelAllowlist.Role.DEFAULT));
//|                 return resolved;
//|             });
//|             if (ref.equals(previous[0])) out.println("Default model is already " + ref);
//|             else out.println("Default model: " + ref + (previous[0] == null ? "" : " (was " + previous[0] + ")")
//|                     + (wasFallback[0] ? "; no longer a fallback" : ""));
//|             for (String note : notes) out.println("Note: " + note);
//|             return Cli.OK;
//|         }
//|
//|         /** {@code models fallbacks list|add MODEL|remove MODEL|clear}. */
//|         int fallbacks() {
//|             String action = cli.hasNext() ? cli.next() : "list";
//|             switch (action) {
//|                 case "list" -> {
//|                     noMore();
//|                     List<String> refs = ConfigFile.fallbacks(config.read());
//|                     for (int i = 0; i < refs.size(); i++) out.println((i + 1) + ". " + refs.get(i));
//|                     if (refs.isEmpty()) out.println("No fallbacks.");
//|                 }
//|                 case "add" -> {
//|                     boolean force = cli.flag("--force");
//|                     String model = operand("MODEL");
//|                     noMore();
//|                     out.println(edit(doc -> {
//|                         String ref = ref(doc.value(), model, force);
//|                         List<String> refs = ConfigFile.fallbacks(doc.value());
//|                         if (refs.contains(ref)) return ref + " is already fallback #" + (refs.indexOf(ref) + 1);
//|                         if (ref.equals(ConfigFile.string(doc.value(), ConfigFile.PRIMARY))) {
//|                             throw new Cli.Failure(ref + " is the default model: a model cannot be its own fallback");
//|                         }
//|                         JsonValue before = doc.value();
//|                         doc.append(ConfigFile.FALLBACKS, JsonValue.of(ref));
//|                         ModelAllowlist.record(doc, ref);
//|                         return "Added fallback #" + (refs.size() + 1) + ": " + ref + noted(ModelAllowlist.notes(before,
//|                                 doc.value(), ref, ModelAllowlist.Role.FALLBACK));
//|                     }));
//|                 }
//|                 case "remove" -> {
//|                     String model = operand("MODEL");
//|                     noMore();
//|                     out.println(edit(doc -> {
//|                         String ref = removable(doc.value(), model);
//|                         int index = ConfigFile.fallbacks(doc.value()).indexOf(ref);
//|                         if (index < 0) throw new Cli.Failure(ref + " is not a fallback");
//|                         doc.removeElement(ConfigFile.FALLBACKS, stringIndex(doc, index));
//|                         return "Removed fallback " + ref;
//|                     }));
//|                 }
//|                 case "clear" -> {
//|                     noMore();
//|                     out.println(edit(doc -> {
//|                         int n = ConfigFile.fallbacks(doc.value()).size();
//|                         if (n == 0) return "No fallbacks to clear.";
//|                         doc.set(ConfigFile.FALLBACKS, JsonValue.array());
//|                         return "Cleared " + n + (n == 1 ? " fallback." : " fallbacks.");
//|                     }));
//|                 }
//|                 default -> throw cli.unknown(action, "list", "add", "remove", "clear");
//|             }
//|             return Cli.OK;
//|         }
//|
//|         /** {@code models aliases list|add ALIAS MODEL|remove ALIAS}. */
//|         int aliases() {
//|             String action = cli.hasNext() ? cli.next() : "list";
//|             switch (action) {
//|                 case "list" -> {
//|                     noMore();
//|                     Map<String, String> aliases = ConfigFile.aliases(config.read());
//|                     aliases.forEach((alias, ref) -> out.println(alias + " -> " + ref));
//|                     if (aliases.isEmpty()) out.println("No aliases.");
//|                 }
//|                 case "add" -> {
//|                     boolean force = cli.flag("--force");
//|                     String alias = operand("ALIAS");
//|                     String model = operand("MODEL");
//|                     noMore();
//|                     if (alias.isBlank()) throw new Cli.UsageException("an alias cannot be empty");
//|                     if (!ModelRef.isAliasName(alias)) {
//|                         throw new Cli.UsageException("'" + alias
//|                                 + "' cannot be an alias: with a '/' or ':' it would look like a model ref");
//|                     }
//|                     out.println(edit(doc -> {
//|                         String ref = ref(doc.value(), model, force);
//|                         Map<String, String> aliases = ConfigFile.aliases(doc.value());
//|                         String old = aliases.get(alias);
//|                         if (ref.equals(old)) return "Alias " + alias + " already -> " + ref;
//|                         // A model has one alias, in OpenClaw as here: giving it another replaces the first.
//|                         String replaced = doc.value().stringAt(aliasPath(ref));
//|                         JsonValue before = doc.value();
//|                         if (old != null) doc.remove(aliasPath(old));
//|                         ModelAllowlist.record(doc, ref);
//|                         doc.set(aliasPath(ref), JsonValue.of(alias));
//|                         return "Alias " + alias + " -> " + ref + (old == null ? "" : " (was " + old + ")")
//|                                 + (replaced == null ? "" : " in place of its alias " + replaced
//|                                         + " (a model has one alias)")
//|                                 + noted(ModelAllowlist.notes(before, doc.value(), ref, ModelAllowlist.Role.ALIAS));
//|                     }));
//|                 }
//|                 case "remove" -> {
//|                     String alias = operand("ALIAS");
//|                     noMore();
//|                     out.println(edit(doc -> {
//|                         String ref = ConfigFile.aliases(doc.value()).get(alias);
//|                         if (ref == null) throw new Cli.Failure("no alias " + alias);
//|                         doc.remove(aliasPath(ref));
//|                         return "Removed alias " + alias + " (was " + ref + ")";
//|                     }));
//|                 }
//|                 default -> throw cli.unknown(action, "list", "add", "remove");
//|             }
//|             return Cli.OK;
//|         }
//|
//|         // ---- helpers
//|
//|         /** An edit of the config whose result is the one line that says what changed. */
//|         private String edit(Function<Json5Document, String> change) {
//|             return config.update(change);
//|         }
//|
//|         /**
//|          * The ref for MODEL (alias, ref or bare id), as {@link ModelChoice} checks it; a warning when it could not be
//|          * checked.
//|          */
//|         private String ref(JsonValue root, String model, boolean force) {
//|             ModelChoice.Checked checked = ModelChoice.ref(env, root, model, force);
//|             if (checked.warning() != null) env.warn(checked.warning());
//|             return checked.ref();
//|         }
//|
//|         /** The ref for a MODEL to take out of the config: only its form matters, not whether the router still lists it. */
//|         private String removable(JsonValue root, String model) {
//|             try {
//|                 return ModelRef.resolve(model, ConfigFile.aliases(root)).ref();
//|             } catch (ModelRefException e) {
//|                 throw new Cli.UsageException(e.getMessage());
//|             }
//|         }
//|
//|         private static List<String> aliasPath(String ref) {
//|             List<String> path = new ArrayList<>(ConfigFile.MODELS);
//|             path.add(ref);
//|             path.add("alias");
//|             return path;
//|         }
//|
//|         /** The array index of the {@code n}th string element (fallbacks skips non-strings). */
//|         private static int stringIndex(Json5Document doc, int n) {
//|             List<JsonValue> elements = doc.value().at(ConfigFile.FALLBACKS).asArray().elements();
//|             for (int i = 0, seen = 0; i < elements.size(); i++) {
//|                 if (elements.get(i) instanceof JsonString && seen++ == n) return i;
//|             }
//|             throw new IllegalStateException("no string element " + n);
//|         }
//|
//|         private String operand(String name) {
//|             if (!cli.hasNext() || cli.peek().startsWith("--")) throw new Cli.UsageException("missing " + name);
//|             return cli.next();
//|         }
//|
//|         /** What set, fallbacks add and aliases add take. */
//|         static final Options OPTIONS = new Options()
//|                 .add("--force", null, null, "write MODEL even when the cached router list lacks it");
//|
//|         private void noMore() { noMore(null); }
//|
//|         /**
//|          * Nothing may follow; a word after {@code model} is most likely the rest of an alias typed unquoted ({@code models
//|          * set Hugging Face}), and is said so.
//|          */
//|         private void noMore(String model) {
//|             if (!cli.hasNext()) return;
//|             String arg = cli.next();
//|             if (arg.startsWith("-")) OPTIONS.take(cli, arg);   // a typo of --force is said as one
//|             if (model != null) {
//|                 StringBuilder words = new StringBuilder(model).append(' ').append(arg);
//|                 while (cli.hasNext() && !cli.peek().startsWith("-")) words.append(' ').append(cli.next());
//|                 String typed = Printable.line(words.toString());
//|                 throw new Cli.UsageException("one MODEL, not '" + typed + "': quote an alias with spaces ("
//|                         + Invocation.command("models") + " set \"" + typed + "\")");
//|             }
//|             throw cli.unknown(arg);
//|         }
//|
//|         /** Notes after an edit's line, each a line {@code Note: ...} of its own. */
//|         private static String noted(List<String> notes) {
//|             StringBuilder sb = new StringBuilder();
//|             for (String note : notes) sb.append("\nNote: ").append(note);
//|             return sb.toString();
//|         }
//|     }
//|
//|     // ---- lib/models/Fit.java
//|     /**
//|      * How {@link ModelTable#table} makes a table fit the terminal: one step at a time, in the order a user choosing a
//|      * model would give things up (price and context last), until every line fits; what gave way is said under it.
//|      */
//|     static final class Fit {
//|         private Fit() { }
//|
//|         /** The most a PROVIDERS cell takes once cut: a few names and a count of the rest. */
//|         static final int PROVIDERS_CUT = 22;
//|         /** The least a ref is cut to (its start says which model it is), and the most a ref takes while others give way. */
//|         static final int MODEL_LEAST = 24, MODEL_MOST = 44;
//|         /** The least NAME narrows to before it goes. */
//|         static final int NAME_LEAST = 12;
//|
//|         /**
//|          * Fits {@code rows} (their {@code width}s; a dropped column's becomes -1) into {@code terminal} columns (0: no
//|          * limit); returns what gave way, said for a user ({@code NAME and PROVIDERS left out, refs without huggingface/}),
//|          * or null when nothing did.
//|          */
//|         static String fit(List<String[]> rows, List<List<String>> tags, int[] width, int terminal) {
//|             if (terminal <= 0 || fits(width, terminal)) return null;
//|             List<String> said = new ArrayList<>(), left = new ArrayList<>();
//|             boolean providersCut = width[ModelTable.PROVIDERS] > PROVIDERS_CUT;
//|             if (providersCut) {
//|                 for (int r = 1; r < rows.size(); r++) {
//|                     rows.get(r)[ModelTable.PROVIDERS] = cutList(rows.get(r)[ModelTable.PROVIDERS]);
//|                 }
//|                 width[ModelTable.PROVIDERS] = ModelTable.widths(rows)[ModelTable.PROVIDERS];
//|             }
//|             if (fits(width, terminal)) return said(left, said, providersCut);
//|             width[ModelTable.NAME] = Math.min(width[ModelTable.NAME], Math.max(NAME_LEAST, width[ModelTable.NAME]
//|                     - (ModelTable.total(width) - terminal)));
//|             if (fits(width, terminal)) return said(left, said, providersCut);
//|             // One model with a long id must not cost every row its columns.
//|             if (width[ModelTable.MODEL] > MODEL_MOST) {
//|                 width[ModelTable.MODEL] = MODEL_MOST;
//|                 said.add("long refs cut");
//|             }
//|             if (fits(width, terminal)) return said(left, said, providersCut);
//|             essentialTagsOnly(rows, tags, width);
//|             said.add("only the config's tags");
//|             for (int column : new int[] {ModelTable.NAME, ModelTable.PROVIDERS}) {
//|                 if (fits(width, terminal)) return said(left, said, providersCut);
//|                 width[column] = -1;
//|                 left.add(rows.get(0)[column]);
//|             }
//|             if (fits(width, terminal)) return said(left, said, providersCut);
//|             // The prefix every ref shares says nothing: shown without it, the table keeps the figures.
//|             for (int r = 1; r < rows.size(); r++) {
//|                 String ref = rows.get(r)[ModelTable.MODEL];
//|                 if (ref.startsWith(ModelRef.PREFIX)) {
//|                     rows.get(r)[ModelTable.MODEL] = ref.substring(ModelRef.PREFIX.length());
//|                 }
//|             }
//|             width[ModelTable.MODEL] = Math.min(width[ModelTable.MODEL], ModelTable.widths(rows)[ModelTable.MODEL]);
//|             said.add("refs without " + ModelRef.PREFIX);
//|             if (fits(width, terminal)) return said(left, said, providersCut);
//|             // Then the refs give way, down to MODEL_LEAST, and the tags wrap under their column, one a line at least.
//|             int tagsLeast = "TAGS".length();
//|             for (List<String> t : tags.subList(1, tags.size())) for (String tag : t) tagsLeast = Math.max(tagsLeast,
//|                     tag.length());
//|             int others = ModelTable.total(width) - width[ModelTable.MODEL] - width[ModelTable.TAGS];
//|             int room = terminal - others - tagsLeast;
//|             if (room < width[ModelTable.MODEL]) {
//|                 width[ModelTable.MODEL] = Math.max(MODEL_LEAST, room);
//|                 if (!said.contains("long refs cut")) said.add("long refs cut");
//|             }
//|             width[ModelTable.TAGS] = Math.max(tagsLeast, Math.min(width[ModelTable.TAGS], terminal - (others
//|                     + width[ModelTable.MODEL])));
//|             for (int column : new int[] {ModelTable.OUT, ModelTable.IN, ModelTable.CTX}) {
//|                 if (fits(width, terminal)) break;
//|                 width[column] = -1;
//|                 left.add(rows.get(0)[column]);
//|             }
//|             return said(left, said, providersCut);
//|         }
//|
//|         /** What gave way, said for a user; null when nothing did. A cut PROVIDERS column is said only while it is shown. */
//|         private static String said(List<String> left, List<String> said, boolean providersCut) {
//|             List<String> all = new ArrayList<>();
//|             if (!left.isEmpty()) all.add(String.join(" and ", left) + " left out");
//|             if (providersCut && !left.contains("PROVIDERS")) all.add("providers cut to the first few");
//|             all.addAll(said);
//|             return all.isEmpty() ? null : String.join(", ", all);
//|         }
//|
//|         private static boolean fits(int[] width, int terminal) { return ModelTable.total(width) <= terminal; }
//|
//|         /** {@code groq,novita,together,nebius} as {@code groq,novita,+2}: whole names while they fit, then the count. */
//|         static String cutList(String providers) {
//|             if (providers.length() <= PROVIDERS_CUT) return providers;
//|             String[] names = providers.split(",");
//|             StringBuilder sb = new StringBuilder();
//|             for (int i = 0; i < names.length; i++) {
//|                 String rest = ",+" + (names.length - i);
//|                 if (sb.length() + (sb.length() > 0 ? 1 : 0) + names[i].length() + rest.length() > PROVIDERS_CUT) {
//|                     if (sb.length() > 0) return sb + rest;
//|                     String others = ",+" + (names.length - 1);   // one name too long alone: its start, and the others
//|                     return names[0].substring(0, Math.min(names[0].length(), PROVIDERS_CUT - others.length())) + others;
//|                 }
//|                 if (sb.length() > 0) sb.append(',');
//|                 sb.append(names[i]);
//|             }
//|             return sb.toString();
//|         }
//|
//|         /** The tags that say how the config uses a model stay; the descriptive ones go. */
//|         private static void essentialTagsOnly(List<String[]> rows, List<List<String>> tags, int[] width) {
//|             width[ModelTable.TAGS] = "TAGS".length();
//|             for (int r = 1; r < rows.size(); r++) {
//|                 List<String> kept = new ArrayList<>();
//|                 for (String t : tags.get(r)) {
//|                     if (t.equals("default") || t.startsWith("fallback#") || t.startsWith("alias:")
//|                             || t.equals("unlisted")) kept.add(t);
//|                 }
//|                 tags.set(r, kept);
//|                 rows.get(r)[ModelTable.TAGS] = ModelTable.joined(kept);
//|                 width[ModelTable.TAGS] = Math.max(width[ModelTable.TAGS], rows.get(r)[ModelTable.TAGS].length());
//|             }
//|         }
//|     }
//|
//|     // ---- lib/models/ListCommands.java
//|     /** {@code models list} and {@code models show}: discovery, merge, filters, and how they are shown. */
//|     static final class ListCommands {
//|         private final CommandLine cli;
//|         private final Env env;
//|         private final Term term;
//|         private final PrintStream out;
//|         private final PrintStream err;
//|         /** The discovery options list and show share: --offline, --refresh, --timeout S. */
//|         private boolean offline;
//|         private boolean refresh;
//|         private int timeout = 30;
//|
//|         /** list's options; show takes the first four. Each help line is what {@code models --help} prints. */
//|         static final Options LIST = new Options()
//|                 .add("--json", null, null, "as JSON (list: {count, source, fetchedAt, models[]})")
//|                 .add("--offline", null, null, "never touch the network: the cached list, else the built-in catalog")
//|                 .add("--refresh", null, null, "ask the router even when the cached list is fresh (under an hour)")
//|                 .add("--timeout", null, "S", "give up on the router after S seconds (default 30)")
//|                 .add("--plain", null, null, "one ref a line (list)")
//|                 .add("--all", null, null, "also built-in models the router no longer lists, tagged unlisted (list)")
//|                 .add("--search", null, "TEXT", "models whose id or name holds TEXT (list)")
//|                 .add("--provider", null, "NAME", "models NAME serves now: a live provider, as the PROVIDERS column (list)")
//|                 .add("--tools", null, null, "models with tool calls (list)")
//|                 .add("--vision", null, null, "models that take images (list)")
//|                 .add("--reasoning", null, null, "reasoning models (list)")
//|                 .add("--sort", null, "KEY", "price (cheapest output first), context (largest first), throughput\n"
//|                         + "(fastest provider first) or name; unknown figures last (list)")
//|                 .oneOf("--json", "--plain").oneOf("--offline", "--refresh");
//|         static final Options SHOW = LIST.only("--json", "--offline", "--refresh", "--timeout");
//|
//|         ListCommands(CommandLine cli, Env env, Term term, PrintStream out, PrintStream err) {
//|             this.cli = cli;
//|             this.env = env;
//|             this.term = term;
//|             this.out = out;
//|             this.err = err;
//|         }
//|
//|         /** How {@code models list} prints: a table for people, JSON for programs, one ref a line for shells. */
//|         enum Format { TABLE, JSON, PLAIN }
//|
//|         /** {@code models [list] [--json|--plain] [--offline] [--refresh] [--timeout S] [--all] [filters]}. */
//|         int list() throws Exception {
//|             Format format = Format.TABLE;
//|             String search = null, provider = null;
//|             java.util.Comparator<Model> sort = null;
//|             boolean all = false, tools = false, vision = false, reasoning = false;
//|             java.util.Set<String> given = new java.util.HashSet<>();
//|             while (cli.hasNext()) {
//|                 String option = LIST.take(cli, cli.next());
//|                 given.add(option);
//|                 if (discoveryOption(option)) continue;
//|                 switch (option) {
//|                     case "--json" -> format = Format.JSON;
//|                     case "--plain" -> format = Format.PLAIN;
//|                     case "--all" -> all = true;
//|                     case "--search" -> search = cli.value(option).toLowerCase(Locale.ROOT);
//|                     case "--provider" -> provider = cli.value(option);
//|                     case "--tools" -> tools = true;
//|                     case "--vision" -> vision = true;
//|                     case "--reasoning" -> reasoning = true;
//|                     case "--sort" -> sort = sortKey(cli.value(option));
//|                     default -> throw new IllegalStateException(option);
//|                 }
//|             }
//|             LIST.requireAtMostOne(given);
//|             JsonValue config = config();
//|             Discovery.Result found = discover(config);
//|             List<Model> models = new ArrayList<>();
//|             for (Model m : ModelMerge.merge(found.live(), Catalog.builtIn(), config, all)) {
//|                 if (search != null && !(m.id().toLowerCase(Locale.ROOT).contains(search)
//|                         || m.name().toLowerCase(Locale.ROOT).contains(search))) continue;
//|                 if (provider != null && !servedBy(m, provider)) continue;
//|                 if ((tools && !m.tools()) || (vision && !m.vision()) || (reasoning && !m.reasoning())) continue;
//|                 models.add(m);
//|             }
//|             if (provider != null && models.isEmpty()) requireKnownProvider(provider, found);
//|             if (sort != null) models.sort(sort);
//|             ModelTable.Marks marks = ModelTable.Marks.of(config);
//|             switch (format) {
//|                 case JSON -> Output.json(out, Json.pretty(ModelTable.json(models, marks, found)));
//|                 case PLAIN -> out.print(ModelTable.plain(models));
//|                 case TABLE -> {
//|                     ModelTable.Shown table = ModelTable.table(models, marks, term);
//|                     out.print(table.text());
//|                     err.println(term.dim((models.size() == 1 ? "1 model" : models.size() + " models") + " \u00b7 "
//|                             + describe(found)));
//|                     if (table.gaveWay() != null) {
//|                         err.println(term.dim(Help.wrapped("At " + term.width() + " columns: " + table.gaveWay()
//|                                 + " (a wider terminal, --plain or --json shows all)", term.width())));
//|                     }
//|                 }
//|             }
//|             return Cli.OK;
//|         }
//|
//|         /** {@code models show MODEL [--json] [--offline] [--refresh] [--timeout S]}. */
//|         int show() throws Exception {
//|             String wanted = null;
//|             boolean json = false;
//|             java.util.Set<String> given = new java.util.HashSet<>();
//|             while (cli.hasNext()) {
//|                 String arg = cli.next();
//|                 if (!arg.startsWith("-") && wanted == null) {
//|                     wanted = arg;
//|                     continue;
//|                 }
//|                 if (!arg.startsWith("-")) throw cli.unknown(arg);
//|                 String option = SHOW.take(cli, arg);
//|                 given.add(option);
//|                 if (!discoveryOption(option)) json = true;
//|             }
//|             if (wanted == null) throw new Cli.UsageException("missing MODEL");
//|             SHOW.requireAtMostOne(given);
//|             JsonValue config = config();
//|             ModelRef ref;
//|             try {
//|                 ref = ModelRef.resolve(wanted, ConfigFile.aliases(config));
//|             } catch (ModelRefException e) {
//|                 // A good model with a bad suffix is the suffix's fault, said as set says it; anything else gets
//|                 // suggestions.
//|                 if (wanted.indexOf(':') > 0 && ModelRef.idOrNull(wanted.substring(0,
//|                         wanted.indexOf(':'))) != null) throw new Cli.UsageException(e.getMessage());
//|                 ref = null;
//|             }
//|             Discovery.Result found = discover(config);
//|             List<Model> models = ModelMerge.merge(found.live(), Catalog.builtIn(), config, true);
//|             Model model = null;
//|             for (Model m : models) if (ref != null && model == null && m.suffix() == null && ref.names(m.id())) model = m;
//|             if (model == null) throw new Cli.Failure("no model " + wanted + ModelChoice.suggestions(wanted, models));
//|             try {
//|                 ref.requireServed(found.live());
//|             } catch (ModelRefException e) {
//|                 throw new Cli.Failure(e.getMessage());
//|             }
//|             ModelTable.Marks marks = ModelTable.Marks.of(config);
//|             if (json) Output.json(out, Json.pretty(ModelView.json(model, marks, true)));
//|             else out.print(ModelView.text(model, marks, found, term));
//|             return Cli.OK;
//|         }
//|
//|         private JsonValue config() {
//|             JsonValue config = ConfigFile.of(env).read();
//|             env.useConfig(config);
//|             return config;
//|         }
//|
//|         /** True when {@code arg} was one of the discovery options (its value, if any, taken too). */
//|         private boolean discoveryOption(String arg) {
//|             switch (arg) {
//|                 case "--offline" -> offline = true;
//|                 case "--refresh" -> refresh = true;
//|                 case "--timeout" -> timeout = cli.intValue("--timeout", 1);
//|                 default -> {
//|                     return false;
//|                 }
//|             }
//|             return true;
//|         }
//|
//|         private Discovery.Result discover(JsonValue config) throws Exception {
//|             return discover(env, term, err, config, offline, refresh, timeout);
//|         }
//|
//|         /**
//|          * The model list as list, show and sync get it: the cache, the router or the built-in catalog, as the options say,
//|          * a spinner on a terminal while fetching, and the note that says where the list came from when it is not fresh.
//|          */
//|         static Discovery.Result discover(Env env, Term term, PrintStream err, JsonValue config, boolean offlineAsked,
//|                 boolean refresh, int timeout) throws Exception {
//|             // HF_HUB_OFFLINE=1, the Hugging Face libraries' switch, is --offline unless --refresh asks otherwise.
//|             boolean offline = offlineAsked || ("1".equals(env.process("HF_HUB_OFFLINE")) && !refresh);
//|             Discovery.Result found;
//|             try (AutoCloseable spinner = offline ? Term.NO_SPINNER : term.spinner(err, "fetching the model list\u2026")) {
//|                 found = new Discovery(env, config, Instant.now()).discover(new Discovery.Options(offline, refresh,
//|                         Duration.ofSeconds(timeout)));
//|             }
//|             if (found.note() != null) Cli.say(err, found.note());
//|             return found;
//|         }
//|
//|         /**
//|          * The order {@code --sort KEY} asks for: cheapest output price, largest context, fastest live provider, or name;
//|          * models without the figure go last, in the order they came.
//|          */
//|         private static java.util.Comparator<Model> sortKey(String key) {
//|             return switch (key) {
//|                 case "price" -> java.util.Comparator.comparing(Model::costOutput, java.util.Comparator.nullsLast(
//|                         java.util.Comparator.<java.math.BigDecimal>naturalOrder()));
//|                 case "context" -> java.util.Comparator.comparingLong(Model::contextWindow).reversed();
//|                 case "throughput" -> java.util.Comparator.comparing(ListCommands::fastest, java.util.Comparator.nullsLast(
//|                         java.util.Comparator.<Double>reverseOrder()));
//|                 case "name" -> java.util.Comparator.comparing(m -> m.name().toLowerCase(Locale.ROOT));
//|                 default -> throw new Cli.UsageException("invalid value for --sort: '" + Printable.line(key)
//|                         + "' (valid: price, context, throughput, name)");
//|             };
//|         }
//|
//|         /**
//|          * {@code --provider NAME} that no listed model has as a live provider: a typo more likely than a fact, said with
//|          * the names that are there (an empty table would say nothing).
//|          */
//|         private static void requireKnownProvider(String provider, Discovery.Result found) {
//|             if (found.live() == null) return;   // the built-in catalog: no live providers to compare with
//|             java.util.Set<String> names = new java.util.TreeSet<>();
//|             for (RouterModel m : found.live()) {
//|                 for (RouterModel.Offer o : m.providers()) if (o.live()) names.add(o.provider());
//|             }
//|             if (names.isEmpty()) return;
//|             for (String name : names) if (name.equalsIgnoreCase(provider)) return;
//|             String close = Suggestions.closest(provider, names);
//|             throw new Cli.UsageException("invalid value for --provider: '" + Printable.line(provider)
//|                     + "' serves no listed model"
//|                     + (close != null ? " (did you mean " + close + "?)" : " (live providers: " + String.join(", ", names)
//|                             + ")"));
//|         }
//|
//|         /** The best live throughput among the model's providers, or null when none is listed. */
//|         private static Double fastest(Model m) {
//|             Double best = null;
//|             for (RouterModel.Offer o : m.providers()) {
//|                 if (o.live() && o.throughput() != null && (best == null || o.throughput() > best)) best = o.throughput();
//|             }
//|             return best;
//|         }
//|
//|         /**
//|          * Served now by {@code provider}: a live offer, as the PROVIDERS column shows them (an error or staging offer
//|          * serves nobody).
//|          */
//|         private static boolean servedBy(Model m, String provider) {
//|             for (RouterModel.Offer o : m.providers()) if (o.live() && o.provider().equalsIgnoreCase(provider)) return true;
//|             return false;
//|         }
//|
//|         private static String describe(Discovery.Result found) {
//|             return switch (found.source()) {
//|                 case LIVE -> "live from the router";
//|                 case CACHE -> "cached list from " + UtcTime.format(found.fetchedAt());
//|                 case BUILT_IN -> "built-in catalog (updated " + Catalog.builtIn().updated() + ")";
//|             };
//|         }
//|     }
//|
//|     // ---- lib/models/ModelTable.java
//|     /** How a list of models is shown: a table sized to the terminal, one ref a line, or JSON. Pure functions. */
//|     static final class ModelTable {
//|         private ModelTable() { }
//|
//|         /** What the config says about models, for the tags: default, fallback#N, alias:X. */
//|         record Marks(String primary, List<String> fallbacks, Map<String, String> aliases) {
//|             static Marks of(JsonValue config) {
//|                 return new Marks(ConfigFile.string(config, ConfigFile.PRIMARY), ConfigFile.fallbacks(config),
//|                         ConfigFile.aliases(config));
//|             }
//|         }
//|
//|         static List<String> tags(Model m, Marks marks) {
//|             List<String> tags = new ArrayList<>();
//|             if (marks.primary() != null && sameModel(marks.primary(), m)) tags.add("default");
//|             for (int i = 0; i < marks.fallbacks().size(); i++) if (sameModel(marks.fallbacks().get(i),
//|                     m)) tags.add("fallback#" + (i + 1));
//|             for (Map.Entry<String, String> a : marks.aliases().entrySet()) if (sameModel(a.getValue(), m)) tags.add("alias:"
//|                     + a.getKey());
//|             if (m.reasoning()) tags.add("reasoning");
//|             if (m.vision()) tags.add("vision");
//|             if (m.tools()) tags.add("tools");
//|             if (m.unlisted()) tags.add("unlisted");
//|             return tags;
//|         }
//|
//|         /** The first alias the config gives this row's ref, or null. */
//|         static String alias(Model m, Marks marks) {
//|             for (Map.Entry<String, String> a : marks.aliases().entrySet()) if (sameModel(a.getValue(),
//|                     m)) return a.getKey();
//|             return null;
//|         }
//|
//|         /**
//|          * A configured ref is this row's: the same model ({@link ModelRef#sameId}) with the same suffix (a suffixed ref has
//|          * a row of its own).
//|          */
//|         private static boolean sameModel(String ref, Model m) { return new ModelRef(m.id(), m.suffix()).isRef(ref); }
//|
//|         static final int MODEL = 0, NAME = 1, CTX = 2, IN = 3, OUT = 4, PROVIDERS = 5, TAGS = 6;
//|
//|         /** A table as printed, and what had to give way for it to fit ({@code null}: nothing), for the line under it. */
//|         record Shown(String text, String gaveWay) { }
//|
//|         /**
//|          * The table, fitted to the terminal's width (no limit in a pipe). A model's alias stands in its NAME cell
//|          * (the label the user chose). Price and context are what a user choosing a model needs, so they stay longest;
//|          * what gives way, in this order, until every line fits: a long PROVIDERS cell is cut to its first names and a
//|          * count ({@code groq,novita,+3}), NAME narrows, the descriptive tags go (reasoning, vision, tools: {@code default},
//|          * {@code fallback#N}, {@code alias:X} and {@code unlisted} stay), then NAME and PROVIDERS go, the
//|          * refs lose their {@code huggingface/}, then a long ref is cut, and only then the prices and CTX. Tags that still
//|          * do not fit go on under the TAGS column, never cut. {@link Shown#gaveWay} says what gave way.
//|          */
//|         static Shown table(List<Model> models, Marks marks, Term term) {
//|             List<String[]> rows = new ArrayList<>(models.size() + 1);
//|             List<List<String>> tags = new ArrayList<>(models.size() + 1);
//|             rows.add(new String[] {"MODEL", "NAME", "CTX", "IN $/M", "OUT $/M", "PROVIDERS", "TAGS"});
//|             tags.add(List.of("TAGS"));
//|             for (Model m : models) {
//|                 List<String> all = tags(m, marks);
//|                 String alias = alias(m, marks);
//|                 rows.add(new String[] {Printable.line(m.ref()), Printable.line(alias != null ? alias : m.name()),
//|                         Figures.tokens(m.contextWindow()), Figures.price(m.costInput()), Figures.price(m.costOutput()),
//|                         Printable.line(providers(m)), Printable.line(joined(all))});
//|                 tags.add(all);
//|             }
//|             int[] width = widths(rows);
//|             String gaveWay = Fit.fit(rows, tags, width, term.width());
//|             // Tags that still do not fit go on to lines of their own under the TAGS column, never cut.
//|             int tagsAt = total(width) - width[TAGS], room = term.width() > 0 ? term.width() - tagsAt : Integer.MAX_VALUE;
//|             StringBuilder sb = new StringBuilder(rows.size() * 128);
//|             for (int r = 0; r < rows.size(); r++) {
//|                 int start = sb.length();
//|                 String[] row = rows.get(r);
//|                 List<String> tagLines = wrap(tags.get(r), room);
//|                 for (int i = 0; i < tagLines.size(); i++) tagLines.set(i, Printable.line(tagLines.get(i)));
//|                 row[TAGS] = tagLines.get(0);
//|                 line(sb, row, width, CTX, OUT);
//|                 if (r == 0 && term.colour()) sb.replace(start, sb.length(), term.bold(sb.substring(start)));
//|                 sb.append('\n');
//|                 for (String more : tagLines.subList(1, tagLines.size())) pad(sb, tagsAt).append(more).append('\n');
//|             }
//|             return new Shown(sb.toString(), gaveWay);
//|         }
//|
//|         /**
//|          * {@code tags} as lines of at most {@code room} characters, a tag never split; a tag longer than that stands alone.
//|          */
//|         private static List<String> wrap(List<String> tags, int room) {
//|             String all = joined(tags);
//|             if (all.length() <= room) return new ArrayList<>(List.of(all));
//|             List<String> lines = new ArrayList<>();
//|             StringBuilder line = new StringBuilder();
//|             for (String word : tags) {
//|                 if (line.length() > 0 && line.length() + 1 + word.length() > room) {
//|                     lines.add(line.toString());
//|                     line.setLength(0);
//|                 }
//|                 if (line.length() > 0) line.append(' ');
//|                 line.append(word);
//|             }
//|             lines.add(line.toString());
//|             return lines;
//|         }
//|
//|         /** The width of a line: the kept columns and the two spaces between each. */
//|         static int total(int[] width) {
//|             int total = -2;
//|             for (int w : width) if (w >= 0) total += w + 2;
//|             return total;
//|         }
//|
//|         /** The width of each column: its longest cell. */
//|         static int[] widths(List<String[]> rows) {
//|             int[] width = new int[rows.get(0).length];
//|             for (String[] row : rows) for (int i = 0; i < row.length; i++) width[i] = Math.max(width[i], row[i].length());
//|             return width;
//|         }
//|
//|         /**
//|          * Rows as columns two spaces apart, each cell cut to its column's width; columns {@code rightFrom..rightTo}
//|          * right-aligned.
//|          */
//|         static List<String> columns(List<String[]> rows, int[] width, int rightFrom, int rightTo) {
//|             List<String> lines = new ArrayList<>(rows.size());
//|             StringBuilder line = new StringBuilder();
//|             for (String[] row : rows) {
//|                 line.setLength(0);
//|                 line(line, row, width, rightFrom, rightTo);
//|                 lines.add(line.toString());
//|             }
//|             return lines;
//|         }
//|
//|         /**
//|          * One row appended to {@code sb}, without trailing spaces. Written straight in, padding included:
//|          * this runs for every cell of a long table, cold, so it does as few steps per cell as it can.
//|          */
//|         private static void line(StringBuilder sb, String[] row, int[] width, int rightFrom, int rightTo) {
//|             int start = sb.length(), last = row.length - 1;
//|             while (last > 0 && width[last] < 0) last--;
//|             for (int i = 0; i <= last; i++) {
//|                 if (width[i] < 0) continue;   // a column the terminal had no room for
//|                 String cell = cut(row[i], width[i]);
//|                 if (i >= rightFrom && i <= rightTo) {
//|                     pad(sb, width[i] - cell.length()).append(cell);
//|                 } else {
//|                     sb.append(cell);
//|                     if (i < last) pad(sb, width[i] - cell.length());
//|                 }
//|                 if (i < last) sb.append("  ");
//|             }
//|             int end = sb.length();
//|             while (end > start && sb.charAt(end - 1) == ' ') end--;
//|             sb.setLength(end);
//|         }
//|
//|         private static final String SPACES = " ".repeat(64);
//|
//|         private static StringBuilder pad(StringBuilder sb, int n) {
//|             for (; n > 0; n -= SPACES.length()) sb.append(SPACES, 0, Math.min(n, SPACES.length()));
//|             return sb;
//|         }
//|
//|         private static String cut(String s, int width) {
//|             return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "\u2026";
//|         }
//|
//|         private static String providers(Model m) {
//|             StringBuilder sb = new StringBuilder();
//|             for (RouterModel.Offer o : m.providers()) {
//|                 if (!o.live()) continue;
//|                 if (sb.length() > 0) sb.append(',');
//|                 sb.append(o.provider());
//|             }
//|             return sb.length() == 0 ? "-" : sb.toString();
//|         }
//|
//|         /**
//|          * {@code String.join(" ", tags)} by hand, as {@link #providers} joins: both run per row, cold (see {@link #line}).
//|          */
//|         static String joined(List<String> tags) {
//|             if (tags.isEmpty()) return "";
//|             StringBuilder sb = new StringBuilder(tags.get(0));
//|             for (int i = 1; i < tags.size(); i++) sb.append(' ').append(tags.get(i));
//|             return sb.toString();
//|         }
//|
//|         static String plain(List<Model> models) {
//|             StringBuilder sb = new StringBuilder();
//|             for (Model m : models) sb.append(Printable.line(m.ref())).append('\n');
//|             return sb.toString();
//|         }
//|
//|         static JsonValue json(List<Model> models, Marks marks, Discovery.Result found) {
//|             List<JsonValue> entries = new ArrayList<>();
//|             for (Model m : models) entries.add(ModelView.json(m, marks, false));
//|             return JsonValue.object(
//|                     "count", JsonValue.of(models.size()),
//|                     "source", JsonValue.of(found.source().json),
//|                     "fetchedAt", found.fetchedAt() == null ? JsonValue.NULL
//|                             : JsonValue.of(UtcTime.format(found.fetchedAt())),
//|                     "models", new JsonArray(entries));
//|         }
//|
//|         /** The model as OpenClaw will treat it ({@link OpenClawFacts}); null when no provider list is known. */
//|         static JsonValue openClaw(Model m) {
//|             OpenClawFacts facts = OpenClawFacts.of(m);
//|             return facts == null ? JsonValue.NULL : facts.json();
//|         }
//|
//|         static JsonValue offer(RouterModel.Offer o) {
//|             return JsonValue.object(
//|                     "provider", JsonValue.of(o.provider()),
//|                     "status", o.status() == null ? JsonValue.NULL : JsonValue.of(o.status()),
//|                     "contextLength", o.contextLength() == null ? JsonValue.NULL : JsonValue.of(o.contextLength()),
//|                     "pricing", JsonValue.object("input", JsonValue.orNull(o.priceIn()), "output",
//|                             JsonValue.orNull(o.priceOut())),
//|                     "supportsTools", o.supportsTools() == null ? JsonValue.NULL : JsonValue.of(o.supportsTools()),
//|                     "supportsStructuredOutput", o.supportsStructuredOutput() == null ? JsonValue.NULL
//|                             : JsonValue.of(o.supportsStructuredOutput()),
//|                     "firstTokenLatencyMs", real(o.firstTokenLatencyMs()),
//|                     "throughput", real(o.throughput()));
//|         }
//|
//|         private static JsonValue real(Double value) {
//|             return value == null ? JsonValue.NULL : JsonValue.of(BigDecimal.valueOf(value).stripTrailingZeros());
//|         }
//|     }
//|
//|     // ---- lib/models/ModelView.java
//|     /**
//|      * One model in full, for {@code models show}: its facts, a row per provider, which provider
//|      * {@code :cheapest} and {@code :fastest} would pick, and refs ready to copy.
//|      */
//|     static final class ModelView {
//|         private ModelView() { }
//|
//|         static List<String> refs(Model m) {
//|             ModelRef bare = new ModelRef(m.id(), null);
//|             List<String> refs = new ArrayList<>(List.of(bare.ref(), bare.withSuffix("cheapest").ref(),
//|                     bare.withSuffix("fastest").ref()));
//|             for (RouterModel.Offer o : m.providers()) if (o.live()) refs.add(bare.withSuffix(o.provider()).ref());
//|             return refs;
//|         }
//|
//|         static String text(Model m, ModelTable.Marks marks, Discovery.Result found, Term term) {
//|             StringBuilder sb = new StringBuilder();
//|             sb.append(term.bold(Printable.line(m.name()))).append("  ").append(Printable.line(m.ref())).append('\n');
//|             line(sb, "Context", Figures.tokens(m.contextWindow()) + " tokens, up to " + m.maxTokens() + " out");
//|             line(sb, "Price", m.costOutput() == null ? "unknown" : "$" + Figures.price(m.costInput()) + " in / $"
//|                     + Figures.price(m.costOutput()) + " out per 1M tokens");
//|             line(sb, "Input", Printable.line(String.join(", ", m.input())));
//|             line(sb, "Tags", Printable.line(String.join(" ", ModelTable.tags(m, marks))));
//|             if (m.providers().isEmpty()) {
//|                 sb.append('\n').append(found.live() == null
//|                         ? "Providers: unknown (built-in catalog; run without --offline to ask the router)\n"
//|                                 : "Providers: none listed\n");
//|             } else {
//|                 sb.append('\n');
//|                 List<String[]> rows = new ArrayList<>();
//|                 rows.add(new String[] {"PROVIDER", "STATUS", "CTX", "IN $/M", "OUT $/M", "TOOLS", "JSON", "LATENCY",
//|                         "TOK/S"});
//|                 for (RouterModel.Offer o : m.providers()) {
//|                     rows.add(new String[] {Printable.line(o.provider()), Printable.line(or(o.status())),
//|                             o.contextLength() == null ? "-" : Figures.tokens(o.contextLength()),
//|                             Figures.price(o.priceIn()), Figures.price(o.priceOut()), yesNo(o.supportsTools()),
//|                                     yesNo(o.supportsStructuredOutput()),
//|                             o.firstTokenLatencyMs() == null ? "-" : Math.round(o.firstTokenLatencyMs()) + " ms",
//|                             o.throughput() == null ? "-" : Long.toString(Math.round(o.throughput()))});
//|                 }
//|                 for (String line : ModelTable.columns(rows, ModelTable.widths(rows), 2,
//|                         Integer.MAX_VALUE)) sb.append(line).append('\n');
//|                 RouterModel.Offer cheapest = ProviderPolicy.CHEAPEST.pick(m.providers()),
//|                         fastest = ProviderPolicy.FASTEST.pick(m.providers());
//|                 sb.append('\n');
//|                 line(sb, ":cheapest", cheapest == null ? "no live price listed" : Printable.line(cheapest.provider())
//|                         + " ($" + Figures.price(cheapest.priceOut()) + " out per 1M) \u2014 estimate");
//|                 line(sb, ":fastest", fastest == null ? "no live throughput listed" : Printable.line(fastest.provider())
//|                         + " (" + Math.round(fastest.throughput()) + " tokens/s) \u2014 estimate");
//|                 OpenClawFacts facts = OpenClawFacts.of(m);
//|                 List<String> differ = facts == null ? List.of() : facts.differences(m);
//|                 for (int i = 0; i < differ.size(); i++) line(sb, i == 0 ? "OpenClaw" : "", differ.get(i));
//|             }
//|             sb.append("\nRefs:\n");
//|             for (String ref : refs(m)) sb.append("  ").append(Printable.line(ref)).append('\n');
//|             return sb.toString();
//|         }
//|
//|         /**
//|          * A model as {@code --json} gives it, the one shape both commands print: {@code models list}'s entries, and
//|          * with {@code detail} {@code models show}'s answer, which adds the estimated picks and every ref it takes.
//|          */
//|         static JsonValue json(Model m, ModelTable.Marks marks, boolean detail) {
//|             List<JsonValue> providers = new ArrayList<>();
//|             for (RouterModel.Offer o : m.providers()) providers.add(ModelTable.offer(o));
//|             String alias = ModelTable.alias(m, marks);
//|             List<Object> fields = new ArrayList<>(List.of(
//|                     "ref", JsonValue.of(m.ref()),
//|                     "id", JsonValue.of(m.id()),
//|                     "name", JsonValue.of(m.name()),
//|                     "alias", alias == null ? JsonValue.NULL : JsonValue.of(alias),
//|                     "contextWindow", JsonValue.of(m.contextWindow()),
//|                     "maxTokens", JsonValue.of(m.maxTokens()),
//|                     "reasoning", JsonValue.of(m.reasoning()),
//|                     "input", JsonArray.ofStrings(m.input()),
//|                     "cost", JsonValue.object("input", JsonValue.orNull(m.costInput()), "output",
//|                             JsonValue.orNull(m.costOutput())),
//|                     "tags", JsonArray.ofStrings(ModelTable.tags(m, marks)),
//|                     "providers", new JsonArray(providers)));
//|             if (detail) {
//|                 RouterModel.Offer cheapest = ProviderPolicy.CHEAPEST.pick(m.providers()),
//|                         fastest = ProviderPolicy.FASTEST.pick(m.providers());
//|                 fields.addAll(List.of("estimatedPicks", JsonValue.object(
//|                                 "cheapest", cheapest == null ? JsonValue.NULL : JsonValue.of(cheapest.provider()),
//|                                 "fastest", fastest == null ? JsonValue.NULL : JsonValue.of(fastest.provider())),
//|                         "refs", JsonArray.ofStrings(refs(m))));
//|             }
//|             fields.addAll(List.of("openclaw", ModelTable.openClaw(m)));
//|             return JsonValue.object(fields.toArray());
//|         }
//|
//|         private static void line(StringBuilder sb, String label, String value) {
//|             sb.append(String.format("%-10s ", label.isEmpty() ? "" : label + ":")).append(value).append('\n');
//|         }
//|
//|         private static String or(String s) { return s == null ? "-" : s; }
//|
//|         private static String yesNo(Boolean b) { return b == null ? "-" : b ? "yes" : "no"; }
//|     }
//|
//|     // ---- lib/models/ModelsCommand.java
//|     /** {@code models}: list the Hugging Face router models OpenClaw can use. */
//|     public static final class ModelsCommand {
//|         static final String USAGE = """
//|                 Usage: models [list] [--json | --plain] [--offline | --refresh] [--all] [--timeout S]
//|                               [--search TEXT] [--provider NAME] [--tools] [--vision] [--reasoning]
//|                        models show MODEL [--json] [--offline | --refresh]
//|                        models set MODEL [--force]
//|                        models fallbacks [list | add MODEL [--force] | remove MODEL | clear]
//|                        models aliases [list | add ALIAS MODEL [--force] | remove ALIAS]
//|                        models status [--json] [--check] [--verify]
//|                        models sync [--dry-run] [--offline | --refresh] [--timeout S]
//|                        models --help | --version
//|                        models --install [--dir DIR] [--name NAME] | --uninstall
//|
//|                 Lists the Hugging Face Inference Providers models for OpenClaw
//|                 (refs of the form huggingface/<org>/<model>).
//|
//|                 MODEL is a ref (huggingface/<org>/<model>[:suffix]), a bare id (<org>/<model>[:suffix])
//|                 or an alias. Suffixes: :fastest, :cheapest, :preferred, :<provider> (e.g. :together).
//|
//|                 Commands:
//|                   list          the models, as a table (the default)
//|                   show          one model: facts, providers, what :cheapest/:fastest would pick
//|                   set           set the default model (agents.defaults.model.primary)
//|                   fallbacks     list or edit the fallback models, tried in order
//|                   aliases       list or edit model aliases (agents.defaults.models[REF].alias)
//|                   status        the config file, default, fallbacks, aliases, base URL and the token
//|                                 (masked; where each one found comes from); --check exits 1 when no
//|                                 token is found that OpenClaw can use
//|                   sync          write the configured models' real prices, context window and tool
//|                                 support into models.providers.huggingface.models[], where OpenClaw
//|                                 reads them (it counts Hugging Face models as free otherwise)
//|
//|                 Options of list and show (show takes the first four):
//|                 """ + ListCommands.LIST.help() + """
//|
//|                 Options of set, fallbacks add and aliases add:
//|                 """ + ConfigCommands.OPTIONS.help() + """
//|
//|                 Options of status:
//|                 """ + StatusCommand.OPTIONS.help() + """
//|
//|                 Options of sync:
//|                 """ + SyncCommand.OPTIONS.help() + """
//|
//|                 Options of every command:
//|                   -h, --help    this help
//|                   --version     the toolkit's version
//|                   --install     install as the command hf-models in DIR (default ~/.local/bin),
//|                                 quick to start (a class-data cache of its own); --dir DIR, --name NAME
//|                   --uninstall   remove what --install wrote
//|
//|                 The list comes from GET {base URL}/models (with your token when there is one), merged with
//|                 the built-in catalog and your config's models.providers.huggingface.models[] entries. When
//|                 the router cannot be reached, a cached list or the built-in catalog is used, and stderr says why.
//|
//|                 """ + Help.environment("HF_TOKEN", "HF_ROUTER_URL", "HF_HUB_OFFLINE", "HTTPS_PROXY", "OPENCLAW_STATE_DIR",
//|                         "NO_COLOR");
//|
//|         private ModelsCommand() { }
//|
//|         public static int run(PrintStream out, PrintStream err, String... args) {
//|             return run(Env.system(), Term.detect(System.getenv()), out, err, args);
//|         }
//|
//|         static int run(Env env, Term term, PrintStream stdout, PrintStream stderr, String... args) {
//|             PrintStream out = SafeOutput.of(stdout), err = SafeOutput.of(stderr);
//|             // A class rather than a lambda: see Cli.Body.
//|             return Cli.run("models", USAGE, out, err, args, term, new Cli.Body() {
//|                 @Override
//|                 public int run(CommandLine cli) throws Exception {
//|                     Running.invokedAs(env.invocation());
//|                     return dispatch(cli, env, term, out, err);
//|                 }
//|             });
//|         }
//|
//|         private static int dispatch(CommandLine cli, Env env, Term term, PrintStream out,
//|                 PrintStream err) throws Exception {
//|             String command = cli.hasNext() && !cli.peek().startsWith("-") ? cli.next() : "list";
//|             ConfigCommands config = new ConfigCommands(cli, env, out);
//|             ListCommands catalog = new ListCommands(cli, env, term, out, err);
//|             int status = switch (command) {
//|                 case "list" -> catalog.list();
//|                 case "show" -> catalog.show();
//|                 case "set" -> config.set();
//|                 case "fallbacks" -> config.fallbacks();
//|                 case "aliases" -> config.aliases();
//|                 case "status" -> new StatusCommand(cli, env, out).run();
//|                 case "sync" -> new SyncCommand(cli, env, term, out, err).run();
//|                 default -> throw cli.unknown(command, "list", "show", "set", "fallbacks", "aliases", "status", "sync");
//|             };
//|             for (String warning : env.warnings()) Cli.warn(err, warning);
//|             return status;
//|         }
//|     }
//|
//|     // ---- lib/models/StatusCommand.java
//|     /**
//|      * {@code models status [--json] [--check] [--verify]}: the config file, default, fallbacks, aliases, base URL, and the
//|      * token: the one used (as OpenClaw itself picks it: its stored key first) and every other one found, with a
//|      * word where two disagree or where OpenClaw could not see it; OpenClaw's model policy and the models it leaves out.
//|      * {@code --check} exits 1 when there is no token OpenClaw can use, or when OpenClaw would refuse the default.
//|      */
//|     static final class StatusCommand {
//|         private final CommandLine cli;
//|         private final Env env;
//|         private final PrintStream out;
//|
//|         StatusCommand(CommandLine cli, Env env, PrintStream out) {
//|             this.cli = cli;
//|             this.env = env;
//|             this.out = out;
//|         }
//|
//|         static final Options OPTIONS = new Options()
//|                 .add("--json", null, null, "as JSON")
//|                 .add("--check", null, null,
//|                         "exit 1 when there is no token OpenClaw can use, or OpenClaw would refuse the default")
//|                 .add("--verify", null, null, "ask Hugging Face now (whoami-v2) whether the token works and may call\n"
//|                         + "Inference Providers; exit 1 when it does not, or cannot be asked");
//|
//|         int run() {
//|             boolean json = false, check = false, verify = false;
//|             while (cli.hasNext()) {
//|                 switch (OPTIONS.take(cli, cli.next())) {
//|                     case "--json" -> json = true;
//|                     case "--check" -> check = true;
//|                     case "--verify" -> verify = true;
//|                     default -> throw new IllegalStateException();
//|                 }
//|             }
//|             ConfigFile config = ConfigFile.of(env);
//|             JsonValue root = config.read();
//|             env.useConfig(root);
//|             for (String name : env.misplacedEnvKeys()) {
//|                 env.warn("config env." + name
//|                         + ": OpenClaw refuses a string directly under env (Unrecognized key); move it to env.vars." + name);
//|             }
//|             env.willLookUp(BillTo.VARIABLE);
//|             Token.Found keys = Token.all(env, root);
//|             List<Token> tokens = keys.tokens();
//|             Token token = keys.first();
//|             List<String> notes = notes(tokens);
//|             notes.addAll(0, keys.notes());
//|             if (keys.blocked() != null) notes.add(0, keys.blocked());
//|             String primary = ConfigFile.string(root, ConfigFile.PRIMARY);
//|             List<String> fallbacks = ConfigFile.fallbacks(root);
//|             notes.addAll(unserved(root, primary, fallbacks));
//|             Map<String, String> aliases = ConfigFile.aliases(root);
//|             notes.addAll(policyNotes(root, primary, fallbacks, aliases));
//|             ModelAllowlist.Policy policy = ModelAllowlist.policy(root);
//|             boolean defaultRefused = primary != null && ModelAllowlist.refusesAsDefault(root, primary);
//|             String baseUrl = ConfigFile.baseUrl(env, root);
//|             BillTo billTo = BillTo.of(null, env, root);
//|             String oursAlone = billTo == null ? null : billTo.oursAlone(root);
//|             if (oursAlone != null) notes.add(oursAlone);
//|             boolean exists = Files.exists(config.path);
//|             TokenCheck verified = verify && token != null ? TokenCheck.of(env, token, env::warn) : null;
//|             boolean works = verified != null && verified.problem() == null;
//|             if (json) {
//|                 Map<String, JsonValue> a = new LinkedHashMap<>();
//|                 aliases.forEach((k, v) -> a.put(k, JsonValue.of(v)));
//|                 List<JsonValue> found = new ArrayList<>();
//|                 for (Token t : tokens) found.add(json(t));
//|                 Output.json(out, Json.pretty(JsonValue.object(
//|                         "configPath", JsonValue.of(config.path.toString()),
//|                         "configExists", JsonValue.of(exists),
//|                         "primary", JsonValue.orNull(primary),
//|                         "fallbacks", JsonArray.ofStrings(fallbacks),
//|                         "aliases", new JsonObject(a),
//|                         "baseUrl", JsonValue.of(baseUrl),
//|                         "modelPolicy", policy == null ? JsonValue.NULL : JsonValue.object("path",
//|                                 JsonValue.of(policy.path()), "allow", JsonArray.ofStrings(policy.refs()),
//|                                 "defaultRefused", JsonValue.of(defaultRefused)),
//|                         "billTo", billTo == null ? JsonValue.NULL : JsonValue.object("org", JsonValue.of(billTo.org()),
//|                                 "source", JsonValue.of(billTo.source()),
//|                                 "openClaw", JsonValue.orNull(BillTo.header(root))),
//|                         "token", token == null ? JsonValue.NULL : json(token),
//|                         "tokenBlocked", JsonValue.orNull(keys.blocked()),
//|                         "tokens", new JsonArray(found),
//|                         "notes", JsonArray.ofStrings(notes),
//|                         // only when asked: what scripts parse today stays as it is
//|                         "verified", !verify ? null : JsonValue.object("works", JsonValue.of(works),
//|                                 "account", verified == null || verified.who() == null ? JsonValue.NULL
//|                                         : JsonValue.of(verified.who().name()),
//|                                 "problem", JsonValue.orNull(verified == null ? "no token to verify"
//|                                         : verified.problem())))));
//|             } else {
//|                 out.println("Config:     " + config.shown + (exists ? "" : " (not created yet)"));
//|                 out.println("Default:    " + (primary == null ? "(none)" : primary));
//|                 out.println("Fallbacks:  " + (fallbacks.isEmpty() ? "(none)" : String.join(", ", fallbacks)));
//|                 List<String> shownAliases = new ArrayList<>();
//|                 aliases.forEach((k, v) -> shownAliases.add(k + " -> " + v));
//|                 out.println("Aliases:    " + (aliases.isEmpty() ? "(none)" : String.join(", ", shownAliases)));
//|                 out.println("Base URL:   " + baseUrl);
//|                 if (policy != null) out.println("Allowed:    " + String.join(", ", policy.refs()) + " (" + policy.path()
//|                         + ")");
//|                 out.println("Bill to:    " + (billTo == null
//|                         ? "your own account (set HF_BILL_TO=ORG to bill an organization)" : billTo.shown()));
//|                 out.println("Token:      " + (keys.blocked() != null ? "none: OpenClaw has no key (see the note)"
//|                         : token == null ? "no token (set HF_TOKEN, or run " + Invocation.command("onboard") + ")"
//|                                 : token.masked() + " from "
//|                                 + token.source()));
//|                 for (int i = 1; i < tokens.size(); i++) out.println("Also:       " + tokens.get(i).masked() + " from "
//|                         + tokens.get(i).source());
//|                 if (verify) {
//|                     out.println("Verified:   " + (verified == null ? "no token to verify"
//|                             : works ? "the token works: signed in as " + verified.who().shownName()
//|                                     + ", and it may call Inference Providers"
//|                             : verified.problem()));
//|                 }
//|                 for (String note : notes) out.println("Note:       " + note);
//|             }
//|             if (verify && !works) return Cli.FAILURE;
//|             return check && (token == null || !token.openClawReads() || defaultRefused) ? 1 : 0;
//|         }
//|
//|         /** The default, fallbacks and aliases that OpenClaw's model policy leaves out, each as OpenClaw will treat it. */
//|         private static List<String> policyNotes(JsonValue root, String primary, List<String> fallbacks, Map<String,
//|                 String> aliases) {
//|             List<String> notes = new ArrayList<>();
//|             if (primary != null && !ModelAllowlist.allows(root, primary)) notes.add(ModelAllowlist.outside(root, primary,
//|                     ModelAllowlist.Role.DEFAULT));
//|             for (String f : fallbacks) if (!ModelAllowlist.allows(root, f)) notes.add(ModelAllowlist.outside(root, f,
//|                     ModelAllowlist.Role.FALLBACK));
//|             for (Map.Entry<String, String> a : aliases.entrySet()) {
//|                 if (!a.getValue().equals(primary) && !fallbacks.contains(a.getValue()) && !ModelAllowlist.allows(root,
//|                         a.getValue())) {
//|                     notes.add("alias " + a.getKey() + ": " + ModelAllowlist.outside(root, a.getValue(),
//|                             ModelAllowlist.Role.ALIAS));
//|                 }
//|             }
//|             return notes;
//|         }
//|
//|         private static JsonValue json(Token t) {
//|             return JsonValue.object("source", JsonValue.of(t.source()), "masked", JsonValue.of(t.masked()), "openClawReads",
//|                     JsonValue.of(t.openClawReads()));
//|         }
//|
//|         /** The default and fallbacks that the router's list, as last cached, no longer has (offline: no request here). */
//|         private List<String> unserved(JsonValue root, String primary, List<String> fallbacks) {
//|             List<String> notes = new ArrayList<>();
//|             Discovery.Result found = new Discovery(env, root, java.time.Instant.now()).discover(new Discovery.Options(true,
//|                     false, java.time.Duration.ZERO));
//|             if (found.live() == null) return notes;
//|             List<String> chain = new ArrayList<>();
//|             if (primary != null) chain.add(primary);
//|             chain.addAll(fallbacks);
//|             for (int i = 0; i < chain.size(); i++) {
//|                 String ref = chain.get(i);
//|                 ModelRef parsed = ref.startsWith(ModelRef.PREFIX) ? ModelRef.orNull(ref) : null;
//|                 if (parsed == null) continue;
//|                 if (parsed.in(found.live()) != null) {
//|                     // Listed, but pinned to a provider that does not serve it: said as models show and chat say it.
//|                     try {
//|                         parsed.requireServed(found.live());
//|                     } catch (ModelRefException e) {
//|                         notes.add((i == 0 && primary != null ? "the default " : "fallback ") + ref + ": " + e.getMessage());
//|                     }
//|                     continue;
//|                 }
//|                 notes.add((i == 0 && primary != null ? "the default " : "fallback ") + ref
//|                         + " is not in the router's list (as cached "
//|                         + UtcTime.format(found.fetchedAt()) + "): it is not served now" + (i == 0 && primary != null
//|                                 ? (fallbacks.isEmpty() ? "; chat has no fallback to go to ("
//|                                         + Invocation.command("models") + " fallbacks add MODEL)"
//|                                         : "; chat will go to the fallbacks") : ""));
//|             }
//|             return notes;
//|         }
//|
//|         /**
//|          * What the user should know about the tokens found: a token OpenClaw cannot see, and others that differ from the
//|          * one used.
//|          */
//|         static List<String> notes(List<Token> tokens) {
//|             List<String> notes = new ArrayList<>();
//|             if (tokens.isEmpty()) return notes;
//|             Token used = tokens.get(0);
//|             if (!used.openClawReads()) {
//|                 notes.add("only this toolkit reads the " + used.source()
//|                         + ": OpenClaw will report \"Missing auth\"; run " + Invocation.command("onboard")
//|                                 + " to store the token where it looks");
//|             }
//|             for (Token other : tokens.subList(1, tokens.size())) {
//|                 if (other.secret().equals(used.secret())) continue;
//|                 notes.add(other.source() + " differs from " + used.source() + "; " + (used.source().startsWith("OpenClaw's")
//|                         ? "OpenClaw uses the stored one" : "the first one found is used"));
//|             }
//|             return notes;
//|         }
//|     }
//|
//|     // ---- lib/models/SyncCommand.java
//|     /**
//|      * {@code models sync}: the entries of {@link ModelEntries} for every Hugging Face ref the config uses (the default,
//|      * the fallbacks, the models of {@code agents.defaults.models}), from the model list; {@code --dry-run} says what would
//|      * change.
//|      */
//|     static final class SyncCommand {
//|         static final Options OPTIONS = new Options()
//|                 .add("--dry-run", null, null, "say what would change, and write nothing")
//|                 .add("--offline", null, null, "the cached list only (no network)")
//|                 .add("--refresh", null, null, "ask the router even when the cached list is fresh")
//|                 .add("--timeout", null, "S", "give up on the router after S seconds (default 30)")
//|                 .oneOf("--offline", "--refresh");
//|
//|         private final CommandLine cli;
//|         private final Env env;
//|         private final Term term;
//|         private final PrintStream out;
//|         private final PrintStream err;
//|
//|         SyncCommand(CommandLine cli, Env env, Term term, PrintStream out, PrintStream err) {
//|             this.cli = cli;
//|             this.env = env;
//|             this.term = term;
//|             this.out = out;
//|             this.err = err;
//|         }
//|
//|         int run() throws Exception {
//|             boolean dryRun = false, offline = false, refresh = false;
//|             int timeout = 30;
//|             java.util.Set<String> given = new java.util.HashSet<>();
//|             while (cli.hasNext()) {
//|                 String option = OPTIONS.take(cli, cli.next());
//|                 given.add(option);
//|                 switch (option) {
//|                     case "--dry-run" -> dryRun = true;
//|                     case "--offline" -> offline = true;
//|                     case "--refresh" -> refresh = true;
//|                     case "--timeout" -> timeout = cli.intValue(option, 1);
//|                     default -> throw new IllegalStateException(option);
//|                 }
//|             }
//|             OPTIONS.requireAtMostOne(given);
//|             ConfigFile file = ConfigFile.of(env);
//|             JsonValue config = file.read();
//|             env.useConfig(config);
//|             List<ModelRef> refs = refs(config);
//|             if (refs.isEmpty()) throw new Cli.Failure("the config names no Hugging Face model to sync (set one with '"
//|                     + Invocation.command("models") + " set MODEL')");
//|             Discovery.Result found = ListCommands.discover(env, term, err, config, offline, refresh, timeout);
//|             if (found.source() == Discovery.Source.BUILT_IN) throw new Cli.Failure("no model list to take prices from"
//|                     + " (the built-in catalog lists none per provider); nothing was written");
//|             List<Model> merged = ModelMerge.merge(found.live(), Catalog.builtIn(), config, false);
//|             List<String> lines = new ArrayList<>();
//|             boolean write = !dryRun;
//|             int changed = file.update(doc -> {
//|                 int edits = 0;
//|                 for (ModelRef ref : refs) {
//|                     String what = ModelEntries.sync(doc, ref, found.live(), merged, write, w -> Cli.warn(err, w), lines);
//|                     if (what != null && !what.equals("unchanged")) edits++;
//|                 }
//|                 return write ? edits : 0;
//|             });
//|             for (String line : lines) out.println(line);
//|             if (dryRun) Cli.say(err, "nothing was written (--dry-run)");
//|             else if (changed > 0) Cli.say(err, "wrote models.providers.huggingface.models[] in " + file.shown
//|                     + "; OpenClaw now counts these prices");
//|             return Cli.OK;
//|         }
//|
//|         /** The Hugging Face refs the config uses: default, fallbacks, then the keys of agents.defaults.models. */
//|         static List<ModelRef> refs(JsonValue config) {
//|             List<String> texts = new ArrayList<>();
//|             String primary = ConfigFile.string(config, ConfigFile.PRIMARY);
//|             if (primary != null) texts.add(primary);
//|             texts.addAll(ConfigFile.fallbacks(config));
//|             JsonObject models = config.objectAt(ConfigFile.MODELS);
//|             if (models != null) texts.addAll(models.members().keySet());
//|             List<ModelRef> refs = new ArrayList<>();
//|             for (String text : texts) {
//|                 ModelRef ref = text.startsWith(ModelRef.PREFIX) ? ModelRef.orNull(text) : null;
//|                 if (ref != null && !refs.contains(ref)) refs.add(ref);
//|             }
//|             return refs;
//|         }
//|
//|     }
//|
//|     // ---- catalog.json, embedded: the lib code reads it from here when it is not on the classpath
//|     static final String CATALOG_JSON = """
//|             {
//|               "updated": "2026-11-21",
//|               "about": "Built-in Hugging Face router catalog: used offline, without a token, or when discovery fails. Costs are USD per 1M tokens from public list prices (OpenClaw's own figures for DeepSeek-R1, DeepSeek-V3.1, Llama 3.3 70B and GPT-OSS 120B); the live GET /v1/models answer wins where it has a figure.",
//|               "models": [
//|                 {"id": "deepseek-ai/DeepSeek-R1", "name": "DeepSeek R1", "reasoning": true, "input": ["text"], "contextWindow": 131072, "maxTokens": 8192, "cost": {"input": 3, "output": 7, "cacheRead": 0, "cacheWrite": 0}},
//|                 {"id": "deepseek-ai/DeepSeek-V3.2", "name": "DeepSeek V3.2", "reasoning": false, "input": ["text"], "contextWindow": 163840, "maxTokens": 8192, "cost": {"input": 0.28, "output": 0.42, "cacheRead": 0, "cacheWrite": 0}},
//|                 {"id": "deepseek-ai/DeepSeek-V3.1", "name": "DeepSeek V3.1", "reasoning": false, "input": ["text"], "contextWindow": 131072, "maxTokens": 8192, "cost": {"input": 0.6, "output": 1.25, "cacheRead": 0, "cacheWrite": 0}},
//|                 {"id": "Qwen/Qwen3-8B", "name": "Qwen3 8B", "reasoning": true, "input": ["text"], "contextWindow": 40960, "maxTokens": 8192, "cost": {"input": 0.05, "output": 0.25, "cacheRead": 0, "cacheWrite": 0}},
//|                 {"id": "Qwen/Qwen2.5-7B-Instruct", "name": "Qwen2.5 7B Instruct", "reasoning": false, "input": ["text"], "contextWindow": 32768, "maxTokens": 8192, "cost": {"input": 0.04, "output": 0.1, "cacheRead": 0, "cacheWrite": 0}},
//|                 {"id": "Qwen/Qwen3-32B", "name": "Qwen3 32B", "reasoning": true, "input": ["text"], "contextWindow": 40960, "maxTokens": 8192, "cost": {"input": 0.1, "output": 0.3, "cacheRead": 0, "cacheWrite": 0}},
//|                 {"id": "meta-llama/Llama-3.3-70B-Instruct", "name": "Llama 3.3 70B Instruct", "reasoning": false, "input": ["text"], "contextWindow": 131072, "maxTokens": 8192, "cost": {"input": 0.88, "output": 0.88, "cacheRead": 0, "cacheWrite": 0}},
//|                 {"id": "meta-llama/Llama-3.1-8B-Instruct", "name": "Llama 3.1 8B Instruct", "reasoning": false, "input": ["text"], "contextWindow": 131072, "maxTokens": 8192, "cost": {"input": 0.02, "output": 0.05, "cacheRead": 0, "cacheWrite": 0}},
//|                 {"id": "openai/gpt-oss-120b", "name": "GPT-OSS 120B", "reasoning": true, "input": ["text"], "contextWindow": 131072, "maxTokens": 8192, "cost": {"input": 0, "output": 0, "cacheRead": 0, "cacheWrite": 0}},
//|                 {"id": "zai-org/GLM-4.7", "name": "GLM 4.7", "reasoning": true, "input": ["text"], "contextWindow": 202752, "maxTokens": 8192, "cost": {"input": 0.6, "output": 2.2, "cacheRead": 0, "cacheWrite": 0}},
//|                 {"id": "moonshotai/Kimi-K2.5", "name": "Kimi K2.5", "reasoning": true, "input": ["text", "image"], "contextWindow": 262144, "maxTokens": 8192, "cost": {"input": 0.6, "output": 3, "cacheRead": 0, "cacheWrite": 0}}
//|               ]
//|             }
//|             """;
//| }
