package org.chatconsult.xmpp.command;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.chatconsult.core.Directory;
import org.chatconsult.xmpp.CoreThread;
import org.xmpp.forms.DataForm;

/** End one of your live consultations. */
public final class EndConsultationCommand extends AgentCommand {
    private final CoreThread core;

    public EndConsultationCommand(CoreThread core, Directory directory) {
        super(directory);
        this.core = core;
    }

    @Override
    public String node() {
        return "end-consultation";
    }

    @Override
    public String name() {
        return "End a consultation";
    }

    @Override
    public CompletableFuture<Stage> start(String agent) {
        return core.ask(centre -> {
            DataForm form = Forms.form(name());
            Forms.consultations(form, centre, Forms.liveConsultationsOf(centre, agent), agent);
            return Stage.fillIn(form);
        });
    }

    @Override
    public CompletableFuture<Stage> next(String agent, List<DataForm> answers) {
        String consultation = Forms.id(answers.get(0), "consultation");
        return core.ask(centre -> {
            centre.consultations().end(agent, consultation);
            return Stage.done("The consultation has ended.");
        });
    }
}
