package org.chatconsult.xmpp.handler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.chatconsult.core.Agent;
import org.chatconsult.core.AgentGroup;
import org.chatconsult.core.AgentProfile;
import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.CoreException;
import org.chatconsult.core.Favorites;
import org.chatconsult.core.Interaction;
import org.chatconsult.core.Readiness;
import org.chatconsult.core.Recents;
import org.chatconsult.core.RoutingPoint;
import org.chatconsult.protocol.Wire;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.Protocol;
import org.chatconsult.xmpp.StanzaErrors;
import org.chatconsult.xmpp.edge.Fields;
import org.chatconsult.xmpp.edge.Limits;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/**
 * The Team Communicator: search over agents, routing points, agent groups and the agent's own contacts, on
 * the wire as XEP-0055 with XEP-0004 forms (so any client's search works), and each agent's favorites and
 * recent targets in our namespace. Every result carries presence, readiness and load.
 */
public record DirectoryHandler(Addresses addresses, CoreThread core, Favorites favorites, Recents recents) {
    public static final String NS_SEARCH = "jabber:iq:search";
    static final int MAX_RESULTS = 200;
    static final List<String> KINDS = List.of("agent", "routing-point", "group", "contact");

    /**
     * One directory entry, as the search reports it: {@code readiness} a token ({@code ready}, {@code not-ready},
     * {@code logged-out}, {@code -} for a contact), {@code readyAgents} how many of its agents can take a chat now.
     */
    public record Entry(String jid, String name, String kind, String presence, String readiness, int load,
            int capacity, int readyAgents) {
    }

    /** XEP-0055 §3: the search form (get). */
    public CompletableFuture<IQ> searchForm(IQ iq) {
        return CompletableFuture.completedFuture(searchFormOf(iq));
    }

    /** XEP-0055 §3: a search (set). */
    public CompletableFuture<IQ> search(IQ iq) {
        return core.ask(centre -> search(iq, centre, iq.getFrom().toBareJID(), iq.getChildElement()));
    }

    /** The agent's favorites: listed (get), or changed and listed (set). */
    public CompletableFuture<IQ> favorites(IQ iq) {
        return core.ask(centre -> favorites(iq, centre, iq.getFrom().toBareJID(), iq.getChildElement()));
    }

    /** The targets the agent consulted, called or wrote to last. */
    public CompletableFuture<IQ> recent(IQ iq) {
        return core.ask(centre -> recent(iq, centre, iq.getFrom().toBareJID()));
    }

    private IQ searchFormOf(IQ iq) {
        IQ reply = IQ.createResultIQ(iq);
        Element query = reply.setChildElement("query", NS_SEARCH);
        query.addElement("instructions").setText("Find agents, routing points, agent groups and your contacts.");
        DataForm form = new DataForm(DataForm.Type.form);
        form.setTitle("Team Communicator");
        form.addField("FORM_TYPE", null, FormField.Type.hidden).addValue(NS_SEARCH);
        form.addField("text", "Name or address contains", FormField.Type.text_single);
        FormField kinds = form.addField("kind", "Kinds", FormField.Type.list_multi);
        KINDS.forEach(kind -> {
            kinds.addOption(kind, kind);
            kinds.addValue(kind);
        });
        form.addField("ready", "Ready only", FormField.Type.boolean_type).addValue("0");
        query.add(form.getElement());
        return reply;
    }

    private IQ search(IQ iq, ContactCentre centre, String agent, Element query) {
        Element x = query.element(QName.get("x", "jabber:x:data"));
        if (x == null) {
            throw new CoreException(CoreException.Kind.BAD_REQUEST, "submit the search form (XEP-0055 §3)");
        }
        DataForm submitted = new DataForm(x);
        String text = Objects.requireNonNullElse(Fields.formValue(submitted, "text", Limits.MAX_SEARCH), "");
        FormField kindField = submitted.getField("kind");
        List<String> kinds = kindField == null || kindField.getValues().isEmpty() ? KINDS : kindField.getValues();
        if (!KINDS.containsAll(kinds)) {
            throw new CoreException(CoreException.Kind.BAD_REQUEST, "the field 'kind' takes " + KINDS);
        }
        String ready = Objects.requireNonNullElse(Fields.formValue(submitted, "ready", 5), "");
        boolean readyOnly = ready.equals("1") || ready.equalsIgnoreCase("true");
        List<Entry> entries = find(centre, agent, text, kinds, readyOnly);
        IQ reply = IQ.createResultIQ(iq);
        DataForm result = new DataForm(DataForm.Type.result);
        result.addField("FORM_TYPE", null, FormField.Type.hidden).addValue(NS_SEARCH);
        result.addReportedField("jid", "Address", FormField.Type.jid_single);
        result.addReportedField("name", "Name", FormField.Type.text_single);
        result.addReportedField("kind", "Kind", FormField.Type.text_single);
        result.addReportedField("presence", "Presence", FormField.Type.text_single);
        result.addReportedField("readiness", "Readiness", FormField.Type.text_single);
        result.addReportedField("load", "Load", FormField.Type.text_single);
        result.addReportedField("capacity", "Capacity", FormField.Type.text_single);
        result.addReportedField("favorite", "Favorite", FormField.Type.boolean_type);
        for (Entry entry : entries) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("jid", entry.jid());
            item.put("name", entry.name());
            item.put("kind", entry.kind());
            item.put("presence", entry.presence());
            item.put("readiness", entry.readiness());
            item.put("load", String.valueOf(entry.load()));
            item.put("capacity", String.valueOf(entry.capacity()));
            item.put("favorite", favorites.isFavorite(agent, entry.jid()) ? "1" : "0");
            result.addItemFields(item);
        }
        reply.setChildElement("query", NS_SEARCH).add(result.getElement());
        return reply;
    }

    /**
     * The directory entries of {@code kinds} whose name or address contains {@code text} (ignoring case; empty
     * matches all), at most {@link #MAX_RESULTS}; contacts are those of {@code agent}'s chats.
     */
    public List<Entry> find(ContactCentre centre, String agent, String text, Collection<String> kinds,
            boolean readyOnly) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<Entry> entries = new ArrayList<>();
        if (kinds.contains("agent")) {
            for (AgentProfile profile : centre.directory().agents()) {
                if (entries.size() >= MAX_RESULTS) {
                    break;
                }
                if (matches(lower, profile.displayName(), profile.address())) {
                    keep(entries, agentEntry(centre, profile), readyOnly);
                }
            }
        }
        if (kinds.contains("routing-point")) {
            for (RoutingPoint point : centre.directory().routingPoints()) {
                if (matches(lower, point.displayName(), addresses.routingPoint(point.name()).toBareJID())) {
                    keep(entries, teamEntry(centre, point.name(), point.displayName(), "routing-point", point.agents()),
                            readyOnly);
                }
            }
        }
        if (kinds.contains("group")) {
            for (AgentGroup group : centre.directory().agentGroups()) {
                if (matches(lower, group.displayName(), addresses.routingPoint(group.name()).toBareJID())) {
                    keep(entries, teamEntry(centre, group.name(), group.displayName(), "group", group.agents()),
                            readyOnly);
                }
            }
        }
        if (kinds.contains("contact")) {
            for (Entry contact : contacts(centre, agent)) {
                if (matches(lower, contact.name(), contact.jid())) {
                    keep(entries, contact, readyOnly);
                }
            }
        }
        return entries.subList(0, Math.min(entries.size(), MAX_RESULTS));
    }

    /** The agent's favorites, then its recent targets that are no favorites, as entries of the directory now. */
    public List<Entry> favoritesAndRecent(ContactCentre centre, String agent) {
        Set<String> targets = new LinkedHashSet<>(favorites.of(agent));
        recents.of(agent).forEach(recent -> targets.add(recent.target()));
        List<Entry> entries = new ArrayList<>();
        for (String target : targets) {
            entry(centre, target).ifPresent(entries::add);
        }
        return entries;
    }

    public boolean isFavorite(String agent, String target) {
        return favorites.isFavorite(agent, target);
    }

    /** Adds {@code target} (an agent, routing point or group) to the agent's favorites, or removes it. */
    public void favorite(ContactCentre centre, String agent, String target, boolean add) {
        if (!add) {
            favorites.remove(agent, target);
        } else if (kindOf(centre, target) == null) {
            throw new CoreException(CoreException.Kind.NOT_FOUND, "that is no agent, routing point or group of this service");
        } else {
            favorites.add(agent, target);
        }
    }

    /** The entry of an agent's, routing point's or group's address, if the directory has it. */
    private Optional<Entry> entry(ContactCentre centre, String target) {
        String kind = kindOf(centre, target);
        if (kind == null) {
            return Optional.empty();
        }
        if (kind.equals("agent")) {
            return centre.directory().agent(target).map(profile -> agentEntry(centre, profile));
        }
        String name = new JID(target).getNode();
        return kind.equals("routing-point")
                ? centre.directory().routingPoint(name).map(point -> teamEntry(centre, name, point.displayName(),
                        kind, point.agents()))
                : centre.directory().agentGroup(name).map(group -> teamEntry(centre, name, group.displayName(),
                        kind, group.agents()));
    }

    private static Entry agentEntry(ContactCentre centre, AgentProfile profile) {
        Optional<Agent> state = centre.agent(profile.address());
        Readiness readiness = state.map(Agent::readiness).orElse(Readiness.LOGGED_OUT);
        int load = state.map(Agent::load).orElse(0);
        int capacity = state.map(Agent::capacity).orElse(0);
        return new Entry(profile.address(), profile.displayName(), "agent",
                readiness == Readiness.LOGGED_OUT ? "offline" : "online", token(readiness), load, capacity,
                readiness == Readiness.READY && load < capacity ? 1 : 0);
    }

    /** A routing point or group: Ready when one of its agents can take a chat; load and capacity summed. */
    private Entry teamEntry(ContactCentre centre, String name, String displayName, String kind, Set<String> members) {
        int load = 0;
        int capacity = 0;
        boolean online = false;
        int ready = 0;
        for (String member : members) {
            Optional<Agent> state = centre.agent(member);
            if (state.isPresent() && state.get().readiness() != Readiness.LOGGED_OUT) {
                online = true;
                load += state.get().load();
                capacity += state.get().capacity();
                if (state.get().readiness() == Readiness.READY && state.get().load() < state.get().capacity()) {
                    ready++;
                }
            }
        }
        return new Entry(addresses.routingPoint(name).toBareJID(), displayName, kind, online ? "online" : "offline",
                ready > 0 ? "ready" : online ? "not-ready" : "logged-out", load, capacity, ready);
    }

    /** The contacts of the chats this agent owns or takes part in. */
    private static List<Entry> contacts(ContactCentre centre, String agent) {
        List<Entry> entries = new ArrayList<>();
        for (Interaction interaction : centre.interactions()) {
            if (agent.equals(interaction.owner()) || interaction.participants().contains(agent)) {
                entries.add(new Entry(new JID(interaction.contact()).toBareJID(), interaction.contactName(), "contact",
                        "online", "-", 0, 0, 0));
            }
        }
        return entries;
    }

    private IQ favorites(IQ iq, ContactCentre centre, String agent, Element command) {
        if (iq.getType() == IQ.Type.set) {
            for (Element change : command.elements()) {
                if (!change.getName().equals("add") && !change.getName().equals("remove")) {
                    throw new CoreException(CoreException.Kind.BAD_REQUEST, "favorites are changed with add or remove");
                }
                favorite(centre, agent, Fields.jid(change, "jid").toBareJID(), change.getName().equals("add"));
            }
        }
        IQ reply = IQ.createResultIQ(iq);
        Element list = reply.setChildElement(Wire.FAVORITES, Protocol.NS);
        for (String target : favorites.of(agent)) {
            Element item = list.addElement("item").addAttribute("jid", target);
            String kind = kindOf(centre, target);
            if (kind != null) {
                item.addAttribute("kind", kind);
            }
        }
        return reply;
    }

    private IQ recent(IQ iq, ContactCentre centre, String agent) {
        IQ reply = IQ.createResultIQ(iq);
        Element list = reply.setChildElement(Wire.RECENT, Protocol.NS);
        for (Recents.Entry entry : recents.of(agent)) {
            Element item = list.addElement("item").addAttribute("jid", entry.target())
                    .addAttribute("how", entry.how()).addAttribute("time", entry.at().toString());
            String kind = kindOf(centre, entry.target());
            if (kind != null) {
                item.addAttribute("kind", kind);
            }
        }
        return reply;
    }

    private String kindOf(ContactCentre centre, String target) {
        JID address = new JID(target);
        if (address.getDomain().equals(addresses.service().getDomain()) && address.getNode() != null) {
            return centre.directory().routingPoint(address.getNode()).isPresent() ? "routing-point"
                    : centre.directory().agentGroup(address.getNode()).isPresent() ? "group" : null;
        }
        return centre.directory().agent(target).isPresent() ? "agent" : null;
    }

    private static void keep(List<Entry> entries, Entry entry, boolean readyOnly) {
        if (!readyOnly || entry.readiness().equals("ready")) {
            entries.add(entry);
        }
    }

    /** {@code text} (already lower case) is empty, or in the name or the address, ignoring case. */
    private static boolean matches(String text, String name, String address) {
        return text.isEmpty() || name.toLowerCase(Locale.ROOT).contains(text)
                || address.toLowerCase(Locale.ROOT).contains(text);
    }

    private static String token(Readiness readiness) {
        return readiness.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static CompletableFuture<IQ> refuse(IQ iq, PacketError.Condition condition, String text) {
        return CompletableFuture.completedFuture(StanzaErrors.reply(iq, StanzaErrors.error(condition, text)));
    }
}
