// lib/models: the models command (list, show, set, fallbacks, aliases, status).
// The list of this folder's sources, and of the folders it builds on: a script names one such file
// in //SOURCES and JBang follows the lists (locally and from a URL). No globs: they break from a URL.
//SOURCES ../catalog/sources.java
//SOURCES ConfigCommands.java
//SOURCES Fit.java
//SOURCES ListCommands.java
//SOURCES ModelTable.java
//SOURCES ModelView.java
//SOURCES ModelsCommand.java
//SOURCES StatusCommand.java
//SOURCES SyncCommand.java
