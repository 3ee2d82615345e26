package org.chatconsult.xmpp.command;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.chatconsult.core.CoreException;
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
 * support can work with no custom UI: the list on disco#items (§2.2), each {@code execute} answered with a form
 * (XEP-0004) or a result, and a command of several forms run as a session (§4): each submitted form (next,
 * complete, or the default execute) answered with the next form or the result, prev going back a form, cancel
 * ending it.
 */
public final class AdHocCommands {
    public static final String NS = "http://jabber.org/protocol/commands";

    /** XEP-0050 §3.4's actions. */
    private static final Set<String> ACTIONS = Set.of("execute", "complete", "next", "prev", "cancel");

    private final Addresses addresses;
    private final CommandSessions sessions;
    private final Map<String, AdHocCommand> byNode = new LinkedHashMap<>();

    /** {@code commands} in the order clients list them. */
    public AdHocCommands(Addresses addresses, Clock clock, List<AdHocCommand> commands) {
        this.addresses = addresses;
        this.sessions = new CommandSessions(clock);
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
        String sessionId = Fields.optionalId(request, "sessionid");
        String requester = iq.getFrom().toBareJID();
        if (!ACTIONS.contains(action)) {
            return refuse(iq, PacketError.Condition.bad_request, "the attribute 'action' is one of " + ACTIONS);
        }
        AdHocCommand command = node == null ? null : byNode.get(node);
        if (command == null || command.unknownToOthers() && !command.allows(requester)) {
            return refuse(iq, PacketError.Condition.item_not_found, "no such command here");
        }
        if (!command.allows(requester)) {
            return refuse(iq, PacketError.Condition.forbidden, command.whoMay());
        }
        if (sessionId == null) {
            if (action.equals("cancel")) {
                return CompletableFuture.completedFuture(reply(iq, node, Ids.next(), "canceled"));
            }
            return command.start(requester).thenApply(first -> first.completed()
                    ? reply(iq, node, Ids.next(), first, 0)
                    : reply(iq, node, sessions.open(iq.getFrom(), node, first.form()).id(), first, 0));
        }
        CommandSessions.Session session = sessions.find(sessionId, iq.getFrom(), node);
        if (session == null) {
            return CompletableFuture.completedFuture(badSession(iq));
        }
        return switch (action) {
            case "cancel" -> {
                sessions.close(sessionId);
                yield CompletableFuture.completedFuture(reply(iq, node, sessionId, "canceled"));
            }
            case "prev" -> previous(iq, session);
            default -> submit(iq, command, session, request.element(QName.get("x", "jabber:x:data")));
        };
    }

    /** The current form filled in: checked against what it offered, then the command's next stage. */
    private CompletableFuture<IQ> submit(IQ iq, AdHocCommand command, CommandSessions.Session session,
            Element submitted) {
        if (submitted == null) {
            // XEP-0050 §4.4: a later stage of the session carries the form back.
            return refuse(iq, PacketError.Condition.bad_request, "this stage of the command needs its form");
        }
        DataForm answer = new DataForm(submitted.createCopy());
        try {
            Fields.offered(session.current(), answer);
        } catch (CoreException refusal) {
            return CompletableFuture.completedFuture(StanzaErrors.reply(iq, StanzaErrors.of(refusal)));
        }
        String requester = iq.getFrom().toBareJID();
        return command.next(requester, session.answersWith(answer)).thenApply(next -> {
            if (next.completed()) {
                sessions.close(session.id());
            } else {
                sessions.update(session.answered(answer, next.form(), sessions.now()));
            }
            return reply(iq, session.node(), session.id(), next, session.answers().size() + 1);
        });
    }

    /** XEP-0050 §4.3: prev sends the previous form again; there is none before the first. */
    private CompletableFuture<IQ> previous(IQ iq, CommandSessions.Session session) {
        if (session.answers().isEmpty()) {
            PacketError error = StanzaErrors.error(PacketError.Condition.bad_request, "this is the command's first form");
            error.setApplicationCondition("bad-action", NS);
            return CompletableFuture.completedFuture(StanzaErrors.reply(iq, error));
        }
        CommandSessions.Session back = session.back(sessions.now());
        sessions.update(back);
        return CompletableFuture.completedFuture(reply(iq, session.node(), session.id(),
                AdHocCommand.Stage.ask(back.current()), back.answers().size()));
    }

    /** XEP-0050 §4.4: bad-request with bad-sessionid, for an id never given, another's, or forgotten. */
    private static IQ badSession(IQ iq) {
        PacketError error = StanzaErrors.error(PacketError.Condition.bad_request,
                "no such session of this command: it ended or was idle too long; execute the command again");
        error.setApplicationCondition("bad-sessionid", NS);
        return StanzaErrors.reply(iq, error);
    }

    /** The answer to a stage: {@code index} counts the forms answered before this one. */
    private static IQ reply(IQ iq, String node, String session, AdHocCommand.Stage stage, int index) {
        IQ reply = reply(iq, node, session, stage.completed() ? "completed" : "executing");
        Element command = reply.getChildElement();
        if (!stage.completed()) {
            String forward = stage.last() ? "complete" : "next";
            Element actions = command.addElement("actions").addAttribute("execute", forward);
            if (index > 0) {
                actions.addElement("prev");
            }
            actions.addElement(forward);
        }
        if (stage.note() != null) {
            command.addElement("note").addAttribute("type", "info").setText(stage.note());
        }
        if (stage.form() != null) {
            command.add(stage.form().getElement().createCopy());
        }
        return reply;
    }

    private static IQ reply(IQ iq, String node, String session, String status) {
        IQ reply = IQ.createResultIQ(iq);
        Element command = reply.setChildElement("command", NS);
        command.addAttribute("node", node);
        command.addAttribute("sessionid", session);
        command.addAttribute("status", status);
        return reply;
    }

    private static CompletableFuture<IQ> refuse(IQ iq, PacketError.Condition condition, String text) {
        return CompletableFuture.completedFuture(StanzaErrors.reply(iq, StanzaErrors.error(condition, text)));
    }
}
