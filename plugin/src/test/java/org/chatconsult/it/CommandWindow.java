package org.chatconsult.it;

import java.util.ArrayList;
import java.util.List;

import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.AdHocCommandNote;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.ListSingleFormField;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jivesoftware.smackx.xdata.packet.DataForm;

/**
 * A client's window for one ad-hoc command (XEP-0050), as Gajim, Psi or Converse.js show it: the user picks the
 * command by its name, reads each field's label and each option's label (never a field's var or an option's
 * value), fills in, and presses Next or Finish. What the window shows is kept for the walkthrough's transcript.
 */
final class CommandWindow {
    private final RemoteCommand command;
    private final StockClient client;
    private FillableForm answer;

    private CommandWindow(RemoteCommand command, StockClient client) {
        this.command = command;
        this.client = client;
    }

    /** Opens the command the service lists under {@code name}: its first form, or its result. */
    static CommandWindow open(StockClient client, String name) throws Exception {
        AdHocCommandManager commands = AdHocCommandManager.getAddHocCommandsManager(client.party().connection());
        DiscoverItems listed = commands.discoverCommands(Party.jid(TestServer.SERVICE));
        DiscoverItems.Item item = listed.getItems().stream().filter(i -> name.equals(i.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no command \"" + name + "\" in the list; it offers "
                        + listed.getItems().stream().map(DiscoverItems.Item::getName).toList()));
        CommandWindow window = new CommandWindow(commands.getRemoteCommand(Party.jid(TestServer.SERVICE),
                item.getNode()), client);
        window.command.execute();
        window.show();
        return window;
    }

    /** Picks, in the list-single labelled {@code field}, the option whose label contains {@code option}. */
    CommandWindow choose(String field, String option) {
        ListSingleFormField list = (ListSingleFormField) field(field);
        String value = list.getOptions().stream().filter(o -> o.getLabel() != null && o.getLabel().contains(option))
                .findFirst().orElseThrow(() -> new AssertionError("no option \"" + option + "\" in \"" + field
                        + "\"; it offers " + list.getOptions().stream().map(o -> o.getLabel()).toList()))
                .getValueString();
        answer.setAnswer(list.getFieldName(), value);
        return this;
    }

    /** Types {@code text} into the field labelled {@code field}. */
    CommandWindow fill(String field, String text) {
        answer.setAnswer(field(field).getFieldName(), text);
        return this;
    }

    /** The labels of the options of the list-single labelled {@code field}. */
    List<String> options(String field) {
        return ((ListSingleFormField) field(field)).getOptions().stream().map(o -> o.getLabel()).toList();
    }

    CommandWindow next() throws Exception {
        command.next(answer);
        show();
        return this;
    }

    CommandWindow finish() throws Exception {
        command.complete(answer);
        show();
        return this;
    }

    boolean finished() {
        return command.isCompleted();
    }

    /** The notes the service gave with the last stage. */
    List<String> notes() {
        return command.getNotes().stream().map(AdHocCommandNote::getValue).toList();
    }

    private FormField field(String label) {
        DataForm form = command.getForm();
        return form.getFields().stream().filter(f -> f.getLabel() != null && f.getLabel().contains(label))
                .findFirst().orElseThrow(() -> new AssertionError("no field \"" + label + "\"; the form shows "
                        + form.getFields().stream().map(FormField::getLabel).toList()));
    }

    /** Puts on the client's screen what this stage shows: title, instructions, field labels and options, notes. */
    private void show() {
        List<String> shown = new ArrayList<>();
        DataForm form = command.getForm();
        if (form != null) {
            if (form.getTitle() != null) {
                shown.add("form: " + form.getTitle());
            }
            form.getInstructions().forEach(text -> shown.add("  " + text));
            for (FormField field : form.getFields()) {
                if (field.getType() == FormField.Type.hidden || field.getLabel() == null) {
                    continue;
                }
                String values = field instanceof ListSingleFormField
                        ? " " + ((ListSingleFormField) field).getOptions().stream().map(o -> o.getLabel()).toList()
                        : field.getValues().isEmpty() ? "" : " = " + String.join(", ", field.getValuesAsString());
                shown.add("  " + field.getLabel() + values);
            }
            answer = form.getType() == DataForm.Type.form ? new FillableForm(form) : null;
        }
        notes().forEach(note -> shown.add("note: " + note));
        client.showed(shown);
    }
}
