package org.chatconsult.xmpp.handler;

import java.util.List;
import java.util.function.BiConsumer;

import org.chatconsult.core.Directory;
import org.chatconsult.core.RoutingPoint;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.Protocol;
import org.dom4j.Element;
import org.xmpp.packet.IQ;

/**
 * Service discovery (XEP-0030) on every address of the domain: who the service is and what it speaks, its
 * routing points for clients that browse it (§4), and on the commands node the ad-hoc commands the requester
 * may run (XEP-0050 §2.2).
 */
public final class DiscoveryHandler {
    private final Addresses addresses;
    private final Directory directory;
    private final String name;
    private final List<String> features;
    private final String commandsNode;
    private final BiConsumer<Element, String> commands;

    /**
     * {@code features} are the namespaces the service speaks; {@code commands} lists into a query the commands a
     * requester (a bare address) may run, for disco#items on {@code commandsNode}.
     */
    public DiscoveryHandler(Addresses addresses, Directory directory, String name, List<String> features,
            String commandsNode, BiConsumer<Element, String> commands) {
        this.addresses = addresses;
        this.directory = directory;
        this.name = name;
        this.features = List.copyOf(features);
        this.commandsNode = commandsNode;
        this.commands = commands;
    }

    public IQ info(IQ iq) {
        IQ reply = IQ.createResultIQ(iq);
        Element query = reply.setChildElement("query", Protocol.NS_DISCO_INFO);
        query.addElement("identity").addAttribute("category", "component").addAttribute("type", "generic")
                .addAttribute("name", name);
        for (String feature : features) {
            query.addElement("feature").addAttribute("var", feature);
        }
        return reply;
    }

    public IQ items(IQ iq) {
        IQ reply = IQ.createResultIQ(iq);
        Element query = reply.setChildElement("query", Protocol.NS_DISCO_ITEMS);
        String node = iq.getChildElement().attributeValue("node");
        if (node != null) {
            query.addAttribute("node", node);
            if (node.equals(commandsNode) && addresses.isService(iq.getTo())) {
                commands.accept(query, iq.getFrom().toBareJID());
            }
        } else if (addresses.isService(iq.getTo()) && iq.getTo().getResource() == null) {
            for (RoutingPoint point : directory.routingPoints()) {
                query.addElement("item").addAttribute("jid", addresses.routingPoint(point.name()).toBareJID())
                        .addAttribute("name", point.displayName());
            }
        }
        return reply;
    }
}
