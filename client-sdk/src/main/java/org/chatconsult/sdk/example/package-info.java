/** A terminal agent desktop built only on the SDK's public API: {@link org.chatconsult.sdk.example.AgentConsole}. */
package org.chatconsult.sdk.example;
