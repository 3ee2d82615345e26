package org.chatconsult.sdk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import org.chatconsult.sdk.packet.CommandIQ;
import org.chatconsult.sdk.packet.Requests;
import org.chatconsult.sdk.packet.ResultIQ;
import org.jivesoftware.smack.Manager;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smackx.search.ReportedData;
import org.jivesoftware.smackx.search.UserSearchManager;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * The Team Communicator: find internal targets and contacts, keep favorites, see recent targets, and IM
 * anyone found. Search is XEP-0055 with a XEP-0004 form on the service, so it is the same search any client's
 * "Search directory" offers.
 *
 * <pre>{@code
 * TeamCommunicator team = TeamCommunicator.getInstanceFor(connection);
 * List<DirectoryEntry> ready = team.search("billing", EnumSet.allOf(DirectoryEntry.Kind.class), true);
 * Consultation consultation = chat.consult(ready.get(0).getJid());
 * team.addFavorite(ready.get(0).getJid());
 * }</pre>
 */
public final class TeamCommunicator extends Manager {
    private static final Map<XMPPConnection, TeamCommunicator> INSTANCES = new WeakHashMap<>();

    private TeamCommunicator(XMPPConnection connection) {
        super(connection);
    }

    public static synchronized TeamCommunicator getInstanceFor(XMPPConnection connection) {
        return INSTANCES.computeIfAbsent(connection, TeamCommunicator::new);
    }

    private AgentManager agents() {
        return AgentManager.getInstanceFor(connection());
    }

    /**
     * Entries whose name or address contains {@code text} (case-insensitive; empty for all), of the given
     * kinds, only those Ready when {@code readyOnly}.
     */
    public List<DirectoryEntry> search(String text, Set<DirectoryEntry.Kind> kinds, boolean readyOnly)
            throws XMPPException.XMPPErrorException, SmackException.NoResponseException,
            SmackException.NotConnectedException, InterruptedException {
        UserSearchManager search = new UserSearchManager(connection());
        DataForm form = search.getSearchForm(agents().getService());
        FillableForm answer = new FillableForm(form);
        answer.setAnswer("text", text == null ? "" : text);
        List<String> kindTokens = new ArrayList<>();
        for (DirectoryEntry.Kind kind : kinds) {
            kindTokens.add(kind.token());
        }
        answer.setAnswer("kind", kindTokens);
        answer.setAnswer("ready", readyOnly);
        ReportedData results = search.getSearchResults(answer.getDataFormToSubmit(), agents().getService());
        List<DirectoryEntry> entries = new ArrayList<>();
        for (ReportedData.Row row : results.getRows()) {
            entries.add(new DirectoryEntry(jid(value(row, "jid")), value(row, "name"),
                    DirectoryEntry.Kind.of(value(row, "kind")), value(row, "presence"), value(row, "readiness"),
                    Integer.parseInt(value(row, "load")), Integer.parseInt(value(row, "capacity")),
                    "1".equals(value(row, "favorite")) || "true".equals(value(row, "favorite"))));
        }
        return entries;
    }

    public List<Jid> getFavorites() throws XMPPException.XMPPErrorException, SmackException.NoResponseException,
            SmackException.NotConnectedException, InterruptedException {
        return favorites(Requests.favorites(agents().getService()));
    }

    /** Adds a favorite (an agent, routing point or group); returns the favorites now. */
    public List<Jid> addFavorite(Jid target) throws XMPPException.XMPPErrorException,
            SmackException.NoResponseException, SmackException.NotConnectedException, InterruptedException {
        return favorites(Requests.changeFavorites(agents().getService(), List.of(target), List.of()));
    }

    public List<Jid> removeFavorite(Jid target) throws XMPPException.XMPPErrorException,
            SmackException.NoResponseException, SmackException.NotConnectedException, InterruptedException {
        return favorites(Requests.changeFavorites(agents().getService(), List.of(), List.of(target)));
    }

    private List<Jid> favorites(CommandIQ request) throws XMPPException.XMPPErrorException,
            SmackException.NoResponseException, SmackException.NotConnectedException, InterruptedException {
        return favoriteJids(agents().request(request));
    }

    /** The favorites the service's answer to {@code <favorites/>} lists, in order. */
    static List<Jid> favoriteJids(ResultIQ result) {
        List<Jid> favorites = new ArrayList<>();
        for (StandardExtensionElement item : result.getItems("item")) {
            favorites.add(jid(item.getAttributeValue("jid")));
        }
        return favorites;
    }

    /** The targets this agent reached lately (consulted, conferenced, transferred to, IM'd, called). */
    public List<RecentTarget> getRecent() throws XMPPException.XMPPErrorException, SmackException.NoResponseException,
            SmackException.NotConnectedException, InterruptedException {
        return recentTargets(agents().request(Requests.recent(agents().getService())));
    }

    /** The targets the service's answer to {@code <recent/>} lists, newest first. */
    static List<RecentTarget> recentTargets(ResultIQ result) {
        List<RecentTarget> recent = new ArrayList<>();
        for (StandardExtensionElement item : result.getItems("item")) {
            recent.add(new RecentTarget(item));
        }
        return recent;
    }

    /** A 1:1 chat message to anyone found. */
    public void im(Jid to, String text) throws SmackException.NotConnectedException, InterruptedException {
        connection().sendStanza(StanzaBuilder.buildMessage().to(to).ofType(Message.Type.chat).setBody(text).build());
    }

    private static String value(ReportedData.Row row, String column) {
        Collection<CharSequence> values = row.getValues(column);
        return values == null || values.isEmpty() ? "" : values.iterator().next().toString();
    }

    private static Jid jid(String value) {
        try {
            return JidCreate.from(value);
        } catch (XmppStringprepException e) {
            throw new IllegalStateException("the service named an invalid address: " + value, e);
        }
    }

    /**
     * A target reached lately: who, what it is ({@code agent}, {@code routing-point}, {@code group}), how
     * ({@code consultation}, {@code im}, {@code call}, …) and when.
     */
    public static final class RecentTarget {
        private final Jid jid;
        private final String kind;
        private final String how;
        private final Instant at;

        /** From the service's {@code <item jid='…' how='…' time='…'/>}. */
        RecentTarget(StandardExtensionElement item) {
            this.jid = jid(item.getAttributeValue("jid"));
            this.kind = item.getAttributeValue("kind");
            this.how = item.getAttributeValue("how");
            this.at = Instant.parse(item.getAttributeValue("time"));
        }

        public Jid getJid() {
            return jid;
        }

        /** {@code agent}, {@code routing-point} or {@code group}, as the service names it. */
        public String getKind() {
            return kind;
        }

        public String getHow() {
            return how;
        }

        public Instant getAt() {
            return at;
        }
    }
}
