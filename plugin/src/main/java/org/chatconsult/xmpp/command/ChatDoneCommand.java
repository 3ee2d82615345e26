package org.chatconsult.xmpp.command;

import java.util.function.Consumer;

import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.Directory;
import org.chatconsult.xmpp.CoreThread;
import org.xmpp.forms.DataForm;

/**
 * Mark one of your chats done with a disposition and a note, as {@code <done interaction='…'/>} does: the chat
 * ends, and a repeat is refused with conflict.
 */
public final class ChatDoneCommand extends ChoiceCommand {
    public ChatDoneCommand(CoreThread core, Directory directory) {
        super(core, directory, "done-chat", "Mark a chat done", "Marked done; the chat has ended.");
    }

    @Override
    void addFields(DataForm form, ContactCentre centre, String agent) {
        form.addInstruction("Marking a chat done ends it.");
        Forms.chats(form, centre, agent);
        Forms.wrapUp(form, centre.settings());
    }

    @Override
    Consumer<ContactCentre> action(String agent, DataForm form) {
        String interaction = Forms.id(form, "interaction");
        Forms.WrapUp wrapUp = Forms.wrapUp(form);
        return centre -> centre.markDone(agent, interaction, wrapUp.disposition(), wrapUp.note());
    }
}
