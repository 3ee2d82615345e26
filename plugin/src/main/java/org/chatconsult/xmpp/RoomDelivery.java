package org.chatconsult.xmpp;

import org.xmpp.packet.Message;

/**
 * A server's way to say a line into one of its rooms without routing it there as a stanza: inside Openfire the
 * service can hand its message to the room itself. Where there is none the line is sent like any other stanza.
 */
@FunctionalInterface
public interface RoomDelivery {
    /** Nothing in-process: every line is routed. */
    RoomDelivery NONE = message -> false;

    /**
     * Says the service's {@code groupchat} line (from its occupant, to the room's bare address) in the room; false if
     * this way cannot (no such room, the service is not in it), and the line is then routed as usual.
     */
    boolean say(Message message);
}
