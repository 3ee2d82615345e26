package org.chatconsult.sdk.packet;

import java.time.Instant;
import java.util.Objects;

import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jxmpp.jid.EntityBareJid;

/**
 * What every offer carries: its id, the chat it is about, the room to join to accept, and when it lapses. The
 * offer of a chat ({@link OfferExtension}), of a consultation and of a conference or transfer add what they show.
 */
public abstract class Offer implements ChatConsultElement {
    private final String id;
    private final Attributes subject;
    private final String interaction;
    private final EntityBareJid room;
    private final Instant expires;

    /** {@code subject}: the attributes naming what is offered besides the chat (a consultation, a handover). */
    Offer(String id, Attributes subject, String interaction, EntityBareJid room, Instant expires) {
        this.id = Objects.requireNonNull(id, "id");
        this.subject = subject;
        this.interaction = Objects.requireNonNull(interaction, "interaction");
        this.room = Objects.requireNonNull(room, "room");
        this.expires = expires;
    }

    public String getId() {
        return id;
    }

    public String getInteraction() {
        return interaction;
    }

    /** The room to join to accept. */
    public EntityBareJid getRoom() {
        return room;
    }

    /** When the offer lapses if nobody answers, or null. */
    public Instant getExpires() {
        return expires;
    }

    /** An attribute naming what is offered besides the chat. */
    final <T> T subject(String name) {
        return subject.get(name);
    }

    @Override
    public final XmlStringBuilder toXML(XmlEnvironment enclosing) {
        XmlStringBuilder xml = new XmlStringBuilder(this, enclosing).attribute("id", id);
        subject.appendTo(xml);
        xml.attribute("interaction", interaction).attribute("room", room)
                .optAttribute("expires", expires == null ? null : expires.toString()).rightAngleBracket();
        appendContent(xml);
        return xml.closeElement(this);
    }

    /** The children: what the offer shows. */
    abstract void appendContent(XmlStringBuilder xml);
}
