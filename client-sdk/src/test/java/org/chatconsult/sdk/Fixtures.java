package org.chatconsult.sdk;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The protocol's shared fixtures ({@code protocol/fixtures}, see its README.md): one stanza's XML and the JSON of
 * what a client reads from it, by name, in {@code received/} or {@code sent/}.
 */
final class Fixtures {
    /** Maven runs a module's tests in the module's directory. */
    static final Path ROOT = Path.of("..", "protocol", "fixtures");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*");

    private Fixtures() {
    }

    /** The fixtures' names in a folder, each with an XML and a JSON file. */
    static List<String> names(String folder) throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve(folder))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".xml"))
                    .map(name -> name.substring(0, name.length() - ".xml".length())).sorted()
                    .collect(Collectors.toList());
        }
    }

    static String xml(String folder, String name) throws IOException {
        return Files.readString(ROOT.resolve(folder).resolve(name + ".xml"), StandardCharsets.UTF_8);
    }

    static Map<String, Object> json(String folder, String name) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> value = JSON.readValue(ROOT.resolve(folder).resolve(name + ".json").toFile(), Map.class);
        return value;
    }

    static boolean exists(String folder, String name) {
        return Files.isRegularFile(ROOT.resolve(folder).resolve(name + ".xml"))
                && Files.isRegularFile(ROOT.resolve(folder).resolve(name + ".json"));
    }

    /** An XML document's root element, namespace-aware. */
    static Element parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed: " + xml, e);
        }
    }

    /**
     * A read value made comparable with another: every number as a long (JSON reads small ones as ints), every
     * date-time as its instant (the wire and Java write the same instant in different forms).
     */
    static Object comparable(Object value) {
        if (value instanceof Map) {
            Map<Object, Object> result = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((key, item) -> result.put(key, comparable(item)));
            return result;
        }
        if (value instanceof List) {
            List<Object> result = new ArrayList<>();
            ((List<?>) value).forEach(item -> result.add(comparable(item)));
            return result;
        }
        if (value instanceof Number) {
            return ((Number) value).longValue();
        }
        if (value instanceof String && DATE_TIME.matcher((String) value).matches()) {
            return OffsetDateTime.parse((String) value).toInstant();
        }
        return value;
    }
}
