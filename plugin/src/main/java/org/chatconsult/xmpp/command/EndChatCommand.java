package org.chatconsult.xmpp.command;

import java.util.function.Consumer;

import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.Directory;
import org.chatconsult.core.Interaction;
import org.chatconsult.store.InteractionLog;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.edge.Fields;
import org.chatconsult.xmpp.edge.Limits;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;

/**
 * End one of your chats, as {@code <end/>} does (the same refusals: another's or an unknown chat, one already
 * ended), with an optional reason kept on the chat's history.
 */
public final class EndChatCommand extends ChoiceCommand {
    private final InteractionLog log;

    public EndChatCommand(CoreThread core, InteractionLog log, Directory directory) {
        super(core, directory, "end-chat", "End a chat", "The chat has ended.");
        this.log = log;
    }

    @Override
    void addFields(DataForm form, ContactCentre centre, String agent) {
        Forms.chats(form, centre, agent);
        form.addField("reason", "Reason (kept on the chat's history)", FormField.Type.text_single);
    }

    @Override
    Consumer<ContactCentre> action(String agent, DataForm form) {
        String id = Forms.id(form, "interaction");
        String reason = Fields.formValue(form, "reason", Limits.MAX_NOTE);
        return centre -> {
            Interaction chat = centre.interaction(id).orElse(null);
            centre.endByAgent(agent, id);
            if (reason != null) {
                log.add(chat, "end-reason", agent, reason);
            }
        };
    }
}
