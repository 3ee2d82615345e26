package org.chatconsult.xmpp.command;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.chatconsult.core.Directory;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.edge.Fields;
import org.chatconsult.xmpp.edge.Limits;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;

/** Mark your part in a consultation done (live or ended), with a disposition code and a note. */
public final class ConsultationDoneCommand extends AgentCommand {
    private final CoreThread core;

    public ConsultationDoneCommand(CoreThread core, Directory directory) {
        super(directory);
        this.core = core;
    }

    @Override
    public String node() {
        return "done";
    }

    @Override
    public String name() {
        return "Mark a consultation done";
    }

    @Override
    public CompletableFuture<Stage> start(String agent) {
        return core.ask(centre -> {
            DataForm form = Forms.form(name());
            Forms.consultations(form, centre, centre.consultations().openFor(agent), agent);
            Forms.disposition(form, centre.settings());
            form.addField("note", "Note", FormField.Type.text_multi);
            return Stage.fillIn(form);
        });
    }

    @Override
    public CompletableFuture<Stage> next(String agent, List<DataForm> answers) {
        DataForm form = answers.get(0);
        String consultation = Forms.id(form, "consultation");
        String disposition = Fields.formValue(form, "disposition", Limits.MAX_DISPOSITION);
        String note = Fields.formValue(form, "note", Limits.MAX_NOTE);
        return core.ask(centre -> {
            centre.consultations().done(agent, consultation, disposition, note);
            return Stage.done("Marked done.");
        });
    }
}
