package org.chatconsult.sdk.packet;

import java.util.List;

import org.chatconsult.protocol.Wire;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jxmpp.jid.Jid;

/**
 * Every request the SDK sends to the service (docs/protocol.md), built in one place: the managers send what these
 * return, and the protocol's shared fixtures ({@code protocol/fixtures/sent}) are checked against the same code.
 *
 * <pre>{@code
 * connection.sendIqRequestAndWaitForResponse(Requests.end(service, "k3v9q2xw7hmp"));
 * }</pre>
 */
public final class Requests {
    private Requests() {
    }

    // ---- readiness (directed presence) --------------------------------------------------------------------------

    /** Ready, for up to {@code capacity} chats, or the service's default when null. */
    public static Presence ready(Jid service, Integer capacity) {
        PresenceBuilder presence = StanzaBuilder.buildPresence().to(service).setMode(Presence.Mode.available);
        if (capacity != null) {
            presence.addExtension(AgentStateExtension.capacity(capacity));
        }
        return presence.build();
    }

    /** Not Ready, the reason (if any) as the presence's status. */
    public static Presence notReady(Jid service, String reason) {
        PresenceBuilder presence = StanzaBuilder.buildPresence().to(service).setMode(Presence.Mode.away);
        if (reason != null) {
            presence.setStatus(reason);
        }
        return presence.build();
    }

    public static Presence loggedOut(Jid service) {
        return StanzaBuilder.buildPresence().ofType(Presence.Type.unavailable).to(service).build();
    }

    // ---- offers and chats ---------------------------------------------------------------------------------------

    /** Turns down an offer of any kind, by its id; a null reason is left out. */
    public static CommandIQ decline(Jid service, String offer, String reason) {
        return CommandIQ.set(service, Wire.DECLINE).with("offer", offer).child("reason", reason);
    }

    public static CommandIQ end(Jid service, String interaction) {
        return CommandIQ.set(service, Wire.END).with("interaction", interaction);
    }

    /** Mark Done of a chat; disposition and note are optional. */
    public static CommandIQ doneChat(Jid service, String interaction, String disposition, String note) {
        return done(service, "interaction", interaction, disposition, note);
    }

    public static CommandIQ conference(Jid service, String interaction, Jid target) {
        return CommandIQ.set(service, Wire.CONFERENCE).with("interaction", interaction)
                .with("target", target.toString());
    }

    public static CommandIQ transfer(Jid service, String interaction, Jid target, boolean warm) {
        return CommandIQ.set(service, Wire.TRANSFER).with("interaction", interaction).with("target", target.toString())
                .with("mode", warm ? "warm" : "cold");
    }

    /** The chat's lifecycle events. */
    public static CommandIQ history(Jid service, String interaction) {
        return CommandIQ.get(service, Wire.HISTORY).with("interaction", interaction);
    }

    /** The whole record as one document; {@code format} {@code json} or {@code text}. */
    public static CommandIQ export(Jid service, String interaction, String format) {
        return CommandIQ.get(service, Wire.EXPORT).with("interaction", interaction).with("format", format);
    }

    // ---- consultations ------------------------------------------------------------------------------------------

    public static CommandIQ consult(Jid service, String interaction, Jid target) {
        return CommandIQ.set(service, Wire.CONSULT).with("interaction", interaction).with("target", target.toString());
    }

    public static CommandIQ endConsultation(Jid service, String consultation) {
        return CommandIQ.set(service, Wire.END_CONSULTATION).with("consultation", consultation);
    }

    /** Mark Done of this member's part of a consultation; disposition and note are optional. */
    public static CommandIQ doneConsultation(Jid service, String consultation, String disposition, String note) {
        return done(service, "consultation", consultation, disposition, note);
    }

    /** Asks for the other member's session, to IM it. */
    public static CommandIQ im(Jid service, String consultation) {
        return CommandIQ.set(service, Wire.IM).with("consultation", consultation);
    }

    /** Asks for the other member's session, to call it. */
    public static CommandIQ call(Jid service, String consultation) {
        return CommandIQ.set(service, Wire.CALL).with("consultation", consultation);
    }

    /** The mirrored lines after line {@code after}. */
    public static CommandIQ transcript(Jid service, String consultation, long after) {
        return CommandIQ.get(service, Wire.TRANSCRIPT).with("consultation", consultation)
                .with("after", String.valueOf(after));
    }

    // ---- Team Communicator ------------------------------------------------------------------------------------

    public static CommandIQ favorites(Jid service) {
        return CommandIQ.get(service, Wire.FAVORITES);
    }

    /** Adds and removes favorites in one request; the answer lists them all. */
    public static CommandIQ changeFavorites(Jid service, List<? extends Jid> add, List<? extends Jid> remove) {
        CommandIQ request = CommandIQ.set(service, Wire.FAVORITES);
        add.forEach(jid -> request.item("add", "jid", jid.toString()));
        remove.forEach(jid -> request.item("remove", "jid", jid.toString()));
        return request;
    }

    public static CommandIQ recent(Jid service) {
        return CommandIQ.get(service, Wire.RECENT);
    }

    // ---- supervision -----------------------------------------------------------------------------------------

    /** The live chats and her supervisions. */
    public static CommandIQ supervise(Jid service) {
        return CommandIQ.get(service, Wire.SUPERVISE);
    }

    public static CommandIQ monitor(Jid service, String interaction, boolean consultations) {
        return CommandIQ.set(service, Wire.MONITOR).with("interaction", interaction)
                .with("consultations", String.valueOf(consultations));
    }

    public static CommandIQ whisper(Jid service, String supervision, String text) {
        return CommandIQ.set(service, Wire.WHISPER).with("supervision", supervision).text(text);
    }

    public static CommandIQ barge(Jid service, String supervision) {
        return CommandIQ.set(service, Wire.BARGE).with("supervision", supervision);
    }

    public static CommandIQ endSupervision(Jid service, String supervision) {
        return CommandIQ.set(service, Wire.END_SUPERVISION).with("supervision", supervision);
    }

    private static CommandIQ done(Jid service, String subject, String id, String disposition, String note) {
        return CommandIQ.set(service, Wire.DONE).with(subject, id).with("disposition", disposition)
                .child("note", note);
    }
}
