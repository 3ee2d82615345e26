package org.chatconsult.xmpp.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.Ids;
import org.chatconsult.xmpp.StanzaErrors;
import org.chatconsult.xmpp.edge.Fields;
import org.chatconsult.xmpp.edge.Limits;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xmpp.forms.DataForm;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

/**
 * The service's ad-hoc commands (XEP-0050), so an agent on Gajim, Converse.js or any client with ad-hoc command
 * support can work with no custom UI: the list on disco#items (§2.2), and each {@code execute} answered with a
 * form (XEP-0004) or a result, each submitted form by doing it. Stateless: a session is one form round.
 */
public final class AdHocCommands {
    public static final String NS = "http://jabber.org/protocol/commands";

    /** XEP-0050 §3.4's actions. */
    private static final Set<String> ACTIONS = Set.of("execute", "complete", "next", "prev", "cancel");

    private final Addresses addresses;
    private final Map<String, AdHocCommand> byNode = new LinkedHashMap<>();

    /** {@code commands} in the order clients list them. */
    public AdHocCommands(Addresses addresses, List<AdHocCommand> commands) {
        this.addresses = addresses;
        commands.forEach(command -> byNode.put(command.node(), command));
    }

    /** The commands {@code requester} may run, for disco#items on the commands node: a contact sees none. */
    public void list(Element query, String requester) {
        for (AdHocCommand command : byNode.values()) {
            if (command.allows(requester)) {
                query.addElement("item").addAttribute("jid", addresses.service().toString())
                        .addAttribute("node", command.node()).addAttribute("name", command.name());
            }
        }
    }

    /** A {@code <command/>} set: one stage of one command. */
    public CompletableFuture<IQ> execute(IQ iq) {
        Element request = iq.getChildElement();
        String node = Fields.attribute(request, "node", Limits.MAX_ID);
        String action = Objects.requireNonNullElse(Fields.attribute(request, "action", Limits.MAX_ID), "execute");
        String session = Fields.optionalId(request, "sessionid");
        String requester = iq.getFrom().toBareJID();
        if (!ACTIONS.contains(action)) {
            return refuse(iq, PacketError.Condition.bad_request, "the attribute 'action' is one of " + ACTIONS);
        }
        AdHocCommand command = node == null ? null : byNode.get(node);
        if (command == null) {
            return refuse(iq, PacketError.Condition.item_not_found, "no such command here");
        }
        if (!command.allows(requester)) {
            return refuse(iq, PacketError.Condition.forbidden, command.whoMay());
        }
        if (action.equals("cancel") && !command.singleStage()) {
            return CompletableFuture.completedFuture(reply(iq, node, session, "canceled"));
        }
        Element submitted = request.element(QName.get("x", "jabber:x:data"));
        CompletableFuture<AdHocCommand.Stage> stage;
        if (submitted == null || command.singleStage()) {
            if (!command.singleStage() && (session != null || !action.equals("execute"))) {
                // XEP-0050 §4.4: a later stage of the session carries the form back.
                return refuse(iq, PacketError.Condition.bad_request, "this stage of the command needs its form");
            }
            stage = command.start(requester);
        } else {
            stage = command.complete(requester, new DataForm(submitted));
        }
        return stage.thenApply(next -> answer(iq, node, session, next))
                .exceptionally(failure -> StanzaErrors.reply(iq, StanzaErrors.of(failure)));
    }

    private IQ answer(IQ iq, String node, String session, AdHocCommand.Stage stage) {
        IQ reply = reply(iq, node, stage.completed() ? session : Ids.next(), stage.completed() ? "completed"
                : "executing");
        Element command = reply.getChildElement();
        if (!stage.completed()) {
            command.addElement("actions").addAttribute("execute", "complete").addElement("complete");
        }
        if (stage.note() != null) {
            command.addElement("note").addAttribute("type", "info").setText(stage.note());
        }
        if (stage.form() != null) {
            command.add(stage.form().getElement());
        }
        return reply;
    }

    private static IQ reply(IQ iq, String node, String session, String status) {
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
