package org.chatconsult.xmpp.command;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.CoreException;
import org.chatconsult.core.Directory;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.edge.Fields;
import org.chatconsult.xmpp.edge.Limits;
import org.chatconsult.xmpp.handler.DirectoryHandler;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;
import org.xmpp.packet.JID;

/**
 * The Team Communicator for clients without directory search (XEP-0055): search, then choose a target from
 * results that show its readiness and what to do: consult it about one of your chats, send it an IM, or keep it
 * among your favorites (or not). Three forms at most: the search, the target and action, what the action needs.
 */
public final class TeamCommunicatorCommand extends AgentCommand {
    private static final List<String> KINDS = List.of("agent", "routing-point", "group");
    /** The actions: their values and labels. */
    private static final List<Map.Entry<String, String>> ACTIONS = List.of(
            Map.entry("consult", "Consult about one of my chats"),
            Map.entry("im", "Send an IM"),
            Map.entry("add-favorite", "Add to my favorites"),
            Map.entry("remove-favorite", "Remove from my favorites"));

    private final CoreThread core;
    private final DirectoryHandler team;
    private final ConsultCommand consult;
    private final InstantMessages messages;

    public TeamCommunicatorCommand(CoreThread core, DirectoryHandler team, ConsultCommand consult, InstantMessages messages,
            Directory directory) {
        super(directory, "team-communicator", "Team Communicator");
        this.core = core;
        this.team = team;
        this.consult = consult;
        this.messages = messages;
    }

    @Override
    public CompletableFuture<Stage> start(String agent) {
        DataForm form = Forms.form(name());
        form.addInstruction("Find an agent, routing point or group.");
        form.addField("text", "Name or address contains", FormField.Type.text_single)
                .setDescription("Leave it empty for your favorites and recent targets.");
        return CompletableFuture.completedFuture(Stage.ask(form));
    }

    @Override
    public CompletableFuture<Stage> next(String agent, List<DataForm> answers) {
        if (answers.size() == 1) {
            String text = Fields.formValue(answers.get(0), "text", Limits.MAX_SEARCH);
            return core.ask(centre -> results(centre, agent, text));
        }
        DataForm choice = answers.get(1);
        String target = Fields.jid(choice, "target").toBareJID();
        String action = Fields.requiredFormValue(choice, "action", Limits.MAX_ID);
        if (answers.size() == 2) {
            return core.ask(centre -> act(centre, agent, target, action));
        }
        DataForm details = answers.get(2);
        if (action.equals("consult")) {
            return consult.consult(agent, Forms.id(details, "interaction"), new JID(target));
        }
        String text = Fields.requiredFormValue(details, "message", Limits.MAX_BODY);
        return core.ask(centre -> {
            messages.send(centre, agent, target, text);
            return Stage.done("Sent to " + centre.directory().displayName(target) + ". To go on talking, write to "
                    + target + ".");
        });
    }

    /** The second form: the targets found, each with its readiness, and the actions. */
    private Stage results(ContactCentre centre, String agent, String text) {
        List<DirectoryHandler.Entry> found = (text == null ? team.favoritesAndRecent(centre, agent)
                : team.find(centre, agent, text, KINDS, false)).stream()
                .filter(entry -> !entry.jid().equals(agent)).toList();
        if (found.isEmpty()) {
            return Stage.done(text == null ? "You have no favorites or recent targets yet: search by name."
                    : "No agent, routing point or group matches.");
        }
        DataForm form = Forms.form(name());
        if (found.size() > Forms.MAX_OPTIONS) {
            form.addInstruction("The first " + Forms.MAX_OPTIONS + " of " + found.size() + " are shown: narrow the search.");
        }
        FormField targets = Forms.choice(form, "target", "Target");
        for (DirectoryHandler.Entry entry : found.subList(0, Math.min(found.size(), Forms.MAX_OPTIONS))) {
            targets.addOption(Forms.label(entry) + (team.isFavorite(agent, entry.jid()) ? ", favorite" : ""),
                    entry.jid());
        }
        FormField action = Forms.choice(form, "action", "What to do");
        ACTIONS.forEach(option -> action.addOption(option.getValue(), option.getKey()));
        action.addValue("consult");
        return Stage.ask(form);
    }

    /** The chosen action: done at once, or the third form, with what it needs. */
    private Stage act(ContactCentre centre, String agent, String target, String action) {
        switch (action) {
            case "add-favorite", "remove-favorite" -> {
                team.favorite(centre, agent, target, action.equals("add-favorite"));
                return Stage.done(centre.directory().displayName(target) + (action.equals("add-favorite")
                        ? " is among your favorites." : " is no longer among your favorites."));
            }
            case "consult" -> {
                DataForm form = Forms.form(name());
                form.addInstruction("Which of your chats is the consultation about?");
                Forms.chats(form, centre, agent);
                return Stage.fillIn(form);
            }
            case "im" -> {
                if (centre.directory().agent(target).isEmpty()) {
                    throw new CoreException(CoreException.Kind.BAD_REQUEST,
                            "an IM goes to an agent: choose an agent in the field 'target'");
                }
                DataForm form = Forms.form(name());
                form.addField("message", "Message to " + centre.directory().displayName(target),
                        FormField.Type.text_multi).setRequired(true);
                return Stage.fillIn(form);
            }
            default -> throw new CoreException(CoreException.Kind.BAD_REQUEST, "the field 'action' takes one of its options");
        }
    }
}
