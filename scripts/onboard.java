///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Set up Hugging Face Inference Providers auth and the default model in OpenClaw's config
//JAVA 17+
//SOURCES ../lib/onboard/sources.java
//FILES catalog.json=../catalog.json
// Start-up is most of a run, so: string concatenation without invokedynamic bootstraps; one C1
// compiler thread (a second takes a small machine's CPU from the run itself); the default G1 collector
// (on JDK 17 only G1 maps the JDK's archived module graph: the serial GC costs 15 ms); no hsperfdata
// file (jps and jstat cannot see these short runs, nothing else changes). No //CDS, unlike models and
// chat: onboard runs about once, and the archive would cost that run its writing and pay back nothing.
//JAVAC_OPTIONS -XDstringConcat=inline
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData

// A thin shell: everything onboard does lives in lib/onboard/OnboardCommand.java.
class onboard {
    public static void main(String... args) {
        System.exit(OnboardCommand.run(System.out, System.err, args));
    }
}
