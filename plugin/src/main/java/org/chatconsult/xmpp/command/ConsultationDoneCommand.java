package org.chatconsult.xmpp.command;

import java.util.function.Consumer;

import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.Directory;
import org.chatconsult.xmpp.CoreThread;
import org.xmpp.forms.DataForm;

/** Mark your part in a consultation done (live or ended), with a disposition code and a note. */
public final class ConsultationDoneCommand extends ChoiceCommand {
    public ConsultationDoneCommand(CoreThread core, Directory directory) {
        super(core, directory, "done", "Mark a consultation done", "Marked done.");
    }

    @Override
    void addFields(DataForm form, ContactCentre centre, String agent) {
        Forms.consultations(form, centre, centre.consultations().openFor(agent), agent);
        Forms.wrapUp(form, centre.settings());
    }

    @Override
    Consumer<ContactCentre> action(String agent, DataForm form) {
        String consultation = Forms.id(form, "consultation");
        Forms.WrapUp wrapUp = Forms.wrapUp(form);
        return centre -> centre.consultations().done(agent, consultation, wrapUp.disposition(), wrapUp.note());
    }
}
