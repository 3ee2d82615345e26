package org.chatconsult.xmpp.command;

import java.util.List;

import org.chatconsult.core.Consultation;
import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.Interaction;
import org.chatconsult.core.InteractionState;
import org.chatconsult.core.Settings;
import org.chatconsult.xmpp.edge.Fields;
import org.chatconsult.xmpp.edge.Limits;
import org.chatconsult.xmpp.handler.DirectoryHandler;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;

/**
 * What the commands' forms (XEP-0004) have in common: choices labelled in words a person reads (a stock client
 * shows the label of a list-single option, never its value), and the fields they read back.
 */
final class Forms {
    /** Characters of a chat's first line shown in its label. */
    private static final int FIRST_WORDS = 30;
    /** Options of one list, so a client's menu stays usable. */
    static final int MAX_OPTIONS = 100;

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

    /** A list of the active chats {@code agent} owns, to choose one from ({@code interaction}). */
    static void chats(DataForm form, ContactCentre centre, String agent) {
        FormField chat = choice(form, "interaction", "Chat");
        centre.interactions().stream()
                .filter(i -> agent.equals(i.owner()) && i.state() == InteractionState.ACTIVE)
                .limit(MAX_OPTIONS)
                .forEach(i -> chat.addOption(label(i), i.id()));
    }

    /** A chat as a person knows it: "Carol (Sales): I need help with my ord…". */
    static String label(Interaction interaction) {
        String who = interaction.contactName() + " (" + interaction.routingPoint().displayName() + ")";
        String first = interaction.firstMessage() == null ? "" : interaction.firstMessage().strip().replaceAll("\\s+", " ");
        if (first.isEmpty()) {
            return who;
        }
        return who + ": " + (first.length() > FIRST_WORDS ? first.substring(0, FIRST_WORDS) + "…" : first);
    }

    /** A list of the agent's consultations to choose one from ({@code consultation}). */
    static void consultations(DataForm form, ContactCentre centre, List<Consultation> consultations, String agent) {
        FormField choice = choice(form, "consultation", "Consultation");
        for (Consultation consultation : consultations.stream().limit(MAX_OPTIONS).toList()) {
            String other = consultation.otherParty(agent);
            choice.addOption(label(consultation.interaction()) + ", with "
                    + (other == null ? consultation.requestedTarget() : centre.directory().displayName(other)),
                    consultation.id());
        }
    }

    static List<Consultation> liveConsultationsOf(ContactCentre centre, String agent) {
        return centre.consultations().live().stream().filter(c -> c.isMember(agent)).toList();
    }

    /** How an agent closes its part: a disposition code and a note, both optional. */
    record WrapUp(String disposition, String note) {
    }

    /**
     * The wrap-up's fields: the disposition, a choice of the configured codes or any code when none are
     * configured, then the note.
     */
    static void wrapUp(DataForm form, Settings settings) {
        if (settings.dispositions().isEmpty()) {
            form.addField("disposition", "Disposition code", FormField.Type.text_single);
        } else {
            FormField codes = form.addField("disposition", "Disposition", FormField.Type.list_single);
            settings.dispositions().stream().sorted().forEach(code -> codes.addOption(code, code));
        }
        form.addField("note", "Note", FormField.Type.text_multi);
    }

    static WrapUp wrapUp(DataForm form) {
        return new WrapUp(Fields.formValue(form, "disposition", Limits.MAX_DISPOSITION),
                Fields.formValue(form, "note", Limits.MAX_NOTE));
    }

    /** A target as a person weighs it: "Dora — agent, Ready, 0 of 3 chats", "Support — routing point, 1 Ready". */
    static String label(DirectoryHandler.Entry target) {
        String readiness = switch (target.readiness()) {
            case "ready" -> "Ready";
            case "not-ready" -> "Not Ready";
            default -> "logged out";
        };
        String what = target.kind().equals("agent")
                ? "agent, " + readiness + (target.capacity() > 0
                        ? ", " + target.load() + " of " + target.capacity() + " chats" : "")
                : target.kind().replace('-', ' ') + ", " + target.readyAgents() + " Ready";
        return target.name() + " — " + what;
    }

    static String id(DataForm form, String var) {
        return Fields.requiredFormValue(form, var, Limits.MAX_ID);
    }
}
