package kg.changes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.LabelEntry;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListenerAdapter;

import kg.guard.ModelRules;

/**
 * Writes, inside each committing transaction that changes the model's nodes or relationships, one change-log
 * entry describing it, so that the API can tell `graphChanged` subscribers about every writer's changes
 * (cypher-shell, seeds, imports, the API itself) in commit order, and resume from any entry after a disconnect or
 * a crash: the entry commits, or rolls back, with the change itself.
 *
 *   (:ChangeLogSequence {name: 'changes', value: <the last seq>})
 *   (:ChangeLog {seq: <long>, at: <epoch millis>, actor: <the API's token subject, from tx metadata>, events: <JSON array>})
 *
 * Events: {"kind":"CREATED"|"DELETED"|"UPDATED","id":…,"label":…} per node of a model label, in that order
 * (UPDATED: any property or label change of a node the transaction neither created nor deleted), then
 * {"kind":"LINKED"|"UNLINKED","type":…,"from":…,"to":…,"label": the start node's} per relationship of a model type (LINKED also for a
 * property change of an existing one, as the API's link mutation publishes). More than MAX_EVENTS of them become
 * the one event {"kind":"BULK","labels":{label: count},"types":{type: count},"ids":[…]}, "ids" (of the nodes
 * the events name, relationship ends included) only when there are at most MAX_BULK_IDS of them.
 *
 * The sequence node's write lock, taken here and held until the transaction has committed, makes writing
 * transactions of the model take turns from this point to their commit, so that seq order is commit order. That
 * is acceptable: the turn is short (the rest of the transaction ran in parallel), the model's writers are people
 * and batch jobs, not a high-rate stream, and imports commit in large batches.
 */
public final class ChangeCapture extends TransactionEventListenerAdapter<Void> {
    public static final Label LOG = Label.label("ChangeLog");
    public static final Label SEQUENCE = Label.label("ChangeLogSequence");
    static final String SEQUENCE_NAME = "changes";
    static final int MAX_EVENTS = 100;
    static final int MAX_BULK_IDS = 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the environment asks for; `rules` (which labels and types are the model's) is null when off. */
    public record Settings(boolean on, ModelRules rules) {
        /** Reads CHANGE_CAPTURE (on, the default, or off) and MODEL_RULES; a bad value is an IllegalArgumentException. */
        public static Settings fromEnvironment() {
            String value = System.getenv("CHANGE_CAPTURE");
            String file = System.getenv("MODEL_RULES");
            boolean hasFile = file != null && !file.isBlank();
            boolean explicit = value != null && !value.isBlank();
            String mode = explicit ? value.trim().toLowerCase(Locale.ROOT) : "on";
            if (!mode.equals("on") && !mode.equals("off")) throw new IllegalArgumentException("CHANGE_CAPTURE must be on or off, not " + value);
            if (mode.equals("off") || !hasFile && !explicit) return new Settings(false, null);
            if (!hasFile) throw new IllegalArgumentException("CHANGE_CAPTURE=on needs MODEL_RULES (the model-rules.json file)");
            return new Settings(true, ModelRules.load(Path.of(file.trim()).toAbsolutePath()));
        }

        public String describe() {
            if (on) return "CHANGE CAPTURE on";
            String value = System.getenv("CHANGE_CAPTURE");
            return "CHANGE CAPTURE off" + (value == null || value.isBlank() ? " (MODEL_RULES is not set)" : "");
        }
    }

    private enum Kind { CREATED, UPDATED, DELETED, LINKED, UNLINKED }

    /** What the transaction did to one node, as TransactionData tells it (no read of the node). */
    private static final class NodeChange {
        final Kind kind;
        String assignedLabel; // a model label it gained (every label of a created node is gained)
        String removedLabel; // a model label it lost (every label of a deleted node is lost)
        Object id; // the id this transaction set
        Object oldId; // the id before, e.g. a deleted node's

        NodeChange(Kind kind) {
            this.kind = kind;
        }
    }

    private record NodeEvent(Kind kind, String label, Node node) {}

    private record RelationshipEvent(Kind kind, String type, Node start, Node end) {}

    private final ModelRules rules;

    public ChangeCapture(ModelRules rules) {
        this.rules = rules;
    }

    @Override
    public Void beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService database) {
        Map<Node, NodeChange> changes = nodeChanges(data);
        List<NodeEvent> nodeEvents = new ArrayList<>();
        for (Map.Entry<Node, NodeChange> entry : changes.entrySet()) {
            String label = label(entry.getKey(), entry.getValue());
            if (label != null) nodeEvents.add(new NodeEvent(entry.getValue().kind, label, entry.getKey()));
        }
        List<RelationshipEvent> relationshipEvents = relationshipEvents(data);
        // Also what keeps the log's own writes (and the server's deletion of old entries) out of the log.
        if (nodeEvents.isEmpty() && relationshipEvents.isEmpty()) return null;

        Ids ids = new Ids(changes);
        List<Map<String, Object>> events = new ArrayList<>();
        if (nodeEvents.size() + relationshipEvents.size() <= MAX_EVENTS) {
            for (NodeEvent event : nodeEvents) {
                events.add(event(event.kind(), "id", ids.of(event.node()), "label", event.label()));
            }
            for (RelationshipEvent event : relationshipEvents) {
                // "label" is the start node's, as the API's own LINKED/UNLINKED events say (subscribers filter by it).
                events.add(event(event.kind(), "type", event.type(), "from", ids.of(event.start()), "to", ids.of(event.end()), "label", startLabel(event.start(), changes)));
            }
        } else {
            events.add(bulk(nodeEvents, relationshipEvents, ids));
        }

        long seq = nextSeq(transaction, data);
        Node entry = transaction.createNode(LOG);
        entry.setProperty("seq", seq);
        // Read under the sequence's lock, so `at` grows with seq too (as long as the clock does).
        entry.setProperty("at", System.currentTimeMillis());
        // The API names who wrote in the transaction's metadata (Graph.write); other writers leave none.
        if (data.metaData().get("actor") instanceof String actor) entry.setProperty("actor", actor);
        try {
            entry.setProperty("events", JSON.writeValueAsString(events));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Change capture could not write the change log entry: " + e.getMessage(), e);
        }
        return null;
    }

    /** Every node the transaction created, deleted or changed, once, in one pass over each part of `data`. */
    private Map<Node, NodeChange> nodeChanges(TransactionData data) {
        Map<Node, NodeChange> changes = new LinkedHashMap<>();
        for (Node node : data.createdNodes()) changes.put(node, new NodeChange(Kind.CREATED));
        for (Node node : data.deletedNodes()) {
            // A node created and deleted in one transaction is no change (Neo4j should not list it at all).
            if (changes.remove(node) == null) changes.put(node, new NodeChange(Kind.DELETED));
        }
        for (LabelEntry entry : data.assignedLabels()) {
            NodeChange change = changes.computeIfAbsent(entry.node(), node -> new NodeChange(Kind.UPDATED));
            if (change.assignedLabel == null && isModelLabel(entry.label().name())) change.assignedLabel = entry.label().name();
        }
        for (LabelEntry entry : data.removedLabels()) {
            NodeChange change = changes.computeIfAbsent(entry.node(), node -> new NodeChange(Kind.UPDATED));
            if (change.removedLabel == null && isModelLabel(entry.label().name())) change.removedLabel = entry.label().name();
        }
        for (PropertyEntry<Node> entry : data.assignedNodeProperties()) {
            NodeChange change = changes.computeIfAbsent(entry.entity(), node -> new NodeChange(Kind.UPDATED));
            if (entry.key().equals("id")) {
                change.id = entry.value();
                change.oldId = entry.previouslyCommittedValue();
            }
        }
        for (PropertyEntry<Node> entry : data.removedNodeProperties()) {
            NodeChange change = changes.computeIfAbsent(entry.entity(), node -> new NodeChange(Kind.UPDATED));
            if (entry.key().equals("id")) change.oldId = entry.previouslyCommittedValue();
        }
        return changes;
    }

    /** The node's model label, or null when it has none (then it is not the model's and has no event). */
    private String label(Node node, NodeChange change) {
        if (change.kind == Kind.DELETED) return change.removedLabel;
        if (change.kind == Kind.CREATED || change.assignedLabel != null) return change.assignedLabel;
        for (Label label : node.getLabels()) {
            if (isModelLabel(label.name())) return label.name();
        }
        // It left the model in this transaction (only possible with the guard off or warning): say which node it was.
        return change.removedLabel;
    }

    /** A relationship's start node's model label: from the transaction's data when it changed, else read. */
    private String startLabel(Node node, Map<Node, NodeChange> changes) {
        NodeChange change = changes.get(node);
        if (change != null) return label(node, change);
        for (Label label : node.getLabels()) {
            if (isModelLabel(label.name())) return label.name();
        }
        return null;
    }

    private List<RelationshipEvent> relationshipEvents(TransactionData data) {
        List<RelationshipEvent> events = new ArrayList<>();
        Set<Relationship> created = new HashSet<>();
        for (Relationship rel : data.createdRelationships()) {
            created.add(rel);
            if (isModelType(rel)) events.add(new RelationshipEvent(Kind.LINKED, rel.getType().name(), rel.getStartNode(), rel.getEndNode()));
        }
        for (Relationship rel : data.deletedRelationships()) {
            if (isModelType(rel)) events.add(new RelationshipEvent(Kind.UNLINKED, rel.getType().name(), rel.getStartNode(), rel.getEndNode()));
        }
        Set<Relationship> changed = new LinkedHashSet<>();
        for (PropertyEntry<Relationship> entry : data.assignedRelationshipProperties()) changed.add(entry.entity());
        for (PropertyEntry<Relationship> entry : data.removedRelationshipProperties()) changed.add(entry.entity());
        for (Relationship rel : changed) {
            if (!created.contains(rel) && !data.isDeleted(rel) && isModelType(rel)) {
                events.add(new RelationshipEvent(Kind.LINKED, rel.getType().name(), rel.getStartNode(), rel.getEndNode()));
            }
        }
        return events;
    }

    private boolean isModelLabel(String label) {
        return rules.node(label) != null;
    }

    private boolean isModelType(Relationship rel) {
        return rules.relationship(rel.getType().name()) != null;
    }

    /** Nodes' `id` properties, from the transaction's data when it has them; a deleted node is never read. */
    private static final class Ids {
        private final Map<Node, NodeChange> changes;
        private final Map<Node, Object> read = new HashMap<>();

        Ids(Map<Node, NodeChange> changes) {
            this.changes = changes;
        }

        Object of(Node node) {
            NodeChange change = changes.get(node);
            if (change != null && change.kind == Kind.DELETED) return json(change.oldId);
            Object id = change != null && change.id != null ? change.id : read.computeIfAbsent(node, n -> n.getProperty("id", null));
            return json(id != null || change == null ? id : change.oldId);
        }

        /** The model's ids are strings; any other value (possible only with the guard off) as text, so JSON can hold it. */
        private static Object json(Object id) {
            return id == null || id instanceof String || id instanceof Number || id instanceof Boolean ? id : String.valueOf(id);
        }
    }

    private static Map<String, Object> event(Kind kind, Object... fields) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("kind", kind.name());
        for (int i = 0; i < fields.length; i += 2) event.put((String) fields[i], fields[i + 1]);
        return event;
    }

    private static Map<String, Object> bulk(List<NodeEvent> nodeEvents, List<RelationshipEvent> relationshipEvents, Ids ids) {
        Map<String, Integer> labels = new TreeMap<>();
        Map<String, Integer> types = new TreeMap<>();
        Set<Node> touched = new LinkedHashSet<>();
        for (NodeEvent event : nodeEvents) {
            labels.merge(event.label(), 1, Integer::sum);
            touched.add(event.node());
        }
        for (RelationshipEvent event : relationshipEvents) {
            types.merge(event.type(), 1, Integer::sum);
            touched.add(event.start());
            touched.add(event.end());
        }
        Map<String, Object> bulk = new LinkedHashMap<>();
        bulk.put("kind", "BULK");
        bulk.put("labels", labels);
        bulk.put("types", types);
        if (touched.size() <= MAX_BULK_IDS) {
            Set<Object> touchedIds = new LinkedHashSet<>();
            for (Node node : touched) {
                Object id = ids.of(node);
                if (id != null) touchedIds.add(id);
            }
            bulk.put("ids", List.copyOf(touchedIds));
        }
        return bulk;
    }

    /** Takes the next seq: see the class comment for the lock this takes. */
    private static long nextSeq(Transaction transaction, TransactionData data) {
        Node sequence = null;
        Long last = null;
        try (ResourceIterator<Node> found = transaction.findNodes(SEQUENCE, "name", SEQUENCE_NAME)) {
            while (found.hasNext()) {
                Node node = found.next();
                transaction.acquireWriteLock(node);
                // Read after the lock: the value the previous writer committed.
                if (node.getProperty("value", null) instanceof Number value) last = last == null ? value.longValue() : Math.max(last, value.longValue());
                if (sequence == null) sequence = node;
                // A second one, from two first writes at once without the constraint on its name: merged into one.
                else node.delete();
            }
        }
        if (sequence == null) {
            sequence = transaction.createNode(SEQUENCE);
            sequence.setProperty("name", SEQUENCE_NAME);
        }
        if (last == null) last = lastSeqWithoutSequence(transaction, data);
        sequence.setProperty("value", last + 1);
        return last + 1;
    }

    /**
     * Where to go on from when the sequence node is missing (the first write, or someone deleted it: a wipe of the
     * whole graph) or has no value yet (created by the schema, so that concurrent first writes find one to lock):
     * where a sequence node deleted by this transaction or the remaining log had got to, so that seqs only grow.
     * Rare, so Cypher is fine.
     */
    private static long lastSeqWithoutSequence(Transaction transaction, TransactionData data) {
        long last = 0;
        Set<Node> deletedSequences = new HashSet<>();
        for (LabelEntry entry : data.removedLabels()) {
            if (entry.label().name().equals(SEQUENCE.name()) && data.isDeleted(entry.node())) deletedSequences.add(entry.node());
        }
        for (PropertyEntry<Node> entry : data.removedNodeProperties()) {
            if (entry.key().equals("value") && deletedSequences.contains(entry.entity()) && entry.previouslyCommittedValue() instanceof Number value) {
                last = Math.max(last, value.longValue());
            }
        }
        try (Result result = transaction.execute("MATCH (c:ChangeLog) WHERE c.seq IS NOT NULL RETURN c.seq AS seq ORDER BY seq DESC LIMIT 1")) {
            if (result.hasNext() && result.next().get("seq") instanceof Number seq) last = Math.max(last, seq.longValue());
        }
        return last;
    }
}
