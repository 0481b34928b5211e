package com.hotlineops.server.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GeoReport v2 JSON Schemas and XML fixtures of {@code shared/data/open311} (see its README): the schemas of
 * open311/schema-validation for services, service definitions and requests, its swagger definitions for the create
 * and token answers, and the codeforamerica/open311 XML fixtures for the element layout.
 */
final class GeoReportSchemas {

    private static final Path DIR = Path.of(System.getProperty("hotline.shared.dir", "../../../shared"), "data",
            "open311").toAbsolutePath().normalize();
    /** The schemas' relative {@code $ref}s resolve against this made-up base, served from the shared folder. */
    private static final String BASE = "https://schemas.open311.test/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
            b -> b.schemas(iri -> iri.startsWith(BASE)
                    ? read(DIR.resolve("open311-schema-validation").resolve(iri.substring(BASE.length()))) : null));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GeoReportSchemas() {
    }

    static Schema file(String name) {
        return REGISTRY.getSchema(SchemaLocation.of(BASE + name));
    }

    /** An array of one of swagger.json's definitions (RequestResponse, TokenResponse). */
    static Schema arrayOfSwaggerDefinition(String definition) {
        JsonNode swagger = JSON.readTree(read(DIR.resolve("open311-schema-validation/swagger.json")));
        ObjectNode schema = JSON.createObjectNode();
        schema.put("type", "array");
        schema.put("minItems", 1);
        schema.set("items", swagger.get("definitions").get(definition));
        return REGISTRY.getSchema(schema);
    }

    /** GeoReport v2 errors: {@code [{code, description}]}, the code being the HTTP status. */
    static Schema errors() {
        return REGISTRY.getSchema("""
                {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["code", "description"],
                  "properties": {"code": {"type": "integer"}, "description": {"type": "string"}}}}""");
    }

    static void assertValid(Schema schema, String body) {
        List<Error> errors = schema.validate(JSON.readTree(body));
        assertThat(errors).as("schema errors of %s", body).isEmpty();
    }

    static Document xml(String body) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + body, e);
        }
    }

    /** A fixture of the codeforamerica/open311 gem (the 403 one starts with a status line and is not used). */
    static Document fixture(String name) {
        return xml(read(DIR.resolve("codeforamerica-open311-ruby").resolve(name)).strip());
    }

    /** The names of an element's child elements, in order. */
    static List<String> childNames(Element e) {
        List<String> names = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                names.add(c.getTagName());
            }
        }
        return names;
    }

    static List<Element> children(Element e, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                found.add(c);
            }
        }
        return found;
    }

    static String text(Element parent, String child) {
        List<Element> c = children(parent, child);
        return c.isEmpty() ? null : c.getFirst().getTextContent();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
