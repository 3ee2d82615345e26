package org.chatconsult.sdk.packet;

import javax.xml.namespace.QName;

import org.chatconsult.protocol.Wire;

/**
 * The chat (and consultation) a 1:1 IM between agents is about.
 *
 * <pre>{@code
 * ContextExtension context = message.getExtension(ContextExtension.class);
 * if (context != null) { showBeside(context.getInteraction()); }
 * }</pre>
 */
public final class ContextExtension extends AttributeElement {
    public static final String ELEMENT = Wire.CONTEXT;
    public static final QName QNAME = new QName(ChatConsult.NAMESPACE, ELEMENT);

    public ContextExtension(String interaction, String consultation) {
        super(ELEMENT, new Attributes().with("interaction", interaction).with("consultation", consultation));
    }

    public String getInteraction() {
        return attribute("interaction");
    }

    public String getConsultation() {
        return attribute("consultation");
    }
}
