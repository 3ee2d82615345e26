package org.chatconsult.sdk.packet;

/** The protocol's namespace (docs/protocol.md). */
public final class ChatConsult {
    public static final String NAMESPACE = "urn:chatconsult:0";

    private ChatConsult() {
    }
}
