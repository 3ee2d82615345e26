package org.chatconsult.sdk.packet;

/**
 * The protocol's namespace (docs/protocol.md).
 *
 * <pre>{@code
 * boolean fromService = stanza.hasExtension(ChatConsult.NAMESPACE);
 * }</pre>
 */
public final class ChatConsult {
    public static final String NAMESPACE = "urn:chatconsult:0";

    private ChatConsult() {
    }
}
