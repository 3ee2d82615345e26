package org.chatconsult.xmpp.command;

import java.util.List;
import java.util.concurrent.CompletableFuture;

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
public final class EndChatCommand extends AgentCommand {
    private final CoreThread core;
    private final InteractionLog log;

    public EndChatCommand(CoreThread core, InteractionLog log, Directory directory) {
        super(directory);
        this.core = core;
        this.log = log;
    }

    @Override
    public String node() {
        return "end-chat";
    }

    @Override
    public String name() {
        return "End a chat";
    }

    @Override
    public CompletableFuture<Stage> start(String agent) {
        return core.ask(centre -> {
            DataForm form = Forms.form(name());
            Forms.chats(form, centre, agent);
            form.addField("reason", "Reason (kept on the chat's history)", FormField.Type.text_single);
            return Stage.fillIn(form);
        });
    }

    @Override
    public CompletableFuture<Stage> next(String agent, List<DataForm> answers) {
        DataForm form = answers.get(0);
        String id = Forms.id(form, "interaction");
        String reason = Fields.formValue(form, "reason", Limits.MAX_NOTE);
        return core.ask(centre -> {
            Interaction chat = centre.interaction(id).orElse(null);
            centre.endByAgent(agent, id);
            if (reason != null) {
                log.add(chat, "end-reason", agent, reason);
            }
            return Stage.done("The chat has ended.");
        });
    }
}
