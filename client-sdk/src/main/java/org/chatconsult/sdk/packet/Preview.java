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
    private final EntityBareJid contact;
    private final String contactName;
    private final EntityBareJid routingPoint;
    private final String routingPointName;
    private final Instant started;
    private final List<TranscriptLine> lines;

    public Preview(EntityBareJid contact, String contactName, EntityBareJid routingPoint, String routingPointName,
            Instant started, List<TranscriptLine> lines) {
        this.contact = contact;
        this.contactName = contactName;
        this.routingPoint = routingPoint;
        this.routingPointName = routingPointName;
        this.started = started;
        this.lines = List.copyOf(lines);
    }

    public EntityBareJid getContact() {
        return contact;
    }

    public String getContactName() {
        return contactName;
    }

    public EntityBareJid getRoutingPoint() {
        return routingPoint;
    }

    public String getRoutingPointName() {
        return routingPointName;
    }

    public Instant getStarted() {
        return started;
    }

    public List<TranscriptLine> getLines() {
        return lines;
    }

    void appendTo(XmlStringBuilder xml) {
        if (contact != null) {
            xml.halfOpenElement("contact").attribute("jid", contact).optAttribute("name", contactName)
                    .closeEmptyElement();
        }
        if (routingPoint != null) {
            xml.halfOpenElement("routing-point").attribute("jid", routingPoint)
                    .optAttribute("name", routingPointName).closeEmptyElement();
        }
        xml.optElement("started", started == null ? null : started.toString());
        for (TranscriptLine line : lines) {
            line.appendTo(xml);
        }
    }
}
