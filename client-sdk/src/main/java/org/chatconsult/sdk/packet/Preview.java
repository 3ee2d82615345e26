package org.chatconsult.sdk.packet;

import java.time.Instant;
import java.util.List;

import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jxmpp.jid.EntityBareJid;

/**
 * What a consultation, conference or transfer request shows of the contact chat: the contact, the routing
 * point, when it started, and its last lines.
 *
 * <pre>{@code
 * Preview preview = offer.getPreview();
 * preview.getLines().forEach(line -> System.out.println(line.getFrom() + ": " + line.getText()));
 * }</pre>
 */
public final class Preview {
    private final Attributes contact;
    private final Attributes routingPoint;
    private final Instant started;
    private final List<TranscriptLine> lines;

    public Preview(EntityBareJid contact, String contactName, EntityBareJid routingPoint, String routingPointName,
            Instant started, List<TranscriptLine> lines) {
        this.contact = party(contact, contactName);
        this.routingPoint = party(routingPoint, routingPointName);
        this.started = started;
        this.lines = List.copyOf(lines);
    }

    /** Who takes part (the contact, the routing point, an offer's initiator): an address and, optionally, a name. */
    static Attributes party(EntityBareJid jid, String name) {
        return new Attributes().with("jid", jid).with("name", name);
    }

    /** Writes {@code <element jid='…' name='…'/>}, or nothing for a party without an address. */
    static void appendParty(XmlStringBuilder xml, String element, Attributes party) {
        if (party.get("jid") != null) {
            xml.halfOpenElement(element);
            party.appendTo(xml);
            xml.closeEmptyElement();
        }
    }

    public EntityBareJid getContact() {
        return contact.get("jid");
    }

    public String getContactName() {
        return contact.get("name");
    }

    public EntityBareJid getRoutingPoint() {
        return routingPoint.get("jid");
    }

    public String getRoutingPointName() {
        return routingPoint.get("name");
    }

    public Instant getStarted() {
        return started;
    }

    public List<TranscriptLine> getLines() {
        return lines;
    }

    void appendTo(XmlStringBuilder xml) {
        appendParty(xml, "contact", contact);
        appendParty(xml, "routing-point", routingPoint);
        xml.optElement("started", started == null ? null : started.toString());
        for (TranscriptLine line : lines) {
            line.appendTo(xml);
        }
    }
}
