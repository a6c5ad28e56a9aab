///usr/bin/env jbang "$0" "$@" ; exit $?
//
// chat.java: the OpenClaw x Hugging Face toolkit's chat script as one self-contained file: lib/ nested inside it, catalog.json embedded.
// Generated from commit 8f6aa9154e39 by `./jbang .ci/bundle.java`; do not edit: change scripts/ and lib/,
// then regenerate. Runs with plain `java chat.java --help` on JDK 17+ (or `jbang chat.java --help`).
//
//DESCRIPTION Chat with Hugging Face router models (OpenAI-compatible): streaming, reasoning, fallbacks
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
//FILES chat.java

// The launcher of this bundle, and all the source launcher (java chat.java) compiles on each run. The program
// is below it, each line behind "//| ": compiled on every run, as it was, it took 3.7 s a run. The first run
// compiles it once into ${XDG_CACHE_HOME:-~/.cache}/openclaw-hf/bundles/HASH-JDK/ (HASH: this file's SHA-256,
// so an edited or newer file is compiled again; JDK: the feature release, whose class files it runs), and every
// run loads it from there: 0.73 s a run on JDK 17 (0.78 s on 25) where java Hello.java takes 0.34 s (0.41 s),
// against 3.7 s before (test/bench/StartBench.java, 2026-12-08). Where no cache folder can be written, it
// compiles into a temporary folder, removed at exit.
class chat {
    static final String NAME = "chat";

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
        try (java.io.InputStream in = chat.class.getResourceAsStream("/" + NAME + ".java")) {
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
//| import java.io.BufferedReader;
//| import java.io.ByteArrayOutputStream;
//| import java.io.File;
//| import java.io.FileDescriptor;
//| import java.io.FileOutputStream;
//| import java.io.FilterOutputStream;
//| import java.io.IOException;
//| import java.io.InputStream;
//| import java.io.InputStreamReader;
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
//| import java.time.ZonedDateTime;
//| import java.time.format.DateTimeFormatter;
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
//| import java.util.concurrent.ExecutionException;
//| import java.util.concurrent.ExecutorService;
//| import java.util.concurrent.Executors;
//| import java.util.concurrent.LinkedBlockingQueue;
//| import java.util.concurrent.TimeUnit;
//| import java.util.concurrent.TimeoutException;
//| import java.util.concurrent.atomic.AtomicInteger;
//| import java.util.concurrent.atomic.AtomicLong;
//| import java.util.function.Consumer;
//| import java.util.function.Function;
//| import java.util.function.Predicate;
//| import java.util.function.Supplier;
//| import java.util.jar.Attributes;
//| import java.util.jar.JarEntry;
//| import java.util.jar.JarOutputStream;
//| import java.util.jar.Manifest;
//| import java.util.regex.Matcher;
//| import java.util.regex.Pattern;
//| import java.util.zip.ZipEntry;
//| import java.util.zip.ZipFile;
//|
//| // A thin shell: everything chat does lives in lib/chat/ChatCommand.java.
//| class chat {
//|     public static void main(String... args) {
//|         System.exit(ChatCommand.run(System.out, System.err, args));
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
//|     // ---- lib/chat/batch/BatchCommand.java
//|     /**
//|      * Where {@code chat --batch} starts: the input opened (a regular file is read through once first, so that a bad line
//|      * fails before anything is sent, and the progress line knows the total), {@code --resume}'s finished items read
//|      * from {@code --out}, Ctrl-C handled, then {@link BatchRun}.
//|      */
//|     static final class BatchCommand {
//|         private BatchCommand() { }
//|
//|         /** What the chat command set up for the batch, besides the setup itself. */
//|         record Context(Env env, Term term, InputStream in, PrintStream out, PrintStream err, ChatRun.Pause pause,
//|                 java.util.Random random, java.util.function.Supplier<List<String>> budget,
//|                 java.util.function.Predicate<Runnable> onInterrupt) { }
//|
//|         static int run(ChatRequest r, BatchRun.Setup setup, RouterClient router, ChatLog log, String cid, Context c)
//|                 throws Exception {
//|             boolean stdin = r.batch.equals("-");
//|             Path file = stdin ? null : Path.of(r.batch);
//|             String shown = stdin ? "stdin" : r.batch;
//|             boolean csv = r.template != null || (!stdin && r.batch.toLowerCase(java.util.Locale.ROOT).endsWith(".csv"));
//|             long total = -1;
//|             if (!stdin) {
//|                 if (!Files.isRegularFile(file)) {
//|                     throw new Cli.Failure(shown + ": " + (Files.exists(file) ? "not a regular file"
//|                             : "no such file or folder"));
//|                 }
//|                 total = 0;
//|                 try (BatchInput check = new BatchInput(FileReads.stream(file), shown, r.template, csv)) {
//|                     while (check.next() != null) total++;
//|                 } catch (IOException e) {
//|                     throw new Cli.Failure(shown + ": " + Cli.reason(e));
//|                 }
//|             }
//|             Path outFile = r.out == null ? null : Path.of(r.out);
//|             if (outFile != null && !stdin && Files.exists(outFile) && Files.isSameFile(outFile, file)) {
//|                 throw new Cli.Failure("--out " + r.out + " is the input itself");
//|             }
//|             Set<String> done;
//|             try {
//|                 done = r.resume ? BatchOutput.finished(outFile) : Set.of();
//|                 if (!r.resume && outFile != null && Files.exists(outFile) && Files.size(outFile) > 0) {
//|                     throw new Cli.Failure(r.out + " already holds lines: add --resume to go on where it stopped, or "
//|                             + "name another --out");
//|                 }
//|             } catch (IOException e) {
//|                 throw new Cli.Failure(r.out + ": " + Cli.reason(e));
//|             }
//|             BatchRun run = new BatchRun(setup, router, new BatchOutput(outFile, c.out()), log, cid, c.term(), c.err(),
//|                     c.pause(), c.random(), c.budget());
//|             c.onInterrupt().test(() -> {
//|                 if (run.interrupt()) System.exit(Cli.INTERRUPTED);
//|             });
//|             try (BatchInput input = new BatchInput(stdin ? c.in() : FileReads.stream(file), shown, r.template,
//|                     csv)) {
//|                 return run.run(input, done, total);
//|             }
//|         }
//|     }
//|
//|     // ---- lib/chat/batch/BatchInput.java
//|     /**
//|      * The prompts of {@code chat --batch}, read one at a time (a million lines cost what one does): JSON Lines, each an
//|      * OpenAI batch request ({@code {"custom_id": ..., "body": {"model": ..., "messages": [...], ...}}}), a
//|      * {@code {"prompt": ...}} object (an optional {@code custom_id}) or a JSON string; or, with {@code --template} or a
//|      * {@code .csv} name, CSV with a header row, each row's prompt the template with {@code {column}} filled in. Blank lines
//|      * are skipped. Bad input fails naming the file, line and column, before that line is sent.
//|      */
//|     static final class BatchInput implements AutoCloseable {
//|         /** The longest line read: far above any model's context, far below what memory holds. */
//|         static final int MAX_LINE = 16 * 1024 * 1024;
//|         /** The body fields an OpenAI batch line may carry beyond model and messages, sent as given. */
//|         static final Set<String> BODY_FIELDS = Set.of("temperature", "max_tokens", "response_format", "top_p", "stop",
//|                 "seed");
//|
//|         private final BufferedReader reader;
//|         private final String shown;
//|         private final String template;
//|         private List<String> header;
//|         private long line;
//|
//|         BatchInput(InputStream in, String shown, String template, boolean csv) {
//|             this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
//|             this.shown = shown;
//|             this.template = template != null ? template : csv ? "{prompt}" : null;
//|         }
//|
//|         /** The next item, or null at the end of the input. */
//|         BatchItem next() throws IOException {
//|             while (true) {
//|                 String text = line();
//|                 if (text == null) return null;
//|                 if (text.isBlank()) continue;
//|                 if (template != null) {
//|                     List<String> cells = CsvLine.cells(text, () -> line(), this::failure);
//|                     if (header == null) {
//|                         header = cells;
//|                         for (String name : placeholders(template)) {
//|                             if (!header.contains(name)) throw new Cli.Failure(shown + ":" + line + ": the template names "
//|                                     + "{" + name + "}, and the header has no such column (it has "
//|                                     + String.join(", ", header) + ")");
//|                         }
//|                         continue;
//|                     }
//|                     return row(cells);
//|                 }
//|                 return jsonLine(text);
//|             }
//|         }
//|
//|         private Cli.Failure failure(String why) { return new Cli.Failure(shown + ":" + line + ": " + why); }
//|
//|         /** One physical line, without its end; null at the end of the input. */
//|         private String line() throws IOException {
//|             StringBuilder sb = new StringBuilder();
//|             int c;
//|             while ((c = reader.read()) != -1 && c != '\n') {
//|                 if (sb.length() >= MAX_LINE) throw failure("the line is longer than " + MAX_LINE / (1024 * 1024) + " MB");
//|                 sb.append((char) c);
//|             }
//|             if (c == -1 && sb.length() == 0) return null;
//|             line++;
//|             int end = sb.length();
//|             if (end > 0 && sb.charAt(end - 1) == '\r') sb.setLength(end - 1);
//|             return sb.toString();
//|         }
//|
//|         private BatchItem row(List<String> cells) {
//|             if (cells.size() != header.size()) throw failure(cells.size() + " cells, and the header has "
//|                     + header.size());
//|             StringBuilder prompt = new StringBuilder();
//|             int i = 0;
//|             while (i < template.length()) {
//|                 int open = template.indexOf('{', i), close = open < 0 ? -1 : template.indexOf('}', open);
//|                 if (open < 0 || close < 0) {
//|                     prompt.append(template, i, template.length());
//|                     break;
//|                 }
//|                 prompt.append(template, i, open).append(cells.get(header.indexOf(template.substring(open + 1, close))));
//|                 i = close + 1;
//|             }
//|             int idColumn = header.indexOf("custom_id") >= 0 ? header.indexOf("custom_id") : header.indexOf("id");
//|             String id = idColumn >= 0 && !cells.get(idColumn).isBlank() ? cells.get(idColumn) : BatchItem.lineId(line);
//|             return new BatchItem(line, id, null, List.of(ChatReport.message("user", prompt.toString())), null);
//|         }
//|
//|         /** The {@code {name}}s of a template. */
//|         static List<String> placeholders(String template) {
//|             List<String> names = new ArrayList<>();
//|             int i = 0;
//|             while ((i = template.indexOf('{', i)) >= 0) {
//|                 int close = template.indexOf('}', i);
//|                 if (close < 0) break;
//|                 names.add(template.substring(i + 1, close));
//|                 i = close + 1;
//|             }
//|             return names;
//|         }
//|
//|         private BatchItem jsonLine(String text) {
//|             JsonValue value;
//|             try {
//|                 value = Json.parse(text);
//|             } catch (JsonException e) {
//|                 throw new Cli.Failure(e.onLine(shown, line));
//|             }
//|             if (value instanceof JsonString s) return new BatchItem(line, BatchItem.lineId(line), null,
//|                     List.of(ChatReport.message("user", s.value())), null);
//|             if (!(value instanceof JsonObject o)) throw failure("a line is a JSON object or string, not "
//|                     + value.describe());
//|             String id = o.get("custom_id") instanceof JsonString s && !s.value().isBlank() ? s.value()
//|                     : BatchItem.lineId(line);
//|             if (o.get("prompt") instanceof JsonString p) return new BatchItem(line, id, null,
//|                     List.of(ChatReport.message("user", p.value())), null);
//|             if (!(o.get("body") instanceof JsonObject body)) throw failure("a line needs \"prompt\" (a string) or "
//|                     + "\"body\" (an OpenAI batch request)");
//|             if (!(body.get("messages") instanceof JsonArray messages) || messages.elements().isEmpty()) {
//|                 throw failure("\"body\" needs \"messages\", a non-empty array");
//|             }
//|             for (JsonValue m : messages.elements()) {
//|                 if (!(m instanceof JsonObject mo) || mo.string("role") == null) throw failure("each message needs a "
//|                         + "\"role\"");
//|             }
//|             String model = body.get("model") instanceof JsonString s ? s.value() : null;
//|             List<Object> rest = new ArrayList<>();
//|             for (var member : body.members().entrySet()) {
//|                 if (BODY_FIELDS.contains(member.getKey())) {
//|                     rest.add(member.getKey());
//|                     rest.add(member.getValue());
//|                 }
//|             }
//|             return new BatchItem(line, id, model, messages.elements(), rest.isEmpty() ? null
//|                     : JsonValue.object(rest.toArray()));
//|         }
//|
//|         @Override
//|         public void close() throws IOException { reader.close(); }
//|     }
//|
//|     // ---- lib/chat/batch/BatchItem.java
//|     /**
//|      * One prompt of a batch: the {@code line} of the input it came from, its {@code id} ({@code custom_id}, else
//|      * {@code line N}), the model it names (null: the run's), the messages to send, and the request fields of an
//|      * OpenAI batch line's {@code body} besides those ({@code temperature}, {@code max_tokens}, {@code response_format};
//|      * null when none).
//|      */
//|     record BatchItem(long line, String id, String model, List<JsonValue> messages, JsonObject body) {
//|         /** The id of an item without a {@code custom_id}: its line. */
//|         static String lineId(long line) { return "line " + line; }
//|     }
//|
//|     // ---- lib/chat/batch/BatchOutput.java
//|     /**
//|      * Where a batch's results go: a line per item as it finishes, each written whole in one write (stdout, or
//|      * {@code --out FILE} appended to through {@link SafeFile#append}), so that a {@code kill -9} at any moment leaves
//|      * whole lines only. {@link #finished} reads a file back for {@code --resume}.
//|      */
//|     static final class BatchOutput {
//|         private final Path file;
//|         private final PrintStream out;
//|
//|         /** To {@code file}, or to {@code out} when it is null. */
//|         BatchOutput(Path file, PrintStream out) {
//|             this.file = file;
//|             this.out = out;
//|         }
//|
//|         /** Writes {@code line} (one JSON object) as one line, in one write; lines of other threads never interleave. */
//|         synchronized void write(JsonObject line) throws IOException {
//|             byte[] bytes = (ChatLog.redactedLine(line) + "\n").getBytes(StandardCharsets.UTF_8);
//|             if (file == null) {
//|                 out.write(bytes, 0, bytes.length);
//|                 out.flush();
//|                 return;
//|             }
//|             if (!SafeFile.append(file, bytes)) throw new IOException("another process holds " + file + " locked");
//|         }
//|
//|         /** The longest line read back: an answer of {@code ChatRun.MAX_ANSWER} bytes, escaped, and its fields. */
//|         static final int MAX_LINE = 64 * 1024 * 1024;
//|
//|         /**
//|          * The ids of the items {@code file} holds a line for (its {@code custom_id}, else {@code line N}), so that
//|          * {@code --resume} skips them; none when it does not exist. A last line without its newline (the write a crash
//|          * cut, were one ever cut) is cut off first, so that it is asked again and never held twice.
//|          */
//|         static Set<String> finished(Path file) throws IOException {
//|             Set<String> ids = new HashSet<>();
//|             if (!Files.exists(file)) return ids;
//|             if (!SafeFile.cutTornTail(file)) throw new IOException("another process holds it locked");
//|             FileReads.linesFromEnd(file, MAX_LINE, line -> {
//|                 try {
//|                     if (!line.isBlank() && Json.parse(line) instanceof JsonObject o) {
//|                         ids.add(o.string("custom_id") != null ? o.string("custom_id")
//|                                 : BatchItem.lineId(o.longOr("line", -1)));
//|                     }
//|                 } catch (JsonException e) {
//|                     // not one of ours: passed over
//|                 }
//|                 return true;
//|             });
//|             return ids;
//|         }
//|     }
//|
//|     // ---- lib/chat/batch/BatchRun.java
//|     /**
//|      * {@code chat --batch}: every item of a {@link BatchInput} asked as {@code chat} asks one question (the plan,
//|      * retries, fallbacks), up to {@code --concurrency} at a time through one HTTP client, paced by {@link Pacer}; a
//|      * line per item to {@link BatchOutput} as it finishes; a summary on stderr (and, on a terminal, a progress line).
//|      * It stops dispatching, letting what is in flight finish, before an item that could take the spend past
//|      * {@code --max-cost}, at a 402 (every item bills the same account), or at Ctrl-C (a second one stops at once).
//|      */
//|     static final class BatchRun {
//|         /** How often an item ended by 429s is asked again, each time after the pacer's backoff. */
//|         static final int RATE_LIMITED_ROUNDS = 5;
//|
//|         /** What the run is set to: the chain for items that name no model, the system prompt, how to ask. */
//|         record Setup(List<ModelRef> chain, List<ModelRef> fallbacks, String system, Map<String, String> aliases,
//|                 ChatRun.Settings settings, JsonObject schema, int concurrency, List<RouterModel> known) { }
//|
//|         private final Setup setup;
//|         private final RouterClient router;
//|         private final BatchOutput output;
//|         private final ChatLog log;
//|         private final String cid;
//|         private final Term term;
//|         private final PrintStream err;
//|         private final Pacer pacer;
//|         private final ChatRun.Pause pause;
//|         private final java.util.Random random;
//|         private final java.util.function.Supplier<List<String>> budget;
//|
//|         private volatile String stopped;
//|         private volatile boolean interrupted;
//|         private final AtomicInteger answered = new AtomicInteger(), failed = new AtomicInteger(),
//|                 unpriced = new AtomicInteger();
//|         private int skipped;
//|         private BigDecimal spent = BigDecimal.ZERO, reserved = BigDecimal.ZERO;
//|         private final long started = System.nanoTime();
//|         private long lastProgress;
//|         private boolean progressShown;
//|         private final List<String> budgetLines = new ArrayList<>();
//|
//|         BatchRun(Setup setup, RouterClient router, BatchOutput output, ChatLog log, String cid, Term term,
//|                 PrintStream err, ChatRun.Pause pause, java.util.Random random,
//|                 java.util.function.Supplier<List<String>> budget) {
//|             this.setup = setup;
//|             this.router = router;
//|             this.output = output;
//|             this.log = log;
//|             this.cid = cid;
//|             this.term = term;
//|             this.err = err;
//|             this.pause = pause;
//|             this.random = random;
//|             this.budget = budget;
//|             this.pacer = new Pacer(setup.concurrency(), pause::pause);
//|         }
//|
//|         /** Ctrl-C: the first stops dispatching; the caller ends the process on the second. */
//|         boolean interrupt() {
//|             if (interrupted) return true;
//|             interrupted = true;
//|             stop("interrupted");
//|             Cli.say(err, "stopping: waiting for the " + pacer.inFlight() + " in flight (Ctrl-C again stops at once)");
//|             return false;
//|         }
//|
//|         /** Items started and not yet ended (asked, waiting after a 429, or writing their line). */
//|         private int unended;
//|
//|         private synchronized void started() { unended++; }
//|
//|         private synchronized void ended() {
//|             unended--;
//|             notifyAll();
//|         }
//|
//|         private synchronized void awaitEnded() throws InterruptedException {
//|             while (unended > 0) wait();
//|         }
//|
//|         private synchronized void stop(String why) {
//|             if (stopped == null) stopped = why;
//|         }
//|
//|         /** Runs every item of {@code input} not in {@code done}; {@code total}: how many the input holds, or -1. */
//|         int run(BatchInput input, Set<String> done, long total) throws Exception {
//|             // A thread per item started: those in flight are bounded by the pacer, and an item waiting to be asked again
//|             // after a 429 holds no place, so a fixed pool could leave a started item queued behind it.
//|             ExecutorService workers = Executors.newCachedThreadPool(r -> {
//|                 Thread t = new Thread(r, "batch");
//|                 t.setDaemon(true);
//|                 return t;
//|             });
//|             try {
//|                 BatchItem item;
//|                 while (stopped == null && (item = input.next()) != null) {
//|                     if (done.contains(item.id())) {
//|                         skipped++;
//|                         continue;
//|                     }
//|                     Prepared p = prepare(item);
//|                     if (p == null) continue;
//|                     // A place first, then the cap: what is still in flight has been counted by then, or has finished.
//|                     pacer.acquire();
//|                     if (stopped != null || !reserve(p)) {
//|                         pacer.release(false);
//|                         break;
//|                     }
//|                     started();
//|                     workers.execute(() -> {
//|                         try {
//|                             ask(p, total);
//|                         } finally {
//|                             ended();
//|                         }
//|                     });
//|                 }
//|                 // Not the pacer's drain: an item waiting to be let in again after a 429 holds no place, yet is not done.
//|                 awaitEnded();
//|             } finally {
//|                 workers.shutdownNow();
//|             }
//|             if (progressShown) err.println();
//|             summary(total);
//|             if (interrupted) return Cli.INTERRUPTED;
//|             return stopped != null || failed.get() > 0 ? Cli.FAILURE : Cli.OK;
//|         }
//|
//|         /** An item ready to ask: its plan, messages, settings, and what it may cost at most (null: no price). */
//|         private record Prepared(BatchItem item, List<RoutePlan.Attempt> attempts, ModelRef chosen, List<JsonValue> messages,
//|                 ChatRun.Settings settings, BigDecimal most) { }
//|
//|         private Prepared prepare(BatchItem item) throws IOException {
//|             List<ModelRef> chain = setup.chain();
//|             if (item.model() != null) {
//|                 try {
//|                     chain = new ArrayList<>(List.of(ModelRef.resolve(item.model(), setup.aliases())));
//|                     for (ModelRef f : setup.fallbacks()) if (!chain.contains(f)) chain.add(f);
//|                 } catch (ModelRefException e) {
//|                     finish(item, null, null, null, 0, "body.model: " + e.getMessage());
//|                     return null;
//|                 }
//|             }
//|             List<JsonValue> messages = new ArrayList<>();
//|             boolean hasSystem = item.messages().stream().anyMatch(m -> m instanceof JsonObject o
//|                     && "system".equals(o.string("role")));
//|             if (setup.system() != null && !hasSystem) messages.add(ChatReport.message("system", setup.system()));
//|             messages.addAll(item.messages());
//|             ChatRun.Settings settings = setup.settings().with(item.body());
//|             RoutePlan plan = RoutePlan.of(chain, RoutePlan.Needs.of(messages, settings), setup.known(),
//|                     settings.reroute());
//|             if (plan.attempts.isEmpty()) {
//|                 finish(item, null, null, null, 0, "no model of the chain can serve this request");
//|                 return null;
//|             }
//|             List<CostEstimate.Range> ranges = CostEstimate.of(plan, setup.known());
//|             return new Prepared(item, plan.attempts, chain.get(0), messages, settings,
//|                     ranges.isEmpty() ? null : ranges.get(0).most());
//|         }
//|
//|         /** Holds the item's most against --max-cost; false (and the run stopped, said why) when it does not fit. */
//|         private synchronized boolean reserve(Prepared p) {
//|             BigDecimal cap = setup.settings().maxCost();
//|             if (cap == null) return true;
//|             String where = p.item().id() + " (line " + p.item().line() + ")";
//|             if (p.most() == null) {
//|                 stop("stopped before " + where + ": " + p.attempts().get(0).ref().routerId()
//|                         + " has no listed price to hold to " + setup.settings().maxCostFrom() + " $" + cap.toPlainString());
//|                 return false;
//|             }
//|             BigDecimal after = spent.add(reserved).add(p.most());
//|             if (after.compareTo(cap) > 0) {
//|                 stop("stopped before " + where + ": it may cost up to " + ChatReport.dollars(p.most()) + ", and "
//|                         + ChatReport.dollars(spent) + " is spent" + (reserved.signum() == 0 ? "" : " and "
//|                         + ChatReport.dollars(reserved) + " in flight") + ", over " + setup.settings().maxCostFrom() + " $"
//|                         + cap.toPlainString());
//|                 return false;
//|             }
//|             reserved = reserved.add(p.most());
//|             return true;
//|         }
//|
//|         private synchronized void unreserve(BigDecimal most) {
//|             if (most != null && setup.settings().maxCost() != null) reserved = reserved.subtract(most);
//|         }
//|
//|         private void ask(Prepared p, long total) {
//|             long begun = System.nanoTime();
//|             int[] last = {0};
//|             boolean[] budgetStop = {false};
//|             ChatRun run = new ChatRun(router, p.settings(), pause, random, SafeOutput.NOWHERE, () -> {
//|                 budgetStop[0] = true;
//|                 List<String> why = budget.get();
//|                 synchronized (budgetLines) {
//|                     if (budgetLines.isEmpty()) budgetLines.addAll(why);
//|                 }
//|                 return List.of();
//|             }, status -> last[0] = status);
//|             // The place in flight is given back only after the item's line is written and its cost counted, so that the
//|             // next item is held to --max-cost with this one's spend in.
//|             boolean held = true;
//|             try {
//|                 for (int round = 1; ; round++) {
//|                     ChatOutput quiet = new ChatOutput(SafeOutput.NOWHERE, SafeOutput.NOWHERE, Term.PLAIN, true, true);
//|                     try {
//|                         ChatRun.Answer answer = run.ask(p.attempts(), p.messages(), quiet, false);
//|                         finish(p, answer, begun, null);
//|                         return;
//|                     } catch (Cli.Failure f) {
//|                         boolean rateLimited = last[0] == 429;
//|                         if (budgetStop[0]) stop("stopped at a 402: " + f.getMessage());
//|                         if (!rateLimited || round >= RATE_LIMITED_ROUNDS || stopped != null) {
//|                             String why = f.getMessage();
//|                             // No line went to stderr for it: the item's line says what the last attempt met.
//|                             if (run.lastFailure() != null && !why.startsWith(run.lastFailure())) {
//|                                 why = run.lastFailure() + "; " + why;
//|                             }
//|                             finish(p, null, begun, why);
//|                             return;
//|                         }
//|                         // Slowed down, not failed: the place goes back as a 429's, and the item waits its turn again.
//|                         held = false;
//|                         pacer.release(true);
//|                         pacer.acquire();
//|                         held = true;
//|                     }
//|                 }
//|             } catch (InterruptedException e) {
//|                 unreserve(p.most());
//|             } catch (IOException e) {
//|                 stop("cannot write the output: " + Cli.reason(e));
//|             } finally {
//|                 if (held) pacer.release(false);
//|                 progress(total);
//|             }
//|         }
//|
//|         private void finish(Prepared p, ChatRun.Answer answer, long begun, String error) throws IOException {
//|             BigDecimal cost = answer == null ? null : ChatReport.cost(answer, setup.known());
//|             JsonValue shown = null;
//|             if (answer != null && setup.schema() != null) {
//|                 try {
//|                     shown = StructuredAnswer.check(answer.content(), setup.schema());
//|                 } catch (Cli.Failure f) {
//|                     error = f.getMessage();
//|                 }
//|             }
//|             synchronized (this) {
//|                 // An answer without a price counts as the most it could have cost: the cap holds all the same.
//|                 if (answer != null) spent = spent.add(cost != null ? cost : p.most() != null ? p.most() : BigDecimal.ZERO);
//|             }
//|             unreserve(p.most());
//|             if (answer != null && cost == null) unpriced.incrementAndGet();
//|             finish(p.item(), p.chosen(), answer, cost, (System.nanoTime() - begun) / 1_000_000, error, shown,
//|                     p.messages());
//|         }
//|
//|         private void finish(BatchItem item, ModelRef chosen, ChatRun.Answer answer, BigDecimal cost, long ms,
//|                 String error) throws IOException {
//|             finish(item, chosen, answer, cost, ms, error, null, item.messages());
//|         }
//|
//|         private void finish(BatchItem item, ModelRef chosen, ChatRun.Answer answer, BigDecimal cost, long ms,
//|                 String error, JsonValue structured, List<JsonValue> messages) throws IOException {
//|             boolean ok = answer != null && error == null;
//|             (ok ? answered : failed).incrementAndGet();
//|             List<Object> fields = new ArrayList<>();
//|             if (!item.id().equals(BatchItem.lineId(item.line()))) fields.addAll(List.of("custom_id",
//|                     JsonValue.of(item.id())));
//|             fields.addAll(List.of("line", JsonValue.of(item.line())));
//|             if (answer != null) {
//|                 fields.addAll(List.of("model", JsonValue.of(answer.model()), "provider",
//|                         JsonValue.orNull(answer.provider()), "answer", structured != null ? structured
//|                                 : JsonValue.of(answer.content()), "usage", ChatLog.usage(answer),
//|                         "cost", cost == null ? JsonValue.NULL : JsonValue.of(cost.setScale(6,
//|                                 java.math.RoundingMode.HALF_UP).stripTrailingZeros())));
//|             }
//|             if (error != null) fields.addAll(List.of("error", JsonValue.of(error)));
//|             fields.addAll(List.of("durationMs", JsonValue.of(ms)));
//|             output.write(JsonValue.object(fields.toArray()));
//|             if (log != null && chosen != null) {
//|                 log.append(ChatLog.turn(cid, (int) item.line(), Instant.now(), ms, chosen, answer, cost, messages,
//|                         ok ? "ok" : "failed", error));
//|             }
//|         }
//|
//|         /** On a terminal: {@code batch: 120/1000 done, 2 failed, 8.1/s, $0.0123, about 1m48s left}, rewritten. */
//|         private synchronized void progress(long total) {
//|             if (!term.tty()) return;
//|             long now = System.nanoTime();
//|             if (now - lastProgress < 100_000_000L) return;
//|             lastProgress = now;
//|             int done = answered.get() + failed.get();
//|             double seconds = (now - started) / 1e9, rate = done / Math.max(seconds, 0.001);
//|             String left = total > 0 && rate > 0 ? ", about " + Figures.seconds(java.time.Duration.ofSeconds(
//|                     Math.round((total - skipped - done) / rate))) + " left" : "";
//|             err.print("\r\033[K" + Running.program() + ": " + done + (total > 0 ? "/" + (total - skipped) : "")
//|                     + " done, " + failed.get() + " failed, " + Figures.plain(Math.round(rate * 10) / 10.0) + "/s, "
//|                     + ChatReport.dollars(spent) + left);
//|             err.flush();
//|             progressShown = true;
//|         }
//|
//|         /** {@code batch: 1000 items: 996 answered, 4 failed; $0.12 (3 without a price); 41 s}. */
//|         private void summary(long total) {
//|             for (String line : budgetLines) Cli.say(err, line);
//|             if (stopped != null && !interrupted) Cli.say(err, stopped);
//|             int a = answered.get(), f = failed.get();
//|             long notAsked = total < 0 ? -1 : total - skipped - a - f;
//|             Cli.say(err, (a + f) + (a + f == 1 ? " item" : " items") + ": " + a + " answered, " + f + " failed"
//|                     + (skipped > 0 ? ", " + skipped + " done before (--resume)" : "")
//|                     + (notAsked > 0 ? ", " + notAsked + " not asked" : "") + "; "
//|                     + ChatReport.dollars(spent) + (unpriced.get() > 0 ? " (" + unpriced.get() + " without a price)" : "")
//|                     + "; " + Figures.seconds(java.time.Duration.ofMillis((System.nanoTime() - started) / 1_000_000)));
//|         }
//|     }
//|
//|     // ---- lib/chat/batch/CsvLine.java
//|     /**
//|      * One CSV record (RFC 4180): cells split at commas; a cell in double quotes may hold commas, line breaks and
//|      * {@code ""} for a quote. A quoted cell that goes on past its line takes the next ones, as many as it needs, to at
//|      * most {@link BatchInput#MAX_LINE} characters in all.
//|      */
//|     static final class CsvLine {
//|         private CsvLine() { }
//|
//|         /** The next physical line of the input, or null at its end. */
//|         interface More {
//|             String line() throws IOException;
//|         }
//|
//|         static List<String> cells(String first, More more, Function<String, Cli.Failure> fail) throws IOException {
//|             List<String> cells = new ArrayList<>();
//|             StringBuilder cell = new StringBuilder();
//|             String text = first;
//|             int i = 0, read = first.length();
//|             boolean quoted = false, wasQuoted = false;
//|             while (true) {
//|                 if (i >= text.length()) {
//|                     if (!quoted) break;
//|                     String next = more.line();
//|                     if (next == null) throw fail.apply("a quoted cell is not closed before the end of the input");
//|                     read += next.length() + 1;
//|                     if (read > BatchInput.MAX_LINE) throw fail.apply("the record is longer than "
//|                             + BatchInput.MAX_LINE / (1024 * 1024) + " MB");
//|                     cell.append('\n');
//|                     text = next;
//|                     i = 0;
//|                     continue;
//|                 }
//|                 char c = text.charAt(i++);
//|                 if (quoted) {
//|                     if (c != '"') cell.append(c);
//|                     else if (i < text.length() && text.charAt(i) == '"') {
//|                         cell.append('"');
//|                         i++;
//|                     } else quoted = false;
//|                 } else if (c == '"' && cell.length() == 0 && !wasQuoted) {
//|                     quoted = wasQuoted = true;
//|                 } else if (c == ',') {
//|                     cells.add(cell.toString());
//|                     cell.setLength(0);
//|                     wasQuoted = false;
//|                 } else if (wasQuoted) {
//|                     throw fail.apply("text after a quoted cell's closing quote, at column " + i);
//|                 } else {
//|                     cell.append(c);
//|                 }
//|             }
//|             cells.add(cell.toString());
//|             return cells;
//|         }
//|     }
//|
//|     // ---- lib/chat/batch/Pacer.java
//|     /**
//|      * How many requests a batch keeps in flight: at most {@code most}, fewer after a 429. A rate limit halves the
//|      * number allowed and makes every new request wait a backoff (doubling while 429s keep coming, to at most 30 s); then
//|      * each run of that many answers in a row lets one more in, back up to {@code most}. So a provider's limit slows the
//|      * batch down instead of failing its items (additive increase, multiplicative decrease, as TCP paces a link).
//|      */
//|     static final class Pacer {
//|         /** Waits; tests pass one that records. */
//|         interface Pause {
//|             void pause(Duration d) throws InterruptedException;
//|         }
//|
//|         static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
//|         static final Duration LONGEST_BACKOFF = Duration.ofSeconds(30);
//|
//|         private final int most;
//|         private final Pause pause;
//|         private int allowed;
//|         private int inFlight;
//|         private int answeredInARow;
//|         private Duration backoff = Duration.ZERO;
//|         /** Set by a 429: the wait the next request to start must make first. */
//|         private Duration owed = Duration.ZERO;
//|
//|         Pacer(int most, Pause pause) {
//|             this.most = most;
//|             this.allowed = most;
//|             this.pause = pause;
//|         }
//|
//|         /** Waits for a place among those in flight, and for any backoff a 429 asked for; then holds the place. */
//|         void acquire() throws InterruptedException {
//|             Duration wait;
//|             synchronized (this) {
//|                 while (inFlight >= allowed) wait();
//|                 inFlight++;
//|                 wait = owed;
//|                 owed = Duration.ZERO;
//|             }
//|             if (!wait.isZero()) {
//|                 try {
//|                     pause.pause(wait);
//|                 } catch (InterruptedException e) {
//|                     release(false);
//|                     throw e;
//|                 }
//|             }
//|         }
//|
//|         /** Gives the place back: {@code rateLimited} when the request ended on a 429. */
//|         synchronized void release(boolean rateLimited) {
//|             inFlight--;
//|             if (rateLimited) {
//|                 allowed = Math.max(1, allowed / 2);
//|                 answeredInARow = 0;
//|                 backoff = backoff.isZero() ? FIRST_BACKOFF : min(backoff.multipliedBy(2), LONGEST_BACKOFF);
//|                 owed = backoff;
//|             } else {
//|                 backoff = Duration.ZERO;
//|                 if (++answeredInARow >= allowed && allowed < most) {
//|                     allowed++;
//|                     answeredInARow = 0;
//|                 }
//|             }
//|             notifyAll();
//|         }
//|
//|         synchronized int allowed() { return allowed; }
//|
//|         synchronized int inFlight() { return inFlight; }
//|
//|         /** Waits until nothing is in flight. */
//|         synchronized void drain() throws InterruptedException {
//|             while (inFlight > 0) wait();
//|         }
//|
//|         private static Duration min(Duration a, Duration b) { return a.compareTo(b) <= 0 ? a : b; }
//|     }
//|
//|     // ---- lib/chat/tools/CommandWords.java
//|     /**
//|      * A command line as {@code --mcp-server} takes it, split into words as a shell would split a simple one: spaces
//|      * separate, '...' and "..." quote, a backslash escapes the next character. No variables, globs or pipes: the words
//|      * are run as they are, by no shell.
//|      */
//|     static final class CommandWords {
//|         private CommandWords() { }
//|
//|         static List<String> split(String line) {
//|             List<String> words = new ArrayList<>();
//|             StringBuilder word = new StringBuilder();
//|             boolean inWord = false;
//|             char quote = 0;
//|             for (int i = 0; i < line.length(); i++) {
//|                 char c = line.charAt(i);
//|                 if (quote != 0) {
//|                     if (c == quote) quote = 0;
//|                     else if (c == '\\' && quote == '"' && i + 1 < line.length()) word.append(line.charAt(++i));
//|                     else word.append(c);
//|                 } else if (c == '\'' || c == '"') {
//|                     quote = c;
//|                     inWord = true;
//|                 } else if (c == '\\' && i + 1 < line.length()) {
//|                     word.append(line.charAt(++i));
//|                     inWord = true;
//|                 } else if (Character.isWhitespace(c)) {
//|                     if (inWord) words.add(word.toString());
//|                     word.setLength(0);
//|                     inWord = false;
//|                 } else {
//|                     word.append(c);
//|                     inWord = true;
//|                 }
//|             }
//|             if (quote != 0) throw new Cli.UsageException("--mcp-server: a quote is not closed: "
//|                     + Printable.line(line));
//|             if (inWord) words.add(word.toString());
//|             return words;
//|         }
//|     }
//|
//|     // ---- lib/chat/tools/LocalTool.java
//|     /**
//|      * {@code --tool PATH}: an executable that prints its function's definition when run with {@code --describe}
//|      * ({@code {"name", "description", "parameters"}}, or the same inside {@code {"type":"function","function":{...}}})
//|      * and is run with a call's arguments as JSON on stdin, its stdout the result.
//|      */
//|     static final class LocalTool implements Tool {
//|         /** How long {@code --describe} may take, and how much it may print. */
//|         static final Duration DESCRIBE_LIMIT = Duration.ofSeconds(10);
//|         static final int MAX_DEFINITION = 64 * 1024;
//|         /** The most a call may print: the result goes to the model, whose context is far smaller. */
//|         static final int MAX_RESULT = 1024 * 1024;
//|
//|         private final String shown;
//|         private final Path path;
//|         private final String name;
//|         private final JsonObject definition;
//|
//|         private LocalTool(String shown, Path path, String name, JsonObject definition) {
//|             this.shown = shown;
//|             this.path = path;
//|             this.name = name;
//|             this.definition = definition;
//|         }
//|
//|         /** The tool at {@code given} (as the user wrote it), described by itself; fails in one line naming it. */
//|         static LocalTool of(String given) throws InterruptedException {
//|             Path path = Path.of(given).toAbsolutePath();
//|             if (!Files.isRegularFile(path)) throw new Cli.Failure("--tool " + Printable.line(given) + ": "
//|                     + (Files.exists(path) ? "not a regular file" : "no such file"));
//|             if (!Files.isExecutable(path)) throw new Cli.Failure("--tool " + Printable.line(given) + ": not executable "
//|                     + "(chmod +x it)");
//|             ToolProcess.Outcome described = ToolProcess.run(List.of(path.toString(), "--describe"), "", DESCRIBE_LIMIT,
//|                     MAX_DEFINITION);
//|             String where = "--tool " + Printable.line(given) + ": --describe ";
//|             if (described.failure() != null) throw new Cli.Failure(where + described.failure());
//|             JsonObject o;
//|             try {
//|                 JsonValue v = Json.parse(described.stdout());
//|                 if (!(v instanceof JsonObject object)) throw new Cli.Failure(where + "printed no JSON object");
//|                 o = object.object("function") != null ? object.object("function") : object;
//|             } catch (JsonException e) {
//|                 throw new Cli.Failure(where + "printed no valid definition: " + e.getMessage());
//|             }
//|             String name = o.string("name");
//|             if (name == null || !name.matches(NAME)) throw new Cli.Failure(where + "printed no valid name (letters, "
//|                     + "digits, _ and -, at most 64)" + (name == null ? "" : ": '" + Printable.line(name) + "'"));
//|             if (o.has("parameters") && o.object("parameters") == null) throw new Cli.Failure(where
//|                     + "printed parameters that are not a JSON schema object");
//|             return new LocalTool(given, path, name, Tool.definition(name, o.string("description"),
//|                     o.object("parameters")));
//|         }
//|
//|         @Override public String name() { return name; }
//|
//|         @Override public String origin() { return "--tool " + Printable.line(shown); }
//|
//|         @Override public JsonObject definition() { return definition; }
//|
//|         @Override
//|         public Result call(JsonObject arguments, Duration limit) throws InterruptedException {
//|             ToolProcess.Outcome run = ToolProcess.run(List.of(path.toString()), Json.write(arguments), limit, MAX_RESULT);
//|             return run.failure() != null ? Result.failed(run.failure()) : Result.ok(run.stdout());
//|         }
//|     }
//|
//|     // ---- lib/chat/tools/McpContent.java
//|     /** An MCP tool result's {@code content} as the text a model is given. */
//|     static final class McpContent {
//|         private McpContent() { }
//|
//|         /**
//|          * The text parts, one after another; an image or audio part is named with its type and size (the model gets no
//|          * bytes it cannot read); an embedded resource gives its text. None: the structured content as JSON, else "".
//|          */
//|         static String text(JsonArray content, JsonValue structured) {
//|             StringBuilder sb = new StringBuilder();
//|             for (JsonObject part : content == null ? java.util.List.<JsonObject>of() : content.objects()) {
//|                 String kind = part.stringOr("type", "");
//|                 String piece = switch (kind) {
//|                     case "text" -> part.stringOr("text", "");
//|                     case "image", "audio" -> "[" + kind + " " + part.stringOr("mimeType", "") + ", "
//|                             + part.stringOr("data", "").length() * 3 / 4 + " bytes, not shown]";
//|                     case "resource" -> part.object("resource") != null ? part.object("resource").stringOr("text",
//|                             "[resource " + part.object("resource").stringOr("uri", "") + "]") : "";
//|                     case "resource_link" -> "[resource " + part.stringOr("uri", "") + "]";
//|                     default -> "";
//|                 };
//|                 if (piece.isEmpty()) continue;
//|                 if (sb.length() > 0) sb.append('\n');
//|                 sb.append(piece);
//|             }
//|             if (sb.length() == 0 && structured != null) sb.append(Json.write(structured));
//|             return sb.toString();
//|         }
//|
//|         /** {@code text} on one line, cut at 200 chars: what a failure's line quotes. */
//|         static String oneLine(String text) {
//|             String one = Printable.line(text.replaceAll("\\s+", " ").strip());
//|             return one.length() > 200 ? one.substring(0, 200) + "\u2026" : one;
//|         }
//|     }
//|
//|     // ---- lib/chat/tools/McpServer.java
//|     /**
//|      * {@code --mcp-server 'CMD ARGS'}: a Model Context Protocol server run as a child process, spoken to in JSON-RPC 2.0
//|      * over its stdin and stdout, a message a line: {@code initialize}, then {@code tools/list} (every page), then
//|      * {@code tools/call} for each call the model makes; stopped at the end (stdin closed, then ended). What it asks of
//|      * us ({@code ping}) is answered; anything else it asks is refused (we offer no sampling, roots or elicitation).
//|      */
//|     static final class McpServer implements AutoCloseable {
//|         /** The protocol version we speak; a server answering with another one is used all the same (tools are alike). */
//|         static final String PROTOCOL = "2025-06-18";
//|         /** How long the server may take to start and list its tools. */
//|         static final Duration START_LIMIT = Duration.ofSeconds(30);
//|         /** The longest line (one message) read from the server; the most tools and pages taken from it. */
//|         static final int MAX_LINE = 16 * 1024 * 1024, MAX_TOOLS = 1000, MAX_PAGES = 50;
//|
//|         private final String shown;
//|         private final Process process;
//|         private final OutputStream stdin;
//|         private final Map<Long, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();
//|         private final AtomicLong ids = new AtomicLong();
//|         private final StringBuilder stderrTail = new StringBuilder();
//|         private volatile String ended;
//|         private final Thread errors;
//|
//|         private McpServer(String shown, Process process) {
//|             this.shown = shown;
//|             this.process = process;
//|             this.stdin = process.getOutputStream();
//|             this.errors = ToolProcess.daemon(this::readErrors);
//|             ToolProcess.daemon(this::readMessages);
//|         }
//|
//|         /** Starts the server {@code commandLine} and initializes it; fails in one line naming it. */
//|         static McpServer start(String commandLine) throws InterruptedException {
//|             List<String> words = CommandWords.split(commandLine);
//|             String shown = "--mcp-server '" + Printable.line(commandLine) + "'";
//|             if (words.isEmpty()) throw new Cli.UsageException("--mcp-server: give the command that starts the server");
//|             Process process;
//|             try {
//|                 process = ToolProcess.builder(words).start();
//|             } catch (IOException e) {
//|                 throw new Cli.Failure(shown + ": could not start " + Printable.line(words.get(0)) + ": "
//|                         + ToolProcess.whyNotStarted(e));
//|             }
//|             McpServer server = new McpServer(shown, process);
//|             try {
//|                 server.request("initialize", JsonValue.object("protocolVersion", JsonValue.of(PROTOCOL), "capabilities",
//|                         JsonValue.object(), "clientInfo", JsonValue.object("name", JsonValue.of("openclaw-hf-chat"),
//|                                 "version", JsonValue.of(Cli.VERSION))), START_LIMIT);
//|                 server.notify("notifications/initialized");
//|             } catch (Cli.Failure e) {
//|                 server.close();
//|                 throw e;
//|             }
//|             return server;
//|         }
//|
//|         /** The server's tools, as the model is offered them ({@code tools/list}, every page). */
//|         List<Tool> tools() throws InterruptedException {
//|             List<Tool> tools = new ArrayList<>();
//|             String cursor = null;
//|             for (int page = 0; page < MAX_PAGES; page++) {
//|                 JsonObject listed = request("tools/list", cursor == null ? JsonValue.object() : JsonValue.object("cursor",
//|                         JsonValue.of(cursor)), START_LIMIT);
//|                 JsonArray given = listed.array("tools");
//|                 for (JsonObject t : given == null ? List.<JsonObject>of() : given.objects()) {
//|                     String name = t.string("name");
//|                     if (name == null || name.isBlank()) continue;
//|                     if (tools.size() == MAX_TOOLS) throw new Cli.Failure(shown + ": lists more than " + MAX_TOOLS
//|                             + " tools");
//|                     tools.add(new Remote(name, offeredName(name), t.string("description"), t.object("inputSchema")));
//|                 }
//|                 cursor = listed.string("nextCursor");
//|                 if (cursor == null || cursor.isEmpty()) break;
//|             }
//|             return tools;
//|         }
//|
//|         /** A tool's name as chat/completions takes it: other characters become '_', cut at 64. */
//|         static String offeredName(String name) {
//|             String offered = name.replaceAll("[^A-Za-z0-9_-]", "_");
//|             return offered.length() > 64 ? offered.substring(0, 64) : offered;
//|         }
//|
//|         /** One of the server's tools: {@code name} on the server, {@code offered} to the model. */
//|         private final class Remote implements Tool {
//|             private final String name;
//|             private final String offered;
//|             private final JsonObject definition;
//|
//|             Remote(String name, String offered, String description, JsonObject schema) {
//|                 this.name = name;
//|                 this.offered = offered;
//|                 this.definition = Tool.definition(offered, description, schema);
//|             }
//|
//|             @Override public String name() { return offered; }
//|
//|             @Override public String origin() { return shown; }
//|
//|             @Override public JsonObject definition() { return definition; }
//|
//|             @Override
//|             public Result call(JsonObject arguments, Duration limit) throws InterruptedException {
//|                 JsonObject result;
//|                 try {
//|                     result = request("tools/call", JsonValue.object("name", JsonValue.of(name), "arguments", arguments),
//|                             limit);
//|                 } catch (Cli.Failure e) {
//|                     return Result.failed(e.getMessage().substring(shown.length() + 2));
//|                 }
//|                 String text = McpContent.text(result.array("content"), result.get("structuredContent"));
//|                 if (result.boolOr("isError", false)) return Result.failed("the server says the call failed"
//|                         + (text.isBlank() ? "" : ": " + McpContent.oneLine(text)));
//|                 // Bounded as a local tool's result is: it goes to the model, whose context is far smaller.
//|                 if (text.length() > LocalTool.MAX_RESULT) return Result.failed("gave more than "
//|                         + FileReads.size(LocalTool.MAX_RESULT));
//|                 return Result.ok(text);
//|             }
//|         }
//|
//|         /** Sends request {@code method} and waits at most {@code limit} for its result; fails in one line naming it. */
//|         private JsonObject request(String method, JsonObject params, Duration limit) throws InterruptedException {
//|             long id = ids.incrementAndGet();
//|             CompletableFuture<JsonObject> answer = new CompletableFuture<>();
//|             waiting.put(id, answer);
//|             try {
//|                 send(JsonValue.object("jsonrpc", JsonValue.of("2.0"), "id", JsonValue.of(id), "method",
//|                         JsonValue.of(method), "params", params));
//|                 JsonObject message = answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
//|                 JsonObject error = message.object("error");
//|                 if (error != null) throw new Cli.Failure(shown + ": " + method + ": "
//|                         + McpContent.oneLine(error.stringOr("message", Json.write(error))));
//|                 JsonObject result = message.object("result");
//|                 if (result == null) throw new Cli.Failure(shown + ": " + method + ": the answer has no result");
//|                 return result;
//|             } catch (TimeoutException e) {
//|                 throw new Cli.Failure(shown + ": " + method + ": no answer within " + Figures.seconds(limit));
//|             } catch (ExecutionException e) {
//|                 throw new Cli.Failure(shown + ": " + e.getCause().getMessage());
//|             } finally {
//|                 waiting.remove(id);
//|             }
//|         }
//|
//|         private void notify(String method) {
//|             send(JsonValue.object("jsonrpc", JsonValue.of("2.0"), "method", JsonValue.of(method)));
//|         }
//|
//|         private synchronized void send(JsonValue message) {
//|             if (ended != null) throw new Cli.Failure(shown + ": " + ended);
//|             try {
//|                 stdin.write((Json.write(message) + "\n").getBytes(StandardCharsets.UTF_8));
//|                 stdin.flush();
//|             } catch (IOException e) {
//|                 throw new Cli.Failure(shown + ": " + endedLine());
//|             }
//|         }
//|
//|         /** Reads the server's messages: results to whoever waits for them, its own requests answered. */
//|         private void readMessages() {
//|             try (InputStream in = process.getInputStream()) {
//|                 for (String line; (line = readLine(in)) != null; ) {
//|                     if (line.isBlank()) continue;
//|                     JsonObject message;
//|                     try {
//|                         message = Json.parse(line).asObject();
//|                     } catch (RuntimeException e) {
//|                         continue;   // a server printing something else on stdout: not a message, passed over
//|                     }
//|                     JsonValue id = message.get("id");
//|                     if (message.string("method") != null) {
//|                         if (id != null) answerRequest(id, message.string("method"));
//|                     } else if (id instanceof JsonNumber n) {
//|                         CompletableFuture<JsonObject> f = waiting.get(n.longValue());
//|                         if (f != null) f.complete(message);
//|                     }
//|                 }
//|             } catch (IOException | RuntimeException e) {
//|                 // the stream broke: the server is treated as ended below
//|             }
//|             ended = endedLine();
//|             for (CompletableFuture<JsonObject> f : waiting.values()) f.completeExceptionally(new IOException(ended));
//|         }
//|
//|         private void answerRequest(JsonValue id, String method) {
//|             JsonObject answer = method.equals("ping")
//|                     ? JsonValue.object("jsonrpc", JsonValue.of("2.0"), "id", id, "result", JsonValue.object())
//|                     : JsonValue.object("jsonrpc", JsonValue.of("2.0"), "id", id, "error", JsonValue.object("code",
//|                             JsonValue.of(-32601), "message", JsonValue.of("not offered by this client: " + method)));
//|             try {
//|                 send(answer);
//|             } catch (Cli.Failure e) {
//|                 // ended meanwhile
//|             }
//|         }
//|
//|         /** One line of {@code in} without its end, or null at the end; a line past {@link #MAX_LINE} ends the reading. */
//|         private static String readLine(InputStream in) throws IOException {
//|             ByteArrayOutputStream line = new ByteArrayOutputStream();
//|             for (int b; (b = in.read()) != -1; ) {
//|                 if (b == '\n') return line.toString(StandardCharsets.UTF_8);
//|                 if (line.size() == MAX_LINE) throw new IOException("the server sent a line over "
//|                         + FileReads.size(MAX_LINE));
//|                 line.write(b);
//|             }
//|             return line.size() > 0 ? line.toString(StandardCharsets.UTF_8) : null;
//|         }
//|
//|         private void readErrors() {
//|             byte[] buffer = new byte[4096];
//|             try (InputStream err = process.getErrorStream()) {
//|                 for (int n; (n = err.read(buffer)) > 0; ) {
//|                     synchronized (stderrTail) {
//|                         stderrTail.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
//|                         if (stderrTail.length() > 8192) stderrTail.delete(0, stderrTail.length() - 4096);
//|                     }
//|                 }
//|             } catch (IOException e) {
//|                 // ended
//|             }
//|         }
//|
//|         /** {@code the server ended (exit 1: its last line)}, or that it stopped answering while still running. */
//|         private String endedLine() {
//|             try {
//|                 // An ended server's stderr is read to its end first: its last line says why.
//|                 if (process.waitFor(500, TimeUnit.MILLISECONDS)) errors.join(1000);
//|             } catch (InterruptedException e) {
//|                 Thread.currentThread().interrupt();
//|             }
//|             String last;
//|             synchronized (stderrTail) {
//|                 String[] lines = stderrTail.toString().strip().split("\n");
//|                 last = McpContent.oneLine(lines[lines.length - 1]);
//|             }
//|             if (!process.isAlive()) return "the server ended (exit " + process.exitValue() + (last.isEmpty() ? ""
//|                     : ": " + last) + ")";
//|             return "the server closed its output" + (last.isEmpty() ? "" : " (" + last + ")");
//|         }
//|
//|         /** Closes its stdin (the protocol's way to end), then ends it if it lingers. */
//|         @Override
//|         public void close() {
//|             try {
//|                 stdin.close();
//|             } catch (IOException e) {
//|                 // already gone
//|             }
//|             try {
//|                 if (process.waitFor(2, TimeUnit.SECONDS)) return;
//|             } catch (InterruptedException e) {
//|                 Thread.currentThread().interrupt();
//|             }
//|             ToolProcess.stop(process);
//|         }
//|     }
//|
//|     // ---- lib/chat/tools/RemoteMcp.java
//|     /**
//|      * {@code --mcp URL}: the router's Remote MCP, through its beta {@code POST /v1/responses}: the router connects to the
//|      * server, lists its tools and calls them for the model. A request carries {@code {"type":"mcp", "server_label",
//|      * "server_url", "allowed_tools", "require_approval"}}; calls ask for approval ({@code mcp_approval_request}) unless
//|      * {@code --yes}, and an approval is a new request carrying the whole input again (the API keeps no state): the
//|      * question, the response's output items, and an {@code mcp_approval_response} for each request ({@link ToolRunner}).
//|      */
//|     static final class RemoteMcp {
//|         private RemoteMcp() { }
//|
//|         /** The request's {@code tools}: one entry a server; {@code allowed}: its tools the model may call (all: empty). */
//|         static JsonArray tools(List<String> urls, List<String> allowed, boolean yes) {
//|             List<JsonValue> tools = new ArrayList<>();
//|             List<String> labels = new ArrayList<>();
//|             for (String url : urls) {
//|                 String label = label(url);
//|                 for (int n = 2; labels.contains(label); n++) label = label(url) + "_" + n;
//|                 labels.add(label);
//|                 tools.add(JsonValue.object("type", JsonValue.of("mcp"), "server_label", JsonValue.of(label), "server_url",
//|                         JsonValue.of(url), "allowed_tools", allowed.isEmpty() ? null : JsonArray.ofStrings(allowed),
//|                         "require_approval", JsonValue.of(yes ? "never" : "always")));
//|             }
//|             return new JsonArray(tools);
//|         }
//|
//|         /** An https URL (http only to this machine), refused in one line naming --mcp otherwise. */
//|         static String checked(String url) {
//|             URI uri;
//|             try {
//|                 uri = URI.create(url);
//|             } catch (IllegalArgumentException e) {
//|                 throw new Cli.UsageException("invalid value for --mcp: '" + Printable.line(url) + "' (an https URL)");
//|             }
//|             String host = uri.getHost();
//|             boolean local = "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
//|             if (host == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && local)) {
//|                 throw new Cli.UsageException("invalid value for --mcp: '" + Printable.line(url) + "' (an https URL)");
//|             }
//|             if (uri.getUserInfo() != null) throw new Cli.UsageException("--mcp: a URL with a login in it would be sent "
//|                     + "to the router; give the server's URL without one");
//|             return url;
//|         }
//|
//|         /** {@code gitmcp_io}: the host, as a label (letters, digits, _ and -). */
//|         private static String label(String url) {
//|             String host = URI.create(url).getHost();
//|             return host.replaceAll("[^A-Za-z0-9_-]", "_");
//|         }
//|
//|         /** Whether {@code extra} (a request's added fields) offers Remote MCP: then the request goes to /v1/responses. */
//|         static boolean offeredIn(JsonObject extra) {
//|             JsonArray tools = extra == null ? null : extra.array("tools");
//|             if (tools == null) return false;
//|             for (JsonObject t : tools.objects()) if ("mcp".equals(t.string("type"))) return true;
//|             return false;
//|         }
//|
//|         /**
//|          * The /v1/responses body asking {@code messages} of {@code model}: system messages become {@code instructions},
//|          * the others input items ({@code {"type":"message", role, content}}; items of earlier responses as they were).
//|          */
//|         static JsonValue request(String model, List<JsonValue> messages, ChatRun.Settings settings) {
//|             List<JsonValue> input = new ArrayList<>();
//|             StringBuilder instructions = new StringBuilder();
//|             for (JsonValue m : messages) {
//|                 JsonObject o = m.asObject();
//|                 if (o.has("type")) {
//|                     input.add(o);
//|                 } else if ("system".equals(o.string("role"))) {
//|                     instructions.append(instructions.length() == 0 ? "" : "\n\n").append(o.stringOr("content", ""));
//|                 } else {
//|                     input.add(JsonValue.object("type", JsonValue.of("message"), "role", o.get("role"), "content",
//|                             o.get("content")));
//|                 }
//|             }
//|             return JsonValue.object("model", JsonValue.of(model), "instructions", instructions.length() == 0 ? null
//|                     : JsonValue.of(instructions.toString()), "input", new JsonArray(input), "tools",
//|                     settings.extra().get("tools"), "temperature", settings.temperature() == null ? null
//|                             : new JsonNumber(Figures.plain(settings.temperature())), "max_output_tokens",
//|                     settings.maxTokens() == null ? null : JsonValue.of(settings.maxTokens()), "stream",
//|                     JsonValue.of(settings.stream()));
//|         }
//|     }
//|
//|     // ---- lib/chat/tools/ResponseEvents.java
//|     /**
//|      * What a {@code /v1/responses} answer says, streamed ({@code response.output_text.delta}, {@code
//|      * response.output_item.done} with {@code mcp_call}, {@code mcp_list_tools} and {@code mcp_approval_request} items,
//|      * {@code response.completed}) or whole (the response object): the text shown as it comes, each remote call said on
//|      * stderr, and an {@link ChatRun.Answer} whose calls are the approval requests and whose items are the response's
//|      * output (what the next request carries back).
//|      */
//|     static final class ResponseEvents {
//|         private final ChatOutput output;
//|         private final PrintStream err;
//|         private final List<JsonValue> items = new ArrayList<>();
//|         private final List<ToolCall> approvals = new ArrayList<>();
//|         private JsonObject completed;
//|         /** The ids of the calls and approval requests said (streamed items come again in the completed response). */
//|         private final java.util.Set<String> saidCalls = new java.util.HashSet<>();
//|         private String finish;
//|
//|         private ResponseEvents(ChatOutput output, PrintStream err) {
//|             this.output = output;
//|             this.err = err;
//|         }
//|
//|         /** Reads the answer in {@code response}; a failure (the stream broke, an error event) is a RouterError. */
//|         static ChatRun.Answer read(RouterResponse response, boolean streamed, String model, String provider,
//|                 String requestId, ChatOutput output, PrintStream err) throws RouterError {
//|             ResponseEvents events = new ResponseEvents(output, err);
//|             if (streamed) events.stream(response);
//|             else events.whole(response);
//|             JsonObject usage = events.completed == null ? null : events.completed.object("usage");
//|             ChatChunk.Usage used = usage == null ? null : new ChatChunk.Usage(usage.longOr("input_tokens", 0),
//|                     usage.longOr("output_tokens", 0), usage.longOr("total_tokens", usage.longOr("input_tokens", 0)
//|                             + usage.longOr("output_tokens", 0)));
//|             return new ChatRun.Answer(model, provider, output.answerText(), output.reasoningText(), events.finish, used,
//|                     requestId).withCalls(events.approvals, new JsonArray(events.items));
//|         }
//|
//|         private void stream(RouterResponse response) throws RouterError {
//|             Sse sse = new Sse();
//|             while (completed == null) {
//|                 String line = response.nextLine();
//|                 String data = line != null ? sse.line(line) : sse.end();
//|                 if (data != null && !data.strip().equals("[DONE]")) event(parse(data));
//|                 if (line == null) break;
//|                 if (output.size() > ChatRun.MAX_ANSWER) throw new RouterError(0, "the answer passed "
//|                         + ChatRun.MAX_ANSWER / (1024 * 1024) + " MB");
//|             }
//|             if (completed == null) throw new RouterError(0, "the stream stopped before the answer was complete");
//|         }
//|
//|         private void whole(RouterResponse response) throws RouterError {
//|             JsonObject r = parse(response.rest(RouterClient.MAX_BODY));
//|             if (r.get("error") instanceof JsonObject e) throw new RouterError(0, "error: "
//|                     + McpContent.oneLine(e.stringOr("message", Json.write(e))));
//|             JsonArray out = r.array("output");
//|             for (JsonObject item : out == null ? List.<JsonObject>of() : out.objects()) {
//|                 if ("message".equals(item.string("type"))) {
//|                     JsonArray parts = item.array("content");
//|                     for (JsonObject p : parts == null ? List.<JsonObject>of() : parts.objects()) {
//|                         if ("output_text".equals(p.string("type")) && p.string("text") != null) output.content(p.string(
//|                                 "text"));
//|                     }
//|                 } else {
//|                     said(item);   // in the order the router gives: a call said before the text it led to
//|                 }
//|             }
//|             done(r);
//|         }
//|
//|         private static JsonObject parse(String data) throws RouterError {
//|             try {
//|                 return Json.parse(data).asObject();
//|             } catch (JsonException e) {
//|                 throw new RouterError(0, "the stream carried something that is not JSON (" + e.getMessage() + ")");
//|             }
//|         }
//|
//|         private void event(JsonObject e) throws RouterError {
//|             String type = e.stringOr("type", "");
//|             switch (type) {
//|                 case "response.output_text.delta" -> output.content(e.stringOr("delta", ""));
//|                 case "response.reasoning_text.delta", "response.reasoning_summary_text.delta" -> output.reasoning(
//|                         e.stringOr("delta", ""));
//|                 case "response.output_item.done" -> {
//|                     JsonObject item = e.object("item");
//|                     if (item != null) {
//|                         items.add(item);
//|                         said(item);
//|                     }
//|                 }
//|                 case "response.completed", "response.incomplete" -> done(e.object("response"));
//|                 case "response.failed" -> {
//|                     JsonObject r = e.object("response");
//|                     JsonObject error = r == null ? null : r.object("error");
//|                     throw new RouterError(0, "the response failed" + (error == null ? "" : ": "
//|                             + McpContent.oneLine(error.stringOr("message", Json.write(error)))));
//|                 }
//|                 case "error" -> throw new RouterError(0, "error in the stream: " + McpContent.oneLine(e.stringOr(
//|                         "message", Json.write(e))));
//|                 default -> { }
//|             }
//|         }
//|
//|         /** An output item, said on stderr when it is a remote call or a server's tool list that failed. */
//|         private void said(JsonObject item) {
//|             String type = item.stringOr("type", "");
//|             String server = item.stringOr("server_label", "");
//|             if (type.equals("mcp_call")) {
//|                 if (!saidCalls.add(item.stringOr("id", ""))) return;   // said once, as it came or at the end
//|                 output.breakLine();
//|                 JsonValue failed = item.get("error");
//|                 String error = failed instanceof JsonString s ? s.value() : failed instanceof JsonObject o
//|                         ? o.stringOr("message", Json.write(o)) : null;
//|                 String call = new ToolCall(item.stringOr("id", ""), server + "." + item.stringOr("name", ""),
//|                         item.stringOr("arguments", "")).shown();
//|                 Cli.say(err, "remote tool call " + call + (error == null ? " ran" : " failed: "
//|                         + McpContent.oneLine(error)));
//|             } else if (type.equals("mcp_list_tools") && item.get("error") != null && item.get("error") != JsonValue.NULL
//|                     && saidCalls.add(item.stringOr("id", ""))) {
//|                 String why = item.get("error") instanceof JsonString s ? s.value() : Json.write(item.get("error"));
//|                 Cli.say(err, "remote MCP " + McpContent.oneLine(server) + ": could not list its tools: "
//|                         + McpContent.oneLine(why));
//|             } else if (type.equals("mcp_approval_request") && saidCalls.add(item.stringOr("id", ""))) {
//|                 approvals.add(new ToolCall(item.stringOr("id", ""), item.stringOr("name", ""), item.stringOr("arguments",
//|                         "")));
//|             }
//|         }
//|
//|         private void done(JsonObject response) {
//|             completed = response == null ? JsonValue.object() : response;
//|             JsonArray out = completed.array("output");
//|             if (out != null) {
//|                 items.clear();
//|                 items.addAll(out.elements());
//|                 for (JsonObject item : out.objects()) said(item);
//|             }
//|             JsonObject incomplete = completed.object("incomplete_details");
//|             finish = "incomplete".equals(completed.string("status")) ? (incomplete != null
//|                     && "max_output_tokens".equals(incomplete.string("reason")) ? "length" : "incomplete")
//|                     : !approvals.isEmpty() ? "tool_calls" : "stop";
//|         }
//|     }
//|
//|     // ---- lib/chat/tools/Tool.java
//|     /**
//|      * A function the model may call: a local program ({@link LocalTool}) or a tool of an MCP server ({@link McpServer}).
//|      * {@code name}: what the model calls it (unique among the tools offered); {@code origin}: where it comes from, as
//|      * the user named it.
//|      */
//|     interface Tool {
//|         /** What a call came to: {@code text}, the result the model is given, or {@code failure}, one line (text ""). */
//|         record Result(String text, String failure) {
//|             static Result ok(String text) { return new Result(text, null); }
//|
//|             static Result failed(String why) { return new Result("", why); }
//|         }
//|
//|         String name();
//|
//|         String origin();
//|
//|         /** {@code {"type":"function","function":{name, description, parameters}}}, as chat/completions takes it. */
//|         JsonObject definition();
//|
//|         /** Runs the call with {@code arguments} for at most {@code limit}. */
//|         Result call(JsonObject arguments, Duration limit) throws InterruptedException;
//|
//|         /** The pattern chat/completions takes for a function's name. */
//|         String NAME = "[A-Za-z0-9_-]{1,64}";
//|
//|         /** The definition of a function called {@code name}; parameters default to an object without properties. */
//|         static JsonObject definition(String name, String description, JsonObject parameters) {
//|             JsonObject schema = parameters != null ? parameters : JsonValue.object("type", JsonValue.of("object"),
//|                     "properties", JsonValue.object());
//|             // A JSON schema's "$schema" tells nothing to a model, and some providers refuse a key starting with '$'.
//|             schema = schema.without("$schema");
//|             return JsonValue.object("type", JsonValue.of("function"), "function", JsonValue.object("name",
//|                     JsonValue.of(name), "description", description == null ? null : JsonValue.of(description),
//|                     "parameters", schema));
//|         }
//|     }
//|
//|     // ---- lib/chat/tools/ToolApproval.java
//|     /**
//|      * Whether a tool call may run. On a terminal every call is asked {@code [y/N/a]} (a: always, for that tool, until
//|      * chat ends); with {@code --yes} every call runs; else (no terminal to ask on) every call is refused, said once.
//|      */
//|     static final class ToolApproval {
//|         enum Mode { ASK, YES, REFUSE }
//|
//|         private final Mode mode;
//|         /** The user's next line, or null at the end of input. */
//|         private final Supplier<String> answers;
//|         private final PrintStream err;
//|         private final Set<String> always = new HashSet<>();
//|         private boolean toldRefused;
//|
//|         ToolApproval(Mode mode, Supplier<String> answers, PrintStream err) {
//|             this.mode = mode;
//|             this.answers = answers;
//|             this.err = err;
//|         }
//|
//|         /** Whether {@code call} of the tool {@code name} (from {@code origin}) may run; asks on a terminal. */
//|         boolean allows(ToolCall call, String origin) {
//|             if (mode == Mode.YES || always.contains(call.name())) return true;
//|             if (mode == Mode.REFUSE) {
//|                 if (!toldRefused) Cli.say(err, "tool calls are not run without a terminal to ask on; --yes runs them "
//|                         + "without asking");
//|                 toldRefused = true;
//|                 return false;
//|             }
//|             err.print(Running.program() + ": run " + Running.redact(call.shown()) + " (" + origin + ")? [y/N/a] ");
//|             err.flush();
//|             String answer = answers.get();
//|             if (answer == null) err.println();
//|             String a = answer == null ? "" : answer.strip().toLowerCase(java.util.Locale.ROOT);
//|             if (a.equals("a") || a.equals("always")) always.add(call.name());
//|             return a.equals("y") || a.equals("yes") || a.equals("a") || a.equals("always");
//|         }
//|     }
//|
//|     // ---- lib/chat/tools/ToolBox.java
//|     /**
//|      * The tools a question offers: {@code --tool PATH}s, the executables of {@code --tools DIR}s, and the tools of the
//|      * {@code --mcp-server}s (started here, stopped by {@link #close}). Names are unique: two tools of one name fail,
//|      * naming both.
//|      */
//|     static final class ToolBox implements AutoCloseable {
//|         private final Map<String, Tool> tools = new LinkedHashMap<>();
//|         private final List<McpServer> servers = new ArrayList<>();
//|
//|         private ToolBox() { }
//|
//|         /** Describes the tools and starts the servers; fails in one line (the servers started are stopped). */
//|         static ToolBox open(List<String> paths, List<String> folders, List<String> servers) throws InterruptedException {
//|             ToolBox box = new ToolBox();
//|             try {
//|                 for (String path : paths) box.add(LocalTool.of(path));
//|                 for (String folder : folders) for (String path : executables(folder)) box.add(LocalTool.of(path));
//|                 for (String command : servers) {
//|                     McpServer server = McpServer.start(command);
//|                     box.servers.add(server);
//|                     for (Tool t : server.tools()) box.add(t);
//|                 }
//|             } catch (RuntimeException | InterruptedException e) {
//|                 box.close();
//|                 throw e;
//|             }
//|             return box;
//|         }
//|
//|         /** The executable regular files of {@code folder}, by name; hidden ones (.name) are not tools. */
//|         private static List<String> executables(String folder) {
//|             List<Path> entries;
//|             try {
//|                 entries = FileReads.list(Path.of(folder));
//|             } catch (java.io.IOException e) {
//|                 throw new Cli.Failure("--tools " + Printable.line(folder) + ": " + (e instanceof FileReads.NotRegular
//|                         ? "not a folder" : e.getMessage()));
//|             }
//|             List<String> found = new ArrayList<>();
//|             for (Path p : entries) {
//|                 if (p.getFileName().toString().startsWith(".") || !Files.isRegularFile(p)
//|                         || !Files.isExecutable(p)) continue;
//|                 found.add(p.toString());
//|             }
//|             return found;
//|         }
//|
//|         /** The most tools one request offers (OpenAI's limit, which providers follow). */
//|         static final int MAX_TOOLS = 128;
//|
//|         private void add(Tool tool) {
//|             if (tools.size() == MAX_TOOLS) throw new Cli.Failure("more than " + MAX_TOOLS + " tools to offer (the most a "
//|                     + "request takes); from " + tool.origin() + " on, choose fewer");
//|             Tool before = tools.putIfAbsent(tool.name(), tool);
//|             if (before != null) throw new Cli.Failure("two tools are called " + tool.name() + ": from " + before.origin()
//|                     + " and from " + tool.origin());
//|         }
//|
//|         boolean isEmpty() { return tools.isEmpty(); }
//|
//|         int size() { return tools.size(); }
//|
//|         /** The request's {@code tools}. */
//|         JsonArray definitions() {
//|             List<JsonValue> list = new ArrayList<>();
//|             for (Tool t : tools.values()) list.add(t.definition());
//|             return new JsonArray(list);
//|         }
//|
//|         /** The tool the model calls {@code name}, or null. */
//|         Tool find(String name) { return tools.get(name); }
//|
//|         @Override
//|         public void close() {
//|             for (McpServer s : servers) s.close();
//|             servers.clear();
//|         }
//|     }
//|
//|     // ---- lib/chat/tools/ToolCall.java
//|     /**
//|      * One call the model asked for: its id (the one the {@code tool} message answers), the function's name and its
//|      * arguments as the model wrote them (JSON text, perhaps broken: they are read only when the call is run).
//|      */
//|     record ToolCall(String id, String name, String arguments) {
//|         /** The arguments as an object; "" (a call without arguments, as some providers send it) is {}. */
//|         JsonObject argumentsObject() {
//|             if (arguments.isBlank()) return JsonValue.object();
//|             JsonValue v = Json.parse(arguments);
//|             if (!(v instanceof JsonObject o)) throw new JsonException("the arguments are not a JSON object");
//|             return o;
//|         }
//|
//|         /** The call as the assistant message that asked it carries it back ({@code tool_calls[]}). */
//|         JsonObject json() {
//|             return JsonValue.object("id", JsonValue.of(id), "type", JsonValue.of("function"), "function",
//|                     JsonValue.object("name", JsonValue.of(name), "arguments", JsonValue.of(arguments.isBlank() ? "{}"
//|                             : arguments)));
//|         }
//|
//|         /** {@code get_weather {"city":"Paris"}}: the call on one line, the arguments cut at 200 chars. */
//|         String shown() {
//|             String args = arguments.isBlank() ? "{}" : arguments.replaceAll("\\s+", " ");
//|             return shownName() + " " + Printable.line(args.length() > 200 ? args.substring(0, 200) + "\u2026" : args);
//|         }
//|
//|         /** The name as the model gave it, made printable and cut at 64 chars (a model may send anything). */
//|         String shownName() {
//|             String shown = Printable.line(name);
//|             return shown.length() > 64 ? shown.substring(0, 64) + "\u2026" : shown;
//|         }
//|     }
//|
//|     // ---- lib/chat/tools/ToolCallParts.java
//|     /**
//|      * Tool calls put together from a stream's {@code delta.tool_calls} fragments, as HF providers send them: the name
//|      * and id on the first fragment and arguments in pieces after it; some leave {@code index} out, or {@code id} out of
//|      * later fragments, or send {@code ""} as id; one sends the arguments as an object rather than text. A fragment is
//|      * the call its index names, else the one its id names, else (neither) the last call begun.
//|      */
//|     static final class ToolCallParts {
//|         private static final class Part {
//|             Integer index;
//|             String id;
//|             String name;
//|             final StringBuilder arguments = new StringBuilder();
//|         }
//|
//|         private final List<Part> parts = new ArrayList<>();
//|         private int size;
//|
//|         /** Adds one fragment ({@code {index, id, type, function: {name, arguments}}}). */
//|         void add(JsonObject fragment) {
//|             Integer index = fragment.get("index") instanceof JsonNumber n ? Integer.valueOf((int) n.longValue()) : null;
//|             String id = fragment.string("id");
//|             if (id != null && id.isBlank()) id = null;
//|             Part part = find(index, id);
//|             if (part.index == null) part.index = index;
//|             if (part.id == null) part.id = id;
//|             JsonObject function = fragment.object("function");
//|             if (function == null) return;
//|             String name = function.string("name");
//|             if (part.name == null && name != null && !name.isBlank()) part.name = name;
//|             JsonValue arguments = function.get("arguments");
//|             String text = arguments instanceof JsonString s ? s.value() : arguments instanceof JsonObject o ? Json.write(o)
//|                     : null;
//|             if (text != null) {
//|                 part.arguments.append(text);
//|                 size += text.length();
//|             }
//|         }
//|
//|         /** Adds a whole call of a whole answer ({@code message.tool_calls[place]}), which is a call of its own. */
//|         void add(JsonObject call, int place) { add(call.with("index", JsonValue.of(place))); }
//|
//|         private Part find(Integer index, String id) {
//|             for (Part p : parts) if (index != null && index.equals(p.index)) return p;
//|             for (Part p : parts) if (id != null && id.equals(p.id)) return p;
//|             if (index == null && id == null && !parts.isEmpty()) return parts.get(parts.size() - 1);
//|             Part p = new Part();
//|             parts.add(p);
//|             return p;
//|         }
//|
//|         /** The characters of arguments so far: bounded with the answer's own. */
//|         int size() { return size; }
//|
//|         boolean isEmpty() { return calls().isEmpty(); }
//|
//|         /** The calls that have a name, in order; one without an id gets {@code call_N} (N: its place, from 1). */
//|         List<ToolCall> calls() {
//|             List<ToolCall> calls = new ArrayList<>();
//|             for (int i = 0; i < parts.size(); i++) {
//|                 Part p = parts.get(i);
//|                 if (p.name != null) calls.add(new ToolCall(p.id != null ? p.id : "call_" + (i + 1), p.name,
//|                         p.arguments.toString()));
//|             }
//|             return calls;
//|         }
//|     }
//|
//|     // ---- lib/chat/tools/ToolHistory.java
//|     /**
//|      * A conversation's earlier tool rounds, as the request asking its next question can carry them. A question asked
//|      * with the same kind of tools sends them as they were; one asked without tools (or with the other kind) would be
//|      * refused by providers for naming calls of tools it does not define, so there each round becomes plain text: the
//|      * assistant's calls a line each, their results one user message, keeping the turns alternating. A Remote MCP round's
//|      * own items ({@code mcp_list_tools}, approvals) go only to /v1/responses; elsewhere the answer they led to stands.
//|      */
//|     static final class ToolHistory {
//|         /** What the request offers: no tools, functions (chat/completions), or Remote MCP (/v1/responses). */
//|         enum Offered { NONE, FUNCTIONS, REMOTE_MCP }
//|
//|         private ToolHistory() { }
//|
//|         static Offered of(ChatRun.Settings settings) {
//|             if (settings.extra() == null || !settings.extra().has("tools")) return Offered.NONE;
//|             return RemoteMcp.offeredIn(settings.extra()) ? Offered.REMOTE_MCP : Offered.FUNCTIONS;
//|         }
//|
//|         static List<JsonValue> forRequest(List<JsonValue> history, Offered offered) {
//|             List<JsonValue> sent = new ArrayList<>();
//|             Map<String, String> names = new HashMap<>();
//|             StringBuilder results = null;
//|             for (JsonValue m : history) {
//|                 JsonObject o = m.asObject();
//|                 boolean item = o.has("type") && !o.has("role");
//|                 boolean tool = "tool".equals(o.string("role"));
//|                 boolean calls = o.has("tool_calls");
//|                 if (results != null && !tool) {
//|                     sent.add(ChatReport.message("user", results.toString()));
//|                     results = null;
//|                 }
//|                 if (item) {
//|                     if (offered == Offered.REMOTE_MCP) sent.add(o);
//|                 } else if (offered == Offered.FUNCTIONS || !tool && !calls) {
//|                     sent.add(o);
//|                 } else if (calls) {
//|                     StringBuilder said = new StringBuilder(o.stringOr("content", ""));
//|                     for (JsonObject c : o.array("tool_calls").objects()) {
//|                         JsonObject f = c.object("function");
//|                         String name = f == null ? "?" : f.stringOr("name", "?");
//|                         names.put(c.stringOr("id", ""), name);
//|                         if (said.length() > 0) said.append('\n');
//|                         said.append("(called the tool ").append(name).append(' ').append(f == null ? "{}"
//|                                 : f.stringOr("arguments", "{}")).append(')');
//|                     }
//|                     sent.add(ChatReport.message("assistant", said.toString()));
//|                 } else {
//|                     results = results == null ? new StringBuilder() : results.append("\n\n");
//|                     results.append("(the tool ").append(names.getOrDefault(o.stringOr("tool_call_id", ""), "?"))
//|                             .append(" gave: ").append(o.stringOr("content", "")).append(')');
//|                 }
//|             }
//|             if (results != null) sent.add(ChatReport.message("user", results.toString()));
//|             return sent;
//|         }
//|     }
//|
//|     // ---- lib/chat/tools/ToolProcess.java
//|     /**
//|      * A program run for a tool, bounded: its input written to stdin, its stdout kept up to a limit, the last line of its
//|      * stderr kept to say why it failed, stopped (with its children) when it runs past a time limit. It gets this
//|      * process's environment without the Hugging Face token variables: a tool is some other program, and the token goes
//|      * only to the Hugging Face hosts.
//|      */
//|     static final class ToolProcess {
//|         /** {@code failure}: one line saying why the run did not give a result (null: it did; its stdout is the result). */
//|         record Outcome(String stdout, String failure) { }
//|
//|         private ToolProcess() { }
//|
//|         /** A process builder for {@code command} whose environment holds no Hugging Face token. */
//|         static ProcessBuilder builder(List<String> command) {
//|             ProcessBuilder builder = new ProcessBuilder(command);
//|             for (String variable : Token.VARIABLES) builder.environment().remove(variable);
//|             return builder;
//|         }
//|
//|         /** Runs {@code command} with {@code input} on stdin, for {@code limit} at most, keeping {@code max} bytes. */
//|         static Outcome run(List<String> command, String input, Duration limit, int max) throws InterruptedException {
//|             Process process;
//|             try {
//|                 process = builder(command).start();
//|             } catch (IOException e) {
//|                 return new Outcome("", "could not start: " + whyNotStarted(e));
//|             }
//|             Drain out = new Drain(process.getInputStream(), max, false);
//|             Drain err = new Drain(process.getErrorStream(), 64 * 1024, true);
//|             Thread writer = daemon(() -> {
//|                 try (OutputStream stdin = process.getOutputStream()) {
//|                     stdin.write(input.getBytes(StandardCharsets.UTF_8));
//|                 } catch (IOException e) {
//|                     // A tool that does not read its input closes the pipe: what it prints still counts.
//|                 }
//|             });
//|             Thread reading = daemon(out), errors = daemon(err);
//|             long deadline = System.nanoTime() + limit.toNanos();
//|             try {
//|                 // Polled, so that a tool printing without end is stopped as soon as it passes the limit.
//|                 while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
//|                     if (out.over) return new Outcome("", "printed more than " + FileReads.size(max));
//|                     if (System.nanoTime() > deadline) return new Outcome("", "ran past " + Figures.seconds(limit)
//|                             + " (stopped)");
//|                 }
//|                 reading.join(2000);
//|                 errors.join(2000);
//|                 writer.join(100);
//|                 if (out.over) return new Outcome("", "printed more than " + FileReads.size(max));
//|                 if (process.exitValue() != 0) {
//|                     String why = err.lastLine();
//|                     return new Outcome("", "exited " + process.exitValue() + (why.isEmpty() ? "" : " (" + why + ")"));
//|                 }
//|                 return new Outcome(out.text(), null);
//|             } finally {
//|                 if (process.isAlive()) stop(process);
//|             }
//|         }
//|
//|         /**
//|          * Why a program could not start, as the OS said it ({@code No such file or directory}): the JDK wraps it in
//|          * words that differ from release to release ({@code error=2, ...} on 17, {@code Exec failed, error: 2 (...)}
//|          * on 25).
//|          */
//|         static String whyNotStarted(IOException e) {
//|             String said = String.valueOf(e.getMessage()).strip();
//|             java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:\\(([^()]*)\\)|error=\\d+, (.*))$")
//|                     .matcher(said);
//|             return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : said;
//|         }
//|
//|         /** Ends {@code process} and what it started: asked first, then forced. */
//|         static void stop(Process process) {
//|             process.descendants().forEach(ProcessHandle::destroyForcibly);
//|             process.destroy();
//|             try {
//|                 if (!process.waitFor(2, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
//|             } catch (InterruptedException e) {
//|                 process.destroyForcibly();
//|                 Thread.currentThread().interrupt();
//|             }
//|         }
//|
//|         static Thread daemon(Runnable body) {
//|             Thread t = new Thread(body, "tool-io");
//|             t.setDaemon(true);
//|             t.start();
//|             return t;
//|         }
//|
//|         /**
//|          * Reads a stream to its end, keeping at most {@code max} bytes: its start (stdout: reading stops once past the
//|          * limit, which ends the run), or with {@code keepEnd} its end (stderr, whose last line says why).
//|          */
//|         private static final class Drain implements Runnable {
//|             private final InputStream in;
//|             private final int max;
//|             private final boolean keepEnd;
//|             private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
//|             volatile boolean over;
//|
//|             Drain(InputStream in, int max, boolean keepEnd) {
//|                 this.in = in;
//|                 this.max = max;
//|                 this.keepEnd = keepEnd;
//|             }
//|
//|             @Override
//|             public void run() {
//|                 byte[] buffer = new byte[8192];
//|                 try (in) {
//|                     for (int n; (n = in.read(buffer)) > 0; ) {
//|                         synchronized (kept) {
//|                             if (keepEnd && kept.size() + n > max) {
//|                                 byte[] all = kept.toByteArray();
//|                                 kept.reset();
//|                                 kept.write(all, all.length / 2, all.length - all.length / 2);
//|                             }
//|                             int room = max - kept.size();
//|                             kept.write(buffer, 0, Math.min(room, n));
//|                             if (n > room) {
//|                                 over = true;
//|                                 return;
//|                             }
//|                         }
//|                     }
//|                 } catch (IOException e) {
//|                     // the process ended or was stopped: what came is kept
//|                 }
//|             }
//|
//|             String text() {
//|                 synchronized (kept) {
//|                     return kept.toString(StandardCharsets.UTF_8);
//|                 }
//|             }
//|
//|             /** The last non-blank line, on one line and cut at 200 chars. */
//|             String lastLine() {
//|                 String[] lines = text().strip().split("\n");
//|                 return McpContent.oneLine(lines[lines.length - 1]);
//|             }
//|         }
//|     }
//|
//|     // ---- lib/chat/tools/ToolRunner.java
//|     /**
//|      * The tool calls of one question, round after round: each call shown on stderr, asked ({@link ToolApproval}), run,
//|      * and its result (or why it failed or did not run) given to the model, as a {@code tool} message answering the
//|      * call's id. At most {@code max} calls a question (--max-tool-calls): a call past it is not run, the model is told
//|      * so and asked once more without tools ({@link #exhausted}). Remote MCP calls ({@code /v1/responses}) are run by the
//|      * router: here they are only approved, or not ({@code mcp_approval_response}).
//|      */
//|     static final class ToolRunner {
//|         private final ToolBox box;
//|         private final ToolApproval approval;
//|         private final int max;
//|         private final Duration limit;
//|         private final PrintStream err;
//|         private int calls;
//|         private boolean exhausted;
//|
//|         ToolRunner(ToolBox box, ToolApproval approval, int max, Duration limit, PrintStream err) {
//|             this.box = box;
//|             this.approval = approval;
//|             this.max = max;
//|             this.limit = limit;
//|             this.err = err;
//|         }
//|
//|         void newQuestion() {
//|             calls = 0;
//|             exhausted = false;
//|         }
//|
//|         /** Whether a call was refused for the limit: the next request asks for an answer without tools. */
//|         boolean exhausted() { return exhausted; }
//|
//|         int max() { return max; }
//|
//|         /** {@code settings} asking for an answer without more calls ({@code tool_choice: none}; the tools stay defined,
//|          * since the history names them). */
//|         static ChatRun.Settings withoutTools(ChatRun.Settings settings) {
//|             return new ChatRun.Settings(settings.temperature(), settings.maxTokens(), settings.stream(),
//|                     settings.retries(), settings.idle(), settings.responseFormat(), settings.reroute(), settings.maxCost(),
//|                     settings.maxCostFrom(), settings.extra().with("tool_choice", JsonValue.of("none")));
//|         }
//|
//|         /**
//|          * What carries the question on after {@code answer} asked for tools: the answer itself (the assistant message
//|          * with its calls; a response's output items), then a result for each call.
//|          */
//|         List<JsonValue> round(ChatRun.Answer answer) throws InterruptedException {
//|             String cut = "length".equals(answer.finishReason()) ? answer.calls().get(answer.calls().size() - 1)
//|                     .shownName() : null;
//|             if (cut != null) throw new Cli.Failure("the model's call to " + cut + " was cut off at the "
//|                     + "token limit (finish_reason: length); nothing was run (raise --max-tokens)");
//|             if (exhausted) throw new Cli.Failure("the model asked for more tool calls after the limit of " + max
//|                     + " (--max-tool-calls); stopped");
//|             List<JsonValue> carried = new ArrayList<>();
//|             if (answer.items() != null) {
//|                 carried.addAll(answer.items().elements());
//|                 for (ToolCall call : answer.calls()) carried.add(JsonValue.object("type",
//|                         JsonValue.of("mcp_approval_response"), "approval_request_id", JsonValue.of(call.id()), "approve",
//|                         JsonValue.of(refusal(call, "--mcp " + serverOf(call, answer.items())) == null)));
//|                 return carried;
//|             }
//|             carried.add(said(answer));
//|             for (ToolCall call : answer.calls()) {
//|                 Tool.Result result = run(call);
//|                 String content = result.failure() == null ? result.text() : "error: " + result.failure();
//|                 carried.add(JsonValue.object("role", JsonValue.of("tool"), "tool_call_id", JsonValue.of(call.id()),
//|                         "content", JsonValue.of(content)));
//|             }
//|             return carried;
//|         }
//|
//|         /** The server a remote call's approval request names ({@code server_label}), as --mcp gave it. */
//|         private static String serverOf(ToolCall call, JsonArray items) {
//|             for (JsonObject item : items.objects()) {
//|                 if (call.id().equals(item.string("id"))) return Printable.line(item.stringOr("server_label", "?"));
//|             }
//|             return "?";
//|         }
//|
//|         /**
//|          * The assistant message that asked for the calls. Its content is null when it said nothing, never "" (some
//|          * providers refuse an empty content beside tool calls, with a 400); its reasoning goes back as
//|          * {@code reasoning_content} (some models need it, and {@link ChatRun} drops it for a provider that refuses it).
//|          */
//|         static JsonObject said(ChatRun.Answer answer) {
//|             List<JsonValue> calls = new ArrayList<>();
//|             for (ToolCall c : answer.calls()) calls.add(c.json());
//|             return JsonValue.object("role", JsonValue.of("assistant"), "content", answer.content().isEmpty()
//|                     ? JsonValue.NULL : JsonValue.of(answer.content()), "tool_calls", new JsonArray(calls),
//|                     "reasoning_content", answer.reasoning().isEmpty() ? null : JsonValue.of(answer.reasoning()));
//|         }
//|
//|         /** Null when {@code call} may run (said, counted, asked); else why not, as the model is told it. */
//|         private String refusal(ToolCall call, String origin) {
//|             Cli.say(err, "tool call " + call.shown());
//|             if (calls >= max) {
//|                 exhausted = true;
//|                 Cli.say(err, call.shownName() + " not run: " + max + " tool calls is the limit for one question "
//|                         + "(--max-tool-calls)");
//|                 return "not run: the limit of " + max + " tool calls for one question was reached; answer with what you "
//|                         + "have";
//|             }
//|             calls++;
//|             if (approval.allows(call, origin)) return null;
//|             Cli.say(err, call.shownName() + " not run: not allowed");
//|             return "not run: the user did not allow this call";
//|         }
//|
//|         private Tool.Result run(ToolCall call) throws InterruptedException {
//|             Tool tool = box.find(call.name());
//|             if (tool == null) {
//|                 Cli.say(err, "tool call " + call.shown());
//|                 Cli.say(err, call.shownName() + " not run: no tool of that name was offered");
//|                 return Tool.Result.failed("no tool called " + call.name() + " was offered");
//|             }
//|             String refused = refusal(call, tool.origin());
//|             if (refused != null) return Tool.Result.failed(refused);
//|             JsonObject arguments;
//|             try {
//|                 arguments = call.argumentsObject();
//|             } catch (JsonException e) {
//|                 Cli.say(err, call.name() + " not run: its arguments are not JSON (" + e.getMessage() + ")");
//|                 return Tool.Result.failed("the arguments are not JSON (" + e.getMessage() + ")");
//|             }
//|             Tool.Result result = tool.call(arguments, limit);
//|             if (result.failure() != null) Cli.say(err, call.name() + " failed: " + result.failure());
//|             else Cli.say(err, call.name() + " gave " + result.text().length() + " chars");
//|             return result;
//|         }
//|
//|         /** Whether {@code messages} send reasoning back ({@code reasoning_content}, beside tool calls). */
//|         static boolean echoesReasoning(List<JsonValue> messages) {
//|             for (JsonValue m : messages) if (m instanceof JsonObject o && o.has("reasoning_content")) return true;
//|             return false;
//|         }
//|
//|         /** {@code messages} without {@code reasoning_content} in the assistant messages. */
//|         static List<JsonValue> withoutReasoning(List<JsonValue> messages) {
//|             List<JsonValue> sent = new ArrayList<>();
//|             for (JsonValue message : messages) {
//|                 sent.add(message instanceof JsonObject o ? o.without("reasoning_content") : message);
//|             }
//|             return sent;
//|         }
//|     }
//|
//|     // ---- lib/chat/Attachment.java
//|     /**
//|      * An image sent with a question ({@code -a FILE|URL|-}, {@code /attach FILE}): an OpenAI {@code image_url}
//|      * content part. A file (or stdin) goes as a base64 {@code data:} URL with its media type, told by its first bytes
//|      * (PNG, JPEG, GIF, WebP); an http(s) URL goes as given, for the provider to fetch.
//|      */
//|     record Attachment(String shown, JsonObject part, long bytes) {
//|         /** The most a file may hold: providers refuse far smaller requests than the base64 of more. */
//|         static final long MAX_BYTES = 10L * 1024 * 1024;
//|
//|         static Attachment of(String given, InputStream stdin) {
//|             String lower = given.toLowerCase(Locale.ROOT);
//|             if (lower.startsWith("https://") || lower.startsWith("http://")) return new Attachment(given, part(given), 0);
//|             String shown = given.equals("-") ? "stdin" : Printable.line(given);
//|             if (lower.startsWith("data:")) {
//|                 throw new Cli.Failure("-a " + shorten(shown)
//|                         + ": a data: URL is not taken as given; save the image to a file and attach the file");
//|             }
//|             byte[] data;
//|             try {
//|                 data = given.equals("-") ? stdin.readNBytes((int) MAX_BYTES + 1) : FileReads.bytes(Path.of(given),
//|                         MAX_BYTES);
//|             } catch (java.nio.file.NoSuchFileException e) {
//|                 throw new Cli.Failure("-a " + shown + ": no such file");
//|             } catch (FileReads.TooLarge e) {
//|                 throw tooBig(shown, sizeOr(Path.of(given), MAX_BYTES + 1));
//|             } catch (FileReads.NotRegular e) {
//|                 throw new Cli.Failure("-a " + shown + ": not a file (a device, a FIFO or a folder); nothing was read");
//|             } catch (IOException | java.nio.file.InvalidPathException e) {
//|                 throw new Cli.Failure("-a " + shown + ": cannot read it (" + Cli.reason(e) + ")");
//|             }
//|             if (data.length > MAX_BYTES) throw tooBig(shown, data.length);
//|             String type = mediaType(data);
//|             if (type == null) throw new Cli.Failure("-a " + shown
//|                     + ": not an image this can send (PNG, JPEG, GIF or WebP)");
//|             return new Attachment(shown, part("data:" + type + ";base64,"
//|                     + java.util.Base64.getEncoder().encodeToString(data)), data.length);
//|         }
//|
//|         private static long sizeOr(Path file, long otherwise) {
//|             try {
//|                 return Math.max(otherwise, Files.size(file));
//|             } catch (IOException e) {
//|                 return otherwise;
//|             }
//|         }
//|
//|         private static String shorten(String s) { return s.length() > 40 ? s.substring(0, 40) + "\u2026" : s; }
//|
//|         private static Cli.Failure tooBig(String shown, long size) {
//|             return new Cli.Failure("-a " + shown + ": " + Figures.plain(Math.round(size / 104857.6) / 10.0)
//|                     + " MB, more than the " + MAX_BYTES / (1024 * 1024)
//|                     + " MB an attachment may be");
//|         }
//|
//|         private static JsonObject part(String url) {
//|             return JsonValue.object("type", JsonValue.of("image_url"), "image_url", JsonValue.object("url",
//|                     JsonValue.of(url)));
//|         }
//|
//|         /** The media type of an image by its first bytes, or null. */
//|         static String mediaType(byte[] d) {
//|             if (starts(d, 0x89, 'P', 'N', 'G')) return "image/png";
//|             if (starts(d, 0xFF, 0xD8, 0xFF)) return "image/jpeg";
//|             if (starts(d, 'G', 'I', 'F', '8')) return "image/gif";
//|             if (starts(d, 'R', 'I', 'F', 'F') && d.length >= 12 && d[8] == 'W' && d[9] == 'E' && d[10] == 'B'
//|                     && d[11] == 'P') return "image/webp";
//|             return null;
//|         }
//|
//|         private static boolean starts(byte[] d, int... prefix) {
//|             if (d.length < prefix.length) return false;
//|             for (int i = 0; i < prefix.length; i++) if ((d[i] & 0xFF) != prefix[i]) return false;
//|             return true;
//|         }
//|
//|         /** The user message: the text alone, or the text and the attachments as content parts. */
//|         static JsonValue message(String text, List<Attachment> attachments) {
//|             if (attachments.isEmpty()) return ChatReport.message("user", text);
//|             List<JsonValue> parts = new ArrayList<>();
//|             parts.add(JsonValue.object("type", JsonValue.of("text"), "text", JsonValue.of(text)));
//|             for (Attachment a : attachments) parts.add(a.part());
//|             return JsonValue.object("role", JsonValue.of("user"), "content", new JsonArray(parts));
//|         }
//|
//|         /**
//|          * Refuses, before anything is sent, images for a model the cached list says takes none (its input modalities
//|          * lack "image"), naming models that do. A model the list does not know, or no list, is not refused.
//|          */
//|         static void requireImages(ModelRef model, List<RouterModel> known) {
//|             for (RouterModel m : known) {
//|                 if (!model.names(m.id()) || m.input().isEmpty() || m.input().contains("image")) continue;
//|                 List<String> seeing = new ArrayList<>();
//|                 for (RouterModel other : known) if (other.input().contains("image")
//|                         && seeing.size() < 5) seeing.add(other.id());
//|                 throw new Cli.Failure(model.id() + " does not take images (its input: " + String.join(", ", m.input())
//|                         + "); "
//|                         + (seeing.isEmpty() ? "no model in the cached list does" : "models that do: " + String.join(", ",
//|                                 seeing)) + "; nothing was sent");
//|             }
//|         }
//|     }
//|
//|     // ---- lib/chat/Backoff.java
//|     /**
//|      * How long to wait before retry number {@code n} (0-based): exponential from 1 s, capped at 8 s, with
//|      * "equal jitter" (half fixed, half random) so that many clients that failed together do not come back
//|      * together; a server's {@code Retry-After} wins. A Retry-After longer than {@link #LONGEST} is not worth
//|      * waiting for at a command line: the caller moves on to the next model instead.
//|      */
//|     static final class Backoff {
//|         static final Duration LONGEST = Duration.ofSeconds(60);
//|         /** The most any Retry-After is read as: a day, so that no arithmetic on it can overflow. */
//|         static final Duration MOST = Duration.ofDays(1);
//|         private static final double FIRST = 1.0, CAP = 8.0;
//|
//|         private Backoff() { }
//|
//|         static Duration delay(int n, Duration retryAfter, Random random) {
//|             if (retryAfter != null) return retryAfter;
//|             double ceiling = Math.min(CAP, FIRST * Math.pow(2, n));
//|             return Duration.ofMillis(Math.round(1000 * ceiling * (0.5 + random.nextDouble() / 2)));
//|         }
//|
//|         /** {@code Retry-After} as seconds or an HTTP date (relative to {@code now}); null when absent or unreadable. */
//|         static Duration retryAfter(String header, ZonedDateTime now) {
//|             if (header == null || header.isBlank()) return null;
//|             String h = header.strip();
//|             if (!h.isEmpty() && h.chars().allMatch(c -> c >= '0' && c <= '9')) {
//|                 // Seconds, however many digits: anything past a day is a day (far past LONGEST: not waited for).
//|                 return h.length() > 6 ? MOST : Duration.ofSeconds(Math.min(Long.parseLong(h), MOST.getSeconds()));
//|             }
//|             {
//|                 try {
//|                     Duration d = Duration.between(now, ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME));
//|                     return d.isNegative() ? Duration.ZERO : d.compareTo(MOST) > 0 ? MOST : d;
//|                 } catch (RuntimeException notADate) {
//|                     return null;
//|                 }
//|             }
//|         }
//|     }
//|
//|     // ---- lib/chat/BudgetStop.java
//|     /**
//|      * Why a 402 stopped a question, in what {@code whoami-v2} says of who pays: the account's (or the billed
//|      * organization's) {@code canPay}, whether this token may bill that organization, and when the included credits
//|      * renew ({@code periodEnd}); then where to top up. A 402 ends the chain: every model bills the same account, so a
//|      * fallback would be refused too (and, were it not, would spend where the user did not choose to).
//|      */
//|     static final class BudgetStop {
//|         private BudgetStop() { }
//|
//|         static final String BILLING = "https://huggingface.co/settings/billing";
//|
//|         /** The lines that follow the 402's own: what whoami says, or why it could not be asked. */
//|         static List<String> explain(TokenCheck check, BillTo billTo) {
//|             Whoami who = check.who();
//|             if (who == null) return List.of("whoami-v2 could not say more: " + check.problem());
//|             Whoami.Billing b = who.billing();
//|             List<String> lines = new ArrayList<>();
//|             if (billTo == null) {
//|                 String renews = b.periodEnd() == null ? "" : "; the included credits renew on "
//|                         + UtcTime.format(Instant.ofEpochSecond(b.periodEnd())).substring(0, 10);
//|                 lines.add(b.canPay()
//|                         ? who.shownName() + " can pay (whoami-v2: canPay true), so a spending limit was likely reached"
//|                                 + renews + "; see " + BILLING
//|                         : who.shownName() + " has no way to pay past the included credits (whoami-v2: canPay false"
//|                                 + (b.mode() == null ? "" : ", billing " + Printable.line(b.mode())) + ")" + renews
//|                                 + "; top up with pre-paid credits at " + BILLING + ", or subscribe to PRO for 20x the "
//|                                         + "included credits");
//|                 return lines;
//|             }
//|             String org = billTo.org(), orgBilling = "https://huggingface.co/organizations/" + org + "/settings/billing";
//|             Boolean orgCanPay = b.orgs().get(org);
//|             if (orgCanPay == null) {
//|                 lines.add(who.shownName() + " is not a member of " + org + " (whoami-v2 lists "
//|                         + (b.orgs().isEmpty() ? "no organization" : Printable.line(String.join(", ", b.orgs().keySet())))
//|                         + "); bill one of those, or drop " + billTo.source());
//|             } else if (!orgCanPay) {
//|                 lines.add(org + " has no way to pay (whoami-v2: canPay false); an admin of " + org
//|                         + " adds a payment method or credits at " + orgBilling);
//|             } else if (!who.billable().contains(org)) {
//|                 lines.add(org + " can pay, but this token may not bill it: a fine-grained token needs "
//|                         + Whoami.PERMISSION + " for " + org + "; make one at " + Whoami.NEW_TOKEN_URL);
//|             } else {
//|                 lines.add(org + " can pay (whoami-v2: canPay true), so its spending limit was likely reached; see "
//|                         + orgBilling);
//|             }
//|             return lines;
//|         }
//|     }
//|
//|     // ---- lib/chat/ChatChunk.java
//|     /**
//|      * What one streamed chunk (or a whole non-streamed answer) of {@code /chat/completions} carries that
//|      * we use: answer text, reasoning ({@code reasoning_content} or {@code reasoning}, whichever the provider
//|      * sends), the finish reason, usage, tool calls ({@code tool_calls}, as
//|      * they come: fragments when streamed), and an error the router or provider put in the stream. Providers pass
//|      * their own shapes through: extra fields, {@code "id":""}, {@code usage:null}, no choices at all on a
//|      * usage-only chunk. Everything is optional; nulls mean "not in this chunk".
//|      */
//|     record ChatChunk(String content, String reasoning, String finishReason, Usage usage, String error,
//|             List<JsonObject> toolCalls) {
//|
//|         /** Token counts; {@code total} as given, else the sum. */
//|         record Usage(long prompt, long completion, long total) {
//|             /** Both counts summed: what a question whose tool calls took several requests used. */
//|             Usage plus(Usage other) {
//|                 return other == null ? this : new Usage(prompt + other.prompt, completion + other.completion, total
//|                         + other.total);
//|             }
//|         }
//|
//|         /** A streamed chunk ({@code choices[0].delta}). Fails with {@link JsonException} on text that is not JSON. */
//|         static ChatChunk ofStreamed(String data) { return of(Json.parse(data), "delta"); }
//|
//|         /** A non-streamed answer ({@code choices[0].message}). */
//|         static ChatChunk ofAnswer(JsonValue answer) { return of(answer, "message"); }
//|
//|         private static ChatChunk of(JsonValue value, String part) {
//|             JsonObject o = value.asObject();
//|             String content = null, reasoning = null, finish = null;
//|             List<JsonObject> calls = List.of();
//|             JsonArray choices = o.array("choices");
//|             JsonObject choice = choices != null && !choices.isEmpty() && choices.get(0) instanceof JsonObject c ? c : null;
//|             if (choice != null) {
//|                 finish = choice.string("finish_reason");
//|                 JsonObject d = choice.object(part);
//|                 if (d != null) {
//|                     content = d.string("content");
//|                     reasoning = d.stringOr("reasoning_content", d.string("reasoning"));
//|                     JsonArray tools = d.array("tool_calls");
//|                     if (tools != null) calls = tools.objects();
//|                 }
//|             }
//|             return new ChatChunk(content, reasoning, finish, usage(o.object("usage")), errorMessage(o.get("error")),
//|                     calls);
//|         }
//|
//|         /** An error the stream carries: its message, else the error object as JSON; null when there is none. */
//|         private static String errorMessage(JsonValue error) {
//|             if (!(error instanceof JsonString || error instanceof JsonObject)) return null;
//|             String message = RouterError.message(error);
//|             return message != null ? message : Json.write(error);
//|         }
//|
//|         private static Usage usage(JsonObject u) {
//|             if (u == null) return null;
//|             long prompt = u.longOr("prompt_tokens", 0), completion = u.longOr("completion_tokens", 0);
//|             return new Usage(prompt, completion, u.has("total_tokens") ? u.longOr("total_tokens", 0) : prompt + completion);
//|         }
//|     }
//|
//|     // ---- lib/chat/ChatCommand.java
//|     /** {@code chat}: OpenAI-compatible chat completions through the Hugging Face router. */
//|     public static final class ChatCommand {
//|         static final Options OPTIONS = new Options()
//|                 .add("--model", "-m", "MODEL", "ref, id or alias (default: the configured default model, else\n"
//|                         + "huggingface/deepseek-ai/DeepSeek-R1); suffixes :fastest, :cheapest,\n:preferred, :<provider> "
//|                                 + "are sent as they are")
//|                 .add("--system", "-s", "TEXT", "a system prompt")
//|                 .add("--temperature", null, "T", "sampling temperature, 0 to 2")
//|                 .add("--max-tokens", null, "N", "at most N tokens in the answer")
//|                 .add("--no-stream", null, null, "ask for the whole answer at once")
//|                 .add("--json", null, null, "print the final answer as JSON (a chat.completion object) on stdout")
//|                 .add("--hide-reasoning", null, null, "do not show the model's reasoning")
//|                 .add("--timeout", null, "S", "give up when the router is silent for S seconds (default 60)")
//|                 .add("--retries", null, "N",
//|                         "retries of a model on 408/409/425/429/5xx or a network failure,\nbefore any of the answer was "
//|                                 + "shown (default 2)")
//|                 .add("--fallback", null, "MODEL",
//|                         "the model to try next when one fails (repeatable; default: the\nconfigured fallbacks, "
//|                                 + "agents.defaults.model.fallbacks)")
//|                 .add("--no-fallback", null, null, "no other model")
//|                 .add("--continue", "-c", null,
//|                         "continue the most recent conversation (its history is sent again;\nits model unless -m)")
//|                 .add("--cid", null, "ID", "continue the conversation ID (see chat logs)")
//|                 .add("--schema", null, "FILE|JSON",
//|                         "ask for an answer in JSON that fits this JSON schema (response_format),\n"
//|                         + "from a provider that serves structured output; stdout gets the\nanswer as compact JSON, checked "
//|                                 + "(type, required keys, property types)")
//|                 .add("--extract", "-x", null, "print only the first fenced code block of the answer")
//|                 .add("--attach", "-a", "F|URL", "an image with the question (repeatable): a PNG, JPEG, GIF or WebP file\n"
//|                         + "(sent as a data URL, at most 10 MB), - for stdin, or an http(s) URL;\nrefused for a model the "
//|                                 + "cached list says takes no images")
//|                 .add("--no-stdin", null, null,
//|                         "with a PROMPT, do not read piped stdin (by default piped text is sent\nfirst, then a blank line "
//|                                 + "and the PROMPT: cat FILE | chat \"summarise\")")
//|                 .add("--plan", null, null, "print where the question would go (each model:provider in order, and why;\n"
//|                         + "what was left out, and why) and send nothing; --json for scripts")
//|                 .add("--estimate", null, null, "print what the question would cost at each planned provider (the prompt's\n"
//|                         + "tokens estimated; at most: --max-tokens, else the rest of the context) and send nothing")
//|                 .add("--max-cost", null, "USD", "refuse, before sending, a question whose estimate may pass USD\n"
//|                         + "(default: HF_MAX_COST)")
//|                 .add("--reroute", null, null, "let the plan replace a pinned :provider by others that can serve")
//|                 .add("--batch", null, "FILE|-", "ask every prompt of FILE (- for stdin), --concurrency at a time: JSON\n"
//|                         + "Lines of OpenAI batch requests ({custom_id, body}), {prompt} objects or\nstrings, or CSV "
//|                         + "(--template); a JSON line per item on stdout or --out")
//|                 .add("--out", null, "FILE", "--batch: append each item's line to FILE")
//|                 .add("--concurrency", null, "N", "--batch: at most N requests in flight (default 4, at most 64;\nfewer "
//|                         + "after a 429)")
//|                 .add("--resume", null, null, "--batch: skip the items --out already holds a line for")
//|                 .add("--template", null, "TEXT", "--batch: the input is CSV with a header; each row's prompt is TEXT\n"
//|                         + "with {column} filled in (a .csv FILE without it: the prompt column)")
//|                 .add("--tool", null, "PATH", "offer the model a tool (repeatable): an executable that prints its\n"
//|                         + "definition ({name, description, parameters}) when run with --describe,\nand is run with a "
//|                         + "call's arguments as JSON on stdin, stdout the result")
//|                 .add("--tools", null, "DIR", "offer every executable in DIR as a --tool (repeatable)")
//|                 .add("--mcp-server", null, "CMD", "start the MCP server CMD (a command line, run without a shell) and\n"
//|                         + "offer its tools (repeatable); stopped when chat ends")
//|                 .add("--mcp", null, "URL", "let the router connect to the remote MCP server URL and call its tools\n"
//|                         + "(repeatable; sent through /v1/responses, the router's beta Responses API)")
//|                 .add("--allow", null, "TOOL", "--mcp: the server's tools the model may call (repeatable; default all)")
//|                 .add("--yes", "-y", null, "run tool calls without asking (without a terminal they are refused\n"
//|                         + "unless --yes; on one, each is asked [y/N/a])")
//|                 .add("--max-tool-calls", null, "N", "at most N tool calls for one question (default 5); then the model\n"
//|                         + "is asked to answer without more")
//|                 .add("--tool-timeout", null, "S", "stop a tool call after S seconds (default 60); the model is told")
//|                 .add("--no-log", null, null, "do not log this exchange (HF_CHAT_LOG=off: never log)")
//|                 .add("--bill-to", null, "ORG", "bill the Hugging Face organization ORG (header X-HF-Bill-To, on chat\n"
//|                         + "requests only); default: HF_BILL_TO, else the "
//|                                 + "config's\nmodels.providers.huggingface.headers[\"X-HF-Bill-To\"]")
//|                 .oneOf("--fallback", "--no-fallback").oneOf("--json", "--schema").oneOf("--json",
//|                         "--extract").oneOf("--schema", "--extract")
//|                 .oneOf("--continue", "--cid");
//|
//|         static final String USAGE = """
//|                 Usage: chat [OPTIONS] PROMPT...         one question, the answer on stdout
//|                        TEXT | chat [OPTIONS]             the question from stdin (also: chat < FILE)
//|                        TEXT | chat [OPTIONS] PROMPT...   the piped text, then PROMPT (--no-stdin: PROMPT alone)
//|                        chat [OPTIONS]                    on a terminal: a conversation (/help inside)
//|                        chat -c [PROMPT...] | --cid ID [PROMPT...]   continue a logged conversation
//|                        chat logs [-n N] [-q TEXT] [--cid ID] [--json] | chat logs --path
//|                        chat costs [--since WHEN] [--by day|model|provider] [--json]
//|                        chat --batch FILE|- [--out FILE] [--concurrency N] [--resume] [--max-cost USD]
//|                        chat --tool PATH | --tools DIR | --mcp-server CMD | --mcp URL [--yes] PROMPT...
//|                        chat --help | --version
//|                        chat --install [--dir DIR] [--name NAME] | --uninstall
//|
//|                 Chat with a model through the Hugging Face router (POST {base URL}/chat/completions).
//|                 stdout carries the answer text only; stderr the rest: reasoning (dimmed), which model and
//|                 provider answered, tokens and cost, retries and fallbacks, and each tool call.
//|
//|                 Options:
//|                 """ + OPTIONS.help() + """
//|
//|                 Options of chat logs (newest turn first: when, conversation id, model, provider, tokens,
//|                 cost, the question's start):
//|                 """ + ChatLogs.OPTIONS.help() + """
//|
//|                 Options of chat costs (the logged turns' costs summed: usage at the serving provider's
//|                 listed price; a turn without a price is said so, never counted as $0):
//|                 """ + ChatCosts.OPTIONS.help() + """
//|
//|                 Options of every command:
//|                   -h, --help          this help
//|                   --version           the toolkit's version
//|                   --install           install as the command hf-chat in DIR (default ~/.local/bin),
//|                                       quick to start (a class-data cache of its own); --dir DIR, --name NAME
//|                   --uninstall         remove what --install wrote
//|
//|                 In a conversation (chat on a terminal, no PROMPT):
//|                 """ + ChatRepl.HELP.indent(2) + """
//|
//|                 """ + Help.environment("HF_TOKEN", "HF_ROUTER_URL", "HF_BILL_TO", "HF_MAX_COST", "HF_CHAT_LOG",
//|                         "HTTPS_PROXY",
//|                         "OPENCLAW_STATE_DIR", "NO_COLOR");
//|
//|         private final Env env;
//|         private final Term term;
//|         private final InputStream in;
//|         /** What stdin is ({@link Term#stdin}): a pipe or a file is read even when a prompt is given. */
//|         private final Term.Stdin stdin;
//|         private final PrintStream out;
//|         private final PrintStream err;
//|         private final ChatRun.Pause pause;
//|         /**
//|          * Installs the conversation's Ctrl-C handler: {@link Signals#onInterrupt} for real; tests keep the handler to call
//|          * it.
//|          */
//|         private final java.util.function.Predicate<Runnable> onInterrupt;
//|         private final Random random;
//|
//|         ChatCommand(Env env, Term term, InputStream in, PrintStream out, PrintStream err, ChatRun.Pause pause,
//|                 Random random) {
//|             this(env, term, in, out, err, pause, random, Signals::onInterrupt);
//|         }
//|
//|         ChatCommand(Env env, Term term, InputStream in, PrintStream out, PrintStream err, ChatRun.Pause pause,
//|                 Random random,
//|                     java.util.function.Predicate<Runnable> onInterrupt) {
//|             this.onInterrupt = onInterrupt;
//|             this.env = env;
//|             this.term = term;
//|             this.in = in;
//|             // A test's stdin is a stream it made; the process's is piped only when the shell or Linux says so.
//|             // (A test that types on a terminal gives a stream standing for the keyboard.)
//|             this.stdin = in != System.in ? term.tty() ? Term.Stdin.TERMINAL : Term.Stdin.FILE
//|                     : Term.stdin(System.getenv());
//|             this.out = SafeOutput.of(out);
//|             this.err = SafeOutput.of(err);
//|             this.pause = pause;
//|             this.random = random;
//|         }
//|
//|         public static int run(PrintStream stdout, PrintStream stderr, String... args) {
//|             ChatCommand chat = new ChatCommand(Env.system(), Term.detect(System.getenv()), System.in, stdout, stderr,
//|                     d -> Thread.sleep(d.toMillis()), new Random());
//|             chat.process = true;
//|             return chat.run(args);
//|         }
//|
//|         /** Whether this is the process's own chat (not a test's): then Ctrl-C says so as the JVM ends. */
//|         private boolean process;
//|
//|         /**
//|          * Ctrl-C: the JVM ends the request with the process (exit 130); this says so, after whatever was printed. Made
//|          * within the run, so that its thread hides the run's secrets ({@link Running}) as the run's own output does.
//|          */
//|         private Thread interruptedHook() {
//|             return new Thread(() -> {
//|                 SafeOutput.release(out);
//|                 err.println();
//|                 Cli.say(err, "interrupted");
//|                 SafeOutput.release(err);
//|             });
//|         }
//|
//|         int run(String... args) {
//|             return Cli.run("chat", USAGE, out, err, args, term, cli -> {
//|                 Running.invokedAs(env.invocation());
//|                 Thread hook = process ? interruptedHook() : null;
//|                 if (hook != null) Runtime.getRuntime().addShutdownHook(hook);
//|                 try {
//|                     return ask(cli);
//|                 } finally {
//|                     if (hook != null) Runtime.getRuntime().removeShutdownHook(hook);
//|                 }
//|             });
//|         }
//|
//|         private int ask(CommandLine cli) throws Exception {
//|             if ("logs".equals(cli.peek())) {
//|                 cli.next();
//|                 env.useConfig(ConfigFile.of(env).read());
//|                 return ChatLogs.run(cli, env, out, err);
//|             }
//|             if ("costs".equals(cli.peek())) {
//|                 cli.next();
//|                 env.useConfig(ConfigFile.of(env).read());
//|                 return ChatCosts.run(cli, env, out, err, java.time.Instant.now());
//|             }
//|             ChatRequest r = ChatRequest.parse(cli);
//|             JsonValue config = ConfigFile.of(env).read();
//|             env.useConfig(config);
//|             env.willLookUp(BillTo.VARIABLE, ChatLog.SWITCH);
//|             Token.Found keys = Token.first(env, config);
//|             if (keys.blocked() != null) throw new Cli.Failure(keys.blocked() + "; set it, or run "
//|                     + Invocation.command("onboard"));
//|             Token token = keys.first();
//|             BillTo billTo = BillTo.of(r.billTo, env, config);
//|             for (String warning : env.warnings()) Cli.warn(err, warning);
//|             Map<String, String> aliases = ConfigFile.aliases(config);
//|             Conversation conversation = conversation(r);
//|             List<ModelRef> chain = chain(r, config, aliases, ChatSession.lastRef(conversation.logged()));
//|             JsonObject schema = r.schema == null ? null : StructuredAnswer.schema(r.schema);
//|             try (ToolBox box = r.offersTools() && r.mcp.isEmpty() ? ToolBox.open(r.tools, r.toolFolders, r.mcpServers)
//|                     : null) {
//|                 JsonArray tools = box != null ? box.definitions() : r.mcp.isEmpty() ? null : RemoteMcp.tools(r.mcp,
//|                         r.allowed, r.yes);
//|                 if (box != null && box.isEmpty()) throw new Cli.Failure("no tools to offer: "
//|                         + "the --tools folders hold no executable and the --mcp-server servers list none");
//|                 ChatRun.Settings settings = new ChatRun.Settings(r.temperature, r.maxTokens, r.stream, r.retries,
//|                         Duration.ofMillis(Math.round(r.timeout * 1000)),
//|                         schema == null ? null : StructuredAnswer.responseFormat(schema), r.reroute, maxCost(r),
//|                         r.maxCost != null ? "--max-cost" : "HF_MAX_COST", tools == null ? null : JsonValue.object("tools",
//|                                 tools));
//|                 ToolRunner runner = tools == null ? null : new ToolRunner(box, new ToolApproval(r.yes
//|                         ? ToolApproval.Mode.YES : term.tty() ? ToolApproval.Mode.ASK : ToolApproval.Mode.REFUSE,
//|                         this::typedLine, err), r.maxToolCalls, Duration.ofMillis(Math.round(r.toolTimeout * 1000)), err);
//|                 return ask(r, config, token, billTo, aliases, conversation, chain, schema, settings, runner);
//|             }
//|         }
//|
//|         /** The terminal's lines, read by the conversation and by a tool call's approval alike (one reader). */
//|         private java.io.BufferedReader typed;
//|
//|         private java.io.BufferedReader typed() {
//|             if (typed == null) typed = new java.io.BufferedReader(new java.io.InputStreamReader(in,
//|                     StandardCharsets.UTF_8));
//|             return typed;
//|         }
//|
//|         private String typedLine() {
//|             try {
//|                 return typed().readLine();
//|             } catch (java.io.IOException e) {
//|                 return null;
//|             }
//|         }
//|
//|         private int ask(ChatRequest r, JsonValue config, Token token, BillTo billTo, Map<String, String> aliases,
//|                 Conversation conversation, List<ModelRef> chain, JsonObject schema, ChatRun.Settings settings,
//|                 ToolRunner runner) throws Exception {
//|             List<RouterModel> known = ChatReport.cached(env, config);
//|             try (RouterClient router = RouterClient.forRouter(env, config, token, settings.idle(), w -> Cli.warn(err, w),
//|                     billTo)) {
//|                 if (router.cannotSend() != null) throw new Cli.Failure(router.cannotSend() + "; nothing was sent");
//|                 ChatReport report = new ChatReport(term, out, err, new ChatReport.Shown(r.json, r.hideReasoning, schema,
//|                         r.extract), known);
//|                 java.util.function.Supplier<List<String>> budget = () -> token == null ? List.of()
//|                         : BudgetStop.explain(TokenCheck.of(env, token, w -> Cli.warn(err, w)), billTo);
//|                 ChatSession session = new ChatSession(conversation.cid(), conversation.logged(), r.system,
//|                         conversation.log(), new ChatRun(router, settings, pause, random, err, budget), report, err);
//|                 session.useTools(runner);
//|                 // A pinned provider the cached list says does not serve the model: said as models show says it, before any
//|                 // request; the model asked for is refused, a fallback so pinned is left out with a warning.
//|                 for (int i = chain.size() - 1; i >= 0; i--) {
//|                     try {
//|                         chain.get(i).requireServed(known);
//|                     } catch (ModelRefException e) {
//|                         if (i == 0) throw new Cli.Failure(e.getMessage() + "; nothing was sent");
//|                         Cli.warn(err, "fallback " + chain.remove(i).routerId() + " left out: " + e.getMessage());
//|                     }
//|                 }
//|                 // A model the cached list lacks is asked all the same (the list may be older than the model), said first.
//|                 if (!known.isEmpty() && chain.get(0).in(known) == null) {
//|                     List<String> ids = new ArrayList<>();
//|                     for (RouterModel m : known) ids.add(m.id());
//|                     Cli.warn(err, chain.get(0).id() + " is not in the router's list (as cached)"
//|                             + ModelChoice.suggestionsAmong(chain.get(0).id(), ids));
//|                 }
//|                 if (r.batch != null) {
//|                     // Items are asked whole (no stream: nothing is shown as it comes), each with the run's settings.
//|                     ChatRun.Settings whole = new ChatRun.Settings(r.temperature, r.maxTokens, false, r.retries,
//|                             settings.idle(), settings.responseFormat(), r.reroute, settings.maxCost(),
//|                             settings.maxCostFrom());
//|                     BatchRun.Setup setup = new BatchRun.Setup(chain, chain.subList(1, chain.size()), r.system, aliases,
//|                             whole, schema, r.concurrency, known);
//|                     return BatchCommand.run(r, setup, router, conversation.log(), "batch-" + conversation.cid(),
//|                             new BatchCommand.Context(env, term, in, out, err, pause, random, budget, onInterrupt));
//|                 }
//|                 List<Attachment> attached = new ArrayList<>();
//|                 for (String a : r.attachments) attached.add(Attachment.of(a, in));
//|                 // The model asked for must take images; the fallbacks that do not are left out by the plan, said so.
//|                 if (!attached.isEmpty()) Attachment.requireImages(chain.get(0), known);
//|                 if (r.prompt.isEmpty() && term.tty()) {
//|                     if (r.plan) throw new Cli.UsageException("--plan plans one question: give a PROMPT");
//|                     ChatRepl repl = new ChatRepl(session, chain, typed(), err, aliases, () -> System.exit(Cli.INTERRUPTED));
//|                     repl.attach(attached);
//|                     onInterrupt.test(repl::interrupt);
//|                     return repl.run();
//|                 }
//|                 // A piped prompt ends with the newline of its last line, which is not part of the question.
//|                 // Piped text and a prompt both: the text, a blank line, the prompt (cat FILE | chat "summarise"), as llm
//|                 // does.
//|                 StdinPrompt piped = new StdinPrompt(in, stdin, err);
//|                 String text = r.prompt.isEmpty() ? piped.whole() : !r.noStdin && !r.attachments.contains("-")
//|                         && (stdin == Term.Stdin.PIPE || stdin == Term.Stdin.FILE) ? piped.beside() : "";
//|                 String asked = String.join(" ", r.prompt);
//|                 String prompt = text.isBlank() ? asked : asked.isEmpty() ? text : text + "\n\n" + asked;
//|                 if (prompt.isBlank()) throw new Cli.UsageException("nothing to send: give a prompt, or pipe text in");
//|                 JsonValue question = Attachment.message(prompt, attached);
//|                 if (r.plan) {
//|                     RoutePlan plan = session.plan(chain, session.messagesWith(question));
//|                     if (r.json) Output.json(out, Json.pretty(plan.json()));
//|                     else out.print(plan.text());
//|                     return Cli.OK;
//|                 }
//|                 if (r.estimate) {
//|                     RoutePlan plan = session.plan(chain, session.messagesWith(question));
//|                     out.print(CostEstimate.text(plan, CostEstimate.of(plan, known)));
//|                     return Cli.OK;
//|                 }
//|                 session.ask(chain, question);
//|                 return Cli.OK;
//|             }
//|         }
//|
//|         /** --max-cost, else HF_MAX_COST (a bad value there is a failure naming it), else none. */
//|         private java.math.BigDecimal maxCost(ChatRequest r) {
//|             if (r.maxCost != null) return r.maxCost;
//|             String set = env.process("HF_MAX_COST");
//|             if (set == null) return null;
//|             try {
//|                 return ChatRequest.usd("HF_MAX_COST", set);
//|             } catch (Cli.UsageException e) {
//|                 throw new Cli.Failure(e.getMessage());
//|             }
//|         }
//|
//|         /**
//|          * A conversation's id, the turns the log holds of it (none for a new one), and the log its turns go to (null:
//|          * none).
//|          */
//|         private record Conversation(String cid, List<JsonObject> logged, ChatLog log) { }
//|
//|         /** A new conversation, or (-c, --cid) one from the log; logged unless --no-log or HF_CHAT_LOG=off. */
//|         private Conversation conversation(ChatRequest r) throws java.io.IOException {
//|             ChatLog log = r.noLog || ChatLog.off(env) ? null : new ChatLog(ChatLog.path(env));
//|             if (!r.continueLast && r.cid == null) return new Conversation(ChatLog.newCid(java.time.Instant.now(), random),
//|                     List.of(), log);
//|             ChatLog logged = new ChatLog(ChatLog.path(env));
//|             String cid = r.cid != null ? r.cid : logged.lastCid();
//|             if (cid == null) throw new Cli.Failure("no conversation to continue: nothing is logged in "
//|                     + env.display(logged.file()));
//|             List<JsonObject> turns = logged.conversation(cid);
//|             if (turns.isEmpty()) throw new Cli.Failure("no conversation " + Printable.line(cid) + " in "
//|                     + env.display(logged.file()) + " (see '" + Invocation.command("chat") + " logs')");
//|             return new Conversation(cid, turns, log);
//|         }
//|
//|         /**
//|          * The model (-m, else the continued conversation's, else the configured default), then its fallbacks (given, else
//|          * configured), each once.
//|          */
//|         private static List<ModelRef> chain(ChatRequest r, JsonValue config, Map<String, String> aliases,
//|                 String continued) {
//|             String primary = r.model != null ? r.model : continued != null ? continued : ConfigFile.string(config,
//|                     ConfigFile.PRIMARY);
//|             List<ModelRef> chain = new ArrayList<>();
//|             chain.add(resolve(primary != null ? primary : ModelRef.DEFAULT_MODEL, r.model != null ? "--model"
//|                     : continued != null ? "the conversation's model" : "agents.defaults.model.primary", aliases));
//|             if (r.noFallback) return chain;
//|             boolean given = !r.fallbacks.isEmpty();
//|             List<String> fallbacks = given ? r.fallbacks : ConfigFile.fallbacks(config);
//|             for (String f : fallbacks) {
//|                 ModelRef ref = resolve(f, given ? "--fallback" : "agents.defaults.model.fallbacks", aliases);
//|                 if (!chain.contains(ref)) chain.add(ref);
//|             }
//|             return chain;
//|         }
//|
//|         private static ModelRef resolve(String text, String where, Map<String, String> aliases) {
//|             try {
//|                 return ModelRef.resolve(text, aliases);
//|             } catch (ModelRefException e) {
//|                 if (where.startsWith("--")) throw new Cli.UsageException(where + ": " + e.getMessage());
//|                 throw new Cli.Failure("config " + where + ": " + e.getMessage());
//|             }
//|         }
//|     }
//|
//|     // ---- lib/chat/ChatCosts.java
//|     /**
//|      * {@code chat costs [--since WHEN] [--by day|model|provider] [--json]}: what the conversation log says was spent, the
//|      * answered turns summed by day (UTC), model or provider. The router says no cost: each turn's is its usage at the
//|      * listed price of the provider that served it, as the turn logged it. A turn logged without one (no price was listed,
//|      * or no model list was cached) is counted as such, never as $0; a turn that failed or was interrupted reported no
//|      * usage and is left out, said so.
//|      */
//|     static final class ChatCosts {
//|         private ChatCosts() { }
//|
//|         static final Options OPTIONS = new Options()
//|                 .add("--since", null, "WHEN", "only turns from WHEN on: a day (2026-12-01, UTC), a time\n"
//|                         + "(2026-12-01T09:00:00Z) or an age (7d, 12h)")
//|                 .add("--by", null, "KEY", "sum by day (the default), model or provider")
//|                 .add("--json", null, null, "the sums as JSON");
//|
//|         /** What the turns are summed by. */
//|         enum By {
//|             DAY, MODEL, PROVIDER;
//|
//|             String key() { return name().toLowerCase(Locale.ROOT); }
//|
//|             /** The turn's value of this key. */
//|             String of(JsonObject turn) {
//|                 return switch (this) {
//|                     case DAY -> turn.stringOr("time", "?").length() >= 10 ? turn.string("time").substring(0, 10) : "?";
//|                     case MODEL -> turn.string("model") != null ? turn.string("model")
//|                             : ModelRef.withoutPrefix(turn.stringOr("ref", "?"));
//|                     case PROVIDER -> turn.stringOr("provider", "(not said)");
//|                 };
//|             }
//|         }
//|
//|         /** The sum of a group of answered turns: how many, how many had a price, their tokens, their known cost. */
//|         static final class Sum {
//|             final String key;
//|             int turns, priced;
//|             long prompt, completion;
//|             BigDecimal cost = BigDecimal.ZERO;
//|
//|             Sum(String key) { this.key = key; }
//|
//|             void add(JsonObject turn) {
//|                 turns++;
//|                 JsonObject usage = turn.object("usage");
//|                 if (usage != null) {
//|                     prompt += usage.longOr("prompt", 0);
//|                     completion += usage.longOr("completion", 0);
//|                 }
//|                 BigDecimal c = turn.decimal("cost");
//|                 if (c != null) {
//|                     priced++;
//|                     cost = cost.add(c);
//|                 }
//|             }
//|
//|             /** {@code $0.001234}, {@code $0.001234 + 2 turns without a price}, or {@code no price (2 turns)}. */
//|             String shownCost() {
//|                 int unpriced = turns - priced;
//|                 if (priced == 0) return "no price listed";
//|                 return ChatReport.dollars(cost) + (unpriced == 0 ? "" : " + " + unpriced
//|                         + (unpriced == 1 ? " turn" : " turns")
//|                         + " without a price");
//|             }
//|
//|             JsonObject json(String keyName) {
//|                 return JsonValue.object(keyName, JsonValue.of(key), "turns", JsonValue.of(turns), "priced",
//|                         JsonValue.of(priced), "unpriced", JsonValue.of(turns - priced), "promptTokens",
//|                         JsonValue.of(prompt),
//|                         "completionTokens", JsonValue.of(completion),
//|                         "cost", priced == 0 ? JsonValue.NULL : JsonValue.of(cost.stripTrailingZeros()));
//|             }
//|         }
//|
//|         static int run(CommandLine cli, Env env, PrintStream out, PrintStream err, Instant now) throws IOException {
//|             Instant since = null;
//|             String sinceText = null;
//|             By by = By.DAY;
//|             boolean json = false;
//|             while (cli.hasNext()) {
//|                 String arg = cli.next();
//|                 switch (OPTIONS.take(cli, arg)) {
//|                     case "--since" -> {
//|                         sinceText = cli.value(arg);
//|                         since = since(sinceText, now);
//|                     }
//|                     case "--by" -> by = by(cli.value(arg));
//|                     case "--json" -> json = true;
//|                     default -> throw new IllegalStateException(arg);
//|                 }
//|             }
//|             ChatLog log = new ChatLog(ChatLog.path(env));
//|             Map<String, Sum> groups = new LinkedHashMap<>();
//|             Sum total = new Sum("total");
//|             int[] seen = {0, 0};   // turns logged at all; turns left out (failed, interrupted)
//|             Instant from = since;
//|             By key = by;
//|             log.newestFirst(null, t -> {
//|                 seen[0]++;
//|                 Instant at = time(t);
//|                 if (from != null && (at == null || at.isBefore(from))) return true;
//|                 if (!"ok".equals(t.string("outcome"))) {
//|                     seen[1]++;
//|                     return true;
//|                 }
//|                 groups.computeIfAbsent(key.of(t), Sum::new).add(t);
//|                 total.add(t);
//|                 return true;
//|             });
//|             List<Sum> sums = new ArrayList<>(groups.values());
//|             // Days in the order they came; models and providers by what they cost, the unpriced last.
//|             sums.sort(by == By.DAY ? Comparator.comparing((Sum s) -> s.key) : Comparator.comparing((Sum s) -> s.cost)
//|                     .reversed().thenComparing(s -> s.key));
//|             if (json) {
//|                 List<JsonValue> rows = new ArrayList<>();
//|                 for (Sum s : sums) rows.add(s.json(by.key()));
//|                 Output.json(out, Json.pretty(JsonValue.object("since", since == null ? JsonValue.NULL
//|                         : JsonValue.of(UtcTime.format(since)), "by", JsonValue.of(by.key()), "groups", new JsonArray(rows),
//|                         "total", total.json(by.key()), "notCounted", JsonValue.of(seen[1]))));
//|                 return Cli.OK;
//|             }
//|             if (seen[0] == 0) {
//|                 Cli.say(err, "nothing logged yet (" + env.display(log.file()) + ")");
//|                 return Cli.OK;
//|             }
//|             if (sums.isEmpty()) Cli.say(err, "no answered turn" + (since == null ? "" : " since " + sinceText) + " ("
//|                     + env.display(log.file()) + ")");
//|             else out.print(table(by, sums, total));
//|             if (seen[1] > 0) Cli.say(err, "not counted: " + seen[1] + (seen[1] == 1 ? " turn that failed or was"
//|                     : " turns that failed or were") + " interrupted (no usage was reported)");
//|             return Cli.OK;
//|         }
//|
//|         /** The sums as a table, a total last: {@code DAY  TURNS  TOKENS IN  TOKENS OUT  COST}. */
//|         static String table(By by, List<Sum> sums, Sum total) {
//|             List<String[]> rows = new ArrayList<>();
//|             rows.add(new String[] {by.name(), "TURNS", "TOKENS IN", "TOKENS OUT", "COST"});
//|             for (Sum s : sums) rows.add(row(Printable.line(s.key), s));
//|             rows.add(row("total", total));
//|             int[] width = new int[5];
//|             for (String[] r : rows) for (int i = 0; i < 5; i++) width[i] = Math.max(width[i], r[i].length());
//|             StringBuilder sb = new StringBuilder();
//|             for (String[] r : rows) {
//|                 sb.append(pad(r[0], width[0], false));
//|                 for (int i = 1; i < 4; i++) sb.append("  ").append(pad(r[i], width[i], true));
//|                 sb.append("  ").append(r[4]).append('\n');
//|             }
//|             return sb.toString();
//|         }
//|
//|         private static String[] row(String key, Sum s) {
//|             return new String[] {key, String.valueOf(s.turns), String.valueOf(s.prompt), String.valueOf(s.completion),
//|                 s.shownCost()};
//|         }
//|
//|         private static String pad(String s, int width, boolean right) {
//|             String gap = " ".repeat(Math.max(0, width - s.length()));
//|             return right ? gap + s : s + gap;
//|         }
//|
//|         private static Instant time(JsonObject turn) {
//|             try {
//|                 return turn.string("time") == null ? null : UtcTime.parse(turn.string("time"));
//|             } catch (java.time.DateTimeException e) {
//|                 return null;
//|             }
//|         }
//|
//|         static By by(String text) {
//|             for (By b : By.values()) if (b.key().equals(text)) return b;
//|             throw new Cli.UsageException("--by: '" + Printable.line(text) + "' is not one of day, model, provider");
//|         }
//|
//|         /** A day (its start, UTC), a time, or an age ({@code 7d}, {@code 12h}) before {@code now}. */
//|         static Instant since(String text, Instant now) {
//|             String s = text.strip();
//|             try {
//|                 if (s.matches("\\d{1,4}[dh]")) {
//|                     long n = Long.parseLong(s.substring(0, s.length() - 1));
//|                     return now.minus(s.endsWith("d") ? Duration.ofDays(n) : Duration.ofHours(n));
//|                 }
//|                 if (s.matches("\\d{4}-\\d{2}-\\d{2}")) return UtcTime.parse(s + "T00:00:00Z");
//|                 if (s.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?Z?")) {
//|                     String whole = s.endsWith("Z") ? s.substring(0, s.length() - 1) : s;
//|                     return UtcTime.parse((whole.length() == 16 ? whole + ":00" : whole) + "Z");
//|                 }
//|             } catch (java.time.DateTimeException e) {
//|                 // said below
//|             }
//|             throw new Cli.UsageException("--since: '" + Printable.line(text) + "' is not a day (2026-12-01), a time "
//|                     + "(2026-12-01T09:00:00Z) or an age (7d, 12h)");
//|         }
//|     }
//|
//|     // ---- lib/chat/ChatLog.java
//|     /**
//|      * The conversation log: every {@code chat} exchange, one JSON line a turn, in
//|      * {@code $OPENCLAW_STATE_DIR/huggingface/chat-log.jsonl} (folder 0700, file 0600; a folder of ours, which OpenClaw
//|      * does not read). A turn: {@code cid} (its conversation), {@code turn}, {@code time}, {@code ref} (the model the
//|      * user chose), {@code model} (as sent), {@code provider} and {@code requestId} (as the router said),
//|      * {@code messages} (what this turn added: the system prompt when it is new, then the question), {@code answer},
//|      * {@code reasoning}, {@code usage}, {@code cost} (USD), {@code durationMs}, {@code outcome} ({@code ok},
//|      * {@code failed}, {@code interrupted}) and {@code error}.
//|      * <p>
//|      * Each turn is one append of one whole line, under a file lock waited for a bounded time ({@link SafeFile#append});
//|      * a line cut short by a crash is skipped when reading, and the next append starts on a line of its own. Every
//|      * secret this run holds, and any pasted token of the Hugging Face shape, is redacted from a line before it is
//|      * written. It is read from the end, in constant memory ({@link FileReads#linesFromEnd}). {@code --no-log}, or {@code
//|      * HF_CHAT_LOG=off}, turns it off.
//|      */
//|     static final class ChatLog {
//|         static final String SWITCH = "HF_CHAT_LOG";
//|         private final Path file;
//|
//|         ChatLog(Path file) { this.file = file; }
//|
//|         static Path path(Env env) { return env.stateDir().resolve("huggingface").resolve("chat-log.jsonl"); }
//|
//|         /** Whether HF_CHAT_LOG (environment, .env files, config env.vars) turns the log off: off, 0, false, no. */
//|         static boolean off(Env env) {
//|             Env.Value v = env.lookup(SWITCH);
//|             return v != null && List.of("off", "0", "false", "no").contains(v.value().strip().toLowerCase(Locale.ROOT));
//|         }
//|
//|         Path file() { return file; }
//|
//|         /** The longest line read back: a turn with a 10 MB image attached is about 14 MB of base64. */
//|         static final int MAX_LINE = 32 * 1024 * 1024;
//|         /** An access token of the Hugging Face shape ({@code hf_} and 30 or more letters and digits), ours or pasted. */
//|         private static final java.util.regex.Pattern HF_TOKEN = java.util.regex.Pattern.compile("hf_[A-Za-z0-9]{30,}");
//|
//|         /**
//|          * Appends {@code turn} as one line, every secret this run holds and every token of the Hugging Face shape
//|          * redacted; false when another process held the log's lock past {@link SafeFile#APPEND_WAIT} (nothing written).
//|          */
//|         boolean append(JsonObject turn) throws IOException {
//|             return SafeFile.append(file, (redactedLine(turn) + "\n").getBytes(StandardCharsets.UTF_8));
//|         }
//|
//|         /**
//|          * {@code value} as one JSON line with every secret this run holds and every token of the Hugging Face shape
//|          * redacted: the rule for every line written to a file a model's words reach (the log, a batch's --out).
//|          */
//|         static String redactedLine(JsonValue value) {
//|             return HF_TOKEN.matcher(Running.redact(Json.write(value))).replaceAll("[redacted]");
//|         }
//|
//|         /**
//|          * The turns of the log to {@code each}, newest first, until it returns false; lines that are not a whole JSON
//|          * object (a crash's, or one cut inside a character by a full disk) are skipped. Read from the end in constant
//|          * memory, so a long log costs no more than a short one to look at. {@code mustContain}: lines without this
//|          * text are passed over unparsed (a conversation id), or null.
//|          */
//|         void newestFirst(String mustContain, Predicate<JsonObject> each) throws IOException { newestFirst(mustContain, null,
//|                 each); }
//|
//|         /**
//|          * {@link #newestFirst}, also passing over unparsed the lines whose text does not hold {@code textLowerCase} in any
//|          * case, when that text is one the log holds as it is (JSON escapes nothing in it: no quote, backslash or control
//|          * character): a search of a long log then parses only the lines that may match. ASCII text is matched on the
//|          * bytes, A-Z folded, before any decoding; other text on the decoded line.
//|          */
//|         void newestFirst(String mustContain, String textLowerCase, Predicate<JsonObject> each) throws IOException {
//|             String raw = textLowerCase != null && textLowerCase.chars().noneMatch(c -> c < 0x20 || c == '"' || c == '\\'
//|                     || c == 0x2028 || c == 0x2029)
//|                     ? textLowerCase : null;
//|             boolean ascii = raw != null && raw.chars().allMatch(c -> c < 0x80);
//|             List<FileReads.Needle> needles = new ArrayList<>();
//|             if (mustContain != null) needles.add(new FileReads.Needle(mustContain.getBytes(StandardCharsets.UTF_8), false));
//|             if (ascii) needles.add(new FileReads.Needle(raw.getBytes(StandardCharsets.US_ASCII), true));
//|             String decodedCheck = ascii ? null : raw;
//|             try {
//|                 FileReads.linesFromEnd(file, MAX_LINE, needles, line -> {
//|                     if (line.isBlank() || (decodedCheck != null
//|                             && !line.toLowerCase(Locale.ROOT).contains(decodedCheck))) return true;
//|                     try {
//|                         if (Json.parse(line) instanceof JsonObject o && o.string("cid") != null) return each.test(o);
//|                     } catch (JsonException e) {
//|                         // a line cut short: skipped
//|                     }
//|                     return true;
//|                 });
//|             } catch (FileReads.NotRegular e) {
//|                 throw new IOException(file + ": " + e.getMessage());
//|             }
//|         }
//|
//|         /** Conversation {@code cid}'s turns, oldest first (only they are held in memory). */
//|         List<JsonObject> conversation(String cid) throws IOException {
//|             List<JsonObject> turns = new ArrayList<>();
//|             newestFirst(cid, t -> {
//|                 if (cid.equals(t.string("cid"))) turns.add(t);
//|                 return true;
//|             });
//|             java.util.Collections.reverse(turns);
//|             return turns;
//|         }
//|
//|         /** The id of the most recent conversation, or null when nothing is logged. */
//|         String lastCid() throws IOException {
//|             String[] cid = {null};
//|             newestFirst(null, t -> {
//|                 cid[0] = t.string("cid");
//|                 return false;
//|             });
//|             return cid[0];
//|         }
//|
//|         /**
//|          * A turn as the log holds it: {@code answer} null for a failed one, {@code cost} null when unpriced, {@code added}
//|          * the messages this turn added. The one shape a chat and a batch item are logged in.
//|          */
//|         static JsonObject turn(String cid, int turn, java.time.Instant at, long durationMs, ModelRef chosen,
//|                 ChatRun.Answer a, java.math.BigDecimal cost, List<JsonValue> added, String outcome, String error) {
//|             return JsonValue.object("cid", JsonValue.of(cid), "turn", JsonValue.of(turn), "time",
//|                     JsonValue.of(UtcTime.format(at)),
//|                     "ref", JsonValue.of(chosen.ref()), "model", a == null ? JsonValue.NULL : JsonValue.of(a.model()),
//|                     "provider", a == null || a.provider() == null ? JsonValue.NULL : JsonValue.of(a.provider()),
//|                     "requestId", a == null || a.requestId() == null ? JsonValue.NULL : JsonValue.of(a.requestId()),
//|                     "messages", new JsonArray(added),
//|                     "answer", a == null ? JsonValue.NULL : JsonValue.of(a.content()),
//|                     "reasoning", a == null || a.reasoning().isEmpty() ? JsonValue.NULL : JsonValue.of(a.reasoning()),
//|                     "usage", usage(a),
//|                     "cost", cost == null ? JsonValue.NULL : JsonValue.of(cost.setScale(6,
//|                             java.math.RoundingMode.HALF_UP).stripTrailingZeros()),
//|                     "durationMs", JsonValue.of(durationMs),
//|                     "outcome", JsonValue.of(outcome), "error", error == null ? JsonValue.NULL : JsonValue.of(error));
//|         }
//|
//|         /** An answer's usage as the log (and a batch's output) holds it: {@code {prompt, completion, total}}, or null. */
//|         static JsonValue usage(ChatRun.Answer a) {
//|             return a == null || a.usage() == null ? JsonValue.NULL : JsonValue.object("prompt",
//|                     JsonValue.of(a.usage().prompt()), "completion", JsonValue.of(a.usage().completion()), "total",
//|                     JsonValue.of(a.usage().total()));
//|         }
//|
//|         /** A new conversation id: when it started, and 4 random hex digits ({@code 20261202-170501-3f9a}). */
//|         static String newCid(java.time.Instant now, java.util.Random random) {
//|             String time = UtcTime.format(now).replaceAll("[-:]", "").replace('T', '-');
//|             return time.substring(0, 15) + "-" + String.format("%04x", random.nextInt(0x10000));
//|         }
//|     }
//|
//|     // ---- lib/chat/ChatLogs.java
//|     /**
//|      * {@code chat logs [-n N] [-q TEXT] [--cid ID] [--json]} and {@code chat logs --path}: the conversation log, newest
//|      * turn first, a line a turn: when (UTC), conversation id, model, provider, tokens, cost, the question's start.
//|      */
//|     static final class ChatLogs {
//|         private ChatLogs() { }
//|
//|         static final Options OPTIONS = new Options()
//|                 .add("--limit", "-n", "N", "the newest N turns (default 20)")
//|                 .add("--query", "-q", "TEXT", "turns whose question or answer holds TEXT (any case)")
//|                 .add("--cid", null, "ID", "the turns of conversation ID")
//|                 .add("--json", null, null, "the turns as logged, a JSON array")
//|                 .add("--path", null, null, "print where the log is, and nothing else");
//|
//|         static int run(CommandLine cli, Env env, PrintStream out, PrintStream err) throws IOException {
//|             int limit = 20;
//|             String query = null, cid = null;
//|             boolean json = false;
//|             while (cli.hasNext()) {
//|                 String arg = cli.next();
//|                 switch (OPTIONS.take(cli, arg)) {
//|                     case "--limit" -> limit = cli.intValue(arg, 1);
//|                     case "--query" -> query = cli.value(arg).toLowerCase(Locale.ROOT);
//|                     case "--cid" -> cid = cli.value(arg);
//|                     case "--json" -> json = true;
//|                     case "--path" -> {
//|                         out.println(ChatLog.path(env));
//|                         return Cli.OK;
//|                     }
//|                     default -> throw new IllegalStateException(arg);
//|                 }
//|             }
//|             ChatLog log = new ChatLog(ChatLog.path(env));
//|             List<JsonObject> shown = new ArrayList<>();
//|             boolean[] any = {false};
//|             String wanted = cid, text = query;
//|             int most = limit;
//|             log.newestFirst(cid, query, t -> {
//|                 any[0] = true;
//|                 if (wanted != null && !wanted.equals(t.string("cid"))) return true;
//|                 if (text != null && !(question(t) + "\n" + t.stringOr("answer",
//|                         "")).toLowerCase(Locale.ROOT).contains(text)) return true;
//|                 shown.add(t);
//|                 return shown.size() < most;
//|             });
//|             if (json) {
//|                 Output.json(out, Json.pretty(new JsonArray(new ArrayList<>(shown))));
//|                 return Cli.OK;
//|             }
//|             if (shown.isEmpty()) {
//|                 Cli.say(err, (!any[0] && log.lastCid() == null ? "nothing logged yet" : "no turn matches") + " ("
//|                         + env.display(log.file()) + ")");
//|                 return Cli.OK;
//|             }
//|             for (JsonObject t : shown) out.println(line(t));
//|             return Cli.OK;
//|         }
//|
//|         /**
//|          * {@code 2026-12-02 17:05 20261202-170501-3f9a deepseek-ai/DeepSeek-R1 together 26+20 tokens $0.000218 What is...}.
//|          */
//|         static String line(JsonObject t) {
//|             String time = t.stringOr("time", "?").replace('T', ' ');
//|             time = time.length() >= 16 ? time.substring(0, 16) : time;
//|             String model = t.string("model") != null ? t.string("model") : ModelRef.withoutPrefix(t.stringOr("ref", "?"));
//|             String tokens;
//|             JsonObject usage = t.object("usage");
//|             if (!"ok".equals(t.string("outcome"))) tokens = t.stringOr("outcome", "?");
//|             else if (usage != null) tokens = usage.longOr("prompt", 0) + "+" + usage.longOr("completion", 0) + " tokens";
//|             else tokens = "- tokens";
//|             String cost = t.decimal("cost") != null ? ChatReport.dollars(t.decimal("cost")) : "-";
//|             String question = Printable.line(question(t).replaceAll("\\s+", " ").strip());
//|             if (question.length() > 60) question = question.substring(0, 59) + "\u2026";
//|             return String.join("  ", time, t.stringOr("cid", "?"), Printable.line(model),
//|                     Printable.line(t.stringOr("provider", "-")), tokens, cost, question);
//|         }
//|
//|         /** The text of the turn's question (its last user message; the text parts of one with attachments). */
//|         static String question(JsonObject t) {
//|             JsonArray messages = t.array("messages");
//|             String text = "";
//|             for (JsonObject m : messages == null ? List.<JsonObject>of() : messages.objects()) {
//|                 if (!"user".equals(m.string("role"))) continue;
//|                 JsonValue content = m.get("content");
//|                 if (content instanceof JsonString s) text = s.value();
//|                 else if (content instanceof JsonArray parts) {
//|                     StringBuilder sb = new StringBuilder();
//|                     for (JsonObject p : parts.objects()) if ("text".equals(p.string("type"))) sb.append(p.stringOr("text",
//|                             ""));
//|                     text = sb.toString();
//|                 }
//|             }
//|             return text;
//|         }
//|     }
//|
//|     // ---- lib/chat/ChatOutput.java
//|     /**
//|      * Where an answer goes as it streams: its text to stdout and nothing else there; reasoning to stderr,
//|      * dimmed on a terminal (or nowhere, with --hide-reasoning). With --json nothing is printed as it comes:
//|      * the whole answer is written at the end. Keeps what it was given, and whether anything was shown,
//|      * which decides whether a retry or another model may still be tried.
//|      */
//|     static final class ChatOutput implements ThinkSplitter.Sink {
//|         private final PrintStream out;
//|         private final PrintStream err;
//|         private final Term term;
//|         private final boolean hideReasoning;
//|         private final boolean json;
//|         private final StringBuilder content = new StringBuilder();
//|         private final StringBuilder reasoning = new StringBuilder();
//|         private boolean shown;
//|         private boolean reasoningLineOpen;
//|         /** Whether {@link #finish} ended the answer's line already. */
//|         private boolean ended;
//|         /** The spinner drawn until the first of the answer arrives (on a terminal), or null. */
//|         private AutoCloseable waiting;
//|
//|         ChatOutput(PrintStream out, PrintStream err, Term term, boolean hideReasoning, boolean json) {
//|             this.out = out;
//|             this.err = err;
//|             this.term = term;
//|             this.hideReasoning = hideReasoning;
//|             this.json = json;
//|         }
//|
//|         /** Draws a spinner on stderr (on a terminal) until the first of the answer, or the end, shows. */
//|         void waitVisibly() {
//|             if (waiting == null) waiting = term.spinner(err, "waiting for the answer\u2026");
//|         }
//|
//|         /** Stops the spinner, if one is drawn, before anything else is printed. */
//|         void stopWaiting() {
//|             if (waiting == null) return;
//|             try {
//|                 waiting.close();
//|             } catch (Exception e) {
//|                 // a spinner that would not stop has nothing more to draw
//|             }
//|             waiting = null;
//|         }
//|
//|         @Override
//|         public void content(String text) {
//|             content.append(text);
//|             if (json) return;
//|             stopWaiting();
//|             endReasoningLine();
//|             out.print(Printable.text(text));
//|             out.flush();
//|             shown = true;
//|         }
//|
//|         @Override
//|         public void reasoning(String text) {
//|             reasoning.append(text);
//|             if (hideReasoning) return;
//|             stopWaiting();
//|             err.print(term.dim(Printable.text(text)));
//|             err.flush();
//|             reasoningLineOpen = !text.endsWith("\n");
//|             shown = true;
//|         }
//|
//|         /** How many chars of answer and reasoning came so far. */
//|         int size() { return content.length() + reasoning.length(); }
//|
//|         /** The answer text so far. */
//|         String answerText() { return content.toString(); }
//|
//|         /** The reasoning so far. */
//|         String reasoningText() { return reasoning.toString(); }
//|
//|         /** True once anything of this answer reached the user: from then on, no retry and no other model. */
//|         boolean shown() { return shown; }
//|
//|         /** Ends the lines this answer left open, so that what follows starts on its own line; once. */
//|         void finish() {
//|             stopWaiting();
//|             endReasoningLine();
//|             if (!json && !ended && content.length() > lineStart
//|                     && content.charAt(content.length() - 1) != '\n') out.println();
//|             ended = true;
//|             out.flush();
//|         }
//|
//|         /**
//|          * Ends the lines open now (stdout's answer, stderr's reasoning), so that a line on stderr (a remote tool call)
//|          * starts on its own; the answer may go on after it.
//|          */
//|         void breakLine() {
//|             stopWaiting();
//|             endReasoningLine();
//|             if (!json && content.length() > lineStart && content.charAt(content.length() - 1) != '\n') out.println();
//|             lineStart = content.length();
//|             out.flush();
//|         }
//|
//|         /** Where the answer's text goes on after {@link #breakLine}: an answer ending there needs no new line. */
//|         private int lineStart;
//|
//|         /** Forgets an attempt that showed nothing, before the next one. */
//|         void clear() {
//|             ended = false;
//|             lineStart = 0;
//|             content.setLength(0);
//|             reasoning.setLength(0);
//|         }
//|
//|         private void endReasoningLine() {
//|             if (reasoningLineOpen) err.println();
//|             reasoningLineOpen = false;
//|         }
//|     }
//|
//|     // ---- lib/chat/ChatRepl.java
//|     /**
//|      * {@code chat} on a terminal: a conversation that keeps its history. Lines starting with {@code /} are
//|      * commands; a line of {@code """} opens a multi-line message and another closes it. The prompt goes to
//|      * stderr, so that stdout still carries only answers. A failed question is reported and the
//|      * conversation goes on (it is not added to the history; {@code /retry} sends it again).
//|      */
//|     static final class ChatRepl {
//|         static final String HELP = """
//|                 /model REF     talk to another model (ref, id or alias); without REF: which one
//|                 /system TEXT   set the system prompt; without TEXT: remove it
//|                 /reset         forget the conversation (the system prompt stays)
//|                 /retry         ask the last question again
//|                 /attach FILE   send an image (PNG, JPEG, GIF, WebP; or an http(s) URL) with the next message
//|                 /help          this list
//|                 /exit          leave (or Ctrl-D; Ctrl-C stops an answer, and at the prompt leaves)
//|                 \"""           a line of three quotes starts a multi-line message; another ends it
//|                 """;
//|         private static final List<String> COMMANDS = List.of("/model", "/system", "/reset", "/retry", "/attach", "/help",
//|                 "/exit", "/quit");
//|
//|         private final List<ModelRef> chain;
//|         private final BufferedReader in;
//|         private final PrintStream err;
//|         private final Map<String, String> aliases;
//|         private final ChatSession session;
//|         private final Runnable leave;
//|         private String lastQuestion;
//|         /** Images for the next message (/attach, or -a on the command line). */
//|         private final List<Attachment> pending = new ArrayList<>();
//|         private List<Attachment> lastAttached = List.of();
//|         private boolean lastAnswered;
//|         /** The thread asking a question now, or null at the prompt; and whether Ctrl-C was already pressed during it. */
//|         private volatile Thread asking;
//|         private volatile boolean stopping;
//|
//|         /** {@code leave}: what a Ctrl-C at the prompt (or a second one during an answer) does: exit 130 for real. */
//|         ChatRepl(ChatSession session, List<ModelRef> chain, InputStream in, PrintStream err, Map<String, String> aliases,
//|                 Runnable leave) {
//|             this(session, chain, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), err, aliases,
//|                     leave);
//|         }
//|
//|         /** {@code in}: the lines typed, shared with what else asks the user (a tool call's approval). */
//|         ChatRepl(ChatSession session, List<ModelRef> chain, BufferedReader in, PrintStream err, Map<String, String> aliases,
//|                 Runnable leave) {
//|             this.leave = leave;
//|             this.chain = new ArrayList<>(chain);
//|             this.session = session;
//|             this.in = in;
//|             this.err = err;
//|             this.aliases = aliases;
//|         }
//|
//|         /** Images that go with the first message (-a). */
//|         void attach(List<Attachment> attachments) { pending.addAll(attachments); }
//|
//|         int run() throws IOException, InterruptedException {
//|             err.println("chat with " + chain.get(0).routerId()
//|                     + " \u00b7 /help for commands \u00b7 /exit or Ctrl-D to leave");
//|             if (session.turns() > 0) Cli.say(err, "continuing conversation " + session.cid() + " (" + session.turns()
//|                     + (session.turns() == 1 ? " turn)" : " turns)"));
//|             while (true) {
//|                 String line = prompt("> ");
//|                 if (line == null) return Cli.OK;
//|                 if (line.strip().equals("\"\"\"")) {
//|                     line = block();
//|                     if (line == null) return Cli.OK;
//|                 } else if (line.startsWith("/")) {
//|                     if (!command(line.strip())) return Cli.OK;
//|                     continue;
//|                 }
//|                 if (!line.isBlank()) ask(line, false);
//|             }
//|         }
//|
//|         private String prompt(String text) throws IOException {
//|             err.print(text);
//|             err.flush();
//|             String line = in.readLine();
//|             if (line == null) err.println();
//|             return line;
//|         }
//|
//|         /** The lines up to a closing {@code """}; null at end of input (nothing is sent). */
//|         private String block() throws IOException {
//|             StringBuilder sb = new StringBuilder();
//|             for (String line = prompt("\u2026 "); line != null; line = prompt("\u2026 ")) {
//|                 if (line.strip().equals("\"\"\"")) return sb.toString();
//|                 if (sb.length() > 0) sb.append('\n');
//|                 sb.append(line);
//|             }
//|             return null;
//|         }
//|
//|         /** Runs a command; false when it is the one to leave. */
//|         private boolean command(String line) throws InterruptedException {
//|             int space = line.indexOf(' ');
//|             String name = space < 0 ? line : line.substring(0, space);
//|             String arg = space < 0 ? "" : line.substring(space + 1).strip();
//|             switch (name) {
//|                 case "/exit", "/quit" -> {
//|                     return false;
//|                 }
//|                 case "/help" -> err.print(HELP);
//|                 case "/attach" -> attachCommand(arg);
//|                 case "/model" -> model(arg);
//|                 case "/system" -> {
//|                     session.system(arg.isEmpty() ? null : arg);
//|                     Cli.say(err, arg.isEmpty() ? "no system prompt" : "system prompt set");
//|                 }
//|                 case "/reset" -> {
//|                     session.reset(new java.util.Random());
//|                     lastAnswered = false;
//|                     Cli.say(err, "conversation forgotten");
//|                 }
//|                 case "/retry" -> {
//|                     if (lastQuestion == null) {
//|                         Cli.say(err, "nothing to retry yet");
//|                     } else {
//|                         if (lastAnswered) session.dropLast();
//|                         ask(lastQuestion, true);
//|                     }
//|                 }
//|                 default -> {
//|                     String close = Suggestions.closest(name, COMMANDS);
//|                     Cli.say(err, "unknown command " + name + (close == null ? "" : " (did you mean " + close + "?)")
//|                             + "; /help lists them");
//|                 }
//|             }
//|             return true;
//|         }
//|
//|         private void attachCommand(String arg) {
//|             if (arg.isEmpty() || arg.equals("-")) {
//|                 Cli.say(err, "/attach FILE (or an http(s) URL)");
//|                 return;
//|             }
//|             try {
//|                 Attachment a = Attachment.of(arg, InputStream.nullInputStream());
//|                 Attachment.requireImages(chain.get(0), session.known());
//|                 pending.add(a);
//|                 Cli.say(err, "attached " + a.shown() + (a.bytes() > 0 ? " (" + (a.bytes() + 1023) / 1024 + " KB)" : "")
//|                         + "; it goes with your next message");
//|             } catch (Cli.Failure f) {
//|                 Cli.say(err, f.getMessage());
//|             }
//|         }
//|
//|         private void model(String arg) {
//|             if (arg.isEmpty()) {
//|                 Cli.say(err, "talking to " + chain.get(0).routerId());
//|                 return;
//|             }
//|             try {
//|                 ModelRef ref = ModelRef.resolve(arg, aliases);
//|                 // a pinned provider that does not serve it: said as models show says it
//|                 ref.requireServed(session.known());
//|                 chain.subList(1, chain.size()).remove(ref);   // no longer its own fallback
//|                 chain.set(0, ref);
//|                 Cli.say(err, "now talking to " + ref.routerId());
//|             } catch (ModelRefException e) {
//|                 Cli.say(err, e.getMessage());
//|             }
//|         }
//|
//|         /**
//|          * Ctrl-C: during an answer, stops it (the conversation and its history stay, the prompt comes back);
//|          * at the prompt, or pressed again before the answer stopped, leaves.
//|          */
//|         void interrupt() {
//|             Thread thread = asking;
//|             if (thread != null && !stopping) {
//|                 stopping = true;
//|                 thread.interrupt();
//|             } else {
//|                 leave.run();
//|             }
//|         }
//|
//|         /** {@code retry}: the last question again, with the images it had. */
//|         private void ask(String question, boolean retry) throws InterruptedException {
//|             lastQuestion = question;
//|             lastAnswered = false;
//|             stopping = false;
//|             asking = Thread.currentThread();
//|             try {
//|                 List<Attachment> with = retry ? lastAttached : List.copyOf(pending);
//|                 pending.clear();
//|                 lastAttached = with;
//|                 session.ask(chain, Attachment.message(question, with));
//|                 lastAnswered = true;
//|             } catch (Cli.Failure f) {
//|                 Cli.say(err, f.getMessage());
//|             } finally {
//|                 asking = null;
//|                 Thread.interrupted();   // a Ctrl-C that came as the answer ended is spent
//|             }
//|         }
//|     }
//|
//|     // ---- lib/chat/ChatReport.java
//|     /**
//|      * Shows answers: the {@link ChatOutput} an answer streams into, then one summary line on stderr (model, provider,
//|      * tokens, cost) and, with --json, the whole answer on stdout; after the turn is logged, what --schema or -x print.
//|      * The cost comes from the answering provider's price in the cached model list, when there is one: chat never
//|      * fetches the list itself.
//|      */
//|     static final class ChatReport {
//|         /**
//|          * What stdout gets: the answer as it streams, or (held until it is whole) a chat.completion with {@code json},
//|          * the answer checked against {@code schema} (--schema), or only its first fenced code block ({@code extract}, -x).
//|          */
//|         record Shown(boolean json, boolean hideReasoning, JsonObject schema, boolean extract) {
//|             boolean held() { return json || schema != null || extract; }
//|         }
//|
//|         /** An answered question: the answer and its price in USD (null when unknown), priced once, here. */
//|         record Turn(ChatRun.Answer answer, BigDecimal cost) { }
//|
//|         private final Term term;
//|         private final PrintStream out;
//|         private final PrintStream err;
//|         private final Shown shown;
//|         private final List<RouterModel> known;
//|
//|         /** {@code known}: the cached router list ({@link #cached}), what answers are priced by. */
//|         ChatReport(Term term, PrintStream out, PrintStream err, Shown shown, List<RouterModel> known) {
//|             this.term = term;
//|             this.out = out;
//|             this.err = err;
//|             this.shown = shown;
//|             this.known = known;
//|         }
//|
//|         /**
//|          * The cached router list, never fetched here: what chat checks models against and prices answers by; empty when
//|          * none.
//|          */
//|         static List<RouterModel> cached(Env env, JsonValue config) {
//|             List<RouterModel> live = new Discovery(env, config, Instant.now()).discover(new Discovery.Options(true, false,
//|                     Duration.ZERO)).live();
//|             return live == null ? List.of() : live;
//|         }
//|
//|         List<RouterModel> known() { return known; }
//|
//|         static JsonValue message(String role, String content) {
//|             return JsonValue.object("role", JsonValue.of(role), "content", JsonValue.of(content));
//|         }
//|
//|         /** Where the next answer streams to (held, not streamed, when what stdout gets is made from the whole answer). */
//|         ChatOutput output() { return new ChatOutput(out, err, term, shown.hideReasoning(), shown.held()); }
//|
//|         /** The answer that streamed into {@code output}, ended and priced; with --json printed whole; the summary line. */
//|         Turn shown(ChatRun.Answer answer, ChatOutput output) {
//|             output.finish();
//|             Turn turn = new Turn(answer, cost(answer, known));
//|             if (shown.json()) Output.json(out, Json.pretty(json(answer, turn.cost())));
//|             err.println(term.dim(Running.program() + ": " + summary(answer, turn.cost())));
//|             return turn;
//|         }
//|
//|         /** After the turn is logged: --schema's checked JSON, compact, or -x's code block, on stdout; a mismatch fails. */
//|         void finish(Turn turn) {
//|             if (shown.json()) return;
//|             String content = turn.answer().content();
//|             if (shown.schema() != null) {
//|                 Output.json(out, Json.write(StructuredAnswer.check(content, shown.schema())));
//|             } else if (shown.extract()) {
//|                 String block = StructuredAnswer.firstFencedBlock(content);
//|                 if (block == null) throw new Cli.Failure("-x: the answer has no fenced code block (the whole answer is in "
//|                         + "'" + Invocation.command("chat") + " logs -n 1 --json')");
//|                 out.println(block);
//|             }
//|         }
//|
//|         /** {@code deepseek-ai/DeepSeek-R1 via together - 26 in + 20 out tokens - $0.000218}. */
//|         static String summary(ChatRun.Answer a, BigDecimal cost) {
//|             StringBuilder sb = new StringBuilder(a.model());
//|             if (a.provider() != null) sb.append(" via ").append(Printable.line(a.provider()));
//|             if (a.usage() != null) sb.append(" \u00b7 ").append(a.usage().prompt()).append(" in "
//|                     + "+ ").append(a.usage().completion()).append(" out tokens");
//|             if (cost != null) sb.append(" \u00b7 ").append(dollars(cost));
//|             if ("length".equals(a.finishReason())) sb.append(" \u00b7 cut at the token limit");
//|             return sb.toString();
//|         }
//|
//|         /** {@code $0.000218}: a cost in USD, to six decimals at most. */
//|         static String dollars(BigDecimal usd) {
//|             BigDecimal rounded = usd.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
//|             return "$" + (rounded.signum() == 0 ? "0" : rounded.toPlainString());
//|         }
//|
//|         /** The answer as an OpenAI {@code chat.completion}, plus {@code provider} and {@code cost} (USD). */
//|         static JsonValue json(ChatRun.Answer a, BigDecimal cost) {
//|             List<Object> message = new ArrayList<>(List.of("role", JsonValue.of("assistant"), "content",
//|                     JsonValue.of(a.content())));
//|             if (!a.reasoning().isEmpty()) message.addAll(List.of("reasoning_content", JsonValue.of(a.reasoning())));
//|             JsonValue choice = JsonValue.object("index", JsonValue.of(0), "message", JsonValue.object(message.toArray()),
//|                     "finish_reason", a.finishReason() == null ? JsonValue.NULL : JsonValue.of(a.finishReason()));
//|             JsonValue usage = a.usage() == null ? JsonValue.NULL : JsonValue.object("prompt_tokens",
//|                     JsonValue.of(a.usage().prompt()),
//|                     "completion_tokens", JsonValue.of(a.usage().completion()), "total_tokens",
//|                             JsonValue.of(a.usage().total()));
//|             return JsonValue.object("object", JsonValue.of("chat.completion"), "model", JsonValue.of(a.model()),
//|                     "provider", a.provider() == null ? JsonValue.NULL : JsonValue.of(a.provider()),
//|                     "choices", new JsonArray(List.of(choice)), "usage", usage,
//|                     "cost", cost == null ? JsonValue.NULL : JsonValue.of(cost.setScale(6,
//|                             RoundingMode.HALF_UP).stripTrailingZeros()));
//|         }
//|
//|         /**
//|          * Prompt and completion tokens at the answering provider's prices in {@code known}; null when either is unknown.
//|          */
//|         static BigDecimal cost(ChatRun.Answer a, List<RouterModel> known) {
//|             if (a.usage() == null || a.provider() == null) return null;
//|             String id = ModelRef.parse(a.model()).id();
//|             for (RouterModel m : known) {
//|                 if (!ModelRef.sameId(m.id(), id)) continue;
//|                 for (RouterModel.Offer o : m.providers()) {
//|                     if (o.provider().equalsIgnoreCase(a.provider()) && o.priceIn() != null && o.priceOut() != null) {
//|                         return o.priceIn().multiply(BigDecimal.valueOf(a.usage().prompt()))
//|                                 .add(o.priceOut().multiply(BigDecimal.valueOf(a.usage().completion())))
//|                                 .divide(BigDecimal.valueOf(1_000_000));
//|                     }
//|                 }
//|             }
//|             return null;
//|         }
//|     }
//|
//|     // ---- lib/chat/ChatRequest.java
//|     /** What a chat command line asked for, read by {@link #parse} from {@link ChatCommand#OPTIONS}. */
//|     static final class ChatRequest {
//|         String model;
//|         String system;
//|         String billTo;
//|         /** -c: the most recent conversation; --cid: that one. */
//|         boolean continueLast, noLog;
//|         String cid;
//|         String schema;
//|         boolean extract;
//|         final List<String> attachments = new ArrayList<>();
//|         Double temperature;
//|         Integer maxTokens;
//|         boolean stream = true, json, hideReasoning, noFallback;
//|         double timeout = 60;
//|         int retries = 2;
//|         final List<String> fallbacks = new ArrayList<>();
//|         final List<String> prompt = new ArrayList<>();
//|         boolean noStdin, plan, reroute, estimate;
//|         java.math.BigDecimal maxCost;
//|         /** --batch FILE|-, --out FILE, --concurrency N, --resume, --template TEXT. */
//|         String batch, out, template;
//|         int concurrency = 4;
//|         boolean resume;
//|         /** --tool PATH, --tools DIR, --mcp-server CMD, --mcp URL, --allow TOOL, --yes, --max-tool-calls, --tool-timeout. */
//|         final List<String> tools = new ArrayList<>(), toolFolders = new ArrayList<>(), mcpServers = new ArrayList<>(),
//|                 mcp = new ArrayList<>(), allowed = new ArrayList<>();
//|         boolean yes;
//|         int maxToolCalls = 5;
//|         double toolTimeout = 60;
//|
//|         /** Whether any tool is offered: local ones, servers run here, or the router's Remote MCP. */
//|         boolean offersTools() {
//|             return !tools.isEmpty() || !toolFolders.isEmpty() || !mcpServers.isEmpty() || !mcp.isEmpty();
//|         }
//|
//|         /** Reads the command line by {@link ChatCommand#OPTIONS}; usage errors name the flag. */
//|         static ChatRequest parse(CommandLine cli) {
//|             ChatRequest r = new ChatRequest();
//|             boolean options = true;
//|             java.util.Set<String> given = new java.util.HashSet<>();
//|             while (cli.hasNext()) {
//|                 String arg = cli.next();
//|                 if (!options || !arg.startsWith("-") || arg.equals("-")) {
//|                     r.prompt.add(arg);
//|                     continue;
//|                 }
//|                 if (arg.equals("--")) {
//|                     options = false;
//|                     continue;
//|                 }
//|                 String option = ChatCommand.OPTIONS.take(cli, arg);
//|                 given.add(option);
//|                 switch (option) {
//|                     case "--model" -> r.model = cli.value(arg);
//|                     case "--system" -> r.system = cli.value(arg);
//|                     case "--temperature" -> r.temperature = cli.decimalValue(arg, 0, 2);
//|                     case "--max-tokens" -> r.maxTokens = cli.intValue(arg, 1);
//|                     case "--no-stream" -> r.stream = false;
//|                     case "--json" -> r.json = true;
//|                     case "--hide-reasoning" -> r.hideReasoning = true;
//|                     case "--timeout" -> r.timeout = cli.decimalValue(arg, 0.1, 3600);
//|                     case "--retries" -> r.retries = cli.intValue(arg, 0);
//|                     case "--fallback" -> r.fallbacks.add(cli.value(arg));
//|                     case "--no-fallback" -> r.noFallback = true;
//|                     case "--bill-to" -> r.billTo = cli.value(arg);
//|                     case "--continue" -> r.continueLast = true;
//|                     case "--cid" -> r.cid = cli.value(arg);
//|                     case "--no-log" -> r.noLog = true;
//|                     case "--schema" -> r.schema = cli.value(arg);
//|                     case "--extract" -> r.extract = true;
//|                     case "--attach" -> r.attachments.add(cli.value(arg));
//|                     case "--no-stdin" -> r.noStdin = true;
//|                     case "--plan" -> r.plan = true;
//|                     case "--reroute" -> r.reroute = true;
//|                     case "--estimate" -> r.estimate = true;
//|                     case "--max-cost" -> r.maxCost = usd(arg, cli.value(arg));
//|                     case "--batch" -> r.batch = cli.value(arg);
//|                     case "--out" -> r.out = cli.value(arg);
//|                     case "--concurrency" -> r.concurrency = cli.intValue(arg, 1);
//|                     case "--resume" -> r.resume = true;
//|                     case "--template" -> r.template = cli.value(arg);
//|                     case "--tool" -> r.tools.add(cli.value(arg));
//|                     case "--tools" -> r.toolFolders.add(cli.value(arg));
//|                     case "--mcp-server" -> r.mcpServers.add(cli.value(arg));
//|                     case "--mcp" -> r.mcp.add(RemoteMcp.checked(cli.value(arg)));
//|                     case "--allow" -> r.allowed.add(cli.value(arg));
//|                     case "--yes" -> r.yes = true;
//|                     case "--max-tool-calls" -> r.maxToolCalls = cli.intValue(arg, 1);
//|                     case "--tool-timeout" -> r.toolTimeout = cli.decimalValue(arg, 0.1, 3600);
//|                     default -> throw new IllegalStateException(option);
//|                 }
//|             }
//|             ChatCommand.OPTIONS.requireAtMostOne(given);
//|             requireToolsFit(r, given);
//|             if (r.batch == null) {
//|                 for (String only : List.of("--out", "--concurrency", "--resume", "--template")) {
//|                     if (given.contains(only)) throw new Cli.UsageException(only + " goes with --batch");
//|                 }
//|             } else {
//|                 for (String not : List.of("--continue", "--cid", "--plan", "--estimate", "--attach", "--json",
//|                         "--extract")) {
//|                     if (given.contains(not)) throw new Cli.UsageException(not + " does not go with --batch");
//|                 }
//|                 if (!r.prompt.isEmpty()) throw new Cli.UsageException("--batch takes its prompts from "
//|                         + (r.batch.equals("-") ? "stdin" : r.batch) + ", not from arguments");
//|                 if (r.resume && r.out == null) throw new Cli.UsageException("--resume reads the --out FILE: give one");
//|                 if (r.concurrency > 64) throw new Cli.UsageException("invalid value for --concurrency: '"
//|                         + r.concurrency + "' (at most 64)");
//|             }
//|             if (r.attachments.contains("-")
//|                     && r.prompt.isEmpty()) throw new Cli.UsageException("-a - reads the image from stdin: give the prompt "
//|                             + "as arguments");
//|             if (r.schema != null && r.extract) throw new Cli.UsageException("--schema and -x together: choose one");
//|             if (r.continueLast && r.cid != null) throw new Cli.UsageException("-c and --cid together: -c continues the "
//|                     + "most recent conversation, --cid the one named");
//|             return r;
//|         }
//|
//|         /** The tool options together: each needs tools offered, --mcp goes alone, tools not with --batch. */
//|         private static void requireToolsFit(ChatRequest r, java.util.Set<String> given) {
//|             if (!r.offersTools()) {
//|                 for (String only : List.of("--yes", "--max-tool-calls", "--tool-timeout", "--allow")) {
//|                     if (given.contains(only)) throw new Cli.UsageException(only + " goes with --tool, --tools, "
//|                             + "--mcp-server or --mcp");
//|                 }
//|                 return;
//|             }
//|             if (r.batch != null) throw new Cli.UsageException("--batch does not take tools (--tool, --tools, "
//|                     + "--mcp-server, --mcp)");
//|             if (given.contains("--allow") && r.mcp.isEmpty()) throw new Cli.UsageException("--allow names the tools "
//|                     + "of --mcp servers the model may call: give --mcp");
//|             if (r.mcp.isEmpty()) return;
//|             for (String local : List.of("--tool", "--tools", "--mcp-server")) {
//|                 if (given.contains(local)) throw new Cli.UsageException("--mcp and " + local + " together: the router "
//|                         + "runs --mcp servers (through /v1/responses), chat runs " + local + " (through "
//|                         + "chat/completions); choose one");
//|             }
//|             for (String not : List.of("--schema", "--attach", "--extract")) {
//|                 if (given.contains(not)) throw new Cli.UsageException(not + " does not go with --mcp");
//|             }
//|             if (given.contains("--tool-timeout")) throw new Cli.UsageException("--tool-timeout goes with local tools: "
//|                     + "the router runs --mcp servers' tools");
//|         }
//|
//|         /** A cost in USD given by {@code where}: a plain non-negative number ({@code 0.05}). */
//|         static java.math.BigDecimal usd(String where, String value) {
//|             // Plain digits only, bounded: an exponent (1e-999999999) would make printing the cap a billion characters.
//|             String v = value.strip();
//|             if (v.matches("[0-9]{1,9}(\\.[0-9]{1,9})?")) return new java.math.BigDecimal(v);
//|             String shown = value.length() > 40 ? value.substring(0, 40) + "\u2026" : value;
//|             throw new Cli.UsageException("invalid value for " + where + ": '" + Printable.line(shown)
//|                     + "' (an amount in USD, such as 0.05)");
//|         }
//|     }
//|
//|     // ---- lib/chat/ChatRun.java
//|     /**
//|      * One question to the router, with retries and model fallbacks, printing the answer as it streams.
//|      * <ul>
//|      * <li>Retries (408, 409, 425, 429, 5xx, no connection, a stream that broke) only while nothing was
//|      *     shown, waiting as {@link Backoff} says;
//|      * <li>then the next model of the chain, also at once for 401, 403, 404, {@code model_not_found}
//|      *     and {@code model_not_supported};
//|      * <li>a 402 ends it, explained ({@link BudgetStop}): every model bills the same account;
//|      * <li>a plain 400 (the request itself is wrong) ends it: another model would refuse it too;
//|      * <li>once any of the answer was shown, nothing else is tried: a broken answer fails.
//|      * </ul>
//|      * Each failed attempt gets one line on stderr, saying what happens next.
//|      */
//|     static final class ChatRun {
//|         /** Waits between retries; tests pass one that records instead of sleeping. */
//|         interface Pause {
//|             void pause(Duration d) throws InterruptedException;
//|         }
//|
//|         /**
//|          * {@code responseFormat}: sent as the request's {@code response_format} (--schema), or null. {@code reroute}:
//|          * a pinned provider may be planned around ({@link RoutePlan}). {@code maxCost}: the most a question may cost
//|          * (USD, {@link CostEstimate}), or null; {@code maxCostFrom} says where it was set. {@code extra}: more request
//|          * fields, sent as they are (a batch line's {@code top_p}, {@code stop}, {@code seed}), or null.
//|          */
//|         record Settings(Double temperature, Integer maxTokens, boolean stream, int retries, Duration idle,
//|                 JsonObject responseFormat, boolean reroute, java.math.BigDecimal maxCost, String maxCostFrom,
//|                 JsonObject extra) {
//|             Settings(Double temperature, Integer maxTokens, boolean stream, int retries, Duration idle,
//|                     JsonObject responseFormat, boolean reroute, java.math.BigDecimal maxCost, String maxCostFrom) {
//|                 this(temperature, maxTokens, stream, retries, idle, responseFormat, reroute, maxCost, maxCostFrom, null);
//|             }
//|
//|             /** These settings, as a batch line's body overrides them: its temperature, max_tokens and the rest. */
//|             Settings with(JsonObject body) {
//|                 if (body == null) return this;
//|                 List<Object> rest = new ArrayList<>();
//|                 for (var m : body.members().entrySet()) {
//|                     if (List.of("temperature", "max_tokens", "response_format").contains(m.getKey())) continue;
//|                     rest.add(m.getKey());
//|                     rest.add(m.getValue());
//|                 }
//|                 Double t = body.get("temperature") instanceof JsonNumber n ? Double.valueOf(n.doubleValue()) : temperature;
//|                 Integer most = body.get("max_tokens") instanceof JsonNumber n ? Integer.valueOf((int) Math.min(
//|                         Integer.MAX_VALUE, Math.max(1, n.doubleValue()))) : maxTokens;
//|                 JsonObject format = body.get("response_format") instanceof JsonObject f ? f : responseFormat;
//|                 return new Settings(t, most, stream, retries, idle, format, reroute, maxCost, maxCostFrom,
//|                         rest.isEmpty() ? null : JsonValue.object(rest.toArray()));
//|             }
//|         }
//|
//|         /** What one request to one model came to: an answer, or a failure and what may follow it. */
//|         sealed interface Attempt permits Answer, Failed { }
//|
//|         /**
//|          * A finished answer. {@code provider} and {@code requestId}: the router's {@code x-inference-provider} and {@code
//|          * x-request-id}, when it said.
//|          */
//|         record Answer(String model, String provider, String content, String reasoning, String finishReason,
//|                 ChatChunk.Usage usage, String requestId, List<ToolCall> calls, JsonArray items) implements Attempt {
//|             Answer(String model, String provider, String content, String reasoning, String finishReason,
//|                     ChatChunk.Usage usage, String requestId) {
//|                 this(model, provider, content, reasoning, finishReason, usage, requestId, List.of(), null);
//|             }
//|
//|             /** {@code calls}: the tool calls it asked for; {@code items}: /v1/responses' output items, else null. */
//|             Answer withCalls(List<ToolCall> calls, JsonArray items) {
//|                 return new Answer(model, provider, content, reasoning, finishReason, usage, requestId, calls, items);
//|             }
//|
//|             /** This last answer of a question, with {@code earlier} (its tool rounds' usage) added to its own. */
//|             Answer withUsageBefore(ChatChunk.Usage earlier) {
//|                 if (earlier == null) return this;
//|                 return new Answer(model, provider, content, reasoning, finishReason, earlier.plus(usage), requestId,
//|                         calls, items);
//|             }
//|         }
//|
//|         /** {@code BUDGET}: a 402, which ends the chain as STOP does, with what whoami says of who pays. */
//|         private enum Next { RETRY, OTHER_MODEL, STOP, BUDGET }
//|
//|         /** A failed attempt: its one-line description and what may follow it. */
//|         private record Failed(String line, Next next, Duration retryAfter, int status) implements Attempt {
//|             Failed(String line, Next next, Duration retryAfter) { this(line, next, retryAfter, 0); }
//|         }
//|
//|         private final RouterClient router;
//|         private final Settings settings;
//|         private final Pause pause;
//|         private final Random random;
//|         private final PrintStream err;
//|         /** After a 402: the lines that explain it ({@link BudgetStop}); asked only then (whoami is rate-limited). */
//|         private final java.util.function.Supplier<List<String>> budget;
//|         private final java.util.function.IntConsumer statuses;
//|
//|         ChatRun(RouterClient router, Settings settings, Pause pause, Random random, PrintStream err) {
//|             this(router, settings, pause, random, err, List::of);
//|         }
//|
//|         ChatRun(RouterClient router, Settings settings, Pause pause, Random random, PrintStream err,
//|                 java.util.function.Supplier<List<String>> budget) {
//|             this(router, settings, pause, random, err, budget, status -> { });
//|         }
//|
//|         /** {@code statuses}: told the HTTP status of each failed attempt (0: no answer), as a batch paces itself by. */
//|         ChatRun(RouterClient router, Settings settings, Pause pause, Random random, PrintStream err,
//|                 java.util.function.Supplier<List<String>> budget, java.util.function.IntConsumer statuses) {
//|             this(router, settings, pause, random, err, budget, statuses, new boolean[1]);
//|         }
//|
//|         private ChatRun(RouterClient router, Settings settings, Pause pause, Random random, PrintStream err,
//|                 java.util.function.Supplier<List<String>> budget, java.util.function.IntConsumer statuses,
//|                 boolean[] refusesReasoning) {
//|             this.refusesReasoning = refusesReasoning;
//|             this.statuses = statuses;
//|             this.budget = budget;
//|             this.router = router;
//|             this.settings = settings;
//|             this.pause = pause;
//|             this.random = random;
//|             this.err = err;
//|         }
//|
//|         /**
//|          * Asks each attempt of {@code plan} in turn ({@link RoutePlan}) until one answers; fails with the reason when none
//|          * did. A failure that may pass (408, 409, 425, 429, 5xx, a network failure), before any of the answer was shown:
//|          * an attempt the plan chose from the list moves on to the next at once, unless the router asks to wait
//|          * (Retry-After) no longer than {@link Backoff#LONGEST}; a model as given is retried, as {@link Backoff} says.
//|          * With {@code firstOnce}, the first is asked once (a provider a conversation stuck to: when it fails, the plan
//|          * comes next at once, even on a 400 that provider alone may give).
//|          */
//|         Answer ask(List<RoutePlan.Attempt> plan, List<JsonValue> messages, ChatOutput output,
//|                 boolean firstOnce) throws InterruptedException {
//|             int attempts = 0;
//|             for (int m = 0; m < plan.size(); m++) {
//|                 RoutePlan.Attempt planned = plan.get(m);
//|                 ModelRef model = planned.ref();
//|                 boolean sticky = firstOnce && m == 0, next = m + 1 < plan.size();
//|                 for (int retry = 0; ; retry++) {
//|                     attempts++;
//|                     output.clear();
//|                     output.waitVisibly();
//|                     Attempt attempt = once(model, messages, output);
//|                     if (Thread.interrupted()) {
//|                         // Ctrl-C in the conversation: this question ends here, without a retry or another model.
//|                         output.finish();
//|                         throw new Cli.Failure("interrupted" + (output.shown() ? "; the answer above is incomplete" : ""));
//|                     }
//|                     if (attempt instanceof Answer answer) return answer;
//|                     Failed failed = (Failed) attempt;   // the one other kind of Attempt
//|                     statuses.accept(failed.status());
//|                     output.stopWaiting();
//|                     String line = model.routerId() + ": " + failed.line();
//|                     lastFailure = line;
//|                     if (output.shown()) {
//|                         output.finish();
//|                         throw new Cli.Failure(line + "; the answer above is incomplete");
//|                     }
//|                     // A provider the conversation stuck to may refuse what the model itself takes: back to the plan.
//|                     if (failed.next() == Next.STOP && !sticky) throw new Cli.Failure(line);
//|                     if (failed.next() == Next.BUDGET) {
//|                         Cli.say(err, line);
//|                         for (String why : budget.get()) Cli.say(err, why);
//|                         throw new Cli.Failure(next ? "stopped: the fallbacks bill the same account, so none was tried"
//|                                 : "no model answered (" + attempts + (attempts == 1 ? " attempt" : " attempts") + ")");
//|                     }
//|                     if (failed.next() == Next.RETRY && retry < settings.retries() && !sticky) {
//|                         Duration wait = Backoff.delay(retry, failed.retryAfter(), random);
//|                         // A planned attempt waits only when told to, and not long; else another provider is asked now.
//|                         boolean waits = !planned.planned() || !next || failed.retryAfter() != null;
//|                         if (waits && wait.compareTo(Backoff.LONGEST) <= 0) {
//|                             Cli.say(err, line + "; retrying in " + Figures.seconds(wait) + " (retry " + (retry + 1) + " of "
//|                                     + settings.retries() + ")");
//|                             try {
//|                                 pause.pause(wait);
//|                             } catch (InterruptedException e) {
//|                                 throw new Cli.Failure("interrupted");
//|                             }
//|                             continue;
//|                         }
//|                         if (waits) line += " (asks to wait " + Figures.seconds(wait) + ")";
//|                         else if (failed.retryAfter() == null
//|                                 && failed.line().startsWith("429")) line += " (no Retry-After)";
//|                     }
//|                     if (next) Cli.say(err, line + "; trying " + plan.get(m + 1).ref().routerId());
//|                     else Cli.say(err, line);
//|                     break;
//|                 }
//|             }
//|             throw new Cli.Failure("no model answered (" + attempts + (attempts == 1 ? " attempt" : " attempts") + ")");
//|         }
//|
//|         Settings settings() { return settings; }
//|
//|         private volatile String lastFailure;
//|
//|         /** The last failed attempt's line ({@code MODEL: WHY}), or null: what a batch's line says beside the outcome. */
//|         String lastFailure() { return lastFailure; }
//|
//|         /** One request: an {@link Answer} or a {@link Failed}. */
//|         /** Set by a provider that refused the reasoning sent back: from then on this run sends none (a shared flag). */
//|         private final boolean[] refusesReasoning;
//|
//|         private Attempt once(ModelRef model, List<JsonValue> asked, ChatOutput output) {
//|             List<JsonValue> messages = refusesReasoning[0] ? ToolRunner.withoutReasoning(asked) : asked;
//|             // Remote MCP (--mcp) is served by the Responses API alone; everything else by chat/completions.
//|             boolean responses = RemoteMcp.offeredIn(settings.extra());
//|             JsonValue body = responses ? RemoteMcp.request(model.routerId(), messages, settings) : request(model, messages);
//|             try (RouterResponse response = responses ? router.responses(body, settings.stream(), settings.idle())
//|                     : router.chat(body, settings.stream(), settings.idle())) {
//|                 int status = response.status();
//|                 if (status / 100 != 2) {
//|                     String retryAfter = response.headers().firstValue("retry-after").orElse(null);
//|                     String said = response.rest(RouterClient.MAX_BODY);
//|                     if (status == 400 && ToolRunner.echoesReasoning(messages) && said.contains("reasoning")) {
//|                         // Some models need their reasoning echoed back beside their tool calls, and some providers
//|                         // refuse the field: the same request again without it, once, and never again this run.
//|                         Cli.say(err, model.routerId() + ": 400: this provider refuses the reasoning sent back with the "
//|                                 + "tool calls; asking again without it");
//|                         refusesReasoning[0] = true;
//|                         return once(model, asked, output);
//|                     }
//|                     Failed f = failed(status, said, Backoff.retryAfter(retryAfter, ZonedDateTime.now()),
//|                             router.tokenSource(), router.billTo());
//|                     return new Failed(f.line(), f.next(), f.retryAfter(), status);
//|                 }
//|                 String provider = response.headers().firstValue("x-inference-provider").orElse(null);
//|                 String requestId = response.headers().firstValue("x-request-id").orElse(null);
//|                 if (responses) return ResponseEvents.read(response, settings.stream(), model.routerId(), provider,
//|                         requestId, output, err);
//|                 return settings.stream() ? streamed(response, model, provider, requestId, output) : whole(response, model,
//|                         provider, requestId, output);
//|             } catch (RouterError e) {
//|                 return new Failed(e.getMessage(), Next.RETRY, null);
//|             }
//|         }
//|
//|         /** This run with other settings (the same router, pauses and output): a question's last round without tools. */
//|         ChatRun with(Settings other) {
//|             return new ChatRun(router, other, pause, random, err, budget, statuses, refusesReasoning);
//|         }
//|
//|         private JsonValue request(ModelRef model, List<JsonValue> messages) {
//|             List<Object> fields = new ArrayList<>(List.of("model", JsonValue.of(model.routerId()), "messages",
//|                     new JsonArray(messages),
//|                     "stream", JsonValue.of(settings.stream())));
//|             if (settings.stream()) fields.addAll(List.of("stream_options", JsonValue.object("include_usage",
//|                     JsonValue.TRUE)));
//|             if (settings.temperature() != null) fields.addAll(List.of("temperature",
//|                     new JsonNumber(Figures.plain(settings.temperature()))));
//|             if (settings.maxTokens() != null) fields.addAll(List.of("max_tokens", JsonValue.of(settings.maxTokens())));
//|             if (settings.responseFormat() != null) fields.addAll(List.of("response_format", settings.responseFormat()));
//|             if (settings.extra() != null) {
//|                 for (var m : settings.extra().members().entrySet()) fields.addAll(List.of(m.getKey(), m.getValue()));
//|             }
//|             return JsonValue.object(fields.toArray());
//|         }
//|
//|         /**
//|          * The most of an answer (text and reasoning) read: far beyond any model's output limit, far below what memory
//|          * holds.
//|          */
//|         static final int MAX_ANSWER = 8 * 1024 * 1024;
//|
//|         private Attempt streamed(RouterResponse response, ModelRef model, String provider, String requestId,
//|                 ChatOutput output) throws RouterError {
//|             Sse sse = new Sse();
//|             ThinkSplitter think = new ThinkSplitter(output);
//|             ToolCallParts calls = new ToolCallParts();
//|             String finish = null;
//|             ChatChunk.Usage usage = null;
//|             boolean done = false;
//|             while (!done) {
//|                 String line = response.nextLine();
//|                 String data = line != null ? sse.line(line) : sse.end();
//|                 if (data != null && data.strip().equals("[DONE]")) {
//|                     done = true;
//|                 } else if (data != null) {
//|                     ChatChunk chunk;
//|                     try {
//|                         chunk = ChatChunk.ofStreamed(data);
//|                     } catch (JsonException e) {
//|                         return new Failed("the stream carried something that is not JSON (" + e.getMessage() + ")",
//|                                 Next.RETRY, null);
//|                     }
//|                     if (chunk.error() != null) return new Failed("error in the stream: " + Printable.line(chunk.error()),
//|                             Next.RETRY, null);
//|                     if (chunk.reasoning() != null) output.reasoning(chunk.reasoning());
//|                     if (chunk.content() != null) think.feed(chunk.content());
//|                     for (JsonObject call : chunk.toolCalls()) calls.add(call);
//|                     if (chunk.finishReason() != null) finish = chunk.finishReason();
//|                     if (chunk.usage() != null) usage = chunk.usage();
//|                     if (output.size() + calls.size() > MAX_ANSWER) {
//|                         think.finish();
//|                         output.finish();   // the answer's line ends before the note on stderr
//|                         Cli.say(err, "the answer passed " + MAX_ANSWER / (1024 * 1024)
//|                                 + " MB; stopped reading it (what was shown is kept)");
//|                         return new Answer(model.routerId(), provider, output.answerText(), output.reasoningText(), "length",
//|                                 usage, requestId);
//|                     }
//|                 }
//|                 if (line == null) break;
//|             }
//|             think.finish();
//|             // Some providers end without [DONE]; an answer that said how it finished is whole all the same.
//|             if (!done && finish == null) return new Failed("the stream stopped before the answer was complete", Next.RETRY,
//|                     null);
//|             return new Answer(model.routerId(), provider, output.answerText(), output.reasoningText(), finish, usage,
//|                     requestId).withCalls(calls.calls(), null);
//|         }
//|
//|         private Attempt whole(RouterResponse response, ModelRef model, String provider, String requestId,
//|                 ChatOutput output) throws RouterError {
//|             ChatChunk answer;
//|             try {
//|                 answer = ChatChunk.ofAnswer(Json.parse(response.rest(RouterClient.MAX_BODY)));
//|             } catch (JsonException e) {
//|                 return new Failed("the answer is not JSON (" + e.getMessage() + ")", Next.RETRY, null);
//|             }
//|             if (answer.error() != null) return new Failed("error: " + Printable.line(answer.error()), Next.RETRY, null);
//|             if (answer.reasoning() != null) output.reasoning(answer.reasoning());
//|             ThinkSplitter think = new ThinkSplitter(output);
//|             if (answer.content() != null) think.feed(answer.content());
//|             think.finish();
//|             ToolCallParts calls = new ToolCallParts();
//|             for (int i = 0; i < answer.toolCalls().size(); i++) calls.add(answer.toolCalls().get(i), i);
//|             return new Answer(model.routerId(), provider, output.answerText(), output.reasoningText(),
//|                     answer.finishReason(), answer.usage(), requestId).withCalls(calls.calls(), null);
//|         }
//|
//|         /** A non-2xx answer, made plain, and what it allows next. */
//|         /** {@code tokenSource}: where the token sent came from, as status names it; null when none was sent. */
//|         private static Failed failed(int status, String body, Duration retryAfter, String tokenSource, BillTo billTo) {
//|             RouterError.Said words = RouterError.said(body);
//|             String said = words.message(), code = words.code();
//|             String quoted = said == null ? "" : " (router: " + shorten(said) + ")";
//|             if ("model_not_supported".equals(code) || (said != null && said.contains("not supported by"))) {
//|                 return new Failed(status + ": no provider you have enabled serves this model; enable one at "
//|                         + "https://hf.co/settings/inference-providers or pin one with :<provider> (see '"
//|                                 + Invocation.command("models") + " show')"
//|                                 + quoted, Next.OTHER_MODEL, null);
//|             }
//|             if ("model_not_found".equals(code)) return new Failed(status + ": no such model" + quoted, Next.OTHER_MODEL,
//|                     null);
//|             return switch (status) {
//|                 case 401 -> new Failed("401: " + (tokenSource != null ? "token rejected; check the token from "
//|                         + tokenSource + ", or run " + Invocation.command("onboard")
//|                         : RouterError.unauthorized(false)) + quoted, Next.OTHER_MODEL, null);
//|                 case 402 -> new Failed(billTo != null
//|                         ? "402: the organization " + billTo.org() + " (billed, from " + billTo.source()
//|                                 + ") cannot pay: its credits are used up, or this"
//|                                 + " token may not bill it; see https://huggingface.co/organizations/" + billTo.org()
//|                                         + "/settings/billing" + quoted
//|                         : "402: your Inference Providers credits are used up; buy pre-paid credits at "
//|                         + BudgetStop.BILLING + " or subscribe to PRO" + quoted, Next.BUDGET, null);
//|                 case 403 -> new Failed("403: this token may not call Inference Providers; make a fine-grained token with "
//|                         + "\"Make calls to Inference Providers\" at https://huggingface.co/settings/tokens" + quoted,
//|                                 Next.OTHER_MODEL, null);
//|                 case 404 -> new Failed("404: not found" + quoted, Next.OTHER_MODEL, null);
//|                 case 413 -> new Failed("413: the request is too large for this provider" + quoted, Next.OTHER_MODEL, null);
//|                 case 408, 409, 425, 429 -> new Failed(status + ": " + (status == 429 ? "rate limited" : "try again later")
//|                         + quoted, Next.RETRY, retryAfter);
//|                 default -> status >= 500
//|                         ? new Failed(status + ": server error" + quoted, Next.RETRY, retryAfter)
//|                         : new Failed(status + ": the request was refused" + quoted, Next.STOP, null);
//|             };
//|         }
//|
//|         private static String shorten(String s) {
//|             String one = s.replace('\n', ' ').strip();
//|             return one.length() > 200 ? one.substring(0, 200) + "\u2026" : one;
//|         }
//|     }
//|
//|     // ---- lib/chat/ChatSession.java
//|     /**
//|      * One conversation: its id, the history sent again with each question, the system prompt, the provider it sticks
//|      * to, and its turns in the {@link ChatLog}. Both a one-shot {@code chat} and the terminal conversation ask through
//|      * it; {@code -c} and {@code --cid} rebuild one from the log.
//|      * <p>
//|      * Provider stickiness: once a provider answered the conversation's model, later questions pin it
//|      * ({@code model:provider}), so that its prompt cache is used, unless the user chose a policy suffix or pinned a
//|      * provider. If the pinned one fails before any output, the question goes on to the user's ref, and stderr says so
//|      * (the next model of the chain, as for any failure).
//|      */
//|     static final class ChatSession {
//|         /** The conversation's id; /reset starts a new one, so that -c later does not bring back what was forgotten. */
//|         private String cid;
//|         private final ChatLog log;
//|         private final ChatRun run;
//|         private final ChatReport report;
//|         private final PrintStream err;
//|         private final List<JsonValue> history = new ArrayList<>();
//|         private String system;
//|         /** The system prompt the log last recorded for this conversation: a turn records it again only when it changed. */
//|         private String loggedSystem;
//|         private String provider;
//|         private String providerOf;
//|         private int turns;
//|
//|         /**
//|          * Conversation {@code cid}, asking through {@code run} and showing answers through {@code report}; a new one
//|          * when {@code logged} is empty, else the one the log holds: its answered turns as history, its system prompt
//|          * (unless {@code system} replaces it), the provider that last answered.
//|          */
//|         ChatSession(String cid, List<JsonObject> logged, String system, ChatLog log, ChatRun run, ChatReport report,
//|                 PrintStream err) {
//|             this.cid = cid;
//|             this.log = log;
//|             this.run = run;
//|             this.report = report;
//|             this.err = err;
//|             resume(logged);
//|             if (system != null) this.system = system;
//|         }
//|
//|         /**
//|          * The model ref of the last answered turn of {@code turns} (from the log), or null: the one a continued
//|          * conversation asks.
//|          */
//|         static String lastRef(List<JsonObject> turns) {
//|             String ref = null;
//|             for (JsonObject t : turns) if ("ok".equals(t.string("outcome"))) ref = t.string("ref");
//|             return ref;
//|         }
//|
//|         private void resume(List<JsonObject> logged) {
//|             for (JsonObject t : logged) {
//|                 turns = Math.max(turns, (int) t.longOr("turn", 0));
//|                 if (!"ok".equals(t.string("outcome"))) continue;
//|                 JsonArray messages = t.array("messages");
//|                 for (JsonObject m : messages == null ? List.<JsonObject>of() : messages.objects()) {
//|                     if ("system".equals(m.string("role"))) system = loggedSystem = m.string("content");
//|                     else history.add(m);
//|                 }
//|                 history.add(ChatReport.message("assistant", t.stringOr("answer", "")));
//|                 String ref = t.string("ref");
//|                 // Stuck to only when it served the conversation's own model, not a fallback.
//|                 boolean own = t.string("model") != null && ref != null
//|                         && ModelRef.sameId(ModelRef.looseId(t.string("model")), ModelRef.looseId(ref));
//|                 provider = own && ModelRef.isProviderName(t.string("provider")) ? t.string("provider") : null;
//|                 providerOf = ref;
//|             }
//|         }
//|
//|         /** The messages asking {@code question} sends: the system prompt, the history, the question. */
//|         List<JsonValue> messagesWith(JsonValue question) {
//|             List<JsonValue> messages = new ArrayList<>();
//|             if (system != null) messages.add(ChatReport.message("system", system));
//|             messages.addAll(ToolHistory.forRequest(history, ToolHistory.of(run.settings())));
//|             messages.add(question);
//|             return messages;
//|         }
//|
//|         /**
//|          * The plan for asking {@code messages} of {@code chain} ({@link RoutePlan}), with the cached list the report has.
//|          */
//|         RoutePlan plan(List<ModelRef> chain, List<JsonValue> messages) {
//|             return RoutePlan.of(chain, RoutePlan.Needs.of(messages, run.settings()), report.known(),
//|                     run.settings().reroute());
//|         }
//|
//|         /** The cached router list the report prices by: what /model and /attach check a model against. */
//|         List<RouterModel> known() { return report.known(); }
//|
//|         void system(String text) { system = text; }
//|
//|         String cid() { return cid; }
//|
//|         /** How many turns the conversation has had (those from the log included). */
//|         int turns() { return turns; }
//|
//|         /** Forgets the history: a new conversation (and id) with the same system prompt. */
//|         void reset(java.util.Random random) {
//|             history.clear();
//|             provider = null;
//|             loggedSystem = null;
//|             turns = 0;
//|             cid = ChatLog.newCid(Instant.now(), random);
//|         }
//|
//|         /** Drops the last question and its answer (for /retry). */
//|         void dropLast() {
//|             if (history.size() >= 2) history.subList(history.size() - 2, history.size()).clear();
//|         }
//|
//|         /**
//|          * Asks {@code question} (a user message) of {@code chain} with the history, shows the answer, logs the turn
//|          * and returns it; fails as {@link ChatRun} fails (logged as failed or interrupted).
//|          */
//|         ChatReport.Turn ask(List<ModelRef> chain, JsonValue question) throws InterruptedException {
//|             ModelRef chosen = chain.get(0);
//|             boolean sticks = chosen.suffix() == null && provider != null && chosen.ref().equals(providerOf);
//|             List<JsonValue> added = new ArrayList<>();
//|             if (system != null && !system.equals(loggedSystem)) added.add(ChatReport.message("system", system));
//|             added.add(question);
//|             List<JsonValue> messages = messagesWith(question);
//|             RoutePlan plan = plan(chain, messages);
//|             plan.tell(err);
//|             String over = CostEstimate.overCap(CostEstimate.of(plan, report.known()),
//|                     run.settings().maxCost(),
//|                     run.settings().maxCostFrom());
//|             if (over != null) throw new Cli.Failure(over);
//|             List<RoutePlan.Attempt> asked = new ArrayList<>(plan.attempts);
//|             if (sticks) {
//|                 ModelRef stuck = new ModelRef(chosen.id(), provider);
//|                 asked.removeIf(a -> a.ref().equals(stuck));
//|                 asked.add(0, new RoutePlan.Attempt(stuck, "the provider this conversation stuck to", true));
//|             }
//|             if (asked.isEmpty()) throw new Cli.Failure("no model of the chain can serve this request; nothing was sent");
//|             long started = System.nanoTime();
//|             Instant at = Instant.now();
//|             ChatReport.Turn turn;
//|             try {
//|                 ChatOutput[] output = {report.output()};
//|                 ChatRun.Answer answer = answered(asked, messages, added, output, sticks);
//|                 turn = report.shown(answer, output[0]);
//|                 for (JsonValue m : added) if (!"system".equals(m.asObject().string("role"))) history.add(m);
//|                 history.add(ChatReport.message("assistant", answer.content()));
//|                 if (chosen.suffix() == null && ModelRef.isProviderName(answer.provider())
//|                         && chosen.names(ModelRef.looseId(answer.model()))) {
//|                     provider = answer.provider();
//|                     providerOf = chosen.ref();
//|                 }
//|                 loggedSystem = system;
//|                 record(at, started, chosen, turn, added, "ok", null);
//|             } catch (Cli.Failure f) {
//|                 record(at, started, chosen, null, added, f.getMessage().startsWith("interrupted") ? "interrupted"
//|                         : "failed", f.getMessage());
//|                 throw f;
//|             }
//|             report.finish(turn);
//|             return turn;
//|         }
//|
//|         /**
//|          * The answer to {@code messages}: asked of {@code asked}, and with tools offered, asked again after each round of
//|          * tool calls (the calls and their results added to {@code messages} and to {@code added}, which the log keeps),
//|          * of the model that answered, until an answer calls none. Its usage is the rounds' summed; {@code shown} holds
//|          * the output the answer streamed into (each round has its own).
//|          */
//|         private ChatRun.Answer answered(List<RoutePlan.Attempt> asked, List<JsonValue> messages, List<JsonValue> added,
//|                 ChatOutput[] shown, boolean sticks) throws InterruptedException {
//|             ChatOutput output = shown[0];
//|             ChatRun asking = run;
//|             ChatChunk.Usage used = null;
//|             List<RoutePlan.Attempt> plan = asked;
//|             boolean once = sticks;
//|             if (tools != null) tools.newQuestion();
//|             while (true) {
//|                 ChatRun.Answer answer;
//|                 try {
//|                     answer = asking.ask(plan, messages, output, once);
//|                 } finally {
//|                     output.stopWaiting();
//|                 }
//|                 if (tools == null || answer.calls().isEmpty()) return answer.withUsageBefore(used);
//|                 output.finish();
//|                 List<JsonValue> carried = tools.round(answer);
//|                 messages.addAll(carried);
//|                 added.addAll(carried);
//|                 if (answer.usage() != null) used = answer.usage().plus(used);
//|                 // The next round asks the model that answered first (its provider too, when it said).
//|                 for (int i = 0; i < plan.size(); i++) {
//|                     if (!plan.get(i).ref().routerId().equals(answer.model())) continue;
//|                     ModelRef ref = plan.get(i).ref();
//|                     boolean pin = ref.suffix() == null && ModelRef.isProviderName(answer.provider());
//|                     List<RoutePlan.Attempt> next = new ArrayList<>();
//|                     if (pin) next.add(new RoutePlan.Attempt(new ModelRef(ref.id(), answer.provider()),
//|                             "the provider that called the tools", true));
//|                     next.addAll(plan.subList(i, plan.size()));
//|                     plan = next;
//|                     once = pin;   // asked once: when it fails, the plan comes next
//|                     break;
//|                 }
//|                 if (tools.exhausted()) asking = run.with(ToolRunner.withoutTools(run.settings()));
//|                 output = shown[0] = report.output();
//|             }
//|         }
//|
//|         /** The tools offered with each question, or none (null). */
//|         private ToolRunner tools;
//|
//|         void useTools(ToolRunner runner) { tools = runner; }
//|
//|         private void record(Instant at, long started, ModelRef chosen, ChatReport.Turn turn, List<JsonValue> added,
//|                 String outcome, String error) {
//|             turns++;
//|             ChatRun.Answer a = turn == null ? null : turn.answer();
//|             BigDecimal cost = turn == null ? null : turn.cost();
//|             if (log == null) return;
//|             JsonObject line = ChatLog.turn(cid, turns, at, (System.nanoTime() - started) / 1_000_000, chosen, a, cost,
//|                     added, outcome, error);
//|             try {
//|                 if (!log.append(line)) {
//|                     Cli.warn(err, "another process held the conversation log " + log.file() + " for over "
//|                             + Figures.seconds(SafeFile.APPEND_WAIT) + "; this turn was not logged");
//|                 }
//|             } catch (IOException e) {
//|                 Cli.warn(err, "could not write the conversation log " + log.file() + ": " + e.getMessage());
//|             }
//|         }
//|     }
//|
//|     // ---- lib/chat/CostEstimate.java
//|     /**
//|      * What a question would cost at each planned attempt, before it is asked: the prompt's estimated tokens at the
//|      * provider's input price, plus at most {@code --max-tokens} (else what is left of the provider's context) at its
//|      * output price. At least: the prompt alone. The router returns no cost; these are the listed prices of the cached
//|      * model list, the same figures {@link ChatReport#cost} prices an answer by.
//|      */
//|     static final class CostEstimate {
//|         /** Tokens an image is counted as: a typical vision model's cost of one image of about 1024x1024. */
//|         static final long IMAGE_TOKENS = 1000;
//|
//|         /** An attempt's estimate in USD: {@code least}..{@code most}, each null when the list gives no price. */
//|         record Range(ModelRef ref, BigDecimal least, BigDecimal most) { }
//|
//|         private CostEstimate() { }
//|
//|         /** The estimate for each attempt of {@code plan} (the router's own pick: the range over its capable providers). */
//|         static List<Range> of(RoutePlan plan, List<RouterModel> known) {
//|             long prompt = plan.needs.promptTokens() + plan.needs.images() * IMAGE_TOKENS;
//|             List<Range> ranges = new ArrayList<>();
//|             for (RoutePlan.Attempt a : plan.attempts) {
//|                 RouterModel m = a.ref().in(known);
//|                 BigDecimal least = null, most = null;
//|                 for (RouterModel.Offer o : m == null ? List.<RouterModel.Offer>of() : m.providers()) {
//|                     if (!o.live() || (a.ref().provider() != null
//|                             && !o.provider().equalsIgnoreCase(a.ref().provider()))) continue;
//|                     if (o.priceIn() == null || o.priceOut() == null) continue;
//|                     long out = plan.needs.maxTokens() != null ? plan.needs.maxTokens()
//|                             : o.contextLength() != null ? Math.max(0, o.contextLength() - prompt) : 0;
//|                     BigDecimal low = perMillion(o.priceIn(), prompt), high = low.add(perMillion(o.priceOut(), out));
//|                     least = least == null || low.compareTo(least) < 0 ? low : least;
//|                     most = most == null || high.compareTo(most) > 0 ? high : most;
//|                 }
//|                 ranges.add(new Range(a.ref(), least, most));
//|             }
//|             return ranges;
//|         }
//|
//|         private static BigDecimal perMillion(BigDecimal usdPerMillion, long tokens) {
//|             return usdPerMillion.multiply(BigDecimal.valueOf(tokens)).divide(BigDecimal.valueOf(1_000_000), 9,
//|                     RoundingMode.HALF_UP);
//|         }
//|
//|         /** {@code chat --estimate}'s lines: each attempt's range, "no price listed" where there is none. */
//|         static String text(RoutePlan plan, List<Range> ranges) {
//|             StringBuilder sb = new StringBuilder("Estimate for about " + plan.needs.promptTokens() + " prompt tokens"
//|                     + (plan.needs.maxTokens() == null ? ", the answer at most what the context leaves" : " + at most "
//|                     + plan.needs.maxTokens() + " out") + ":\n");
//|             int width = 0;
//|             for (Range r : ranges) width = Math.max(width, r.ref().routerId().length());
//|             for (int i = 0; i < ranges.size(); i++) {
//|                 Range r = ranges.get(i);
//|                 String cost = r.most() == null ? "no price listed"
//|                         : ChatReport.dollars(r.least()) + " to " + ChatReport.dollars(r.most());
//|                 sb.append(String.format("%3d. %-" + width + "s  %s%n", i + 1, Printable.line(r.ref().routerId()), cost));
//|             }
//|             return sb.toString();
//|         }
//|
//|         /**
//|          * Why the first attempt may not be asked under {@code cap} (USD), or null when it may: its estimate could pass
//|          * the cap, or the list gives no price to hold it to.
//|          */
//|         static String overCap(List<Range> ranges, BigDecimal cap, String where) {
//|             if (cap == null || ranges.isEmpty()) return null;
//|             Range first = ranges.get(0);
//|             if (first.most() == null) {
//|                 return first.ref().routerId() + " has no listed price to hold to " + where + " $" + cap.toPlainString()
//|                         + "; nothing was sent";
//|             }
//|             if (first.most().compareTo(cap) <= 0) return null;
//|             return "asking " + first.ref().routerId() + " may cost up to " + ChatReport.dollars(first.most()) + ", over "
//|                     + where
//|                     + " $" + cap.toPlainString() + " (--max-tokens bounds it); nothing was sent";
//|         }
//|     }
//|
//|     // ---- lib/chat/RoutePlan.java
//|     /**
//|      * Where one chat request goes, in order: for each model of the chain, the providers the cached model list says can
//|      * serve what the request needs ({@link Needs}), in the user's policy; then the next model, planned the same way. One
//|      * planner every request goes through, so that {@code --schema}, images, a long prompt and failover all choose alike.
//|      * <ul>
//|      * <li>{@code :cheapest}: the capable live providers by output price; {@code :fastest}: by throughput;
//|      * <li>no suffix or {@code :preferred}: the router's own pick first (when every live provider can serve the request),
//|      *     then the capable ones by throughput, the router's default policy;
//|      * <li>a provider the user pinned ({@code :together}) is the one attempt for that model, unless {@code reroute};
//|      * <li>never a provider whose status is not {@code live}; a model that cannot serve the needs at all (an image for a
//|      *     text-only model) is left out, and why is said.
//|      * </ul>
//|      * A model the list does not know (or no list at all) is one attempt as given, retried as before: the planner knows
//|      * nothing better.
//|      */
//|     static final class RoutePlan {
//|         /** The most attempts one model gets from the list: enough to get past an outage, few enough to end soon. */
//|         static final int MOST_PER_MODEL = 4;
//|
//|         /**
//|          * What a request needs of a provider: structured output ({@code response_format}), tools, images, and room for
//|          * about {@code promptTokens} (four characters a token) plus {@code maxTokens} in its context.
//|          */
//|         record Needs(boolean structuredOutput, boolean tools, int images, long promptTokens, Integer maxTokens) {
//|             long context() { return promptTokens + (maxTokens == null ? 0 : maxTokens); }
//|
//|             /** What asking {@code messages} with {@code settings} needs. */
//|             static Needs of(List<JsonValue> messages, ChatRun.Settings settings) {
//|                 long chars = 0;
//|                 int images = 0;
//|                 for (JsonValue m : messages) {
//|                     JsonValue content = m.asObject().get("content");
//|                     if (content instanceof JsonString s) chars += s.value().length();
//|                     if (content instanceof JsonArray parts) {
//|                         for (JsonObject part : parts.objects()) {
//|                             if ("image_url".equals(part.string("type"))) images++;
//|                             if (part.string("text") != null) chars += part.string("text").length();
//|                         }
//|                     }
//|                 }
//|                 // Tools (--tool, --mcp-server, --mcp) are sent in the request's tools: their definitions take room too.
//|                 JsonValue tools = settings.extra() == null ? null : settings.extra().get("tools");
//|                 if (tools != null) chars += Json.write(tools).length();
//|                 return new Needs(settings.responseFormat() != null, tools != null, images, (chars + 3) / 4,
//|                         settings.maxTokens());
//|             }
//|
//|             String said() {
//|                 List<String> parts = new ArrayList<>();
//|                 if (structuredOutput) parts.add("structured output");
//|                 if (tools) parts.add("tools");
//|                 if (images > 0) parts.add("images");
//|                 parts.add("about " + promptTokens + (promptTokens == 1 ? " prompt token" : " prompt tokens")
//|                         + (maxTokens == null ? "" : " + " + maxTokens
//|                         + " out"));
//|                 return String.join(", ", parts);
//|             }
//|         }
//|
//|         /**
//|          * One attempt: the ref sent, why it is there, and whether it came from the list ({@code planned}: on a failure
//|          * before the first byte the next attempt is asked at once) or is a model as given (retried as before).
//|          */
//|         record Attempt(ModelRef ref, String why, boolean planned) { }
//|
//|         /** A candidate the plan left out: a model or one of its providers, and why. {@code model}: a whole model. */
//|         record LeftOut(String what, String why, boolean model) { }
//|
//|         final Needs needs;
//|         final List<Attempt> attempts = new ArrayList<>();
//|         final List<LeftOut> leftOut = new ArrayList<>();
//|         /** Whether a cached list was there to plan with (else the chain as given). */
//|         final boolean fromList;
//|
//|         private RoutePlan(Needs needs, boolean fromList) {
//|             this.needs = needs;
//|             this.fromList = fromList;
//|         }
//|
//|         /** The plan for {@code chain} (the model asked for, then its fallbacks) with the cached list {@code known}. */
//|         static RoutePlan of(List<ModelRef> chain, Needs needs, List<RouterModel> known, boolean reroute) {
//|             RoutePlan plan = new RoutePlan(needs, !known.isEmpty());
//|             for (int i = 0; i < chain.size(); i++) plan.model(chain.get(i), i == 0, known, reroute);
//|             return plan;
//|         }
//|
//|         private void model(ModelRef ref, boolean first, List<RouterModel> known, boolean reroute) {
//|             RouterModel m = ref.in(known);
//|             if (m == null) {
//|                 add(new Attempt(ref, fromList ? "not in the cached list: as given"
//|                         : "as given (no cached list to plan with)", false));
//|                 return;
//|             }
//|             if (needs.images() > 0 && !m.input().isEmpty() && !m.input().contains("image")) {
//|                 leftOut.add(new LeftOut(ref.routerId(), "it does not take images (its input: " + String.join(", ",
//|                         m.input()) + ")",
//|                         true));
//|                 return;
//|             }
//|             List<RouterModel.Offer> capable = new ArrayList<>();
//|             int live = 0;
//|             for (RouterModel.Offer o : m.providers()) {
//|                 String why = unfit(o);
//|                 if (why == null) capable.add(o);
//|                 else leftOut.add(new LeftOut(ref.id() + ":" + o.provider(), why, false));
//|                 if (o.live()) live++;
//|             }
//|             if (ref.provider() != null && !reroute) {
//|                 boolean fits = false;
//|                 for (RouterModel.Offer o : capable) fits |= o.provider().equalsIgnoreCase(ref.provider());
//|                 add(new Attempt(ref, "pinned" + (fits ? ""
//|                         : ", though the list says it cannot serve this (--reroute plans others)"),
//|                         true));
//|                 return;
//|             }
//|             if (capable.isEmpty()) {
//|                 if (first) {
//|                     // Nothing listed says it can; the model asked for is asked as given all the same (the list may be
//|                     // behind).
//|                     add(new Attempt(ref, "as given: no live provider says it can serve " + needs.said(), false));
//|                 } else {
//|                     leftOut.add(new LeftOut(ref.routerId(), "no live provider can serve " + needs.said(), true));
//|                 }
//|                 return;
//|             }
//|             String policy = ref.provider() != null ? "fastest" : ref.suffix() == null ? "preferred" : ref.suffix();
//|             sort(capable, policy.equals("cheapest"));
//|             int added = 0;
//|             if (policy.equals("preferred") && capable.size() == live && !needs.structuredOutput() && !needs.tools()) {
//|                 // With no suffix the router picks the fastest: that provider again, by name, would ask it twice.
//|                 boolean likely = ref.suffix() == null && (live == 1 || capable.get(0).throughput() != null);
//|                 String pick = likely ? " (" + capable.get(0).provider() + ", the fastest)" : "";
//|                 add(new Attempt(ref, "the router's own pick" + pick, true));
//|                 added++;
//|                 if (likely) capable.remove(0);
//|             }
//|             for (RouterModel.Offer o : capable) {
//|                 if (added == MOST_PER_MODEL) {
//|                     leftOut.add(new LeftOut(ref.id() + ":" + o.provider(), "at most " + MOST_PER_MODEL
//|                             + " attempts a model", false));
//|                     continue;
//|                 }
//|                 add(new Attempt(ref.withSuffix(o.provider()), why(policy, o), true));
//|                 added++;
//|             }
//|         }
//|
//|         /**
//|          * {@code offers} cheapest output first ({@code byPrice}) or fastest first, those without the figure last, in the
//|          * order listed. By hand, not with Comparator.comparing: the first method handle costs a chat run about 10 ms
//|          * (StartBench's hf-chat hi, 109 ms before the planner, 119 ms with a comparator).
//|          */
//|         private static void sort(List<RouterModel.Offer> offers, boolean byPrice) {
//|             for (int i = 1; i < offers.size(); i++) {
//|                 RouterModel.Offer o = offers.get(i);
//|                 int j = i;
//|                 while (j > 0 && before(o, offers.get(j - 1), byPrice)) j--;
//|                 offers.remove(i);
//|                 offers.add(j, o);
//|             }
//|         }
//|
//|         private static boolean before(RouterModel.Offer a, RouterModel.Offer b, boolean byPrice) {
//|             if (byPrice) return a.priceOut() != null && (b.priceOut() == null || a.priceOut().compareTo(b.priceOut()) < 0);
//|             return a.throughput() != null && (b.throughput() == null || a.throughput() > b.throughput());
//|         }
//|
//|         /** Why {@code o} cannot serve the request, or null when it can. */
//|         private String unfit(RouterModel.Offer o) {
//|             if (!o.live()) return "status " + (o.status() == null ? "unknown" : o.status());
//|             if (needs.structuredOutput()
//|                     && !Boolean.TRUE.equals(o.supportsStructuredOutput())) return "no structured output listed";
//|             if (needs.tools() && !Boolean.TRUE.equals(o.supportsTools())) return "no tool calls listed";
//|             if (o.contextLength() != null && needs.context() > o.contextLength()) {
//|                 return "context " + o.contextLength() + " < about " + needs.context() + " tokens needed";
//|             }
//|             return null;
//|         }
//|
//|         private static String why(String policy, RouterModel.Offer o) {
//|             return switch (policy) {
//|                 case "cheapest" -> "cheapest capable" + (o.priceOut() == null ? " (no price listed)"
//|                         : " ($" + Figures.price(o.priceOut()) + " out per 1M)");
//|                 default -> "fastest capable" + (o.throughput() == null ? " (no throughput listed)"
//|                         : " (" + Math.round(o.throughput()) + " tokens/s)");
//|             };
//|         }
//|
//|         private void add(Attempt a) {
//|             for (Attempt there : attempts) if (there.ref().equals(a.ref())) return;
//|             attempts.add(a);
//|         }
//|
//|         /**
//|          * Says on {@code err} what a user asking should know: a fallback left out and why (an image never goes to a
//|          * text-only model), and for --schema which provider is asked first, or that none says it can.
//|          */
//|         void tell(java.io.PrintStream err) {
//|             for (LeftOut l : leftOut) if (l.model()) Cli.say(err, "not falling back to " + l.what() + ": " + l.why());
//|             if (!needs.structuredOutput() || attempts.isEmpty()) return;
//|             Attempt first = attempts.get(0);
//|             if (first.planned() && first.ref().provider() != null && !first.why().startsWith("pinned")) {
//|                 Cli.say(err, "--schema: asking " + first.ref().provider() + ", which serves structured output for "
//|                         + first.ref().id());
//|             } else if (first.why().startsWith("as given: no live provider")) {
//|                 Cli.warn(err, "no live provider of " + first.ref().id()
//|                         + " says it serves structured output; asking it anyway");
//|             }
//|         }
//|
//|         /** The plan as {@code chat --plan} prints it: the attempts in order, then what was left out and why. */
//|         String text() {
//|             StringBuilder sb = new StringBuilder();
//|             sb.append("Needs: ").append(needs.said()).append(fromList ? "" : " (no cached model list: the chain as given)")
//|                     .append('\n');
//|             int width = 0;
//|             for (Attempt a : attempts) width = Math.max(width, a.ref().routerId().length());
//|             for (int i = 0; i < attempts.size(); i++) {
//|                 Attempt a = attempts.get(i);
//|                 sb.append(String.format("%3d. %-" + width + "s  %s%n", i + 1, Printable.line(a.ref().routerId()), a.why()));
//|             }
//|             for (LeftOut l : leftOut) {
//|                 sb.append("  left out: ").append(Printable.line(l.what())).append(": ").append(l.why()).append('\n');
//|             }
//|             return sb.toString();
//|         }
//|
//|         /** The plan as {@code chat --plan --json} gives it. */
//|         JsonValue json() {
//|             List<JsonValue> tries = new ArrayList<>(), out = new ArrayList<>();
//|             for (Attempt a : attempts) tries.add(JsonValue.object("model", JsonValue.of(a.ref().routerId()), "why",
//|                     JsonValue.of(a.why()),
//|                     "planned", JsonValue.of(a.planned())));
//|             for (LeftOut l : leftOut) out.add(JsonValue.object("what", JsonValue.of(l.what()), "why", JsonValue.of(l.why()),
//|                     "model", JsonValue.of(l.model())));
//|             return JsonValue.object("needs", JsonValue.object("structuredOutput", JsonValue.of(needs.structuredOutput()),
//|                             "tools", JsonValue.of(needs.tools()), "images", JsonValue.of(needs.images() > 0),
//|                             "promptTokens", JsonValue.of(needs.promptTokens()),
//|                             "maxTokens", needs.maxTokens() == null ? JsonValue.NULL : JsonValue.of(needs.maxTokens())),
//|                     "fromList", JsonValue.of(fromList), "attempts", new JsonArray(tries), "leftOut", new JsonArray(out));
//|         }
//|     }
//|
//|     // ---- lib/chat/Sse.java
//|     /**
//|      * Server-sent events, the part of the format the router uses: {@code data:} lines (joined with a
//|      * newline when an event has several), dispatched by a blank line; comments ({@code :...}) and other
//|      * fields ({@code event:}, {@code id:}, {@code retry:}) are skipped. Fed one line at a time, without
//|      * its line end, so that it works on whatever delivers lines.
//|      */
//|     static final class Sse {
//|         private final StringBuilder data = new StringBuilder();
//|         private boolean hasData;
//|
//|         /** Takes one line; returns the event's data when this line ends an event, else null. */
//|         String line(String line) {
//|             if (line.isEmpty()) return dispatch();
//|             if (line.charAt(0) == ':') return null;
//|             int colon = line.indexOf(':');
//|             String field = colon < 0 ? line : line.substring(0, colon);
//|             if (!field.equals("data")) return null;
//|             String value = colon < 0 ? "" : line.substring(colon + 1);
//|             if (value.startsWith(" ")) value = value.substring(1);
//|             if (hasData) data.append('\n');
//|             data.append(value);
//|             hasData = true;
//|             return null;
//|         }
//|
//|         /** At the end of the stream: the data of a last event that no blank line closed, or null. */
//|         String end() { return dispatch(); }
//|
//|         private String dispatch() {
//|             if (!hasData) return null;
//|             String event = data.toString();
//|             data.setLength(0);
//|             hasData = false;
//|             return event;
//|         }
//|     }
//|
//|     // ---- lib/chat/StdinPrompt.java
//|     /** The question, or the text beside it, on stdin: bounded, and never waited for long when it does not come. */
//|     static final class StdinPrompt {
//|         private final InputStream in;
//|         private final Term.Stdin stdin;
//|         private final PrintStream err;
//|
//|         StdinPrompt(InputStream in, Term.Stdin stdin, PrintStream err) {
//|             this.in = in;
//|             this.stdin = stdin;
//|             this.err = err;
//|         }
//|
//|         /** The most a prompt on stdin may hold: far above any model's context, far below what memory holds. */
//|         static final int MAX_PROMPT = 16 * 1024 * 1024;
//|
//|         /**
//|          * How long a prompt waits for piped text to start: a pipe a parent holds open and never writes must not hang us.
//|          */
//|         static final long STDIN_GRACE_MS = 1000;
//|
//|         /**
//|          * Text piped in beside a PROMPT, or "" when none starts within {@link #STDIN_GRACE_MS} (said on stderr: a producer
//|          * slower than that loses its text, and the user must know). A test's own stream is read as it is.
//|          */
//|         String beside() throws java.io.IOException {
//|             if (stdin == Term.Stdin.PIPE) {
//|                 long until = System.nanoTime() + STDIN_GRACE_MS * 1_000_000;
//|                 while (in.available() == 0) {
//|                     if (System.nanoTime() > until) {
//|                         Cli.say(err, "nothing came on stdin within " + STDIN_GRACE_MS / 1000
//|                                 + " s; sending the prompt alone (--no-stdin says so at once)");
//|                         return "";
//|                     }
//|                     try {
//|                         Thread.sleep(10);
//|                     } catch (InterruptedException e) {
//|                         Thread.currentThread().interrupt();
//|                         return "";
//|                     }
//|                 }
//|             }
//|             return whole();
//|         }
//|
//|         /** The question from stdin, without the newline that ends the last line (not part of the question). */
//|         String whole() throws java.io.IOException {
//|             byte[] bytes = in.readNBytes(MAX_PROMPT + 1);
//|             if (bytes.length > MAX_PROMPT) throw new Cli.Failure("the prompt on stdin is larger than "
//|                     + MAX_PROMPT / (1024 * 1024) + " MB; nothing was sent");
//|             return new String(bytes, StandardCharsets.UTF_8).replaceFirst("[\r\n]+$", "");
//|         }
//|     }
//|
//|     // ---- lib/chat/StructuredAnswer.java
//|     /**
//|      * {@code --schema} and {@code -x}: the request's {@code response_format} for a JSON schema, the check of the answer
//|      * against it (JSON, the schema's type, its required keys and the types of its properties: what a user relies on,
//|      * not all of JSON Schema), and the first fenced code block of an answer.
//|      */
//|     static final class StructuredAnswer {
//|         private StructuredAnswer() { }
//|
//|         /** The most a schema file may hold. */
//|         static final long MAX_SCHEMA = 1024 * 1024;
//|
//|         /**
//|          * The schema {@code --schema} names: inline JSON (it starts with '{', or is not a file's name: {@code true} is
//|          * JSON, not a file called "true"), else a file of it, read through the file layer (no FIFO, no device, 1 MB).
//|          */
//|         static JsonObject schema(String given) {
//|             String text = given;
//|             String where = "--schema";
//|             Path file = Path.of(given.isBlank() ? "." : given);
//|             boolean inline = given.strip().startsWith("{") || (!FileReads.exists(file) && looksLikeJson(given));
//|             if (!inline) {
//|                 where = "--schema " + Printable.line(given);
//|                 try {
//|                     text = FileReads.text(file, MAX_SCHEMA);
//|                 } catch (IOException e) {
//|                     throw new Cli.Failure("--schema: cannot read " + Printable.line(given) + " (" + Cli.reason(e) + ")");
//|                 }
//|             }
//|             try {
//|                 if (Json.parse(text) instanceof JsonObject o) return o;
//|             } catch (JsonException e) {
//|                 throw new Cli.Failure(where + ": " + e.getMessage());
//|             }
//|             throw new Cli.Failure(where + ": a JSON schema is an object" + (inline ? ", not "
//|                     + Printable.line(shortened(text)) : ""));
//|         }
//|
//|         private static boolean looksLikeJson(String given) {
//|             String t = given.strip();
//|             return t.startsWith("[") || t.startsWith("\"") || t.equals("true") || t.equals("false") || t.equals("null")
//|                     || t.matches("-?[0-9][0-9.eE+-]*");
//|         }
//|
//|         private static String shortened(String text) { return text.length() > 40 ? text.substring(0, 40) + "\u2026"
//|                 : text; }
//|
//|         /**
//|          * {@code {"type":"json_schema","json_schema":{"name":...,"schema":...,"strict":true}}}; the name is the schema's
//|          * title, else "answer".
//|          */
//|         static JsonObject responseFormat(JsonObject schema) {
//|             String title = schema.string("title");
//|             String name = title != null && title.matches("[A-Za-z0-9_-]{1,64}") ? title : "answer";
//|             return JsonValue.object("type", JsonValue.of("json_schema"),
//|                     "json_schema", JsonValue.object("name", JsonValue.of(name), "schema", schema, "strict",
//|                             JsonValue.TRUE));
//|         }
//|
//|         /**
//|          * The answer as JSON, checked against {@code schema}; a one-line failure saying what is wrong. A ```json fence
//|          * around it is allowed.
//|          */
//|         static JsonValue check(String answer, JsonObject schema) {
//|             String text = answer.strip();
//|             String fenced = firstFencedBlock(text);
//|             if (fenced != null && text.startsWith("```")) text = fenced;
//|             JsonValue value;
//|             try {
//|                 value = Json.parse(text);
//|             } catch (JsonException e) {
//|                 throw new Cli.Failure("the answer is not JSON (" + e.getMessage() + ")");
//|             }
//|             List<String> problems = new ArrayList<>();
//|             check(value, schema, "the answer", problems);
//|             if (!problems.isEmpty()) throw new Cli.Failure("the answer does not match the schema: " + String.join("; ",
//|                     problems));
//|             return value;
//|         }
//|
//|         private static void check(JsonValue value, JsonObject schema, String where, List<String> problems) {
//|             String type = schema.string("type");
//|             if (type != null && !is(value, type)) {
//|                 problems.add(where + " is " + kind(value) + ", not " + type);
//|                 return;
//|             }
//|             if (!(value instanceof JsonObject object)) return;
//|             for (String key : schema.strings("required")) if (object.get(key) == null) problems.add("missing required key "
//|                     + "\"" + key + "\"");
//|             JsonObject properties = schema.object("properties");
//|             if (properties == null) return;
//|             for (Map.Entry<String, JsonValue> p : properties.members().entrySet()) {
//|                 JsonValue v = object.get(p.getKey());
//|                 if (v != null && p.getValue() instanceof JsonObject sub) check(v, sub, "\"" + p.getKey() + "\"", problems);
//|             }
//|         }
//|
//|         private static boolean is(JsonValue v, String type) {
//|             return switch (type) {
//|                 case "object" -> v instanceof JsonObject;
//|                 case "array" -> v instanceof JsonArray;
//|                 case "string" -> v instanceof JsonString;
//|                 case "boolean" -> v instanceof JsonBoolean;
//|                 case "null" -> v instanceof JsonNull;
//|                 case "number" -> v instanceof JsonNumber;
//|                 case "integer" -> v instanceof JsonNumber n && n.isWhole();
//|                 default -> true;   // a type we do not know is not ours to refuse
//|             };
//|         }
//|
//|         private static String kind(JsonValue v) {
//|             if (v instanceof JsonObject) return "an object";
//|             if (v instanceof JsonArray) return "an array";
//|             if (v instanceof JsonString) return "a string";
//|             if (v instanceof JsonNumber) return "a number";
//|             if (v instanceof JsonBoolean) return "a boolean";
//|             return "null";
//|         }
//|
//|         /**
//|          * The text inside the first fenced code block (``` or ~~~, with an optional language), or null when there is none.
//|          */
//|         static String firstFencedBlock(String text) {
//|             String[] lines = text.split("\n", -1);
//|             for (int i = 0; i < lines.length; i++) {
//|                 String open = lines[i].strip();
//|                 if (!open.startsWith("```") && !open.startsWith("~~~")) continue;
//|                 String fence = open.substring(0, 3);
//|                 StringBuilder block = new StringBuilder();
//|                 for (int j = i + 1; j < lines.length; j++) {
//|                     if (lines[j].strip().startsWith(fence)) return block.toString();
//|                     if (j > i + 1) block.append('\n');
//|                     block.append(lines[j]);
//|                 }
//|                 return null;   // never closed
//|             }
//|             return null;
//|         }
//|     }
//|
//|     // ---- lib/chat/ThinkSplitter.java
//|     /**
//|      * Separates reasoning written inline as {@code <think>...</think>} from the answer text, across chunk
//|      * boundaries (a tag may arrive split over two chunks: the unsure tail is held back until the next
//|      * chunk decides it). The blank lines models put right after {@code </think>} are dropped.
//|      */
//|     static final class ThinkSplitter {
//|         private static final String OPEN = "<think>", CLOSE = "</think>";
//|
//|         /** Where the pieces go. */
//|         interface Sink {
//|             void content(String text);
//|
//|             void reasoning(String text);
//|         }
//|
//|         private final Sink sink;
//|         private final StringBuilder pending = new StringBuilder();
//|         private boolean inThink;
//|         private boolean afterThink;
//|
//|         ThinkSplitter(Sink sink) { this.sink = sink; }
//|
//|         void feed(String text) {
//|             pending.append(text);
//|             while (pending.length() > 0) {
//|                 String tag = inThink ? CLOSE : OPEN;
//|                 int at = pending.indexOf(tag);
//|                 if (at >= 0) {
//|                     emit(pending.substring(0, at));
//|                     pending.delete(0, at + tag.length());
//|                     afterThink = inThink;
//|                     inThink = !inThink;
//|                     continue;
//|                 }
//|                 int keep = partialTagAtEnd(tag);
//|                 emit(pending.substring(0, pending.length() - keep));
//|                 pending.delete(0, pending.length() - keep);
//|                 return;
//|             }
//|         }
//|
//|         /** At the end of the answer: whatever was held back is text after all. */
//|         void finish() {
//|             emit(pending.toString());
//|             pending.setLength(0);
//|         }
//|
//|         private void emit(String text) {
//|             if (inThink) {
//|                 if (!text.isEmpty()) sink.reasoning(text);
//|                 return;
//|             }
//|             if (afterThink) {
//|                 int i = 0;
//|                 while (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) i++;
//|                 text = text.substring(i);
//|                 if (!text.isEmpty()) afterThink = false;
//|             }
//|             if (!text.isEmpty()) sink.content(text);
//|         }
//|
//|         /** How many characters at the end of {@code pending} could be the start of {@code tag}. */
//|         private int partialTagAtEnd(String tag) {
//|             for (int n = Math.min(tag.length() - 1, pending.length()); n > 0; n--) {
//|                 if (pending.substring(pending.length() - n).equals(tag.substring(0, n))) return n;
//|             }
//|             return 0;
//|         }
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
