package org.chatconsult.sdk.packet;

import org.jivesoftware.smack.packet.ExtensionElement;

/** An extension element of the protocol's namespace (docs/protocol.md). */
public interface ChatConsultElement extends ExtensionElement {
    @Override
    default String getNamespace() {
        return ChatConsult.NAMESPACE;
    }
}
