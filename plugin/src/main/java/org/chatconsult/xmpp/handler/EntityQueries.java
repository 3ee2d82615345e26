package org.chatconsult.xmpp.handler;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.chatconsult.xmpp.Protocol;
import org.dom4j.Element;
import org.xmpp.packet.IQ;

/**
 * The small questions any entity answers: ping (XEP-0199, {@link Protocol#NS_PING}), entity time (XEP-0202) and last
 * activity (XEP-0012, here the time since the service started). A MUC service pings its occupants, so every address
 * answers.
 */
public final class EntityQueries {
    public static final String NS_TIME = "urn:xmpp:time";
    public static final String NS_LAST = "jabber:iq:last";

    private final Instant started;

    public EntityQueries(Instant started) {
        this.started = started;
    }

    public IQ ping(IQ iq) {
        return IQ.createResultIQ(iq);
    }

    public IQ time(IQ iq) {
        IQ reply = IQ.createResultIQ(iq);
        Element time = reply.setChildElement("time", NS_TIME);
        time.addElement("tzo").setText("+00:00");
        time.addElement("utc").setText(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return reply;
    }

    public IQ lastActivity(IQ iq) {
        IQ reply = IQ.createResultIQ(iq);
        reply.setChildElement("query", NS_LAST).addAttribute("seconds",
                String.valueOf(Duration.between(started, Instant.now()).toSeconds()));
        return reply;
    }
}
