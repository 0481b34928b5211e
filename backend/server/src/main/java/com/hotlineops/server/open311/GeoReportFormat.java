package com.hotlineops.server.open311;

import java.io.StringWriter;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one GeoReport v2 answer, built once as a JSON tree, in the format the path asks for. JSON is the tree as it
 * is; XML follows the spec's layout: the root element names the collection ({@code services}, {@code service_requests},
 * {@code errors}, {@code service_definition}) and each array item is an element of the singular name
 * ({@code service}, {@code request}, {@code error}, {@code attribute}, {@code value}); a null is an empty element.
 */
enum GeoReportFormat {
    JSON(MediaType.APPLICATION_JSON),
    XML(new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8));

    private static final Map<String, String> ITEMS = Map.of("services", "service", "service_requests", "request",
            "errors", "error", "attributes", "attribute", "values", "value");

    private final MediaType mediaType;

    GeoReportFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** The format named by a path's extension, or an Open311 400. */
    static GeoReportFormat of(String extension) {
        return switch (extension == null ? "" : extension) {
            case "json" -> JSON;
            case "xml" -> XML;
            default -> throw new Open311Error(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "format must be json or xml, not " + extension);
        };
    }

    /** @param root the XML root element's name; JSON has none */
    String write(JsonMapper json, String root, JsonNode body) {
        if (this == JSON) {
            return json.writeValueAsString(body);
        }
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            element(xml, root, body);
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write GeoReport XML", e);
        }
    }

    private static void element(XMLStreamWriter xml, String name, JsonNode node) throws XMLStreamException {
        if (node == null || node.isNull()) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (node.isArray()) {
            String item = ITEMS.getOrDefault(name, "item");
            for (JsonNode child : node) {
                element(xml, item, child);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                element(xml, field.getKey(), field.getValue());
            }
        } else {
            xml.writeCharacters(node.asString());
        }
        xml.writeEndElement();
    }
}
