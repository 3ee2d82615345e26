package org.chatconsult.sdk.packet;

import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.Jid;

/**
 * An agent's command to the service: {@code <decline offer='…'/>} or {@code <end interaction='…'/>}, each
 * answered with an empty result or an error.
 *
 * <pre>{@code
 * connection.sendIqRequestAndWaitForResponse(AgentCommandIQ.end(service, interactionId));
 * }</pre>
 */
public final class AgentCommandIQ extends IQ {
    private final String attribute;
    private final String value;
    private final String reason;

    private AgentCommandIQ(Jid service, String element, String attribute, String value, String reason) {
        super(element, ChatConsult.NAMESPACE);
        this.attribute = attribute;
        this.value = value;
        this.reason = reason;
        setType(Type.set);
        setTo(service);
    }

    public static AgentCommandIQ decline(Jid service, String offer, String reason) {
        return new AgentCommandIQ(service, "decline", "offer", offer, reason);
    }

    public static AgentCommandIQ end(Jid service, String interaction) {
        return new AgentCommandIQ(service, "end", "interaction", interaction, null);
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute(attribute, value);
        if (reason == null) {
            xml.setEmptyElement();
        } else {
            xml.rightAngleBracket();
            xml.element("reason", reason);
        }
        return xml;
    }
}
