package org.chatconsult.xmpp;

import org.xmpp.packet.PacketError;

/** A request of ours answered with an XMPP error, or not answered in time. */
public final class XmppErrorException extends RuntimeException {
    private final PacketError.Condition condition;

    public XmppErrorException(PacketError.Condition condition, String message) {
        super(message, null, false, false);
        this.condition = condition;
    }

    public PacketError.Condition condition() {
        return condition;
    }
}
