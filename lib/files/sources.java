// lib/files: the file layer. Every file and folder the toolkit makes, reads or removes goes through it:
// permissions set explicitly whatever the umask, bounded reads, no FIFOs or devices, atomic replaces.
// The list of this folder's sources, and of the folders it builds on: a script names one such file
// in //SOURCES and JBang follows the lists (locally and from a URL). No globs: they break from a URL.
//SOURCES ../json/sources.java
//SOURCES FileReads.java
//SOURCES SafeFile.java
