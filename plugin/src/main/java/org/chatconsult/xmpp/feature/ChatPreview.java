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
    static final int SUMMARY_LINES = 3;
    static final int SUMMARY_LENGTH = 200;

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

    /** "carol's chat (Sales)": what an invitation's reason names. */
    String chat() {
        return interaction.contactName() + "'s chat (" + interaction.routingPoint().displayName() + ")";
    }

    /**
     * The last {@value #SUMMARY_LINES} lines on one line, quoted and cut to {@value #SUMMARY_LENGTH} characters: a
     * stock client shows an invitation's reason in one small dialog.
     */
    String summary() {
        StringBuilder text = new StringBuilder();
        for (TranscriptMirror.Line line : lines.subList(Math.max(0, lines.size() - SUMMARY_LINES), lines.size())) {
            text.append(text.length() == 0 ? "" : " / ").append(line.from()).append(": ").append(line.text());
        }
        return "\"" + OfferMessages.cut(text.toString(), SUMMARY_LENGTH) + "\"";
    }

    /** "the chat with carol (Sales, started 2 min ago)." followed by the last lines, one per line. */
    String text() {
        StringBuilder text = new StringBuilder("the chat with " + interaction.contactName() + " ("
                + interaction.routingPoint().displayName() + ", started " + OfferMessages.ago(interaction.started())
                + ").");
        for (TranscriptMirror.Line line : lines) {
            text.append("\n").append(line.from()).append(": ")
                    .append(OfferMessages.cut(line.text(), OfferDelivery.PREVIEW_LENGTH));
        }
        return text.toString();
    }
}
