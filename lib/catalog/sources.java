// lib/catalog: what is known about models: refs, the built-in catalog, discovery and its cache, the merge.
// The list of this folder's sources, and of the folders it builds on: a script names one such file
// in //SOURCES and JBang follows the lists (locally and from a URL). No globs: they break from a URL.
//SOURCES ../json/sources.java
//SOURCES ../cli/sources.java
//SOURCES ../config/sources.java
//SOURCES ../router/sources.java
//SOURCES Catalog.java
//SOURCES Discovery.java
//SOURCES Model.java
//SOURCES ModelChoice.java
//SOURCES ModelEntries.java
//SOURCES ModelMerge.java
//SOURCES ModelRef.java
//SOURCES ModelRefException.java
//SOURCES OpenClawFacts.java
//SOURCES ProviderPolicy.java
//SOURCES RouterModel.java
