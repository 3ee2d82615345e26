package org.chatconsult.core;

/** An agent's availability for chats, Genesys Workspace's "Ready for the chat media channel". */
public enum Readiness {
    READY, NOT_READY, LOGGED_OUT
}
