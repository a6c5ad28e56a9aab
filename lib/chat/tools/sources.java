// lib/chat/tools: the model's tool calls: local tools (--tool, --tools), MCP servers over stdio (--mcp-server),
// approval, the calls put together from a stream, and the router's Remote MCP (--mcp, /v1/responses).
// The list of this folder's sources: a part of lib/chat (chat's requests carry the tools, chat's options start
// them), so lib/chat's list names this one and no list of its own names lib/chat back. No globs: they break from
// a URL.
//SOURCES CommandWords.java
//SOURCES LocalTool.java
//SOURCES McpContent.java
//SOURCES McpServer.java
//SOURCES RemoteMcp.java
//SOURCES ResponseEvents.java
//SOURCES Tool.java
//SOURCES ToolApproval.java
//SOURCES ToolBox.java
//SOURCES ToolCall.java
//SOURCES ToolCallParts.java
//SOURCES ToolHistory.java
//SOURCES ToolProcess.java
//SOURCES ToolRunner.java
