package org.chatconsult.xmpp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.dom4j.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

/**
 * Speaks XEP-0045 to the server's own MUC service, as the owner and an occupant of the rooms the service runs.
 * Every operation is asynchronous: it sends stanzas and completes when the room answers.
 */
public final class RoomDriver {
    private static final Logger LOG = LoggerFactory.getLogger(RoomDriver.class);
    /** How many history lines a room keeps for late joiners; servers may cap it lower (docs/protocol.md). */
    public static final int HISTORY_LENGTH = 200;
    /** A room that does not answer a join in this time is taken as unreachable. */
    static final long JOIN_TIMEOUT_SECONDS = 10;

    private final Consumer<Packet> out;
    private final IqTracker iqs;
    private final Map<String, CompletableFuture<Entered>> joins = new ConcurrentHashMap<>();
    /** Occupants the service is taking out of rooms itself: their unavailable self-presence is expected. */
    private final Set<String> leaving = ConcurrentHashMap.newKeySet();
    private CompletableFuture<Entered> lastCreation = CompletableFuture.completedFuture(null);

    /** What the room's self-presence said on entry: whether entering created it, and the affiliation held. */
    private record Entered(boolean created, String affiliation) {
    }

    private final boolean serverInvitesMembers;

    /** {@code serverInvitesMembers}: the MUC service invites whom the owner makes a member (Openfire does). */
    public RoomDriver(Consumer<Packet> out, IqTracker iqs, boolean serverInvitesMembers) {
        this.out = out;
        this.iqs = iqs;
        this.serverInvitesMembers = serverInvitesMembers;
    }

    /**
     * Creates a room as its owner (XEP-0045 §10.1) and configures it hidden and members-only (§10.2), so only
     * those the service makes members can enter or even find it.
     */
    public CompletableFuture<Void> create(JID room, JID as, String nick, String title) {
        return oneAtATime(() -> enter(room, as, nick, null)).thenCompose(entered -> configure(room, as, title));
    }

    /**
     * Runs room creations one after the other: Openfire 5.1 can leave a room locked and its creator's entry
     * unanswered when rooms are created in parallel (a race in its MUC service). One creation takes a few
     * milliseconds; a failed or timed-out one does not hold up the next.
     */
    private synchronized CompletableFuture<Entered> oneAtATime(Supplier<CompletableFuture<Entered>> creation) {
        CompletableFuture<Entered> next = lastCreation.handle((ok, failure) -> null)
                .thenCompose(previous -> creation.get());
        lastCreation = next;
        return next;
    }

    /**
     * Enters a room the service ran before a restart, asking for the history said since {@code since}
     * (XEP-0045 §7.2.15); if the room is gone (the server restarted) it is created and configured anew. Completes
     * with true when the room had to be made anew. A room that someone else made meanwhile under the same name (a
     * client rejoining it from a bookmark while the server was away) is not the chat's: it fails with conflict.
     */
    public CompletableFuture<Boolean> retake(JID room, JID as, String nick, String title, Instant since) {
        // The room may still hold the service's occupant from before (a server does not notice a component that
        // died); entering over it would be a mere presence update, without the history. Leave first.
        leave(room, as, nick);
        return oneAtATime(() -> enter(room, as, nick, since)).thenCompose(entered -> {
            if (entered.created()) {
                return configure(room, as, title).thenApply(configured -> true);
            }
            if (!"owner".equals(entered.affiliation())) {
                leave(room, as, nick);
                return CompletableFuture.failedFuture(new XmppErrorException(PacketError.Condition.conflict,
                        room.toBareJID() + " was made anew by someone else"));
            }
            return CompletableFuture.completedFuture(false);
        });
    }

    /** Enters a room (§7.2) without its history; completes with true when the service created it by entering. */
    public CompletableFuture<Boolean> join(JID room, JID as, String nick) {
        return enter(room, as, nick, null).thenApply(Entered::created);
    }

    /** Leaves a room (§7.14), as the service does when it stops without ending its chats. */
    public void leave(JID room, JID as, String nick) {
        leaving.add(joinKey(room, as));
        Presence presence = new Presence(Presence.Type.unavailable);
        presence.setFrom(as);
        presence.setTo(new JID(room.getNode(), room.getDomain(), nick));
        out.accept(presence);
    }

    private CompletableFuture<Entered> enter(JID room, JID as, String nick, Instant since) {
        CompletableFuture<Entered> joined = new CompletableFuture<>();
        String key = joinKey(room, as);
        joins.put(key, joined);
        joined.orTimeout(JOIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).whenComplete((ok, error) -> joins.remove(key, joined));
        Presence presence = new Presence();
        presence.setFrom(as);
        presence.setTo(new JID(room.getNode(), room.getDomain(), nick));
        Element history = presence.addChildElement("x", Protocol.NS_MUC).addElement("history");
        if (since == null) {
            // No history for the service's own occupants: it already knows what was said.
            history.addAttribute("maxstanzas", "0");
        } else {
            history.addAttribute("since", since.truncatedTo(ChronoUnit.SECONDS).toString());
        }
        out.accept(presence);
        return joined;
    }

    private CompletableFuture<Void> configure(JID room, JID as, String title) {
        DataForm form = new DataForm(DataForm.Type.submit);
        field(form, "FORM_TYPE", Protocol.NS_MUC_ROOMCONFIG).setType(FormField.Type.hidden);
        field(form, "muc#roomconfig_roomname", title);
        field(form, "muc#roomconfig_membersonly", "1");
        field(form, "muc#roomconfig_publicroom", "0");
        field(form, "muc#roomconfig_persistentroom", "0");
        field(form, "muc#roomconfig_allowinvites", "0");
        field(form, "muc#roomconfig_changesubject", "0");
        field(form, "muc#roomconfig_whois", "moderators");
        field(form, "muc#roomconfig_historylength", String.valueOf(HISTORY_LENGTH));
        // XEP-0045 §16.5.3: no conversation log of the server's own. The service keeps the transcript in its store,
        // under its retention; a second copy in the server's log would outlive the purge, and costs the server a
        // database write per line.
        field(form, "muc#roomconfig_enablelogging", "0");
        // XEP-0045 §10.2's own field for it, which Openfire reads.
        field(form, "muc#maxhistoryfetch", String.valueOf(HISTORY_LENGTH));
        // Prosody's own field: how much history a client that asks for none in particular gets.
        field(form, "muc#roomconfig_defaulthistorymessages", String.valueOf(HISTORY_LENGTH));
        IQ iq = new IQ(IQ.Type.set);
        iq.setFrom(as);
        iq.setTo(room);
        iq.setChildElement("query", Protocol.NS_MUC_OWNER).add(form.getElement());
        return iqs.request(iq).thenApply(result -> null);
    }

    private static FormField field(DataForm form, String var, String value) {
        FormField field = form.addField();
        field.setVariable(var);
        field.addValue(value);
        return field;
    }

    /** Grants or removes an affiliation (§9.3, §9.4): members-only rooms admit members alone. */
    public CompletableFuture<Void> affiliate(JID room, JID as, JID user, String affiliation) {
        IQ iq = new IQ(IQ.Type.set);
        iq.setFrom(as);
        iq.setTo(room);
        iq.setChildElement("query", Protocol.NS_MUC_ADMIN).addElement("item")
                .addAttribute("affiliation", affiliation)
                .addAttribute("jid", user.toBareJID());
        return iqs.request(iq).thenApply(result -> null);
    }

    /**
     * Takes back a membership an offer granted. Nobody waits on it: a refusal (the room already gone, say) leaves
     * no one a member of anything live, so it is logged and the caller goes on.
     */
    public void removeMember(JID room, JID as, JID user) {
        affiliate(room, as, user, "none").exceptionally(failure -> {
            LOG.warn("could not take back the membership of {} in {}: {}", user.toBareJID(), room,
                    failure.getMessage());
            return null;
        });
    }

    /**
     * Makes {@code user} a member and invites it: with a mediated invitation of the service's own, unless the
     * MUC service sends one by itself on the affiliation change (Openfire), so the user gets exactly one.
     */
    public CompletableFuture<Void> admit(JID room, JID as, JID user, String reason) {
        return affiliate(room, as, user, "member").thenRun(() -> {
            if (!serverInvitesMembers) {
                invite(room, as, user, reason);
            }
        });
    }

    /** A mediated invitation (§7.8.2): the room itself tells the invitee. */
    public void invite(JID room, JID as, JID invitee, String reason) {
        Message message = new Message();
        message.setFrom(as);
        message.setTo(room);
        Element invite = message.addChildElement("x", Protocol.NS_MUC_USER).addElement("invite");
        invite.addAttribute("to", invitee.toBareJID());
        invite.addElement("reason").setText(reason);
        out.accept(message);
    }

    /**
     * Says something in the room as the occupant {@code as}. The line has an id of its own, which the room's echo
     * and its history keep: after a restart the service knows the line again by it.
     */
    public void say(JID room, JID as, String body) {
        Message message = new Message();
        message.setID(Ids.next());
        message.setType(Message.Type.groupchat);
        message.setFrom(as);
        message.setTo(room);
        message.setBody(body);
        out.accept(message);
    }

    /**
     * Destroys the room (§10.9): the server tells every occupant, with the reason. A client may rejoin it later
     * from a bookmark, which would make the room anew for it: Openfire retires the name (see {@link #configure});
     * on other servers room creation is restricted to the service (docs/protocol.md, *Bookmarked rooms*).
     */
    public CompletableFuture<Void> destroy(JID room, JID as, String reason) {
        return retireOnDestruction(room, as).handle((retired, failure) -> null).thenCompose(ready -> {
            IQ iq = new IQ(IQ.Type.set);
        iq.setFrom(as);
        iq.setTo(room);
            iq.setChildElement("query", Protocol.NS_MUC_OWNER).addElement("destroy").addElement("reason")
                    .setText(reason);
            return iqs.request(iq).thenApply(result -> null);
        });
    }

    /**
     * Openfire's own field (5.0 and later): once destroyed, the room's name is retired and nobody can create it
     * again, such as a client rejoining it from a bookmark. Set only now, for the service's own destruction: Openfire
     * also removes an emptied room by itself (everyone left while the service restarts), and that room must be
     * made again under its name. Servers without the field ignore it.
     */
    private CompletableFuture<IQ> retireOnDestruction(JID room, JID as) {
        DataForm form = new DataForm(DataForm.Type.submit);
        field(form, "FORM_TYPE", Protocol.NS_MUC_ROOMCONFIG).setType(FormField.Type.hidden);
        field(form, "{http://igniterealtime.org}muc#roomconfig_retireondel", "1");
        IQ iq = new IQ(IQ.Type.set);
        iq.setFrom(as);
        iq.setTo(room);
        iq.setChildElement("query", Protocol.NS_MUC_OWNER).add(form.getElement());
        return iqs.request(iq);
    }

    /**
     * Offers a presence from a room; true when it answered one of our joins (the self-presence, status 110,
     * completes it; an error presence fails it) or one of our own leaves.
     */
    public boolean onPresence(Presence presence) {
        if (presence.getFrom() == null || presence.getTo() == null) {
            return false;
        }
        String key = joinKey(presence.getFrom().asBareJID(), presence.getTo());
        if (presence.getType() == Presence.Type.unavailable) {
            return hasStatus(presence, "110") && leaving.remove(key);
        }
        CompletableFuture<Entered> joining = joins.get(key);
        if (joining == null) {
            return false;
        }
        if (presence.getType() == Presence.Type.error) {
            joins.remove(key);
            PacketError error = presence.getError();
            PacketError.Condition condition = error == null ? PacketError.Condition.undefined_condition
                    : error.getCondition();
            joining.completeExceptionally(new XmppErrorException(condition,
                    "could not enter " + presence.getFrom().toBareJID() + ": " + condition));
            return true;
        }
        if (hasStatus(presence, "110")) {
            joins.remove(key);
            leaving.remove(key); // a leave the room never answered (the service was not in it)
            Element item = item(presence);
            joining.complete(new Entered(hasStatus(presence, "201"),
                    item == null ? null : item.attributeValue("affiliation")));
            return true;
        }
        return false;
    }

    /** True when a MUC presence carries the status code (XEP-0045 §15.6). */
    public static boolean hasStatus(Presence presence, String code) {
        Element x = presence.getChildElement("x", Protocol.NS_MUC_USER);
        if (x == null) {
            return false;
        }
        for (Element status : x.elements("status")) {
            if (code.equals(status.attributeValue("code"))) {
                return true;
            }
        }
        return false;
    }

    /** The real address in a MUC presence, visible to the room's moderators (§7.2.4), or null. */
    public static JID realAddress(Presence presence) {
        Element item = item(presence);
        String jid = item == null ? null : item.attributeValue("jid");
        return jid == null ? null : new JID(jid);
    }

    /** The occupant's item in a MUC presence (§7.2.4: affiliation, role, real address), or null. */
    private static Element item(Presence presence) {
        Element x = presence.getChildElement("x", Protocol.NS_MUC_USER);
        return x == null ? null : x.element("item");
    }

    private static String joinKey(JID room, JID as) {
        return room.toBareJID() + ' ' + as;
    }
}
