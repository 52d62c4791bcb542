package com.crossdock.portal.api;

import com.crossdock.portal.api.ApiModels.ConnectionHealth;
import com.crossdock.portal.api.ApiModels.SyncHealth;
import com.crossdock.portal.sync.FlowService;
import com.crossdock.portal.sync.SyncService;
import com.crossdock.tenantconfig.tenant.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** How the brand's integrations are doing: open exceptions, the warehouse queue, each flow's last run. */
@RestController
@Tag(name = "Sync health")
class SyncHealthApi {

    private final SyncService sync;
    private final FlowService flows;

    SyncHealthApi(SyncService sync, FlowService flows) {
        this.sync = sync;
        this.flows = flows;
    }

    @GetMapping(path = "/api/v1/sync-health", produces = "application/json")
    @PreAuthorize("hasAuthority('SCOPE_sync:read')")
    @Operation(summary = "Read the sync health summary", description = "Scope sync:read.")
    SyncHealth health() {
        TenantId tenant = Callers.current().tenant();
        return new SyncHealth(sync.openExceptions(tenant).size(), sync.outboxSize(tenant),
                flows.connections(tenant).stream().map(ConnectionHealth::of).toList());
    }
}
