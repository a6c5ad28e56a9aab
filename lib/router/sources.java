// lib/router: HTTP to the Hugging Face router and Hub: requests, answers as they arrive, errors, the model list.
// The list of this folder's sources, and of the folders it builds on: a script names one such file
// in //SOURCES and JBang follows the lists (locally and from a URL). No globs: they break from a URL.
//SOURCES ../json/sources.java
//SOURCES ../cli/sources.java
//SOURCES ../config/sources.java
//SOURCES Proxies.java
//SOURCES RouterClient.java
//SOURCES RouterError.java
//SOURCES RouterResponse.java
//SOURCES TokenCheck.java
//SOURCES TokenDestination.java
//SOURCES Whoami.java
