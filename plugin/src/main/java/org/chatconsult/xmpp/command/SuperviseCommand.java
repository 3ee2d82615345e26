package org.chatconsult.xmpp.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.CoreException;
import org.chatconsult.core.Directory;
import org.chatconsult.core.Interaction;
import org.chatconsult.core.Supervision;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.edge.Fields;
import org.chatconsult.xmpp.edge.Limits;
import org.chatconsult.xmpp.handler.SupervisionHandler;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;

/**
 * Supervision from any client (XEP-0050): one form lists the live chats (agent, waiting time, duration) and what to
 * do with the chosen one: monitor it (with its consultations or without), whisper to its agent, barge in, or
 * leave. To anyone but a supervisor the command does not exist, as an unknown node does not.
 */
public final class SuperviseCommand extends GuardedCommand {
    static final List<String> ACTIONS = List.of("monitor", "monitor-all", "whisper", "barge", "leave");

    private final Addresses addresses;
    private final CoreThread core;
    private final Directory directory;
    private final SupervisionHandler supervisions;

    public SuperviseCommand(Addresses addresses, CoreThread core, Directory directory,
            SupervisionHandler supervisions) {
        super("supervise", "Supervise a chat", directory::isSupervisor, "supervisors");
        this.addresses = addresses;
        this.core = core;
        this.directory = directory;
        this.supervisions = supervisions;
    }

    @Override
    public boolean unknownToOthers() {
        return true;
    }

    @Override
    public CompletableFuture<Stage> start(String supervisor) {
        return core.ask(centre -> {
            DataForm form = Forms.form(name());
            FormField chat = Forms.choice(form, "interaction", "Chat");
            Instant now = Instant.now();
            centre.supervisions().chats(supervisor).stream().limit(Forms.MAX_OPTIONS)
                    .forEach(i -> chat.addOption(label(centre, i, now), i.id()));
            FormField action = Forms.choice(form, "action", "What to do");
            action.addOption("Monitor (the contact never sees you)", "monitor");
            action.addOption("Monitor, with its consultations", "monitor-all");
            action.addOption("Whisper to the agent (the contact never sees it)", "whisper");
            action.addOption("Barge in (the contact is told)", "barge");
            action.addOption("Leave", "leave");
            form.addField("text", "Whisper", FormField.Type.text_multi);
            return Stage.fillIn(form);
        });
    }

    @Override
    public CompletableFuture<Stage> next(String supervisor, List<DataForm> answers) {
        DataForm form = answers.get(0);
        String id = Forms.id(form, "interaction");
        String action = Fields.requiredFormValue(form, "action", Limits.MAX_ID);
        String text = Fields.formValue(form, "text", Limits.MAX_BODY);
        if (action.startsWith("monitor")) {
            return supervisions.monitor(supervisor, id, action.equals("monitor-all")).thenApply(s -> Stage.done(
                    "You are monitoring " + s.interaction().contactName() + "'s chat from "
                            + addresses.room(s.id()).toBareJID() + ": you are invited. The contact does not see you."));
        }
        return core.ask(centre -> switch (action) {
            case "whisper" -> {
                if (text == null) {
                    throw new CoreException(CoreException.Kind.BAD_REQUEST, "the field 'text' holds the whisper");
                }
                Supervision s = centre.supervisions().hersOf(supervisor, id);
                centre.supervisions().whisper(supervisor, s.id(), text, false);
                yield Stage.done("Whispered to " + directory.displayName(s.whisperedTo()) + ".");
            }
            case "barge" -> {
                Supervision s = centre.supervisions().barge(supervisor,
                        centre.supervisions().hersOf(supervisor, id).id());
                yield Stage.done("You are in " + s.interaction().contactName() + "'s chat: "
                        + addresses.room(id).toBareJID() + ". The contact was told.");
            }
            case "leave" -> {
                centre.supervisions().leave(supervisor, centre.supervisions().hersOf(supervisor, id).id());
                yield Stage.done("You no longer supervise the chat.");
            }
            default -> throw new CoreException(CoreException.Kind.NOT_ACCEPTABLE,
                    "the field 'action' takes one of " + ACTIONS);
        });
    }

    /** "Carol (Sales): I need help… · Alice · waited 1 min · 4 min". */
    private String label(ContactCentre centre, Interaction chat, Instant now) {
        String agent = chat.owner() == null ? "waiting" : centre.directory().displayName(chat.owner());
        Instant answered = supervisions.answered(chat).orElse(null);
        String waited = answered == null ? "" : " · waited " + minutes(Duration.between(chat.started(), answered));
        return Forms.label(chat) + " · " + agent + waited + " · " + minutes(Duration.between(chat.started(), now));
    }

    private static String minutes(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds < 120 ? seconds + " s" : seconds / 60 + " min";
    }
}
