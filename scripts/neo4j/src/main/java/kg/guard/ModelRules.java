package kg.guard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The model's rules as `npm run schema` writes them (cypher/schema/model-rules.json, from
 * src/model/model-rules.ts), read once and indexed by label and relationship type for the guard.
 */
public final class ModelRules {
    public enum Type { STRING, INTEGER, FLOAT, BOOLEAN, LIST_OF_STRING }

    /** One declared property, with its enum values and pattern ready to test. */
    public record Property(String name, Type type, boolean required, Set<String> values, List<String> valueList, Pattern pattern) {}

    public record Relationship(String type, String from, String to, boolean undirected, List<Property> properties) {}

    // The file's shape (unknown fields are ignored, so the TS side may add some).
    private record PropertyJson(String name, String type, boolean required, List<String> values, String pattern) {}
    private record NodeJson(String label, List<PropertyJson> properties) {}
    private record RelationshipJson(String type, String from, String to, boolean undirected, List<PropertyJson> properties) {}
    private record FileJson(String sharedLabel, List<NodeJson> nodes, List<RelationshipJson> relationships) {}

    private final String sharedLabel;
    private final Map<String, List<Property>> nodes;
    private final Map<String, Relationship> relationships;

    private ModelRules(String sharedLabel, Map<String, List<Property>> nodes, Map<String, Relationship> relationships) {
        this.sharedLabel = sharedLabel;
        this.nodes = nodes;
        this.relationships = relationships;
    }

    /** Reads and checks the file; any problem is an IllegalArgumentException naming the file. */
    public static ModelRules load(Path file) {
        FileJson json;
        try {
            json = new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(Files.readAllBytes(file), FileJson.class);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("MODEL_RULES file " + file + " does not exist (npm run schema writes it)");
        } catch (IOException e) {
            throw new IllegalArgumentException("MODEL_RULES file " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        try {
            return of(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MODEL_RULES file " + file + ": " + e.getMessage(), e);
        }
    }

    private static ModelRules of(FileJson json) {
        if (json == null || blank(json.sharedLabel()) || json.nodes() == null || json.relationships() == null) {
            throw new IllegalArgumentException("sharedLabel, nodes and relationships are required");
        }
        Map<String, List<Property>> nodes = new HashMap<>();
        for (NodeJson node : json.nodes()) {
            if (blank(node.label())) throw new IllegalArgumentException("a node rule has no label");
            nodes.put(node.label(), properties(node.label(), node.properties()));
        }
        Map<String, Relationship> relationships = new HashMap<>();
        for (RelationshipJson rel : json.relationships()) {
            if (blank(rel.type()) || blank(rel.from()) || blank(rel.to())) {
                throw new IllegalArgumentException("a relationship rule lacks type, from or to");
            }
            for (String end : List.of(rel.from(), rel.to())) {
                if (!end.equals(json.sharedLabel()) && !nodes.containsKey(end)) {
                    throw new IllegalArgumentException("relationship " + rel.type() + " names the unknown label " + end);
                }
            }
            relationships.put(rel.type(),
                    new Relationship(rel.type(), rel.from(), rel.to(), rel.undirected(), properties(rel.type(), rel.properties())));
        }
        return new ModelRules(json.sharedLabel(), nodes, relationships);
    }

    private static List<Property> properties(String owner, List<PropertyJson> list) {
        if (list == null) return List.of();
        return list.stream().map(p -> {
            if (blank(p.name())) throw new IllegalArgumentException(owner + " has a property rule without a name");
            Type type = switch (String.valueOf(p.type())) {
                case "STRING" -> Type.STRING;
                case "INTEGER" -> Type.INTEGER;
                case "FLOAT" -> Type.FLOAT;
                case "BOOLEAN" -> Type.BOOLEAN;
                case "LIST<STRING>" -> Type.LIST_OF_STRING;
                default -> throw new IllegalArgumentException(owner + "." + p.name() + " has the unknown type " + p.type());
            };
            Pattern pattern;
            try {
                pattern = p.pattern() == null ? null : Pattern.compile(p.pattern());
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(owner + "." + p.name() + " has an invalid pattern: " + e.getMessage());
            }
            List<String> values = p.values() == null ? null : List.copyOf(p.values());
            return new Property(p.name(), type, p.required(), values == null ? null : new HashSet<>(values), values, pattern);
        }).toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String sharedLabel() {
        return sharedLabel;
    }

    /** The properties of a model label, or null when the label is not the model's. */
    public List<Property> node(String label) {
        return nodes.get(label);
    }

    /** The rule of a model relationship type, or null. */
    public Relationship relationship(String type) {
        return relationships.get(type);
    }

    public int nodeCount() {
        return nodes.size();
    }

    public int relationshipCount() {
        return relationships.size();
    }
}
