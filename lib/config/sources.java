// lib/config: OpenClaw's config file and state folder, the environment, .env files and the token.
// The list of this folder's sources, and of the folders it builds on: a script names one such file
// in //SOURCES and JBang follows the lists (locally and from a URL). No globs: they break from a URL.
//SOURCES ../json/sources.java
//SOURCES ../cli/sources.java
//SOURCES ../sqlite/sources.java
//SOURCES BillTo.java
//SOURCES ConfigFile.java
//SOURCES DotEnv.java
//SOURCES Env.java
//SOURCES ModelAllowlist.java
//SOURCES OpenClawAuth.java
//SOURCES OpenClawKeys.java
//SOURCES SecretRef.java
//SOURCES SidecarLock.java
//SOURCES Token.java
//SOURCES UtcTime.java
