package org.chatconsult.xmpp.edge;

import org.dom4j.Element;

/**
 * Where a connector that reads stanzas from a stream hands one it stopped reading at a {@link Limits} bound:
 * {@code stanza} holds the stanza's own attributes, none of its content. The component answers it as it
 * answers any stanza its {@link StanzaGuard} refuses.
 */
public interface StanzaRefusals {
    void refuse(Element stanza, Violation violation);
}
