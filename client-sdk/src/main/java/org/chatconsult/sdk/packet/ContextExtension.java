package org.chatconsult.sdk.packet;

import javax.xml.namespace.QName;

import org.chatconsult.protocol.Wire;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * The chat (and consultation) a 1:1 IM between agents is about.
 *
 * <pre>{@code
 * ContextExtension context = message.getExtension(ContextExtension.class);
 * if (context != null) { showBeside(context.getInteraction()); }
 * }</pre>
 */
public final class ContextExtension implements ChatConsultElement {
    public static final String ELEMENT = Wire.CONTEXT;
    public static final QName QNAME = new QName(ChatConsult.NAMESPACE, ELEMENT);

    private final String interaction;
    private final String consultation;

    public ContextExtension(String interaction, String consultation) {
        this.interaction = interaction;
        this.consultation = consultation;
    }

    public String getInteraction() {
        return interaction;
    }

    public String getConsultation() {
        return consultation;
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        return new XmlStringBuilder(this, enclosing).optAttribute("interaction", interaction)
                .optAttribute("consultation", consultation).closeEmptyElement();
    }
}
