package com.crossdock.portal.sync;

import java.time.Instant;

/**
 * What one run of a flow did.
 *
 * @param seen     records read from the channel
 * @param kept     new versions kept in the inbox (the rest were already there)
 * @param failed   records that could not be read, each an exception
 * @param readUpTo the newest channel change seen: the next run reads from here
 */
public record FlowRun(int seen, int kept, int failed, Instant readUpTo, Instant finishedAt) {
}
