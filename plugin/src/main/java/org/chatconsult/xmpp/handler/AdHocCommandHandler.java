package org.chatconsult.xmpp.handler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.chatconsult.core.Consultation;
import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.Directory;
import org.chatconsult.core.Interaction;
import org.chatconsult.core.InteractionState;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.Ids;
import org.chatconsult.xmpp.StanzaErrors;
import org.chatconsult.xmpp.edge.Fields;
import org.chatconsult.xmpp.edge.Limits;
import org.dom4j.Element;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

/**
 * The consultation workflow as XEP-0050 ad-hoc commands, so an agent on Gajim, Converse.js or any client with
 * ad-hoc command support can consult with no custom UI: each command answers {@code execute} with a form
 * (XEP-0004) and {@code complete} (or a submitted form) by doing it. Stateless: a session is one form round.
 */
public final class AdHocCommandHandler {
    public static final String NS = "http://jabber.org/protocol/commands";

    /** XEP-0050 §3.4's actions. */
    private static final Set<String> ACTIONS = Set.of("execute", "complete", "next", "prev", "cancel");

    /** Node → name, in the order clients list them. */
    public static final Map<String, String> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("consult", "Start a chat consultation");
        COMMANDS.put("end-consultation", "End a consultation");
        COMMANDS.put("done", "Mark a consultation done");
    }

    private final Addresses addresses;
    private final CoreThread core;
    private final ConsultationCommandHandler consultations;
    private final StatisticsCommand statistics;
    private final Directory directory;

    public AdHocCommandHandler(Addresses addresses, CoreThread core, ConsultationCommandHandler consultations,
            StatisticsCommand statistics, Directory directory) {
        this.directory = directory;
        this.addresses = addresses;
        this.core = core;
        this.consultations = consultations;
        this.statistics = statistics;
    }

    /**
     * The command list for disco#items on the commands node (XEP-0050 §2.2): what the requester may run, so a
     * contact sees none of the agents' commands.
     */
    public void listCommands(Element query, String requester) {
        if (directory.agent(requester).isPresent()) {
            COMMANDS.forEach((node, name) -> item(query, node, name));
        }
        if (statistics.allows(requester)) {
            item(query, StatisticsCommand.NODE, StatisticsCommand.NAME);
        }
    }

    private void item(Element query, String node, String name) {
        query.addElement("item").addAttribute("jid", addresses.service().toString()).addAttribute("node", node)
                .addAttribute("name", name);
    }

    public CompletableFuture<IQ> handle(IQ iq) {
        Element command = iq.getChildElement();
        String node = Fields.attribute(command, "node", Limits.MAX_ID);
        String action = Objects.requireNonNullElse(Fields.attribute(command, "action", Limits.MAX_ID), "execute");
        String session = Fields.optionalId(command, "sessionid");
        String agent = iq.getFrom().toBareJID();
        if (iq.getType() != IQ.Type.set) {
            return refuse(iq, PacketError.Condition.bad_request, "commands are executed with type set");
        }
        if (!ACTIONS.contains(action)) {
            return refuse(iq, PacketError.Condition.bad_request, "the attribute 'action' is one of " + ACTIONS);
        }
        if (StatisticsCommand.NODE.equals(node)) {
            return statistics.report(agent).thenApply(form -> {
                IQ reply = answer(iq, node, session, "completed");
                reply.getChildElement().add(form.getElement());
                return reply;
            }).exceptionally(failure -> StanzaErrors.reply(iq, StanzaErrors.of(failure)));
        }
        if (node == null || !COMMANDS.containsKey(node)) {
            return refuse(iq, PacketError.Condition.item_not_found, "no such command here");
        }
        if (directory.agent(agent).isEmpty()) {
            return refuse(iq, PacketError.Condition.forbidden, "only the service's agents may run this command");
        }
        if (action.equals("cancel")) {
            return CompletableFuture.completedFuture(answer(iq, node, session, "canceled"));
        }
        Element submitted = command.element(org.dom4j.QName.get("x", "jabber:x:data"));
        if (submitted == null) {
            if (session != null || !action.equals("execute")) {
                // XEP-0050 §4.4: a later stage of the session carries the form back.
                return refuse(iq, PacketError.Condition.bad_request, "this stage of the command needs its form");
            }
            return core.ask(centre -> formStage(iq, centre, node, agent))
                    .exceptionally(failure -> StanzaErrors.reply(iq, StanzaErrors.of(failure)));
        }
        DataForm form = new DataForm(submitted);
        return complete(agent, node, form)
                .thenApply(note -> {
                    IQ reply = answer(iq, node, session, "completed");
                    reply.getChildElement().addElement("note").addAttribute("type", "info").setText(note);
                    return reply;
                })
                .exceptionally(failure -> StanzaErrors.reply(iq, StanzaErrors.of(failure)));
    }

    /** First stage: the form, with the agent's own chats or consultations to choose from. */
    private IQ formStage(IQ iq, ContactCentre centre, String node, String agent) {
        DataForm form = new DataForm(DataForm.Type.form);
        form.setTitle(COMMANDS.get(node));
        switch (node) {
            case "consult": {
                form.addInstruction("Choose one of your chats, and the agent or routing point to consult.");
                FormField chat = listField(form, "interaction", "Chat");
                for (Interaction interaction : centre.interactions()) {
                    if (agent.equals(interaction.owner()) && interaction.state() == InteractionState.ACTIVE) {
                        chat.addOption(interaction.contactName() + " via " + interaction.routingPoint().displayName(),
                                interaction.id());
                    }
                }
                FormField target = form.addField("target", "Agent or routing point address", FormField.Type.jid_single);
                target.setRequired(true);
                break;
            }
            case "end-consultation":
            case "done": {
                FormField choice = listField(form, "consultation", "Consultation");
                for (Consultation consultation : mine(centre, agent, node.equals("done"))) {
                    String other = consultation.otherParty(agent);
                    choice.addOption("About " + consultation.interaction().contactName() + ", with "
                            + (other == null ? consultation.requestedTarget() : other), consultation.id());
                }
                if (node.equals("done")) {
                    form.addField("disposition", "Disposition code", FormField.Type.text_single);
                    form.addField("note", "Note", FormField.Type.text_multi);
                }
                break;
            }
            default:
                throw new IllegalStateException(node);
        }
        IQ reply = answer(iq, node, Ids.next(), "executing");
        Element actions = reply.getChildElement().addElement("actions").addAttribute("execute", "complete");
        actions.addElement("complete");
        reply.getChildElement().add(form.getElement());
        return reply;
    }

    private CompletableFuture<String> complete(String agent, String node, DataForm form) {
        switch (node) {
            case "consult":
                return consultations.start(agent, id(form, "interaction"), Fields.jid(form, "target"))
                        .thenApply(consultation -> "Consultation started. Join "
                                + addresses.room(consultation.id()).toBareJID() + " to talk with the target.");
            case "end-consultation":
                return core.ask(centre -> {
                    centre.consultations().end(agent, id(form, "consultation"));
                    return "The consultation has ended.";
                });
            default:
                String consultation = id(form, "consultation");
                String disposition = Fields.formValue(form, "disposition", Limits.MAX_DISPOSITION);
                String note = Fields.formValue(form, "note", Limits.MAX_NOTE);
                return core.ask(centre -> {
                    centre.consultations().done(agent, consultation, disposition, note);
                    return "Marked done.";
                });
        }
    }

    private static List<Consultation> mine(ContactCentre centre, String agent, boolean includingEnded) {
        return includingEnded ? centre.consultations().openFor(agent)
                : centre.consultations().live().stream().filter(c -> c.isMember(agent)).toList();
    }

    private static FormField listField(DataForm form, String var, String label) {
        FormField field = form.addField(var, label, FormField.Type.list_single);
        field.setRequired(true);
        return field;
    }

    private static String id(DataForm form, String var) {
        return Fields.requiredFormValue(form, var, Limits.MAX_ID);
    }

    private IQ answer(IQ iq, String node, String session, String status) {
        IQ reply = IQ.createResultIQ(iq);
        Element command = reply.setChildElement("command", NS);
        command.addAttribute("node", node);
        command.addAttribute("sessionid", session == null ? Ids.next() : session);
        command.addAttribute("status", status);
        return reply;
    }

    private static CompletableFuture<IQ> refuse(IQ iq, PacketError.Condition condition, String text) {
        return CompletableFuture.completedFuture(StanzaErrors.reply(iq, StanzaErrors.error(condition, text)));
    }
}
