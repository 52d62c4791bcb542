package com.crossdock.portal.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL's {@code LISTEN}/{@code NOTIFY} for this portal instance: one connection listens on every channel a
 * feature subscribed to, so a change committed on any instance reaches the watchers of all of them. Each subscriber
 * is called on the listening thread at least every {@link #POLL} with what its channel heard since (often nothing,
 * which lets it do paced work); it must only hand the work on (a Vaadin view calls {@code ui.access}).
 */
@Component
public class DatabaseNotifications implements SmartLifecycle {

    /** The longest time between two calls of a subscriber. */
    public static final Duration POLL = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);
    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Map<String, Set<Consumer<List<String>>>> subscribers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile Thread listener;

    public DatabaseNotifications(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Calls {@code heard} with the payloads of {@code channel} (in the order they came, possibly none) after each wait
     * for notifications, until the answer is closed.
     */
    public AutoCloseable subscribe(String channel, Consumer<List<String>> heard) {
        Set<Consumer<List<String>>> set = subscribers.computeIfAbsent(checked(channel),
                c -> new CopyOnWriteArraySet<>());
        set.add(heard);
        return () -> set.remove(heard);
    }

    /**
     * Notifies {@code channel} on every instance; inside a transaction it goes out when that commits, and not at all
     * when it rolls back.
     */
    public void send(String channel, String payload) {
        jdbc.sql("SELECT pg_notify(:channel, :payload)").param("channel", checked(channel)).param("payload", payload)
                .query((rs, n) -> n).list();
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("database-notifications").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                PGConnection postgres = connection.unwrap(PGConnection.class);
                Set<String> listening = new HashSet<>();
                while (running) {
                    for (String channel : subscribers.keySet()) {
                        if (listening.add(channel)) {
                            statement.execute("LISTEN " + channel);
                            if (!connection.getAutoCommit()) {
                                connection.commit();
                            }
                        }
                    }
                    PGNotification[] notifications = postgres.getNotifications((int) POLL.toMillis());
                    Map<String, List<String>> heard = new HashMap<>();
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            heard.computeIfAbsent(notification.getName(), c -> new ArrayList<>())
                                    .add(notification.getParameter());
                        }
                    }
                    dispatch(heard);
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Listening for database notifications failed; live views wait until it works again", e);
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void dispatch(Map<String, List<String>> heard) {
        subscribers.forEach((channel, set) -> {
            List<String> payloads = List.copyOf(heard.getOrDefault(channel, List.of()));
            for (Consumer<List<String>> subscriber : set) {
                try {
                    subscriber.accept(payloads);
                } catch (RuntimeException e) {
                    log.warn("A subscriber of {} failed to take a notification", channel, e);
                }
            }
        });
    }

    private static String checked(String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Not a channel name: " + channel);
        }
        return channel;
    }
}
