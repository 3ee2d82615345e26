package org.chatconsult.xmpp.command;

import java.util.List;

import org.chatconsult.core.Consultation;
import org.chatconsult.core.ContactCentre;
import org.chatconsult.xmpp.edge.Fields;
import org.chatconsult.xmpp.edge.Limits;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;

/** What the commands' forms (XEP-0004) have in common. */
final class Forms {
    private Forms() {
    }

    static DataForm form(String title) {
        DataForm form = new DataForm(DataForm.Type.form);
        form.setTitle(title);
        return form;
    }

    static FormField choice(DataForm form, String var, String label) {
        FormField field = form.addField(var, label, FormField.Type.list_single);
        field.setRequired(true);
        return field;
    }

    /** A list of the agent's consultations to choose one from. */
    static void consultations(DataForm form, List<Consultation> consultations, String agent) {
        FormField choice = choice(form, "consultation", "Consultation");
        for (Consultation consultation : consultations) {
            String other = consultation.otherParty(agent);
            choice.addOption("About " + consultation.interaction().contactName() + ", with "
                    + (other == null ? consultation.requestedTarget() : other), consultation.id());
        }
    }

    static List<Consultation> liveConsultationsOf(ContactCentre centre, String agent) {
        return centre.consultations().live().stream().filter(c -> c.isMember(agent)).toList();
    }

    static String id(DataForm form, String var) {
        return Fields.requiredFormValue(form, var, Limits.MAX_ID);
    }
}
