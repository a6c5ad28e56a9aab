///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION List and inspect Hugging Face router models for OpenClaw; edit the default model, fallbacks and aliases
//JAVA 17+
//SOURCES ../lib/models/sources.java
//FILES catalog.json=../catalog.json
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

// A thin shell: everything models does lives in lib/models/ModelsCommand.java.
class models {
    public static void main(String... args) {
        System.exit(ModelsCommand.run(System.out, System.err, args));
    }
}
