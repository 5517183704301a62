package kg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

import kg.changes.ChangeCapture;
import kg.guard.ModelGuardExtension;

/**
 * Runs an embedded Neo4j Community DBMS that listens on Bolt only, as a stand-in for the Neo4j server.
 *
 * Usage: java kg.LocalNeo4j [home] [boltPort]   (fall back to env NEO4J_HOME / NEO4J_BOLT_PORT)
 * Env:   NEO4J_PASSWORD (required, >= 8 chars), NEO4J_PAGECACHE (default 512m),
 *        NEO4J_TX_TOTAL_MAX, NEO4J_TX_MAX (transaction memory limits, e.g. 256m; Neo4j defaults if unset),
 *        NEO4J_TX_TIMEOUT (e.g. 60s; default none), NEO4J_PLUGINS (plugin dir, default home/plugins),
 *        NEO4J_OWNER_PID (the process this server lives for; default none: it runs until stopped),
 *        MODEL_RULES, MODEL_GUARD, CHANGE_CAPTURE (the model guard and the change capture, registered by
 *        kg.guard.ModelGuardExtension, which Neo4j finds on the classpath).
 * Prints "READY bolt://127.0.0.1:PORT" once the neo4j user has the configured password and the
 * default database is available; shuts down cleanly on SIGTERM/SIGINT, and when its owner process is gone
 * however it ended (a crash, an out-of-memory abort, SIGKILL), so that it never holds the port and the store
 * for a server that no longer runs.
 */
public final class LocalNeo4j {
    private static final long OWNER_POLL_MS = 1000;

    private LocalNeo4j() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            System.out.println("FAILED " + t);
            t.printStackTrace(System.out);
            System.out.flush();
            // Neo4j may have started non-daemon threads before failing; make sure the JVM goes away.
            Runtime.getRuntime().halt(1);
        }
    }

    private static void run(String[] args) throws Exception {
        String homeArg = args.length > 0 ? args[0] : env("NEO4J_HOME", null);
        String portArg = args.length > 1 ? args[1] : env("NEO4J_BOLT_PORT", "7687");
        String password = env("NEO4J_PASSWORD", null);
        if (homeArg == null) throw new IllegalArgumentException("home directory missing (argument 1 or NEO4J_HOME)");
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("NEO4J_PASSWORD must be set and at least 8 characters long");
        }
        Path home = Path.of(homeArg).toAbsolutePath();
        int port = Integer.parseInt(portArg);
        Path plugins = Path.of(env("NEO4J_PLUGINS", home.resolve("plugins").toString())).toAbsolutePath();
        // The guard and the capture read these again as the database starts; a bad value fails here in one line, not as a database that never comes up.
        ModelGuardExtension.Settings.fromEnvironment();
        ChangeCapture.Settings.fromEnvironment();

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.plugin_dir, plugins)
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
                .setConfig(GraphDatabaseSettings.pagecache_memory, bytes("NEO4J_PAGECACHE", "512m"))
                // Bolt shuts down after the databases are checkpointed and closed; its default graceful
                // waits add ~10 s to every stop of this local, single-user server for no benefit.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1));
        String txTotal = env("NEO4J_TX_TOTAL_MAX", null);
        if (txTotal != null) builder.setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, bytes("NEO4J_TX_TOTAL_MAX", txTotal));
        String txMax = env("NEO4J_TX_MAX", null);
        if (txMax != null) builder.setConfig(GraphDatabaseSettings.memory_transaction_max_size, bytes("NEO4J_TX_MAX", txMax));
        String txTimeout = env("NEO4J_TX_TIMEOUT", null);
        if (txTimeout != null) builder.setConfig(GraphDatabaseSettings.transaction_timeout, SettingValueParsers.DURATION.parse(txTimeout));

        ProcessHandle owner = owner();
        DatabaseManagementService dbms = builder.build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("STOPPING");
            dbms.shutdown();
            System.out.println("STOPPED");
            System.out.flush();
            stopped.countDown();
        }, "local-neo4j-shutdown"));

        try {
            setPassword(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(TimeUnit.MINUTES.toMillis(2))) {
                throw new IllegalStateException("default database did not become available");
            }
        } catch (Exception e) {
            dbms.shutdown();
            throw e;
        }
        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();
        if (owner != null) watch(owner);
        stopped.await();
    }

    /** The owner named by NEO4J_OWNER_PID, or null; exits at once when it is already gone. */
    private static ProcessHandle owner() {
        String pid = env("NEO4J_OWNER_PID", null);
        if (pid == null) return null;
        ProcessHandle owner = ProcessHandle.of(Long.parseLong(pid)).orElse(null);
        if (owner == null || !owner.isAlive()) {
            System.out.println("OWNER " + pid + " IS GONE");
            System.exit(0);
        }
        return owner;
    }

    /**
     * Polls the owner once a second; when it has ended, exits, which runs the shutdown hook (a clean
     * shutdown). A handle compares the process start time too, so a recycled pid is not mistaken for it.
     */
    private static void watch(ProcessHandle owner) {
        Thread watcher = new Thread(() -> {
            try {
                while (owner.isAlive()) Thread.sleep(OWNER_POLL_MS);
            } catch (InterruptedException e) {
                return;
            }
            System.out.println("OWNER " + owner.pid() + " IS GONE");
            System.out.flush();
            System.exit(0);
        }, "local-neo4j-owner-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Works on first start (initial password "neo4j", change required) and on restarts with any password. */
    private static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to its current value; that is the normal restart case.
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) throw e;
        }
    }

    private static long bytes(String name, String fallback) {
        String value = env(name, fallback);
        try {
            return SettingValueParsers.BYTES.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + "=" + value + " is not a size like 512m or 2g", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
