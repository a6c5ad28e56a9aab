// lib/json: the JSON and JSON5 reader and writer, values, and the lossless JSON5 editor.
// The list of this folder's sources, and of the folders it builds on: a script names one such file
// in //SOURCES and JBang follows the lists (locally and from a URL). No globs: they break from a URL.
//SOURCES Json.java
//SOURCES Json5.java
//SOURCES Json5Document.java
//SOURCES JsonArray.java
//SOURCES JsonBoolean.java
//SOURCES JsonChars.java
//SOURCES JsonCursor.java
//SOURCES JsonException.java
//SOURCES JsonNull.java
//SOURCES JsonNumber.java
//SOURCES JsonObject.java
//SOURCES JsonReader.java
//SOURCES JsonString.java
//SOURCES JsonValue.java
//SOURCES JsonWriter.java
//SOURCES TextPosition.java
