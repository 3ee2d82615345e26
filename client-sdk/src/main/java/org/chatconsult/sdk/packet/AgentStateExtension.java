package org.chatconsult.sdk.packet;

import javax.xml.namespace.QName;

import org.chatconsult.protocol.Wire;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * An agent's state in presence. Sent by the agent with only a capacity; answered by the service with
 * readiness ({@code ready}, {@code not-ready}, {@code logged-out}), capacity and load.
 *
 * <pre>{@code
 * AgentStateExtension state = presence.getExtension(AgentStateExtension.class);
 * System.out.println(state.getReadiness() + " " + state.getLoad() + "/" + state.getCapacity());
 * }</pre>
 */
public final class AgentStateExtension implements ChatConsultElement {
    public static final String ELEMENT = Wire.AGENT;
    public static final QName QNAME = new QName(ChatConsult.NAMESPACE, ELEMENT);

    private final String readiness;
    private final Integer capacity;
    private final Integer load;

    public AgentStateExtension(String readiness, Integer capacity, Integer load) {
        this.readiness = readiness;
        this.capacity = capacity;
        this.load = load;
    }

    /** What an agent sends: only its capacity. */
    public static AgentStateExtension capacity(int capacity) {
        return new AgentStateExtension(null, capacity, null);
    }

    public String getReadiness() {
        return readiness;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public Integer getLoad() {
        return load;
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        return new XmlStringBuilder(this, enclosing).optAttribute("readiness", readiness)
                .optAttribute("capacity", capacity == null ? null : capacity.toString())
                .optAttribute("load", load == null ? null : load.toString()).closeEmptyElement();
    }
}
