package kg.guard;

import java.nio.file.Path;
import java.util.Locale;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.kernel.extension.ExtensionFactory;
import org.neo4j.kernel.extension.ExtensionType;
import org.neo4j.kernel.extension.context.ExtensionContext;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.kernel.lifecycle.Lifecycle;
import org.neo4j.kernel.lifecycle.LifecycleAdapter;
import org.neo4j.logging.InternalLog;
import org.neo4j.logging.internal.LogService;

import kg.changes.ChangeCapture;

/**
 * Registers the model guard and then the change capture (kg.changes.ChangeCapture) on every user database as it
 * starts. Found by ServiceLoader (META-INF/services/org.neo4j.kernel.extension.ExtensionFactory) both on the
 * embedded launcher's classpath and in a Neo4j server's plugins/ folder, so the same jar serves both.
 *
 * Env: MODEL_RULES = the rules file (cypher/schema/model-rules.json); MODEL_GUARD = reject (the default
 * when MODEL_RULES is set) | warn | off; CHANGE_CAPTURE = on (the default when MODEL_RULES is set) | off.
 * Without MODEL_RULES both are off.
 */
public final class ModelGuardExtension extends ExtensionFactory<ModelGuardExtension.Dependencies> {
    public interface Dependencies {
        GraphDatabaseAPI database();

        DatabaseManagementService databaseManagementService();

        LogService logService();
    }

    /** What the environment asks for; `rules` is null when the guard is off. */
    public record Settings(ModelGuard.Mode mode, Path file, ModelRules rules) {
        /** Reads MODEL_GUARD and MODEL_RULES; a bad value or rules file is an IllegalArgumentException. */
        public static Settings fromEnvironment() {
            String file = System.getenv("MODEL_RULES");
            String modeName = System.getenv("MODEL_GUARD");
            boolean hasFile = file != null && !file.isBlank();
            ModelGuard.Mode mode;
            if (modeName == null || modeName.isBlank()) {
                mode = hasFile ? ModelGuard.Mode.REJECT : ModelGuard.Mode.OFF;
            } else {
                try {
                    mode = ModelGuard.Mode.valueOf(modeName.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("MODEL_GUARD must be reject, warn or off, not " + modeName);
                }
            }
            if (mode == ModelGuard.Mode.OFF) return new Settings(mode, null, null);
            if (!hasFile) throw new IllegalArgumentException("MODEL_GUARD=" + modeName + " needs MODEL_RULES (the model-rules.json file)");
            Path path = Path.of(file.trim()).toAbsolutePath();
            return new Settings(mode, path, ModelRules.load(path));
        }

        public String describe() {
            if (rules == null) return "MODEL GUARD off" + (System.getenv("MODEL_RULES") == null ? " (MODEL_RULES is not set)" : "");
            return "MODEL GUARD " + mode.name().toLowerCase(Locale.ROOT) + ": " + rules.nodeCount() + " node labels, "
                    + rules.relationshipCount() + " relationship types from " + file;
        }
    }

    public ModelGuardExtension() {
        super(ExtensionType.DATABASE, "kg-model-guard");
    }

    @Override
    public Lifecycle newInstance(ExtensionContext context, Dependencies dependencies) {
        GraphDatabaseAPI database = dependencies.database();
        // Neo4j allows no listeners on the system database, and the model is not there.
        if (database.databaseId().isSystemDatabase()) return new LifecycleAdapter();
        InternalLog log = dependencies.logService().getUserLog(ModelGuard.class);
        InternalLog captureLog = dependencies.logService().getUserLog(ChangeCapture.class);
        DatabaseManagementService dbms = dependencies.databaseManagementService();
        return new LifecycleAdapter() {
            private ModelGuard guard;
            private ChangeCapture capture;

            @Override
            public void start() {
                // Read at each start, so that a restarted database takes the current rules file.
                Settings settings = Settings.fromEnvironment();
                log.info(settings.describe() + " (database " + database.databaseName() + ")");
                if (settings.rules() != null) {
                    guard = new ModelGuard(settings.rules(), settings.mode(), log);
                    dbms.registerTransactionEventListener(database.databaseName(), guard);
                }
                ChangeCapture.Settings changes = ChangeCapture.Settings.fromEnvironment();
                captureLog.info(changes.describe() + " (database " + database.databaseName() + ")");
                if (changes.on()) {
                    // Listeners run in the order registered, so the capture sees a transaction after the guard. Neo4j
                    // still calls it for one the guard refused, but its entry then rolls back with the transaction.
                    capture = new ChangeCapture(changes.rules());
                    dbms.registerTransactionEventListener(database.databaseName(), capture);
                }
            }

            @Override
            public void stop() {
                // Listeners are kept by the DBMS per database name: without this a restart would add a second one.
                if (capture != null) dbms.unregisterTransactionEventListener(database.databaseName(), capture);
                if (guard != null) dbms.unregisterTransactionEventListener(database.databaseName(), guard);
                capture = null;
                guard = null;
            }
        };
    }
}
