package org.chatconsult.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dom4j.Document;
import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;

/**
 * A stand-in for a stock XMPP client (Gajim, Conversations, Dino, profanity, poezio), so that a test sees only
 * what their users see and does only what they can do:
 * <ul>
 * <li>it shows message bodies, a presence's show and status, an invitation's reason (XEP-0249 and XEP-0045
 * §7.8.2: the body of an invitation is not shown), a room's subject and a room's destruction with its reason
 * (XEP-0045 §10.9); every other element, ours included, is ignored;</li>
 * <li>a line typed with a leading '/' is the client's own command and never sent (a leading space lets it
 * through, as those clients do);</li>
 * <li>a room it joins is bookmarked with autojoin (XEP-0402), kept after the room is destroyed (not every client
 * drops it), and joined again at every login;</li>
 * <li>a message to someone not on its roster carries the user's nickname (XEP-0172 §4.2), as Conversations
 * sends it;</li>
 * <li>readiness is the client's ordinary presence: it puts the service on its roster (RFC 6121 §3) and changes
 * its own show, as a user does from the status menu.</li>
 * </ul>
 */
final class StockClient implements AutoCloseable {
    private static final String NS_CONFERENCE = "jabber:x:conference";
    private static final String NS_MUC_USER = "http://jabber.org/protocol/muc#user";
    private static final String NS_DELAY = "urn:xmpp:delay";

    private final Party party;
    private final String nick;
    /** Room address → nick: the client's bookmarks with autojoin. */
    private final Map<String, String> bookmarks = new LinkedHashMap<>();
    /** Roster items this client added, taken off again at the end: the accounts are shared by every test. */
    private final List<Jid> added = new ArrayList<>();
    private final List<Window> windows = new ArrayList<>();

    StockClient(Party party, String nick) {
        this.party = party;
        this.nick = nick;
    }

    Party party() {
        return party;
    }

    String nick() {
        return nick;
    }

    // ---- what the user sees --------------------------------------------------------------------------------

    /** Everything the client has shown so far, one line each, in the order it arrived. */
    List<String> screen() {
        List<String> lines = new ArrayList<>();
        List<Stanza> received = party.received();
        List<Window> windows;
        synchronized (this.windows) {
            windows = List.copyOf(this.windows);
        }
        int next = 0;
        for (int i = 0; i <= received.size(); i++) {
            for (; next < windows.size() && windows.get(next).after == i; next++) {
                lines.addAll(windows.get(next).lines);
            }
            String line = i < received.size() ? shown(received.get(i)) : null;
            if (line != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** A command window showed {@code lines}: they join the screen where they appeared. */
    void showed(List<String> lines) {
        synchronized (windows) {
            windows.add(new Window(party.mark(), List.copyOf(lines)));
        }
    }

    /** Lines a command window showed, after the first {@code after} stanzas received. */
    private record Window(int after, List<String> lines) {
    }

    /** How many lines are on the screen now: a mark for {@link #screenSince}. */
    int screenMark() {
        return screen().size();
    }

    List<String> screenSince(int mark) {
        List<String> lines = screen();
        return lines.subList(Math.min(mark, lines.size()), lines.size());
    }

    /** Waits until a line containing {@code fragment} is on the screen, and returns it. */
    String awaitScreen(String fragment) throws InterruptedException {
        return awaitScreenSince(0, fragment);
    }

    String awaitScreenSince(int mark, String fragment) throws InterruptedException {
        String line = Await.value(Party.WAIT, () -> screenSince(mark).stream().filter(l -> l.contains(fragment))
                .findFirst().orElse(null));
        if (line == null) {
            throw new AssertionError(nick + " never saw \"" + fragment + "\"; the screen shows:\n  "
                    + String.join("\n  ", screen()));
        }
        return line;
    }

    /** The room of the newest invitation whose shown reason contains {@code fragment}. */
    String invitationTo(String fragment) throws InterruptedException {
        Element invitation = Await.value(Party.WAIT, () -> {
            List<Stanza> received = party.received();
            for (int i = received.size() - 1; i >= 0; i--) {
                Element message = xml(received.get(i));
                String line = message == null ? null : shown(received.get(i));
                if (line != null && line.startsWith("invitation") && line.contains(fragment)) {
                    return message;
                }
            }
            return null;
        });
        if (invitation == null) {
            throw new AssertionError(nick + " was never invited with \"" + fragment + "\"; the screen shows:\n  "
                    + String.join("\n  ", screen()));
        }
        return invitedRoom(invitation);
    }

    private static String shown(Stanza stanza) {
        Element xml = xml(stanza);
        if (xml == null) {
            return null;
        }
        String from = xml.attributeValue("from", "");
        if (stanza instanceof Message) {
            return shownMessage(xml, from);
        }
        if (stanza instanceof Presence) {
            return shownPresence(xml, from);
        }
        return null;
    }

    private static String shownMessage(Element message, String from) {
        // A room's mediated invitation first: Prosody adds a XEP-0249 element to it for old clients, with the
        // reason as its text rather than its attribute, and clients that know both read the mediated one.
        Element user = message.element(QName.get("x", NS_MUC_USER));
        Element invite = user == null ? null : user.element("invite");
        if (invite != null) {
            return "invitation to " + bare(from) + " from " + bare(invite.attributeValue("from", "")) + ": "
                    + invite.elementText("reason");
        }
        Element direct = message.element(QName.get("x", NS_CONFERENCE));
        if (direct != null) {
            return "invitation to " + direct.attributeValue("jid") + " from " + bare(from) + ": "
                    + direct.attributeValue("reason", "");
        }
        String body = message.elementText("body");
        boolean groupchat = "groupchat".equals(message.attributeValue("type"));
        if (groupchat && message.element("subject") != null && body == null) {
            return "[" + local(from) + "] subject: " + message.elementText("subject");
        }
        if (body == null || "error".equals(message.attributeValue("type"))) {
            return null;
        }
        if (groupchat) {
            String history = message.element(QName.get("delay", NS_DELAY)) != null ? " (earlier)" : "";
            return "[" + local(from) + "]" + history + " " + resource(from) + ": " + body;
        }
        if (user != null && from.contains("/")) { // XEP-0045 §7.5: a private message through the room
            return "[" + local(from) + "] private from " + resource(from) + ": " + body;
        }
        return bare(from) + ": " + body;
    }

    private static String shownPresence(Element presence, String from) {
        Element user = presence.element(QName.get("x", NS_MUC_USER));
        Element destroy = user == null ? null : user.element("destroy");
        if (destroy != null) {
            return "[" + local(from) + "] room closed: " + destroy.elementText("reason");
        }
        if (user != null) {
            return null; // who enters and leaves a room: shown by clients, not needed to follow the flow
        }
        String status = presence.elementText("status");
        if (status == null) {
            return null;
        }
        String show = presence.elementText("show");
        String state = "unavailable".equals(presence.attributeValue("type")) ? "offline" : show == null ? "online" : show;
        return bare(from) + " is " + state + ": " + status;
    }

    private static String invitedRoom(Element message) {
        Element direct = message.element(QName.get("x", NS_CONFERENCE));
        return direct != null ? direct.attributeValue("jid") : bare(message.attributeValue("from"));
    }

    /** The stanza as a client's XML parser reads it, extensions and all, whatever Smack made of them. */
    private static Element xml(Stanza stanza) {
        try {
            Document document = DocumentHelper.parseText(stanza.toXML().toString());
            return document.getRootElement();
        } catch (DocumentException unreadable) {
            return null;
        }
    }

    private static String bare(String address) {
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }

    private static String local(String address) {
        int at = address.indexOf('@');
        return at < 0 ? bare(address) : address.substring(0, at);
    }

    private static String resource(String address) {
        int slash = address.indexOf('/');
        return slash < 0 ? "" : address.substring(slash + 1);
    }

    // ---- what the user does --------------------------------------------------------------------------------

    /**
     * Types {@code text} into the conversation with {@code to} (a contact or a room it is in) and presses enter.
     * A leading '/' makes it the client's own command: nothing is sent.
     *
     * @return whether anything was sent
     */
    boolean type(String to, String text) throws Exception {
        if (text.startsWith("/")) {
            return false;
        }
        EntityBareJid address = Party.room(to);
        boolean room = MultiUserChatManager.getInstanceFor(party.connection()).getJoinedRooms().contains(address);
        var message = StanzaBuilder.buildMessage().to(address)
                .ofType(room ? Message.Type.groupchat : Message.Type.chat).setBody(text);
        if (!room && !Roster.getInstanceFor(party.connection()).contains(address)) {
            message.addExtension(StandardExtensionElement.builder("nick", "http://jabber.org/protocol/nick")
                    .setText(nick).build());
        }
        party.send(message.build());
        return true;
    }

    /** A private message to an occupant of a room it is in (XEP-0045 §7.5), from the room's occupant list. */
    void typePrivately(String room, String occupant, String text) throws Exception {
        party.send(StanzaBuilder.buildMessage().to(Party.jid(room + "/" + occupant)).ofType(Message.Type.chat)
                .setBody(text).addExtension(new MUCUser()).build());
    }

    /** Accepts an invitation as its user does: joins the room with her nick, and bookmarks it. */
    void join(String room) throws Exception {
        party.join(room, nick);
        bookmarks.put(room, nick);
    }

    /**
     * What a client does at login: joins every bookmarked room (XEP-0402 autojoin). A refusal is shown in the
     * room's tab, with the server's text, and the client goes on with the next bookmark.
     */
    void joinBookmarks() {
        bookmarks.forEach((room, name) -> {
            try {
                party.join(room, name);
                showed(List.of("[" + local(room) + "] joined"));
            } catch (XMPPException.XMPPErrorException refused) {
                StanzaError error = refused.getStanzaError();
                showed(List.of("[" + local(room) + "] could not join: " + error.getCondition()
                        + (error.getDescriptiveText() != null ? " (" + error.getDescriptiveText() + ")" : "")));
            } catch (Exception failed) {
                showed(List.of("[" + local(room) + "] could not join: " + failed.getMessage()));
            }
        });
    }

    /** Puts the service on the roster, as a user adds a contact: from then on her presence tells it. */
    void addToRoster(String address) throws Exception {
        Jid jid = Party.jid(address);
        Roster roster = Roster.getInstanceFor(party.connection());
        roster.setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        roster.createItemAndRequestSubscription(jid.asBareJid(), address, null);
        added.add(jid);
    }

    /** The status menu: available, away, dnd... with an optional status text. */
    void setShow(Presence.Mode mode, String status) throws Exception {
        var presence = StanzaBuilder.buildPresence().setMode(mode);
        if (status != null) {
            presence.setStatus(status);
        }
        party.send(presence.build());
    }

    @Override
    public void close() throws Exception {
        for (Jid jid : added) {
            RosterPacket remove = new RosterPacket();
            remove.setType(IQ.Type.set);
            RosterPacket.Item item = new RosterPacket.Item(jid.asBareJid(), null);
            item.setItemType(RosterPacket.ItemType.remove);
            remove.addRosterItem(item);
            party.request(remove);
        }
        party.close();
    }
}
