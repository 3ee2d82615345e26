package org.chatconsult.sdk.packet;

import org.chatconsult.protocol.Wire;

/**
 * The protocol's namespace (docs/protocol.md).
 *
 * <pre>{@code
 * boolean fromService = stanza.hasExtension(ChatConsult.NAMESPACE);
 * }</pre>
 */
public final class ChatConsult {
    public static final String NAMESPACE = Wire.NS;

    private ChatConsult() {
    }
}
