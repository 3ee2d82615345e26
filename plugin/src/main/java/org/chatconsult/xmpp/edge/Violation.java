package org.chatconsult.xmpp.edge;

import org.xmpp.packet.PacketError;

/**
 * Why a stanza or a field is refused: the error condition (RFC 6120 §8.3.3) and a text that names what is wrong
 * without repeating what the client sent.
 */
public record Violation(PacketError.Condition condition, String text) {
    static Violation tooLarge(String text) {
        return new Violation(PacketError.Condition.not_acceptable, text);
    }

    static Violation malformedAddress(String text) {
        return new Violation(PacketError.Condition.jid_malformed, text);
    }

    static Violation malformed(String text) {
        return new Violation(PacketError.Condition.bad_request, text);
    }
}
