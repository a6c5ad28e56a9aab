///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION List and inspect Hugging Face router models for OpenClaw; edit the default model, fallbacks and aliases
//JAVA 17+
//SOURCES ../lib/Backoff.java
//SOURCES ../lib/Catalog.java
//SOURCES ../lib/CatalogCommands.java
//SOURCES ../lib/ChatAnswers.java
//SOURCES ../lib/ChatChunk.java
//SOURCES ../lib/ChatCommand.java
//SOURCES ../lib/ChatOutput.java
//SOURCES ../lib/ChatRepl.java
//SOURCES ../lib/ChatRun.java
//SOURCES ../lib/Cli.java
//SOURCES ../lib/ConfigCommands.java
//SOURCES ../lib/ConfigFile.java
//SOURCES ../lib/Discovery.java
//SOURCES ../lib/DotEnv.java
//SOURCES ../lib/Env.java
//SOURCES ../lib/Json.java
//SOURCES ../lib/Json5.java
//SOURCES ../lib/Json5Document.java
//SOURCES ../lib/JsonChars.java
//SOURCES ../lib/JsonException.java
//SOURCES ../lib/JsonReader.java
//SOURCES ../lib/JsonValue.java
//SOURCES ../lib/JsonWriter.java
//SOURCES ../lib/Keyboard.java
//SOURCES ../lib/Model.java
//SOURCES ../lib/ModelMerge.java
//SOURCES ../lib/ModelPicker.java
//SOURCES ../lib/ModelRef.java
//SOURCES ../lib/ModelTable.java
//SOURCES ../lib/ModelView.java
//SOURCES ../lib/ModelsCommand.java
//SOURCES ../lib/OnboardCommand.java
//SOURCES ../lib/OnboardSetup.java
//SOURCES ../lib/OnboardWizard.java
//SOURCES ../lib/RouterAnswer.java
//SOURCES ../lib/RouterClient.java
//SOURCES ../lib/RouterError.java
//SOURCES ../lib/RouterModel.java
//SOURCES ../lib/SafeFile.java
//SOURCES ../lib/Sse.java
//SOURCES ../lib/Term.java
//SOURCES ../lib/ThinkSplitter.java
//SOURCES ../lib/Token.java
//SOURCES ../lib/UtcTime.java
//SOURCES ../lib/Whoami.java
//FILES catalog.json=../catalog.json
// Start-up is most of a run, so: string concatenation without invokedynamic bootstraps; one C1
// compiler thread (a second takes a small machine's CPU from the run itself); the default G1 collector
// (on JDK 17 only G1 maps the JDK's archived module graph: the serial GC costs 15 ms); no hsperfdata
// file (jps and jstat cannot see these short runs, nothing else changes); and JBang's class-data
// archive of the first run's classes, kept beside the jar (//CDS) and mapped into every later run,
// with the JVM's CDS warnings off (it prints them on stdout).
// Measured by test/bench/ModelsBench.java and ChatBench.java.
//JAVAC_OPTIONS -XDstringConcat=inline
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData -Xshare:auto -Xlog:cds*=off
//CDS

// A thin shell: everything models does lives in lib/ModelsCommand.java.
class models {
    public static void main(String... args) {
        System.exit(ModelsCommand.run(System.out, System.err, args));
    }
}
