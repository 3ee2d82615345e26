package org.chatconsult.xmpp.command;

import java.util.concurrent.CompletableFuture;

import org.chatconsult.core.Directory;
import org.chatconsult.core.Interaction;
import org.chatconsult.core.InteractionState;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.edge.Fields;
import org.chatconsult.xmpp.handler.ConsultationCommandHandler;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;

/** Start a consultation: choose one of your active chats and the agent or routing point to consult. */
public final class ConsultCommand extends AgentCommand {
    private final Addresses addresses;
    private final CoreThread core;
    private final ConsultationCommandHandler consultations;

    public ConsultCommand(Addresses addresses, CoreThread core, ConsultationCommandHandler consultations,
            Directory directory) {
        super(directory);
        this.addresses = addresses;
        this.core = core;
        this.consultations = consultations;
    }

    @Override
    public String node() {
        return "consult";
    }

    @Override
    public String name() {
        return "Start a chat consultation";
    }

    @Override
    public CompletableFuture<Stage> start(String agent) {
        return core.ask(centre -> {
            DataForm form = Forms.form(name());
            form.addInstruction("Choose one of your chats, and the agent or routing point to consult.");
            FormField chat = Forms.choice(form, "interaction", "Chat");
            for (Interaction interaction : centre.interactions()) {
                if (agent.equals(interaction.owner()) && interaction.state() == InteractionState.ACTIVE) {
                    chat.addOption(interaction.contactName() + " via " + interaction.routingPoint().displayName(),
                            interaction.id());
                }
            }
            form.addField("target", "Agent or routing point address", FormField.Type.jid_single).setRequired(true);
            return Stage.fillIn(form);
        });
    }

    @Override
    public CompletableFuture<Stage> complete(String agent, DataForm form) {
        return consultations.start(agent, Forms.id(form, "interaction"), Fields.jid(form, "target"))
                .thenApply(consultation -> Stage.done("Consultation started. Join "
                        + addresses.room(consultation.id()).toBareJID() + " to talk with the target."));
    }
}
