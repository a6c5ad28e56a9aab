// lib/chat: the chat command: requests, the stream, retries and fallbacks, output, the conversation.
// The list of this folder's sources, and of the folders it builds on: a script names one such file
// in //SOURCES and JBang follows the lists (locally and from a URL). No globs: they break from a URL.
//SOURCES ../catalog/sources.java
//SOURCES batch/sources.java
//SOURCES tools/sources.java
//SOURCES Attachment.java
//SOURCES Backoff.java
//SOURCES BudgetStop.java
//SOURCES ChatChunk.java
//SOURCES ChatCommand.java
//SOURCES ChatCosts.java
//SOURCES ChatLog.java
//SOURCES ChatLogs.java
//SOURCES ChatOutput.java
//SOURCES ChatRepl.java
//SOURCES ChatReport.java
//SOURCES ChatRequest.java
//SOURCES ChatRun.java
//SOURCES ChatSession.java
//SOURCES CostEstimate.java
//SOURCES RoutePlan.java
//SOURCES Sse.java
//SOURCES StdinPrompt.java
//SOURCES StructuredAnswer.java
//SOURCES ThinkSplitter.java
