package org.chatconsult.xmpp.feature;

import java.util.List;

import org.chatconsult.core.Interaction;
import org.chatconsult.xmpp.Addresses;
import org.dom4j.Element;
import org.xmpp.packet.JID;

/**
 * The preview of a contact chat that offers to agents carry (Genesys Workspace's Interaction Preview): the contact,
 * the routing point, when it started, and its last lines, as elements and as readable text.
 */
final class ChatPreview {
    static final int LINES = 5;

    private final Interaction interaction;
    private final List<TranscriptMirror.Line> lines;

    ChatPreview(Interaction interaction, TranscriptMirror transcripts) {
        this.interaction = interaction;
        this.lines = transcripts.lastLines(interaction.id(), LINES);
    }

    void addTo(Element offer, Addresses addresses) {
        offer.addElement("contact").addAttribute("jid", new JID(interaction.contact()).toBareJID())
                .addAttribute("name", interaction.contactName());
        offer.addElement("routing-point")
                .addAttribute("jid", addresses.routingPoint(interaction.routingPoint().name()).toBareJID())
                .addAttribute("name", interaction.routingPoint().displayName());
        offer.addElement("started").setText(interaction.started().toString());
        for (TranscriptMirror.Line line : lines) {
            offer.addElement("line").addAttribute("seq", String.valueOf(line.seq())).addAttribute("from", line.from())
                    .addAttribute("role", line.role())
                    .addAttribute("time", line.time().toString()).setText(line.text());
        }
    }

    /** "the chat with carol (Sales, started …)" followed by the last lines, one per line. */
    String text() {
        StringBuilder text = new StringBuilder("the chat with " + interaction.contactName() + " ("
                + interaction.routingPoint().displayName() + ", started " + interaction.started() + ").");
        for (TranscriptMirror.Line line : lines) {
            text.append("\n").append(line.from()).append(": ").append(line.text());
        }
        return text.toString();
    }
}
