package com.crossdock.portal.scheduling;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The scheduler heartbeat: each instance's last beat, for health and the system view. */
@Service
public class HeartbeatService {

    private final JdbcClient jdbc;
    private final Clock clock;

    HeartbeatService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a beat of {@code instanceId} now. */
    @Transactional
    public void beat(String instanceId) {
        jdbc.sql("""
                INSERT INTO scheduler_heartbeat (instance_id, beat_at, beats) VALUES (:id, :now, 1)
                ON CONFLICT (instance_id) DO UPDATE SET beat_at = :now, beats = scheduler_heartbeat.beats + 1
                """)
                .param("id", instanceId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** Every instance's last beat, newest first. */
    @Transactional(readOnly = true)
    public List<Heartbeat> heartbeats() {
        return jdbc.sql("SELECT instance_id, beat_at, beats FROM scheduler_heartbeat ORDER BY beat_at DESC")
                .query((rs, row) -> new Heartbeat(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getLong(3)))
                .list();
    }

    /** One scheduler instance's last beat and how many it has recorded. */
    public record Heartbeat(String instanceId, Instant lastBeat, long beats) {
    }
}
