package org.chatconsult.xmpp.feature;

import java.util.function.Consumer;

import org.chatconsult.core.Consultation;
import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.Directory;
import org.chatconsult.protocol.ConsultationEndReason;
import org.chatconsult.protocol.Wire;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.AgentSessions;
import org.chatconsult.xmpp.Protocol;
import org.dom4j.Element;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * Tells the consultation's members what happened to it: the initiator that the target accepted (with a XEP-0249
 * invitation into the consultation's room, which any client shows); both members
 * that it ended or was released, and why. Every notice names the consultation and its interaction.
 */
public record ConsultationNotices(Addresses addresses, AgentSessions sessions, Directory directory, Consumer<Packet> out)
        implements ContactCentreListener {
    @Override
    public void consultationAccepted(Consultation consultation) {
        Element accepted = element(Wire.CONSULTATION_ACCEPTED, consultation);
        accepted.addAttribute("target", consultation.target());
        accepted.addAttribute("name", directory.displayName(consultation.target()));
        String target = directory.displayName(consultation.target());
        String text = target + " accepted your consultation about " + consultation.interaction().contactName()
                + "'s chat.";
        Message notice = message(consultation.initiator(), text, accepted);
        // Stock clients show an invitation and join from it: the initiator's way into the room, in plain words.
        OfferMessages.invite(notice, addresses.room(consultation.id()), text + " Join to talk with " + target
                + "; the contact never sees this room.");
        out.accept(notice);
    }

    @Override
    public void consultationEnded(Consultation consultation, ConsultationEndReason reason) {
        String text = (reason.isRelease() ? "Your consultation request was released. " : "The consultation ended. ")
                + reason.text();
        Element ended = element(Wire.CONSULTATION_ENDED, consultation);
        ended.addAttribute("reason", reason.token());
        send(consultation.initiator(), text, ended);
        if (consultation.target() != null) {
            send(consultation.target(), text, ended.createCopy());
        }
    }

    private Element element(String name, Consultation consultation) {
        Element element = Protocol.element(name);
        element.addAttribute("consultation", consultation.id());
        element.addAttribute("interaction", consultation.interaction().id());
        return element;
    }

    private void send(String agent, String text, Element extension) {
        out.accept(message(agent, text, extension));
    }

    private Message message(String agent, String text, Element extension) {
        Message message = new Message();
        message.setFrom(addresses.service());
        message.setTo(sessions.address(agent));
        message.setBody(text);
        message.getElement().add(extension);
        return message;
    }
}
