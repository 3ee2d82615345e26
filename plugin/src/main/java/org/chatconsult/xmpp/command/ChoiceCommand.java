package org.chatconsult.xmpp.command;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.Directory;
import org.chatconsult.xmpp.CoreThread;
import org.xmpp.forms.DataForm;

/**
 * A command of one form that acts on one of the agent's chats or consultations: the form offers the choice (and
 * whatever else the command asks), and the filled-in form runs one action on the core thread.
 */
abstract class ChoiceCommand extends AgentCommand {
    private final CoreThread core;
    private final String doneNote;

    ChoiceCommand(CoreThread core, Directory directory, String node, String name, String doneNote) {
        super(directory, node, name);
        this.core = core;
        this.doneNote = doneNote;
    }

    @Override
    public final CompletableFuture<Stage> start(String agent) {
        return core.ask(centre -> {
            DataForm form = Forms.form(name());
            addFields(form, centre, agent);
            return Stage.fillIn(form);
        });
    }

    @Override
    public final CompletableFuture<Stage> next(String agent, List<DataForm> answers) {
        Consumer<ContactCentre> action = action(agent, answers.get(0));
        return core.ask(centre -> {
            action.accept(centre);
            return Stage.done(doneNote);
        });
    }

    /** The form's fields: the choice, and what else the command asks. */
    abstract void addFields(DataForm form, ContactCentre centre, String agent);

    /** The action the filled-in form asks for. Its fields are read (and refused) here, before the core runs it. */
    abstract Consumer<ContactCentre> action(String agent, DataForm form);
}
