package com.crossdock.portal.warehouse;

import java.util.UUID;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** One exchange with a warehouse's WMS. Thin: reads the connection id and lets {@link WmsExchange} run. */
@DisallowConcurrentExecution
class WmsExchangeJob implements Job {

    private final WmsExchange exchange;

    WmsExchangeJob(WmsExchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public void execute(JobExecutionContext context) {
        exchange.exchange(UUID.fromString(context.getJobDetail().getKey().getName().substring("wms:".length())));
    }
}
