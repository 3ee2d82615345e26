package org.chatconsult.xmpp.feature;

import java.time.Duration;
import java.util.function.Consumer;

import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.Interaction;
import org.chatconsult.protocol.EndReason;
import org.chatconsult.protocol.Wire;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.Protocol;
import org.dom4j.Element;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * What the routing point tells the contact 1:1, whatever client it uses: a welcome (and welcome back), its place
 * in the queue as it changes with the expected wait ({@link QueueWaits}), and why the chat ended. Each notice is
 * readable text plus an element for programs.
 */
public final class ContactNotices implements ContactCentreListener {
    private final Addresses addresses;
    private final Consumer<Packet> out;
    private final QueueWaits waits;
    private final ResumeTokens tokens;

    public ContactNotices(Addresses addresses, Consumer<Packet> out, QueueWaits waits, ResumeTokens tokens) {
        this.addresses = addresses;
        this.out = out;
        this.waits = waits;
        this.tokens = tokens;
    }

    /** The welcome carries what her client needs to take the chat up again from another address. */
    @Override
    public void interactionCreated(Interaction interaction) {
        Element resume = Protocol.element(Wire.RESUME);
        resume.addAttribute("interaction", interaction.id());
        resume.addAttribute("token", tokens.tokenOf(interaction));
        send(interaction, "Thank you for contacting " + interaction.routingPoint().displayName()
                + ". An agent will be with you shortly. Send " + EndWord.WORD + " to finish the chat.", resume);
    }

    @Override
    public void contactRelinked(Interaction interaction, String previous) {
        send(interaction, "Welcome back.", null);
    }

    @Override
    public void queued(Interaction interaction, int position) {
        Element queue = Protocol.element(Wire.QUEUE);
        queue.addAttribute("interaction", interaction.id());
        queue.addAttribute("position", String.valueOf(position));
        Duration wait = waits.expected(interaction, position);
        queue.addAttribute("wait", String.valueOf(wait.toSeconds()));
        send(interaction, "All our agents are busy. You are number " + position + " in line. Expected wait: about "
                + inMinutes(wait) + " min.", queue);
    }

    /** A wait in whole minutes, rounded up, at least one: an estimate is no promise to the second. */
    static long inMinutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    @Override
    public void ended(Interaction interaction, EndReason reason) {
        Element ended = Protocol.element(Wire.ENDED);
        ended.addAttribute("interaction", interaction.id());
        ended.addAttribute("reason", reason.token());
        send(interaction, "This chat has ended. " + reason.text() + " Thank you for contacting "
                + interaction.routingPoint().displayName() + ".", ended);
    }

    private void send(Interaction interaction, String text, Element extension) {
        Message message = new Message();
        message.setType(Message.Type.chat);
        message.setFrom(addresses.routingPoint(interaction.routingPoint().name()));
        message.setTo(new JID(interaction.contact()));
        message.setBody(text);
        if (extension != null) {
            message.getElement().add(extension);
        }
        out.accept(message);
    }
}
