package org.chatconsult.xmpp;

import java.util.concurrent.CompletionException;

import org.chatconsult.core.CoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

/** Turns refusals into stanza errors (RFC 6120 §8.3): a precise condition and a human text, never a trace. */
public final class StanzaErrors {
    private static final Logger LOG = LoggerFactory.getLogger(StanzaErrors.class);

    private StanzaErrors() {
    }

    public static PacketError of(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof CoreException) {
            CoreException refusal = (CoreException) cause;
            return error(condition(refusal.kind()), refusal.getMessage());
        }
        if (cause instanceof org.chatconsult.store.StoreException) {
            // The database is out of reach for a moment (the journal retries): not the client's mistake, not a bug.
            return error(PacketError.Condition.resource_constraint, "the store is out of reach; try again shortly");
        }
        if (cause instanceof XmppErrorException) {
            return error(PacketError.Condition.internal_server_error, "the chat server refused: " + cause.getMessage());
        }
        LOG.warn("unexpected failure", cause);
        return error(PacketError.Condition.internal_server_error, "the service failed to handle this request");
    }

    public static PacketError error(PacketError.Condition condition, String text) {
        return new PacketError(condition, condition.getDefaultType(), text, "en");
    }

    private static PacketError.Condition condition(CoreException.Kind kind) {
        switch (kind) {
            case NOT_FOUND: return PacketError.Condition.item_not_found;
            case FORBIDDEN: return PacketError.Condition.forbidden;
            case CONFLICT: return PacketError.Condition.conflict;
            case NOT_ALLOWED: return PacketError.Condition.not_allowed;
            case NOT_ACCEPTABLE: return PacketError.Condition.not_acceptable;
            case RESOURCE_CONSTRAINT: return PacketError.Condition.resource_constraint;
            case JID_MALFORMED: return PacketError.Condition.jid_malformed;
            case UNAVAILABLE: return PacketError.Condition.recipient_unavailable;
            default: return PacketError.Condition.bad_request;
        }
    }

    public static IQ reply(IQ request, PacketError error) {
        IQ reply = IQ.createResultIQ(request);
        reply.setError(error);
        return reply;
    }

    /** A message bounced with an error (RFC 6120 §8.3.1): the original payload is not echoed back. */
    public static Message reply(Message request, PacketError error) {
        Message reply = new Message();
        reply.setType(Message.Type.error);
        reply.setID(request.getID());
        reply.setFrom(request.getTo());
        reply.setTo(request.getFrom());
        reply.setError(error);
        return reply;
    }

    public static Presence reply(Presence request, PacketError error) {
        Presence reply = new Presence(Presence.Type.error);
        reply.setID(request.getID());
        reply.setFrom(request.getTo());
        reply.setTo(request.getFrom());
        reply.setError(error);
        return reply;
    }
}
