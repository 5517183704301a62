package kg.guard;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.LabelEntry;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListenerAdapter;
import org.neo4j.logging.InternalLog;

/**
 * Checks every node and relationship a transaction creates or changes against the model's rules, as a
 * property existence/type constraint would on Enterprise: each touched entity once, in its state as it
 * would commit. `reject` fails the commit with a message naming each violation; `warn` logs them.
 */
public final class ModelGuard extends TransactionEventListenerAdapter<Void> {
    public enum Mode { REJECT, WARN, OFF }

    /** Violations spelled out per transaction; an import of bad rows would otherwise write one line per row. */
    private static final int MAX_REPORTED = 20;

    private final ModelRules rules;
    private final Mode mode;
    private final InternalLog log;

    public ModelGuard(ModelRules rules, Mode mode, InternalLog log) {
        this.rules = rules;
        this.mode = mode;
        this.log = log;
    }

    /** Thrown from beforeCommit; Neo4j rolls back and reports its message (TransactionHookFailed). */
    public static final class ModelGuardException extends RuntimeException {
        ModelGuardException(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public Void beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService database) {
        Set<Node> nodes = new HashSet<>();
        Set<Relationship> relationships = new HashSet<>();
        for (Node node : data.createdNodes()) nodes.add(node);
        for (PropertyEntry<Node> entry : data.assignedNodeProperties()) nodes.add(entry.entity());
        for (PropertyEntry<Node> entry : data.removedNodeProperties()) nodes.add(entry.entity());
        for (LabelEntry entry : data.assignedLabels()) nodes.add(entry.node());
        Set<Node> unlabelled = new HashSet<>();
        for (LabelEntry entry : data.removedLabels()) unlabelled.add(entry.node());
        nodes.addAll(unlabelled);
        for (Relationship rel : data.createdRelationships()) relationships.add(rel);
        for (PropertyEntry<Relationship> entry : data.assignedRelationshipProperties()) relationships.add(entry.entity());
        for (PropertyEntry<Relationship> entry : data.removedRelationshipProperties()) relationships.add(entry.entity());
        // A node that lost a label may no longer be a valid end of the relationships it already had.
        for (Node node : unlabelled) {
            if (!data.isDeleted(node)) node.getRelationships().forEach(relationships::add);
        }

        Violations violations = new Violations();
        for (Node node : nodes) {
            if (!data.isDeleted(node)) checkNode(node, violations);
        }
        for (Relationship rel : relationships) {
            // A relationship whose end is deleted fails the commit anyway, with Neo4j's own message.
            if (!data.isDeleted(rel) && !data.isDeleted(rel.getStartNode()) && !data.isDeleted(rel.getEndNode())) {
                checkRelationship(rel, violations);
            }
        }
        if (violations.count == 0) return null;

        if (mode == Mode.REJECT) {
            StringBuilder message = new StringBuilder("Model guard: the transaction breaks the model's rules")
                    .append(violations.count == 1 ? "" : " in " + violations.count + " places")
                    .append(" and was rolled back (MODEL_GUARD=reject).");
            for (String line : violations.lines) message.append('\n').append(line);
            if (violations.count > violations.lines.size()) {
                message.append("\n… and ").append(violations.count - violations.lines.size()).append(" more.");
            }
            throw new ModelGuardException(message.toString());
        }
        for (String line : violations.lines) log.warn("MODEL GUARD WARN " + line);
        if (violations.count > violations.lines.size()) {
            log.warn("MODEL GUARD WARN … and " + (violations.count - violations.lines.size()) + " more violations in this transaction");
        }
        return null;
    }

    private static final class Violations {
        final Set<String> lines = new LinkedHashSet<>();
        int count;

        /** `entity` names the node or relationship; it is only called for a violation (most checks pass). */
        void add(Supplier<String> entity, String rule, String problem, String fix) {
            String line = entity.get() + " breaks the model's rule \"" + rule + "\": " + problem + ". Fix: " + fix + ".";
            if (lines.contains(line)) return; // e.g. an id declared alike by two labels of one node
            count++;
            if (lines.size() < MAX_REPORTED) lines.add(line);
        }
    }

    private void checkNode(Node node, Violations violations) {
        List<String> modelLabels = new ArrayList<>(1);
        boolean shared = false;
        for (Label label : node.getLabels()) {
            String name = label.name();
            if (name.equals(rules.sharedLabel())) shared = true;
            else if (rules.node(name) != null) modelLabels.add(name);
        }
        if (modelLabels.isEmpty()) return;
        Supplier<String> entity = () -> describe(node);
        if (!shared) {
            violations.add(entity, "shared label",
                    a(modelLabels.get(0)) + " must also carry the label :" + rules.sharedLabel(),
                    "add it (SET n:" + rules.sharedLabel() + ")");
        }
        for (String label : modelLabels) {
            for (ModelRules.Property property : rules.node(label)) {
                checkProperty(node, label, property, entity, violations);
            }
        }
    }

    private void checkRelationship(Relationship rel, Violations violations) {
        ModelRules.Relationship rule = rules.relationship(rel.getType().name());
        if (rule == null) return;
        Node start = rel.getStartNode();
        Node end = rel.getEndNode();
        Supplier<String> entity = () -> describe(rel);
        boolean ends = is(start, rule.from()) && is(end, rule.to())
                || rule.undirected() && is(start, rule.to()) && is(end, rule.from());
        if (!ends) {
            String between = rule.undirected()
                    ? "connects " + a(rule.from()) + " and " + a(rule.to()) + " (either way round)"
                    : "goes from " + a(rule.from()) + " to " + a(rule.to());
            violations.add(entity, "relationship ends", rule.type() + " " + between,
                    "connect " + a(rule.from()) + " " + (rule.undirected() ? "and " : "to ") + a(rule.to()) + " with it");
        }
        for (ModelRules.Property property : rule.properties()) checkProperty(rel, rule.type(), property, entity, violations);
    }

    /** Whether a node has the label; the shared label stands for any label of the model, as in the rules file. */
    private boolean is(Node node, String label) {
        if (!label.equals(rules.sharedLabel())) return node.hasLabel(Label.label(label));
        for (Label own : node.getLabels()) {
            if (rules.node(own.name()) != null) return true;
        }
        return false;
    }

    private String a(String label) {
        if (label.equals(rules.sharedLabel())) return "any node of the model";
        return ("AEIOU".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label;
    }

    private static void checkProperty(Entity entity, String owner, ModelRules.Property property, Supplier<String> name, Violations violations) {
        Object value = entity.getProperty(property.name(), null);
        String key = property.name();
        if (value == null) {
            if (property.required()) {
                String fix = property.valueList() != null ? "one of " + list(property.valueList()) : aType(property.type());
                if (property.pattern() != null) fix += " that matches " + property.pattern().pattern() + example(property, entity.getProperty("name", null));
                violations.add(name, "required property", key + " is missing, which every " + owner + " needs", "set " + key + " to " + fix);
            }
            return;
        }
        if (!hasType(value, property.type())) {
            violations.add(name, "property type", key + " is " + literal(value) + ", " + aType(typeOf(value)) + ", not " + aType(property.type()),
                    "set " + key + " to " + aType(property.type()));
            return;
        }
        if (property.values() != null && !property.values().contains(value)) {
            violations.add(name, "allowed values", key + " is " + literal(value) + ", which " + owner + "." + key + " does not have",
                    "set " + key + " to one of " + list(property.valueList()));
            return;
        }
        if (property.pattern() != null && !property.pattern().matcher((String) value).matches()) {
            violations.add(name, "value pattern", key + " " + literal(value) + " does not match " + property.pattern().pattern(),
                    "set " + key + " to a value that matches it" + example(property, value));
        }
    }

    /** ", e.g. 'kebab-case'" from a text (the value, or the name for a missing id) when that matches the pattern. */
    private static String example(ModelRules.Property property, Object text) {
        if (!(text instanceof String string)) return "";
        String slug = string.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return property.pattern().matcher(slug).matches() ? ", e.g. " + literal(slug) : "";
    }

    private static boolean hasType(Object value, ModelRules.Type type) {
        return switch (type) {
            case STRING -> value instanceof String;
            case INTEGER -> isInteger(value);
            case FLOAT -> value instanceof Double || value instanceof Float || isInteger(value);
            case BOOLEAN -> value instanceof Boolean;
            // Neo4j stores an empty list with no element type of its own.
            case LIST_OF_STRING -> value instanceof String[] || value.getClass().isArray() && Array.getLength(value) == 0;
        };
    }

    private static boolean isInteger(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    private static String typeOf(Object value) {
        if (value.getClass().isArray()) {
            Class<?> item = value.getClass().getComponentType();
            if (item == String.class) return "LIST<STRING>";
            if (item == long.class || item == int.class || item == short.class || item == byte.class) return "LIST<INTEGER>";
            if (item == double.class || item == float.class) return "LIST<FLOAT>";
            if (item == boolean.class) return "LIST<BOOLEAN>";
            return "LIST";
        }
        if (value instanceof String) return "STRING";
        if (isInteger(value)) return "INTEGER";
        if (value instanceof Double || value instanceof Float) return "FLOAT";
        if (value instanceof Boolean) return "BOOLEAN";
        return value.getClass().getSimpleName();
    }

    private static String aType(ModelRules.Type type) {
        return aType(type == ModelRules.Type.LIST_OF_STRING ? "LIST<STRING>" : type.name());
    }

    private static String aType(String type) {
        return ("AEIOU".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }

    private static String list(List<String> values) {
        return values.stream().map(ModelGuard::literal).collect(Collectors.joining(", "));
    }

    /** A node as Cypher shows it: its labels (the shared one last) and its id, else its name, else its element id. */
    private String describe(Node node) {
        StringBuilder out = new StringBuilder("(");
        boolean shared = false;
        String sharedLabel = rules.sharedLabel();
        for (Label label : node.getLabels()) {
            if (label.name().equals(sharedLabel)) shared = true;
            else out.append(':').append(label.name());
        }
        if (shared) out.append(':').append(sharedLabel);
        Object id = node.getProperty("id", null);
        Object name = node.getProperty("name", null);
        if (id != null) out.append(" {id: ").append(literal(id)).append('}');
        else if (name != null) out.append(" {name: ").append(literal(name)).append('}');
        else out.append(" with elementId ").append(literal(node.getElementId()));
        return out.append(')').toString();
    }

    private String describe(Relationship rel) {
        return describe(rel.getStartNode()) + "-[:" + rel.getType().name() + "]->" + describe(rel.getEndNode());
    }

    private static String literal(Object value) {
        if (value instanceof String text) return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
        if (value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) items.add(literal(Array.get(value, i)));
            return "[" + String.join(", ", items) + "]";
        }
        return String.valueOf(value);
    }
}
