package org.chatconsult.xmpp.dispatch;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;

import org.chatconsult.core.CoreException;
import org.chatconsult.xmpp.Protocol;
import org.chatconsult.xmpp.StanzaErrors;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

/**
 * The table of every request the service serves, keyed by the child element's namespace and name and the IQ's
 * type, in the manner of Smack's IQ request handlers. Whoever is refused is refused in a fixed order, so an
 * answer tells an outsider nothing: not served here, then not an agent, then the wrong type.
 */
public final class IqRouter {
    /** Who may send a request. */
    public enum Access {
        ANYONE,
        /** The service's agents alone: anyone else is refused before any id in the request is looked at. */
        AGENTS
    }

    /** Where a request was routed: its reply, and whether it may go out before what it changed is durable. */
    public record Routed(CompletableFuture<IQ> reply, boolean atOnce) {
    }

    private record Key(String namespace, String element) {
    }

    private record Entry(Access access, boolean everywhere, Map<IQ.Type, IqHandler> byType) {
    }

    private final Map<Key, Entry> entries = new HashMap<>();
    private final Set<String> ownNamespaces = new HashSet<>();
    private final Predicate<String> isAgent;

    /** {@code isAgent} tells whether a bare address is one of the service's agents. */
    public IqRouter(Predicate<String> isAgent) {
        this.isAgent = isAgent;
    }

    /** Serves {@code type} requests for {@code <element xmlns=namespace>} sent to the service's own address. */
    public IqRouter serve(IQ.Type type, String namespace, String element, Access access, IqHandler handler) {
        Entry entry = entries.computeIfAbsent(new Key(namespace, element),
                key -> new Entry(access, false, new HashMap<>()));
        if (entry.access() != access || entry.everywhere()) {
            throw new IllegalArgumentException(namespace + " " + element + " is registered differently already");
        }
        entry.byType().put(type, handler);
        return this;
    }

    /** Serves {@code type} requests for {@code <element/>} of the service's own protocol, from agents alone. */
    public IqRouter forAgents(IQ.Type type, String element, IqHandler handler) {
        return serve(type, Protocol.NS, element, Access.AGENTS, handler);
    }

    /**
     * Answers, at once and on every address of the domain (routing points, room occupants), a query that
     * changes nothing: discovery, ping, time. A MUC service pings its occupants and takes silence for a ghost.
     */
    public IqRouter answerEverywhere(String namespace, String element, Function<IQ, IQ> answer) {
        Entry entry = new Entry(Access.ANYONE, true, new HashMap<>());
        entry.byType().put(IQ.Type.get, request -> CompletableFuture.completedFuture(answer.apply(request)));
        if (entries.putIfAbsent(new Key(namespace, element), entry) != null) {
            throw new IllegalArgumentException(namespace + " " + element + " is registered already");
        }
        return this;
    }

    /** A namespace that is ours: an unknown element in it is an unknown command, not an unknown namespace. */
    public IqRouter own(String namespace) {
        ownNamespaces.add(namespace);
        return this;
    }

    /** Routes a request; {@code toService} says whether it was sent to the service's own address. */
    public Routed route(IQ request, boolean toService) {
        String namespace = request.getChildElement().getNamespaceURI();
        String element = request.getChildElement().getName();
        Entry entry = entries.get(new Key(namespace, element));
        if (entry == null || !(toService || entry.everywhere())) {
            boolean ours = toService && ownNamespaces.contains(namespace);
            return refused(request, ours ? PacketError.Condition.feature_not_implemented
                    : PacketError.Condition.service_unavailable,
                    ours ? "no such command in " + namespace : "this namespace is not served here");
        }
        if (entry.access() == Access.AGENTS && !isAgent.test(request.getFrom().toBareJID())) {
            return refused(request, PacketError.Condition.forbidden, "only the service's agents may use this command");
        }
        IqHandler handler = entry.byType().get(request.getType());
        if (handler == null) {
            return refused(request, PacketError.Condition.bad_request,
                    element + " takes type " + String.join(" or ", entry.byType().keySet().stream()
                            .map(IQ.Type::name).sorted().toList()));
        }
        CompletableFuture<IQ> reply;
        try {
            reply = handler.handle(request);
        } catch (CoreException refused) {
            reply = CompletableFuture.failedFuture(refused); // a field refused at the edge (Fields)
        }
        return new Routed(reply, entry.everywhere());
    }

    private static Routed refused(IQ request, PacketError.Condition condition, String text) {
        return new Routed(CompletableFuture.completedFuture(StanzaErrors.reply(request,
                StanzaErrors.error(condition, text))), true);
    }
}
