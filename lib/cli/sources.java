// lib/cli: the command line (arguments, exit codes, messages) and the terminal.
// The list of this folder's sources, and of the folders it builds on: a script names one such file
// in //SOURCES and JBang follows the lists (locally and from a URL). No globs: they break from a URL.
//SOURCES ../files/sources.java
//SOURCES Cli.java
//SOURCES CommandLine.java
//SOURCES Figures.java
//SOURCES Help.java
//SOURCES InstallRecord.java
//SOURCES Installer.java
//SOURCES Invocation.java
//SOURCES Launcher.java
//SOURCES Options.java
//SOURCES Output.java
//SOURCES Printable.java
//SOURCES Running.java
//SOURCES SafeOutput.java
//SOURCES Signals.java
//SOURCES Suggestions.java
//SOURCES Term.java
