package org.chatconsult.sdk.packet;

import java.time.Instant;

import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jxmpp.jid.EntityBareJid;

/**
 * An offer one agent makes another about its chat (Genesys Workspace's Interaction Preview): a consultation, or
 * a conference or transfer. Besides the offer it names who asks and previews the chat.
 */
public abstract class AgentOffer extends Offer {
    private final Attributes initiator;
    private final Preview preview;

    AgentOffer(String id, Attributes subject, String interaction, EntityBareJid room, Instant expires,
            EntityBareJid initiator, String initiatorName, Preview preview) {
        super(id, subject, interaction, room, expires);
        this.initiator = Preview.party(initiator, initiatorName);
        this.preview = preview;
    }

    public EntityBareJid getInitiator() {
        return initiator.get("jid");
    }

    public String getInitiatorName() {
        return initiator.get("name");
    }

    public Preview getPreview() {
        return preview;
    }

    @Override
    final void appendContent(XmlStringBuilder xml) {
        Preview.appendParty(xml, "initiator", initiator);
        preview.appendTo(xml);
    }
}
