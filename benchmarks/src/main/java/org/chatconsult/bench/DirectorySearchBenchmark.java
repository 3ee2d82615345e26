package org.chatconsult.bench;

import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.ContactCentreListener;
import org.chatconsult.core.Favorites;
import org.chatconsult.core.Readiness;
import org.chatconsult.core.Recents;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.CoreThread;
import org.chatconsult.xmpp.handler.DirectoryHandler;
import org.dom4j.Element;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;
import org.xmpp.packet.IQ;

/** Service CPU per Team Communicator search (XEP-0055) over N agents, the answer written out as XML. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DirectorySearchBenchmark {
    @Param({"10000"})
    int agents;

    @Param({"agent 42", ""})
    String text;

    private CoreThread core;
    private DirectoryHandler handler;
    private IQ request;

    @Setup(Level.Trial)
    public void setUp() {
        core = new CoreThread();
        ContactCentre centre = Fixtures.centre(Fixtures.directory(agents), new ContactCentreListener() { });
        for (int i = 0; i < agents; i += 2) {
            centre.setReadiness("agent" + i + "@example.com", Readiness.READY, OptionalInt.of(3));
        }
        core.bind(centre);
        handler = new DirectoryHandler(new Addresses("consult.example.com", "conference.example.com"), core,
                new Favorites(), new Recents());
        request = new IQ(IQ.Type.set);
        request.setFrom("agent0@example.com/desk");
        request.setTo("consult.example.com");
        Element query = request.setChildElement("query", DirectoryHandler.NS_SEARCH);
        DataForm form = new DataForm(DataForm.Type.submit);
        form.addField("text", null, FormField.Type.text_single).addValue(text);
        FormField kinds = form.addField("kind", null, FormField.Type.list_multi);
        kinds.addValue("agent");
        kinds.addValue("routing-point");
        query.add(form.getElement());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        core.close();
    }

    @Benchmark
    public String search() {
        return handler.search(request).join().toXML();
    }
}
