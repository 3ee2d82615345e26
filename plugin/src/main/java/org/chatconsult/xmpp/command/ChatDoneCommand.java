package org.chatconsult.xmpp.command;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.chatconsult.core.Directory;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.edge.Fields;
import org.chatconsult.xmpp.edge.Limits;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;

/**
 * Mark one of your chats done with a disposition and a note, as {@code <done interaction='…'/>} does: the chat
 * ends, and a repeat is refused with conflict.
 */
public final class ChatDoneCommand extends AgentCommand {
    private final CoreThread core;

    public ChatDoneCommand(CoreThread core, Directory directory) {
        super(directory);
        this.core = core;
    }

    @Override
    public String node() {
        return "done-chat";
    }

    @Override
    public String name() {
        return "Mark a chat done";
    }

    @Override
    public CompletableFuture<Stage> start(String agent) {
        return core.ask(centre -> {
            DataForm form = Forms.form(name());
            form.addInstruction("Marking a chat done ends it.");
            Forms.chats(form, centre, agent);
            Forms.disposition(form, centre.settings());
            form.addField("note", "Note", FormField.Type.text_multi);
            return Stage.fillIn(form);
        });
    }

    @Override
    public CompletableFuture<Stage> next(String agent, List<DataForm> answers) {
        DataForm form = answers.get(0);
        String interaction = Forms.id(form, "interaction");
        String disposition = Fields.formValue(form, "disposition", Limits.MAX_DISPOSITION);
        String note = Fields.formValue(form, "note", Limits.MAX_NOTE);
        return core.ask(centre -> {
            centre.markDone(agent, interaction, disposition, note);
            return Stage.done("Marked done; the chat has ended.");
        });
    }
}
