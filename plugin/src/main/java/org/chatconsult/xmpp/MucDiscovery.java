package org.chatconsult.xmpp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

/**
 * Finds the server's multi-user chat service the standard way (XEP-0045 §6.1, XEP-0030): the items of the
 * server's domain, the first whose disco#info names a conference/text identity and the MUC feature.
 */
public final class MucDiscovery {
    private MucDiscovery() {
    }

    public static CompletableFuture<String> find(IqTracker iqs, JID from, String serverDomain) {
        return iqs.request(query(from, serverDomain, Protocol.NS_DISCO_ITEMS)).thenCompose(items -> {
            List<String> candidates = new ArrayList<>();
            for (Element item : items.getChildElement().elements("item")) {
                String jid = item.attributeValue("jid");
                if (jid != null && !jid.contains("@") && !jid.equals(from.getDomain())) {
                    candidates.add(jid);
                }
            }
            return firstMuc(iqs, from, candidates, 0);
        });
    }

    private static CompletableFuture<String> firstMuc(IqTracker iqs, JID from, List<String> candidates, int next) {
        if (next >= candidates.size()) {
            return CompletableFuture.failedFuture(new IllegalStateException("the server lists no MUC service"));
        }
        String candidate = candidates.get(next);
        return iqs.request(query(from, candidate, Protocol.NS_DISCO_INFO))
                .handle((info, failure) -> info != null && isMuc(info.getChildElement()))
                .thenCompose(muc -> muc ? CompletableFuture.completedFuture(candidate)
                        : firstMuc(iqs, from, candidates, next + 1));
    }

    private static boolean isMuc(Element query) {
        boolean conference = query.elements("identity").stream().anyMatch(identity ->
                "conference".equals(identity.attributeValue("category"))
                        && "text".equals(identity.attributeValue("type")));
        boolean muc = query.elements("feature").stream().anyMatch(feature ->
                Protocol.NS_MUC.equals(feature.attributeValue("var")));
        return conference && muc;
    }

    private static IQ query(JID from, String to, String namespace) {
        IQ iq = new IQ(IQ.Type.get);
        iq.setFrom(from);
        iq.setTo(to);
        iq.setChildElement("query", namespace);
        return iq;
    }
}
