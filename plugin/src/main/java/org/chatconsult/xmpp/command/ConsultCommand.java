package org.chatconsult.xmpp.command;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.chatconsult.core.Directory;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.edge.Fields;
import org.chatconsult.xmpp.edge.Limits;
import org.chatconsult.xmpp.handler.ConsultationCommandHandler;
import org.chatconsult.xmpp.handler.DirectoryHandler;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;
import org.xmpp.packet.JID;

/**
 * Start a consultation: choose one of your active chats, and a Ready agent, routing point or group from the list,
 * or type any target's address.
 */
public final class ConsultCommand extends AgentCommand {
    private static final List<String> TARGET_KINDS = List.of("agent", "routing-point", "group");

    private final Addresses addresses;
    private final CoreThread core;
    private final ConsultationCommandHandler consultations;
    private final DirectoryHandler team;

    public ConsultCommand(Addresses addresses, CoreThread core, ConsultationCommandHandler consultations,
            DirectoryHandler team, Directory directory) {
        super(directory, "consult", "Start a chat consultation");
        this.addresses = addresses;
        this.core = core;
        this.consultations = consultations;
        this.team = team;
    }

    @Override
    public CompletableFuture<Stage> start(String agent) {
        return core.ask(centre -> {
            DataForm form = Forms.form(name());
            form.addInstruction("Choose one of your chats, and whom to consult.");
            Forms.chats(form, centre, agent);
            FormField target = form.addField("target", "Ready agent, routing point or group",
                    FormField.Type.list_single);
            team.find(centre, agent, "", TARGET_KINDS, true).stream()
                    .filter(entry -> !entry.jid().equals(agent))
                    .limit(Forms.MAX_OPTIONS)
                    .forEach(entry -> target.addOption(Forms.label(entry), entry.jid()));
            form.addField("address", "Or another target's address", FormField.Type.jid_single)
                    .setDescription("An address typed here is consulted instead of the choice above.");
            return Stage.fillIn(form);
        });
    }

    @Override
    public CompletableFuture<Stage> next(String agent, List<DataForm> answers) {
        DataForm form = answers.get(0);
        String interaction = Forms.id(form, "interaction");
        JID target = Fields.formValue(form, "address", Limits.MAX_JID) != null ? Fields.jid(form, "address")
                : Fields.jid(form, "target");
        return consult(agent, interaction, target);
    }

    /** Consults {@code target} about the chat; completes once the consultation's room is ready. */
    CompletableFuture<Stage> consult(String agent, String interaction, JID target) {
        return consultations.start(agent, interaction, target)
                .thenApply(consultation -> Stage.done("Consultation started. Join "
                        + addresses.room(consultation.id()).toBareJID() + " to talk with the target."));
    }
}
