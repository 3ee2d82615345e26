package org.chatconsult.xmpp.edge;

import java.util.List;

import org.chatconsult.core.CoreException;
import org.dom4j.Element;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;
import org.xmpp.packet.JID;

/**
 * Reads the fields of our requests within their {@link Limits}: a missing required field is a bad-request, an
 * overlong one not-acceptable, an address that does not parse jid-malformed; each refusal names the field and
 * never repeats its value.
 */
public final class Fields {
    private Fields() {
    }

    /** A required identifier attribute of {@code command}. */
    public static String id(Element command, String attribute) {
        String value = optionalId(command, attribute);
        if (value == null) {
            throw missing(command.getName() + " needs " + Names.attribute(attribute));
        }
        return value;
    }

    /** An identifier attribute that may be absent (null); refused when too long for any id of ours. */
    public static String optionalId(Element command, String attribute) {
        return text(Names.attribute(attribute), command.attributeValue(attribute), Limits.MAX_ID);
    }

    /** An optional text attribute of {@code command} within {@code max} characters (null when absent or blank). */
    public static String attribute(Element command, String attribute, int max) {
        return text(Names.attribute(attribute), command.attributeValue(attribute), max);
    }

    /** A trimmed text within {@code max} characters, null when absent or blank; {@code what} names the field. */
    public static String text(String what, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new CoreException(CoreException.Kind.NOT_ACCEPTABLE, what + " is longer than " + max
                    + " characters");
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** A required address attribute of {@code command}. */
    public static JID jid(Element command, String attribute) {
        return jid(Names.attribute(attribute), command.attributeValue(attribute));
    }

    /** A required address field of a submitted form. */
    public static JID jid(DataForm form, String var) {
        return jid("the field " + Names.field(var), requiredFormValue(form, var, Limits.MAX_JID));
    }

    /** An address (RFC 7622), checked for length before anything parses it. */
    private static JID jid(String what, String value) {
        String text = text(what, value, Limits.MAX_JID);
        if (text == null) {
            throw missing(what + " needs an address");
        }
        try {
            return new JID(text);
        } catch (IllegalArgumentException e) {
            throw new CoreException(CoreException.Kind.JID_MALFORMED, what + " is not an XMPP address");
        }
    }

    /** The submitted value of a form field (XEP-0004 §3.3: several values of text-multi joined by lines). */
    public static String formValue(DataForm form, String var, int max) {
        FormField field = form == null ? null : form.getField(var);
        if (field == null || field.getValues().isEmpty()) {
            return null;
        }
        return text("the field " + Names.field(var), String.join("\n", field.getValues()), max);
    }

    /** A form field the command cannot do without. */
    public static String requiredFormValue(DataForm form, String var, int max) {
        String value = formValue(form, var, max);
        if (value == null) {
            throw missing("the form needs the field " + Names.field(var));
        }
        return value;
    }

    /**
     * Refuses a submitted value of a list field that the offered form did not offer (XEP-0004 §3.3: a list-single
     * or list-multi takes its options), naming the field.
     */
    public static void offered(DataForm offered, DataForm submitted) {
        for (FormField field : offered.getFields()) {
            if (field.getType() != FormField.Type.list_single && field.getType() != FormField.Type.list_multi) {
                continue;
            }
            FormField answer = submitted.getField(field.getVariable());
            if (answer == null) {
                continue;
            }
            List<String> options = field.getOptions().stream().map(FormField.Option::getValue).toList();
            List<String> chosen = answer.getValues().stream().filter(value -> !value.isBlank()).toList();
            boolean oneAtMost = field.getType() == FormField.Type.list_multi || chosen.size() <= 1;
            if (!oneAtMost || !options.containsAll(chosen)) {
                throw new CoreException(CoreException.Kind.NOT_ACCEPTABLE, "the field " + Names.field(field.getVariable())
                        + " takes one of the options the form offered");
            }
        }
    }

    private static CoreException missing(String text) {
        return new CoreException(CoreException.Kind.BAD_REQUEST, text);
    }
}
