package org.chatconsult.xmpp.handler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.chatconsult.core.Consultation;
import org.chatconsult.core.CoreException;
import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.Interaction;
import org.chatconsult.core.Supervision;
import org.chatconsult.core.Offer;
import org.chatconsult.protocol.EndReason;
import org.chatconsult.protocol.Wire;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.Protocol;
import org.chatconsult.xmpp.RoomDriver;
import org.chatconsult.xmpp.edge.Limits;
import org.chatconsult.xmpp.feature.ChatStates;
import org.chatconsult.xmpp.feature.ConsultationRooms;
import org.chatconsult.xmpp.feature.ContactBridge;
import org.chatconsult.xmpp.feature.EndWord;
import org.chatconsult.xmpp.feature.Reentry;
import org.chatconsult.xmpp.feature.RoomOccupants;
import org.chatconsult.xmpp.feature.TranscriptMirror;
import org.dom4j.Element;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Presence;

/**
 * What the rooms tell the service's occupants. In a contact room: who entered and left (an offered agent
 * entering accepts; the contact leaving ends the chat), what was said (recorded, mirrored to consultations,
 * relayed to a bridged contact; the end word from the owning agent or the contact ends the chat), and declines
 * the MUC service forwards. In a consultation room: the offered agent entering accepts, and the end word from a
 * member ends it. Nothing said in a consultation room goes anywhere else.
 */
public final class RoomTrafficHandler implements Reentry {
    private static final Duration REJOIN_PAUSE = Duration.ofSeconds(1);
    /** How long a contact whose session the server dropped has to come back before her chat ends. */
    static final Duration RETURN_GRACE = Duration.ofSeconds(30);
    /** Connection losses and returns so far; a pending departure is void once it changes. */
    private volatile long outages;

    private final Addresses addresses;
    private final RoomDriver rooms;
    private final ContactBridge bridge;
    private final RoomOccupants occupants;
    private final TranscriptMirror transcripts;
    private final ChatStates chatStates;
    private final CoreThread core;
    private final Clock clock;

    public RoomTrafficHandler(Addresses addresses, RoomDriver rooms, ContactBridge bridge, RoomOccupants occupants,
            TranscriptMirror transcripts, ChatStates chatStates, CoreThread core, Clock clock) {
        this.chatStates = chatStates;
        this.addresses = addresses;
        this.rooms = rooms;
        this.bridge = bridge;
        this.occupants = occupants;
        this.transcripts = transcripts;
        this.core = core;
        this.clock = clock;
    }

    public void handle(Presence presence) {
        if (rooms.onPresence(presence) || !isToServiceOccupant(presence.getTo())) {
            return;
        }
        String id = presence.getFrom().getNode();
        if (presence.getType() == Presence.Type.unavailable && RoomDriver.hasStatus(presence, "332")) {
            // XEP-0045 status 332: the MUC service is shutting down and takes everyone out. An outage, not a
            // departure: nobody left their chat, and once the server is back the reconnection re-takes the rooms
            // and invites everyone back.
            return;
        }
        boolean self = RoomDriver.hasStatus(presence, "110");
        if (self && presence.getType() == Presence.Type.unavailable && !destroyed(presence)) {
            // Put out of a room it still runs: Openfire removes occupants it takes for ghosts (a stanza to them
            // bounced, as during a plugin reload); a moderator may kick. Re-enter after a pause, asking for the
            // history missed meanwhile.
            core.schedule(REJOIN_PAUSE, () -> core.submit(centre -> centre.roomLost(id)));
            return;
        }
        JID real = RoomDriver.realAddress(presence);
        if (real == null || self) {
            return;
        }
        String who = real.toBareJID();
        String nick = presence.getFrom().getResource();
        boolean left = presence.getType() == Presence.Type.unavailable;
        boolean dropped = left && droppedByServer(presence);
        long seen = outages;
        core.submit(centre -> {
            if (left) {
                occupants.left(id, nick);
            } else {
                occupants.entered(id, nick, who);
            }
            Interaction chat = centre.interaction(id).orElse(null);
            if (chat != null) {
                boolean contact = who.equals(new JID(chat.contact()).toBareJID());
                if (left && contact && !bridge.isBridged(id)) {
                    if (dropped) {
                        // Her session ended without her leaving: she may be back in a moment (a phone's network,
                        // a server restart).
                        awaitReturn(id, who, seen);
                    } else {
                        centre.end(id, EndReason.CONTACT_LEFT);
                    }
                } else if (!contact && !centre.supervisions().isBargedIn(id, who)
                        && centre.directory().agent(who).isPresent()) {
                    agentMoved(centre, chat, who, left);
                }
                return;
            }
            Supervision supervision = centre.supervisions().supervision(id).orElse(null);
            if (supervision != null) {
                if (!left && who.equals(supervision.supervisor())) {
                    // She reads the chat from the moment she is in: the whole of it, then every new line.
                    transcripts.startWatching(supervision, centre.consultations().of(supervision.interaction().id()));
                }
                return;
            }
            centre.consultations().consultation(id)
                    .filter(consultation -> !left && consultation.offers().stream().anyMatch(o -> o.agent().equals(who)))
                    .ifPresent(consultation -> centre.consultations().agentJoined(id, who));
        });
    }

    /** Only if she is not back in the room within the grace, and the server did not go away, has she left. */
    private void awaitReturn(String id, String contact, long seen) {
        core.schedule(RETURN_GRACE, () -> core.submit(later -> {
            if (outages == seen && !occupants.isIn(id, contact) && later.interaction(id).isPresent()) {
                later.end(id, EndReason.CONTACT_LEFT);
            }
        }));
    }

    /**
     * The service is about to enter again a chat's room it was out of (a restart, a reload, put out as a ghost):
     * who sits there is learned anew from the presences the room sends on entry (XEP-0045 §7.2.3).
     */
    @Override
    public void reentering(String interactionId) {
        occupants.forget(interactionId);
    }

    /**
     * Back in the room: a contact who sat in it and is no longer there may have left while the service was away,
     * unseen. She is treated as one whose session dropped: her chat ends unless she is back within the grace (her
     * client may be rejoining, or accepting the invitation back).
     */
    @Override
    public void reentered(String interactionId) {
        long seen = outages;
        core.submit(centre -> centre.interaction(interactionId).ifPresent(chat -> {
            String contact = new JID(chat.contact()).toBareJID();
            if (!bridge.isBridged(interactionId) && !occupants.isIn(interactionId, contact)) {
                awaitReturn(interactionId, contact, seen);
            }
        }));
    }

    /**
     * The connection to the server was lost or is back: a contact whose session the server dropped before that
     * did not leave her chat (the server went away under her).
     */
    public void outage() {
        outages++;
    }

    /**
     * Whether the server ended the occupant's session rather than the occupant leaving: Prosody says so in the
     * presence's status ("Disconnected: …", e.g. a connection lost or the server shutting down). XEP-0045 has no
     * standard marker; a plain leave carries none of this.
     */
    private static boolean droppedByServer(Presence presence) {
        String status = presence.getStatus();
        return status != null && status.startsWith("Disconnected");
    }

    /** A room's destruction (XEP-0045 §10.9) also takes the service out, but for good. */
    private static boolean destroyed(Presence presence) {
        Element x = presence.getChildElement("x", Protocol.NS_MUC_USER);
        return x != null && x.element("destroy") != null;
    }

    public void handle(Message message) {
        if (!isToServiceOccupant(message.getTo())) {
            return;
        }
        String id = message.getFrom().getNode();
        if (message.getType() == Message.Type.error) {
            // A room that refused a mirrored line (the service was out of it): say it again once back in.
            Element mirrored = message.getChildElement(Wire.MIRRORED, Protocol.NS);
            String seq = mirrored == null ? null : mirrored.attributeValue("seq");
            if (seq != null && seq.matches("\\d{1,18}")) {
                core.execute(() -> transcripts.missed(id, Long.parseLong(seq)));
            }
            return;
        }
        if (message.getType() == Message.Type.groupchat) {
            if (!ConsultationRooms.NICK.equals(message.getFrom().getResource())) {
                // The room's echo of a line the service mirrored itself needs no work.
                core.submit(centre -> groupchat(centre, id, message));
            }
            return;
        }
        if (message.getType() == Message.Type.chat && EndWord.matches(message.getBody())) {
            // A private message in the room to the service's occupant: the end word unseen by the others.
            String sender = message.getFrom().getResource();
            core.submit(centre -> endWord(centre, id, occupants.addressOf(id, sender)));
            return;
        }
        Element x = message.getChildElement("x", Protocol.NS_MUC_USER);
        Element decline = x == null ? null : x.element("decline");
        if (decline != null && decline.attributeValue("from") != null) {
            // XEP-0045 §7.8.2: the invitee declined; the room forwards it to the inviter.
            String who = new JID(decline.attributeValue("from")).toBareJID();
            // A room's message has no answer to refuse with: a reason past the bound is cut, not refused.
            String said = decline.elementTextTrim("reason");
            String reason = said == null || said.isEmpty() ? null
                    : said.substring(0, Math.min(said.length(), Limits.MAX_NOTE));
            core.submit(centre -> centre.interaction(id).map(Interaction::offer)
                    .filter(offer -> offer.agent().equals(who))
                    .map(Offer::id)
                    .ifPresent(offer -> centre.decline(who, offer, reason)));
        }
    }

    private void groupchat(ContactCentre centre, String id, Message message) {
        String body = message.getBody();
        String nick = message.getFrom().getResource();
        if (nick == null) {
            return; // the room's own messages: subjects
        }
        if (body == null) {
            agentChatState(centre, id, nick, message);
            return;
        }
        Instant delayed = delayStamp(message);
        String sender = occupants.addressOf(id, nick);
        Interaction chat = centre.interaction(id).orElse(null);
        Consultation consultation = chat != null ? null : centre.consultations().consultation(id).orElse(null);
        Supervision supervision = chat != null || consultation != null ? null
                : centre.supervisions().supervision(id).orElse(null);
        if (supervision != null) {
            if (delayed == null && sender != null) {
                supervisionLine(centre, supervision, sender, body, message.getID());
            }
            return;
        }
        if (EndWord.matches(body)) {
            // A command, not a line: neither recorded nor relayed. Only a live one counts.
            if (delayed == null) {
                endWord(centre, id, sender);
            }
            return;
        }
        if (delayed != null) {
            // History, asked for only when re-entering a room after a restart: lines said while the service was away.
            if (chat != null) {
                String speaker = speaker(centre, chat, nick, sender);
                String role = role(centre, chat, nick, sender);
                if (transcripts.recover(chat, null, speaker, role, delayed, body, message.getID())) {
                    bridge.missedInRoom(chat, message, speaker); // a bridged contact never heard it either
                }
            } else if (consultation != null) {
                transcripts.recover(consultation.interaction(), consultation, agentName(centre, nick, sender), "agent",
                        delayed, body, message.getID());
            }
            return;
        }
        if (chat != null) {
            String speaker = speaker(centre, chat, nick, sender);
            transcripts.record(chat, speaker, role(centre, chat, nick, sender), clock.instant(), body, message.getID());
            bridge.fromRoom(chat, message, speaker);
            chatStates.said(id, nick);
        } else if (consultation != null) {
            transcripts.recordConsultation(consultation, agentName(centre, nick, sender), "agent", clock.instant(),
                    body, message.getID());
        }
    }

    /**
     * A line in a supervision's room: the supervisor's is a whisper to the chat's agent; the agent's answer is kept
     * beside it. Neither goes anywhere else: a supervision room is never bridged nor mirrored.
     */
    private void supervisionLine(ContactCentre centre, Supervision supervision, String sender, String body,
            String stanzaId) {
        if (sender.equals(supervision.supervisor())) {
            try {
                centre.supervisions().whisper(sender, supervision.id(), body, true);
                return;
            } catch (CoreException noAgentYet) {
                // Nobody to whisper to yet: her line stays in her room, and in the record.
            }
        }
        transcripts.recordSupervision(supervision, agentName(centre, sender, sender),
                sender.equals(supervision.supervisor()) ? "supervisor" : "agent", clock.instant(), body, stanzaId);
    }

    /**
     * A chat state an agent sent in a contact room (XEP-0085 §5.5): relayed to a bridged contact, neither recorded
     * nor mirrored. Anyone else's (her own voice's echo among them) goes nowhere.
     */
    private void agentChatState(ContactCentre centre, String id, String nick, Message message) {
        String state = ChatStates.of(message);
        String sender = occupants.addressOf(id, nick);
        Interaction chat = centre.interaction(id).orElse(null);
        if (state != null && chat != null && sender != null && delayStamp(message) == null
                && centre.directory().agent(sender).isPresent()) {
            chatStates.fromAgent(chat, nick, state);
        }
    }

    /**
     * The end word from someone in a room, said in it or to the service's occupant in private (XEP-0045 §7.5): the
     * owning agent or the contact ends the chat, a member ends the consultation. Anyone else's is ignored.
     */
    private void endWord(ContactCentre centre, String id, String sender) {
        if (sender == null) {
            return;
        }
        Interaction chat = centre.interaction(id).orElse(null);
        if (chat != null) {
            if (sender.equals(chat.owner())) {
                centre.endByAgent(sender, id);
            } else if (isContact(chat, sender)) {
                centre.end(id, EndReason.CONTACT_LEFT);
            }
            return;
        }
        centre.consultations().consultation(id).filter(consultation -> consultation.isMember(sender))
                .ifPresent(consultation -> centre.consultations().end(sender, id));
    }

    /**
     * Whom a chat's line is credited to: the contact by her name (whether she said it in the room or her voice said
     * it for her), an agent by the directory's display name, anyone else by nickname.
     */
    private String speaker(ContactCentre centre, Interaction chat, String nick, String sender) {
        String role = role(centre, chat, nick, sender);
        if ("contact".equals(role)) {
            return chat.contactName();
        }
        return "agent".equals(role) || "supervisor".equals(role) ? agentName(centre, nick, sender) : nick;
    }

    private static String agentName(ContactCentre centre, String nick, String sender) {
        boolean known = sender != null
                && (centre.directory().agent(sender).isPresent() || centre.directory().isSupervisor(sender));
        return known ? centre.directory().displayName(sender) : nick;
    }

    /** When a line from room history was first said (XEP-0203), or null for a live line. */
    private static Instant delayStamp(Message message) {
        Element delay = message.getChildElement("delay", Protocol.NS_DELAY);
        String stamp = delay == null ? null : delay.attributeValue("stamp");
        if (delay == null) {
            return null;
        }
        try {
            return stamp == null ? Instant.now() : Instant.parse(stamp);
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }

    private String role(ContactCentre centre, Interaction chat, String nick, String sender) {
        if (sender == null) {
            return nick.equals(chat.routingPoint().displayName()) ? "service" : "unknown";
        }
        if (isContact(chat, sender)) {
            return "contact";
        }
        return centre.supervisions().isBargedIn(chat.id(), sender) ? "supervisor" : "agent";
    }

    /** Whether the occupant is the chat's contact: her own client, or her voice (the bridge) saying her lines. */
    private boolean isContact(Interaction chat, String sender) {
        return sender.equals(Addresses.bare(chat.contact())) || sender.equals(addresses.bridge());
    }

    /** An agent entered (accepting an offer, conference or transfer) or left a contact room. */
    private static void agentMoved(ContactCentre centre, Interaction chat, String agent, boolean left) {
        if (left) {
            centre.agentLeft(chat.id(), agent);
            return;
        }
        try {
            centre.agentJoined(chat.id(), agent);
        } catch (CoreException stale) {
            // A join racing a revoked offer: the server has taken the membership back already.
        }
    }

    private boolean isToServiceOccupant(JID to) {
        return to != null && addresses.isService(to) && to.getResource() != null;
    }
}
