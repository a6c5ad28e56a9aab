// lib/chat/batch: chat --batch: many prompts, a bounded number in flight, a line each, resumable, capped.
// The list of this folder's sources: a part of lib/chat (it runs chat's requests, and chat's options start it),
// so lib/chat's list names this one and no list of its own names lib/chat back.
// No globs: they break from a URL.
//SOURCES BatchCommand.java
//SOURCES BatchInput.java
//SOURCES BatchItem.java
//SOURCES BatchOutput.java
//SOURCES BatchRun.java
//SOURCES CsvLine.java
//SOURCES Pacer.java
