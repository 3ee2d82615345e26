package org.chatconsult.sdk.packet;

import javax.xml.namespace.QName;

import org.chatconsult.protocol.Wire;

/**
 * What a contact's client keeps to take her chat up again from another address (a reloaded web page): the
 * chat and its secret token, in the service's welcome. Sent back with the token alone, to the routing point.
 *
 * <pre>{@code
 * ResumeExtension resume = message.getExtension(ResumeExtension.class);
 * sessionStorage.put("chat-token", resume.getToken());
 * }</pre>
 */
public final class ResumeExtension extends AttributeElement {
    public static final String ELEMENT = Wire.RESUME;
    public static final QName QNAME = new QName(ChatConsult.NAMESPACE, ELEMENT);

    public ResumeExtension(String interaction, String token) {
        super(ELEMENT, new Attributes().with("interaction", interaction).with("token", token));
    }

    public String getInteraction() {
        return attribute("interaction");
    }

    public String getToken() {
        return attribute("token");
    }
}
