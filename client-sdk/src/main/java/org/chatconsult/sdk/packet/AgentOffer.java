package org.chatconsult.sdk.packet;

import java.time.Instant;

import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jxmpp.jid.EntityBareJid;

/**
 * An offer one agent makes another about its chat (Genesys Workspace's Interaction Preview): a consultation, or
 * a conference or transfer. Besides the offer it names who asks and previews the chat.
 */
public abstract class AgentOffer extends Offer {
    private final EntityBareJid initiator;
    private final String initiatorName;
    private final Preview preview;

    AgentOffer(String id, String interaction, EntityBareJid room, Instant expires, EntityBareJid initiator,
            String initiatorName, Preview preview) {
        super(id, interaction, room, expires);
        this.initiator = initiator;
        this.initiatorName = initiatorName;
        this.preview = preview;
    }

    public EntityBareJid getInitiator() {
        return initiator;
    }

    public String getInitiatorName() {
        return initiatorName;
    }

    public Preview getPreview() {
        return preview;
    }

    @Override
    final void appendContent(XmlStringBuilder xml) {
        if (initiator != null) {
            xml.halfOpenElement("initiator").attribute("jid", initiator).optAttribute("name", initiatorName)
                    .closeEmptyElement();
        }
        preview.appendTo(xml);
    }
}
