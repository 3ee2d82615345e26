package org.chatconsult.xmpp.command;

import java.util.function.Consumer;

import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.Directory;
import org.chatconsult.xmpp.CoreThread;
import org.xmpp.forms.DataForm;

/** End one of your live consultations. */
public final class EndConsultationCommand extends ChoiceCommand {
    public EndConsultationCommand(CoreThread core, Directory directory) {
        super(core, directory, "end-consultation", "End a consultation", "The consultation has ended.");
    }

    @Override
    void addFields(DataForm form, ContactCentre centre, String agent) {
        Forms.consultations(form, centre, Forms.liveConsultationsOf(centre, agent), agent);
    }

    @Override
    Consumer<ContactCentre> action(String agent, DataForm form) {
        String consultation = Forms.id(form, "consultation");
        return centre -> centre.consultations().end(agent, consultation);
    }
}
