package com.crossdock.portal.sync.recovery;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.crossdock.portal.sync.OrderPipeline;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;

/**
 * The inbox entries whose background processing failed, as the pipeline reports them (an error naming the entry,
 * which "stays in the inbox for the next sweep"). Attach it after the portal started: Spring Boot sets logging up
 * anew when it starts.
 */
final class FailedProcessing extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final Set<UUID> entries = ConcurrentHashMap.newKeySet();
    private final Logger pipelineLog = (Logger) LoggerFactory.getLogger(OrderPipeline.class);

    static FailedProcessing watch() {
        FailedProcessing failures = new FailedProcessing();
        failures.setName("failed-processing");
        failures.start();
        failures.pipelineLog.addAppender(failures);
        return failures;
    }

    Set<UUID> entries() {
        return Set.copyOf(entries);
    }

    @Override
    protected void append(ILoggingEvent event) {
        Object[] arguments = event.getArgumentArray();
        if (event.getMessage().startsWith("Processing inbox entry") && arguments != null
                && arguments.length > 0 && arguments[0] instanceof UUID entry) {
            entries.add(entry);
        }
    }

    @Override
    public void close() {
        pipelineLog.detachAppender(this);
        stop();
    }
}
