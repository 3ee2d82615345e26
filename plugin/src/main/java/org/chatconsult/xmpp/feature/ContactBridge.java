package org.chatconsult.xmpp.feature;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.chatconsult.core.Agent;
import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.Directory;
import org.chatconsult.core.Handover;
import org.chatconsult.core.Interaction;
import org.chatconsult.core.Supervision;
import org.chatconsult.core.SupervisionDesk;
import org.chatconsult.protocol.EndReason;
import org.chatconsult.protocol.Wire;
import org.chatconsult.store.InteractionLog;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.IqTracker;
import org.chatconsult.xmpp.Protocol;
import org.chatconsult.xmpp.RoomDriver;
import org.chatconsult.xmpp.XmppErrorException;
import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

/**
 * Puts the contact into its interaction's room. A client that supports multi-user chat (its disco#info names
 * XEP-0045) is made a member and invited, and talks in the room itself. Any other client keeps chatting 1:1
 * with the routing point: the service relays the room's lines to her, and pings her (XEP-0199) to notice when
 * she goes away. Either way the service has a voice for her in the room, under her name, that says what she
 * writes 1:1 (her first line, and any later one: a client that joined the room may still write 1:1), so no
 * line of hers is lost whichever way it came. State here is touched on the core thread only.
 */
public final class ContactBridge implements ContactCentreListener {
    private final Addresses addresses;
    private final RoomDriver rooms;
    private final IqTracker iqs;
    private final CoreThread core;
    private final Consumer<Packet> out;
    /**
     * Relays a room's line once the line is stored: a restart then either has it (and never says it again) or
     * never said it (and says it once, from the room's history). Exactly once, across any restart.
     */
    private final Consumer<Packet> outWhenStored;
    private final Duration presenceCheck;
    private final Directory directory;
    /** The log entry that says how the contact was attached: in the room, or bridged (and whether pingable). */
    private static final String ATTACHED = "contact-attached";
    /** How her voice is named beside her own nickname when her client sits in the room itself. */
    static final String BY_MESSAGE = " (by message)";
    /** What a bridged contact is told once when her chat is taken up again after the service was away. */
    public static final String OUTAGE_NOTICE = "Our chat service was unavailable for a moment and is back. If your"
            + " app marked any of your messages as not delivered, please send them again.";

    /** How a contact is attached to her room, as the log entry records it (its token is the entry's detail). */
    private enum Attachment {
        /** Her client joined the room (it speaks XEP-0045). */
        IN_ROOM("room"),
        /** Her 1:1 lines are bridged into the room by the service's voice for her. */
        BRIDGED("bridge"),
        /** Bridged, and her client answers pings (XEP-0199), so the service notices when she is gone. */
        BRIDGED_PINGABLE("bridge ping");

        private final String token;

        Attachment(String token) {
            this.token = token;
        }

        static Attachment ofToken(String token) {
            for (Attachment attachment : values()) {
                if (attachment.token.equals(token)) {
                    return attachment;
                }
            }
            return null;
        }
    }

    private final Map<String, Link> links = new HashMap<>();
    /** Chats whose bridged contact went away, waiting out the time she has to come back. */
    private final Set<String> awaited = new HashSet<>();
    private final Map<String, List<String>> early = new HashMap<>();
    /** Lines of a room's history the service had missed, waiting for the bridge to be back in the room. */
    private final Map<String, List<Heard>> missed = new HashMap<>();
    /** What was relayed to a bridged contact since her last line, said to her again if she resumes elsewhere. */
    private final Map<String, List<Message>> sinceHerLast = new HashMap<>();
    /** Bounds what is kept for a resume: as much as a room's history replays. */
    private static final int KEPT_FOR_RESUME = RoomDriver.HISTORY_LENGTH;

    /** How a contact is attached to its room. */
    private static final class Link {
        final JID contact;
        /** Her voice's nickname in the room. */
        final String nick;
        final boolean bridged;
        final boolean pingable;
        /** Whether an in-room contact who wrote 1:1 from outside the room was told that the replies are in it. */
        boolean toldOfRoom;

        Link(JID contact, String nick, boolean bridged, boolean pingable) {
            this.contact = contact;
            this.nick = nick;
            this.bridged = bridged;
            this.pingable = pingable;
        }
    }

    private final InteractionLog log;
    private final RoomOccupants occupants;

    public ContactBridge(Addresses addresses, RoomDriver rooms, IqTracker iqs, CoreThread core,
            Consumer<Packet> out, Consumer<Packet> outWhenStored, Duration presenceCheck, Directory directory,
            InteractionLog log, RoomOccupants occupants) {
        this.occupants = occupants;
        this.outWhenStored = outWhenStored;
        this.directory = directory;
        this.log = log;
        this.addresses = addresses;
        this.rooms = rooms;
        this.iqs = iqs;
        this.core = core;
        this.out = out;
        this.presenceCheck = presenceCheck;
    }

    /** Starts the periodic check that bridged contacts are still online. */
    public void start() {
        core.schedule(presenceCheck, this::checkContacts);
    }

    /** Attaches the contact of a new interaction to its room; completes on the core thread. */
    public CompletableFuture<Void> attach(Interaction interaction) {
        JID contact = new JID(interaction.contact());
        return features(contact).thenComposeAsync(features -> features.contains(Protocol.NS_MUC)
                ? invite(interaction, contact)
                : bridge(interaction, contact, features.contains(Protocol.NS_PING), true), core);
    }

    /**
     * Attaches the contact of a restored chat again, the way it was attached before (the log says how): a
     * contact in the room is made member and invited again when asked ({@code inviteBack}: the room is new, or
     * the contact's session ended with the server); a bridged contact's voice re-enters.
     */
    public CompletableFuture<Void> reattach(Interaction interaction, boolean inviteBack) {
        Attachment how = log.last(interaction.id(), ATTACHED).map(InteractionLog.Entry::detail)
                .map(Attachment::ofToken).orElse(null);
        if (how == null) {
            return attach(interaction);
        }
        JID contact = new JID(interaction.contact());
        if (how != Attachment.IN_ROOM) {
            // Her lines to the routing point bounced while the service was away (her server told her so): say
            // once what to do about them. Once: re-entering a room the service was put out of (the link is still
            // here) is no news to her.
            boolean serviceWasAway = !links.containsKey(interaction.id());
            return bridge(interaction, contact, how == Attachment.BRIDGED_PINGABLE, false).thenRun(() -> {
                if (serviceWasAway) {
                    tellContact(interaction, contact, OUTAGE_NOTICE);
                }
            });
        }
        String id = interaction.id();
        String voice = nickOf(interaction) + BY_MESSAGE;
        CompletableFuture<Void> entered = enterVoice(interaction, voice)
                .thenRunAsync(() -> links.put(id, new Link(contact, voice, false, false)), core);
        if (!inviteBack) {
            return entered;
        }
        return entered.thenCompose(done -> rooms.admit(addresses.room(id), addresses.serviceOccupant(id), contact,
                "Your chat with " + interaction.routingPoint().displayName() + " continues"));
    }

    /** The service stops and the chat goes on: the contact's voice leaves the room for now. */
    @Override
    public void interactionSuspended(Interaction interaction) {
        Link link = links.get(interaction.id());
        if (link != null) {
            rooms.leave(addresses.room(interaction.id()), addresses.bridgeOccupant(interaction.id()), link.nick);
        }
    }

    private CompletableFuture<Set<String>> features(JID contact) {
        IQ disco = new IQ(IQ.Type.get);
        disco.setFrom(addresses.service());
        disco.setTo(contact);
        disco.setChildElement("query", Protocol.NS_DISCO_INFO);
        return iqs.request(disco).handle((result, failure) -> {
            Set<String> features = new HashSet<>();
            if (result != null) {
                for (Element feature : result.getChildElement().elements("feature")) {
                    features.add(feature.attributeValue("var"));
                }
            }
            return features;
        });
    }

    private CompletableFuture<Void> invite(Interaction interaction, JID contact) {
        String id = interaction.id();
        JID room = addresses.room(id);
        JID self = addresses.serviceOccupant(id);
        String voice = nickOf(interaction) + BY_MESSAGE;
        return rooms.admit(room, self, contact, "Your chat with " + interaction.routingPoint().displayName())
                .thenCompose(done -> enterVoice(interaction, voice))
                .thenRunAsync(() -> {
                    Link link = new Link(contact, voice, false, false);
                    links.put(id, link);
                    log.add(interaction, ATTACHED, interaction.contact(), Attachment.IN_ROOM.token);
                    relayEarly(interaction, link);
                }, core);
    }

    private CompletableFuture<Void> bridge(Interaction interaction, JID contact, boolean pingable, boolean first) {
        String id = interaction.id();
        String nick = nickOf(interaction);
        return enterVoice(interaction, nick)
                .thenRunAsync(() -> {
                    Link link = new Link(contact, nick, true, pingable);
                    links.put(id, link);
                    if (first) {
                        log.add(interaction, ATTACHED, interaction.contact(),
                                (pingable ? Attachment.BRIDGED_PINGABLE : Attachment.BRIDGED).token);
                        relayEarly(interaction, link);
                    }
                    for (Heard line : missed.getOrDefault(id, List.of())) {
                        relay(interaction, line);
                    }
                    missed.remove(id);
                }, core);
    }

    /** Her voice enters the room as a member (members-only rooms admit members alone, XEP-0045 §7.2.7). */
    private CompletableFuture<Void> enterVoice(Interaction interaction, String nick) {
        String id = interaction.id();
        JID room = addresses.room(id);
        return rooms.affiliate(room, addresses.serviceOccupant(id),
                        new JID(Addresses.BRIDGE_NODE, addresses.service().getDomain(), null), "member")
                .thenCompose(done -> rooms.join(room, addresses.bridgeOccupant(id), nick))
                .thenApply(created -> null);
    }

    /** The contact's first message, and any it sent while its room was being set up, go into the room. */
    private void relayEarly(Interaction interaction, Link link) {
        List<String> lines = new ArrayList<>();
        lines.add(interaction.firstMessage());
        lines.addAll(early.getOrDefault(interaction.id(), List.of()));
        early.remove(interaction.id());
        for (String line : lines) {
            sayForContact(interaction, line);
        }
    }

    private void sayForContact(Interaction interaction, String line) {
        rooms.say(addresses.room(interaction.id()), addresses.bridgeOccupant(interaction.id()), line);
    }

    /** A contact wrote 1:1 to the routing point of its live chat. */
    public void fromContact(Interaction interaction, String body) {
        Link link = links.get(interaction.id());
        JID room = addresses.room(interaction.id());
        if (link == null) {
            early.computeIfAbsent(interaction.id(), id -> new ArrayList<>()).add(body);
            return;
        }
        sayForContact(interaction, body);
        sinceHerLast.remove(interaction.id());
        if (!link.bridged && !link.toldOfRoom && !occupants.isIn(interaction.id(), link.contact.toBareJID())) {
            // Her line is in the chat; the answers are in the room, which her client can join.
            link.toldOfRoom = true;
            tellContact(interaction, link.contact, "Your message is in the chat. The replies are in the room "
                    + room.toBareJID() + ", where you have been invited.");
            rooms.invite(room, addresses.serviceOccupant(interaction.id()), link.contact,
                    "Your chat with " + interaction.routingPoint().displayName());
        }
    }

    /**
     * A message said in the room, as the service's occupant received it: relay it to a bridged contact, under the
     * speaker's name (an agent's display name rather than whatever nickname her client chose).
     */
    public void fromRoom(Interaction interaction, Message message, String speaker) {
        if (message.getChildElement("delay", Protocol.NS_DELAY) == null) {
            relay(interaction, new Heard(message, speaker));
        }
    }

    /**
     * A line of the room's history the service had not heard: said while it was away (a restart). A bridged
     * contact heard nothing then, so it is relayed now, with its own id (a client drops it if it had it).
     */
    public void missedInRoom(Interaction interaction, Message message, String speaker) {
        Heard heard = new Heard(message, speaker);
        if (links.containsKey(interaction.id())) {
            relay(interaction, heard);
        } else {
            // The room's history can come before the bridge is back in the room: held until it is.
            missed.computeIfAbsent(interaction.id(), id -> new ArrayList<>()).add(heard);
        }
    }

    /** A line heard in the room, and the name of who said it. */
    private record Heard(Message message, String speaker) {
    }

    private void relay(Interaction interaction, Heard heard) {
        Link link = links.get(interaction.id());
        Message message = heard.message();
        String nick = message.getFrom().getResource();
        if (link == null || !link.bridged || message.getBody() == null || nick == null
                || nick.equals(link.nick) || nick.equals(interaction.routingPoint().displayName())
                || EndWord.matches(message.getBody())) {
            return;
        }
        Message relayed = chatMessage(interaction, link.contact, heard.speaker() + ": " + message.getBody());
        if (message.getID() != null) {
            // The room's line keeps its id in the room's history: the relay of it keeps it too (XEP-0359).
            Protocol.stableId(relayed, message.getID());
        }
        outWhenStored.accept(relayed);
        List<Message> kept = sinceHerLast.computeIfAbsent(interaction.id(), id -> new ArrayList<>());
        if (kept.size() < KEPT_FOR_RESUME) {
            kept.add(relayed);
        }
    }

    /**
     * A bridged contact resumed her chat from a new address: the relay goes there from now on, and what she was
     * told since her last line is told there again, in order, with the same ids (her client may have it already).
     * Her client answers pings as before: it is the same client software on a new session.
     */
    @Override
    public void contactRelinked(Interaction interaction, String previous) {
        Link link = links.get(interaction.id());
        if (link == null || !link.bridged) {
            return;
        }
        JID contact = new JID(interaction.contact());
        links.put(interaction.id(), new Link(contact, link.nick, true, link.pingable));
        for (Message line : sinceHerLast.getOrDefault(interaction.id(), List.of())) {
            Message again = line.createCopy();
            again.setTo(contact);
            outWhenStored.accept(again);
        }
    }

    @Override
    public void accepted(Interaction interaction, Agent agent) {
        tellJoined(interaction, agent.displayName());
    }

    @Override
    public void handoverAccepted(Handover handover) {
        tellJoined(handover.interaction(), directory.displayName(handover.target()));
    }

    /** A barged-in supervisor is in the chat: its bridged contact hears it as of anyone who joins. */
    @Override
    public void bargedIn(Supervision supervision) {
        tellJoined(supervision.interaction(), directory.displayName(supervision.supervisor()), " (supervisor)");
    }

    @Override
    public void supervisionEnded(Supervision supervision, String reason) {
        JID contact = bridgedContact(supervision.interaction().id());
        if (supervision.barged() && contact != null && !SupervisionDesk.CHAT_ENDED.equals(reason)) {
            tellContact(supervision.interaction(), contact,
                    directory.displayName(supervision.supervisor()) + " has left the chat.");
        }
    }

    private void tellJoined(Interaction interaction, String name) {
        tellJoined(interaction, name, "");
    }

    /** A bridged contact hears who joined her chat, in words and as {@code <joined/>} for programs. */
    private void tellJoined(Interaction interaction, String name, String as) {
        JID contact = bridgedContact(interaction.id());
        if (contact != null) {
            Message message = chatMessage(interaction, contact, name + as + " has joined the chat.");
            Element joined = message.addChildElement(Wire.JOINED, Protocol.NS);
            joined.addAttribute("interaction", interaction.id());
            joined.addAttribute("name", name);
            out.accept(message);
        }
    }

    @Override
    public void ended(Interaction interaction, EndReason reason) {
        links.remove(interaction.id());
        awaited.remove(interaction.id());
        early.remove(interaction.id());
        missed.remove(interaction.id());
        sinceHerLast.remove(interaction.id());
    }

    /** Whether the contact of this interaction chats 1:1 through the bridge. */
    public boolean isBridged(String interactionId) {
        return bridgedContact(interactionId) != null;
    }

    /** The address a bridged contact chats 1:1 from, or null when the chat has no bridged contact. */
    public JID bridgedContact(String interactionId) {
        Link link = links.get(interactionId);
        return link != null && link.bridged ? link.contact : null;
    }

    private void checkContacts() {
        links.forEach((id, link) -> {
            if (link.bridged && link.pingable) {
                ping(id, link.contact);
            }
        });
        core.schedule(presenceCheck, this::checkContacts);
    }

    private void ping(String interactionId, JID contact) {
        IQ ping = new IQ(IQ.Type.get);
        ping.setFrom(addresses.service());
        ping.setTo(contact);
        ping.setChildElement("ping", Protocol.NS_PING);
        iqs.request(ping).exceptionally(failure -> {
            // An answer with an error means the contact's session is gone (RFC 6120 §10.5.3.2); silence may be
            // a slow network, so only errors end the chat.
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof XmppErrorException
                    && ((XmppErrorException) cause).condition() != PacketError.Condition.remote_server_timeout) {
                core.execute(() -> wentAway(interactionId, contact));
            }
            return null;
        });
    }

    /**
     * A bridged contact's address is gone (a ping answered with an error, a message bounced). Her chat ends unless
     * she takes it up again from another address within one contact check (a reloaded web page comes back with a
     * new address and her resume token in a second or two). Called on the core thread.
     */
    public void wentAway(String interactionId, JID address) {
        if (!chatsFrom(interactionId, address) || !awaited.add(interactionId)) {
            return; // not hers any more, or already given the time
        }
        core.schedule(presenceCheck, () -> core.submit(centre -> {
            awaited.remove(interactionId);
            if (chatsFrom(interactionId, address) && centre.interaction(interactionId).isPresent()) {
                centre.end(interactionId, EndReason.CONTACT_LEFT);
            }
        }));
    }

    /** Whether the chat's bridged contact is still at {@code address}. */
    private boolean chatsFrom(String interactionId, JID address) {
        return address.equals(bridgedContact(interactionId));
    }

    private void tellContact(Interaction interaction, JID contact, String text) {
        out.accept(chatMessage(interaction, contact, text));
    }

    /** A 1:1 message from the chat's routing point to its contact. */
    private Message chatMessage(Interaction interaction, JID contact, String text) {
        Message message = new Message();
        message.setType(Message.Type.chat);
        message.setFrom(addresses.routingPoint(interaction.routingPoint().name()));
        message.setTo(contact);
        message.setBody(text);
        return message;
    }

    private static String nickOf(Interaction interaction) {
        String nick = interaction.contactName();
        return nick.equals(interaction.routingPoint().displayName()) ? nick + " (contact)" : nick;
    }
}
