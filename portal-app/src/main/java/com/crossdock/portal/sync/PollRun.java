package com.crossdock.portal.sync;

import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One polling run's bookkeeping, the same for every channel that is read page by page (Shopify's poll, Amazon's and
 * Walmart's order imports, Walmart's returns): where the last run read up to, what was seen and kept in the inbox
 * (stored before anything parses it, once per version), what could not be read, the failure that ended the run,
 * and at the end the kept entries handed to the pipeline, the mark moved and the run's result. A connector keeps
 * only its own paging and what identifies a record.
 */
final class PollRun {

    /** How far before the mark each run reads again, for late writes and clocks that disagree. */
    private static final long OVERLAP_SECONDS = 60;

    private final PollMarks marks;
    private final TenantId tenant;
    private final UUID connectionId;
    private final Flow flow;
    private final Instant mark;
    private final List<UUID> kept = new ArrayList<>();
    private Instant newest;
    private int seen;
    private int failed;
    private @Nullable String failure;

    PollRun(PollMarks marks, TenantId tenant, UUID connectionId, Flow flow) {
        this.marks = marks;
        this.tenant = tenant;
        this.connectionId = connectionId;
        this.flow = flow;
        this.mark = marks.readUpTo(tenant, connectionId, flow);
        this.newest = mark;
    }

    /** What to ask the channel for: the records changed since a little before the last run's mark. */
    Instant since() {
        return mark.minusSeconds(OVERLAP_SECONDS);
    }

    /** One record read, changed at {@code updatedAt} when that could be read. */
    void seen(@Nullable Instant updatedAt) {
        seen++;
        if (updatedAt != null && updatedAt.isAfter(newest)) {
            newest = updatedAt;
        }
    }

    /** Records read elsewhere (e.g. notifications drained into {@link #inbox()}). */
    void seen(int records) {
        seen += records;
    }

    /** One record that cannot be used as it is (kept all the same: the pipeline records it with its payload). */
    void failedOne() {
        failed++;
    }

    /** Keeps the record in the inbox unless this version of it was kept before. */
    void keep(String topic, String dedupKey, String payload) {
        UUID inboxId = UUID.randomUUID();
        if (marks.keep(tenant, inboxId, connectionId, topic, dedupKey, payload)) {
            kept.add(inboxId);
        }
    }

    /** The inbox entries kept so far, for a reader that keeps entries itself; it adds to this list. */
    List<UUID> inbox() {
        return kept;
    }

    /**
     * The channel did not answer, refused, or sent a page nobody can read: the run ends failed, with an exception
     * someone sees (what was read so far is still kept and handed on).
     */
    void failed(TenantTransactions transactions, ExceptionLog exceptions, String reasonCode, String fingerprint,
            String subject, String message) {
        failure = message;
        transactions.writeAll(tenant, () -> exceptions.record(flow, connectionId, null, reasonCode, fingerprint,
                subject, message, ""));
    }

    /** Whether the run has failed. */
    boolean hasFailed() {
        return failure != null;
    }

    /** How many versions were kept. */
    int keptCount() {
        return kept.size();
    }

    /**
     * Hands what was kept to the pipeline, in the order it was read, and moves the mark to the newest change read:
     * always when {@code evenAfterFailure} (a store read in order of change), else only after a run that did not
     * fail (a channel whose pages are not in that order could leave gaps).
     */
    void finish(OrderPipeline pipeline, boolean evenAfterFailure) {
        hand(pipeline);
        advance(evenAfterFailure);
    }

    /** Hands what was kept to the pipeline, in the order it was read. */
    void hand(OrderPipeline pipeline) {
        kept.forEach(id -> pipeline.process(tenant, id));
    }

    /** Moves the mark to the newest change read (see {@link #finish}), once the run's work is done. */
    void advance(boolean evenAfterFailure) {
        if (failure == null || evenAfterFailure) {
            marks.advance(tenant, connectionId, flow, newest);
        }
    }

    /** The run's result: the failure as its message, else {@code message}. */
    FlowResult result(Clock clock, String message) {
        return new FlowResult(seen, kept.size(), failed, Flows.lagSince(newest, clock.instant()), failure != null,
                failure != null ? failure : message);
    }
}
