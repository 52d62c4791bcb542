package com.crossdock.portal.tenant.ui;

import com.crossdock.portal.tenant.TenantService;
import com.crossdock.portal.tenant.TenantSummary;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The tenant the signed-in person is working on, resolved once per UI session: a brand's people always work on
 * their own tenant; the 3PL's people pick one with the switcher. Every selection is re-checked against the
 * person's access before it is accepted.
 */
@Component
@VaadinSessionScope
public class TenantSelection {

    private final TenantService tenants;
    private @Nullable TenantId selected;

    TenantSelection(TenantService tenants) {
        this.tenants = tenants;
    }

    /** The selected tenant; on first use the first tenant the person may open. */
    public Optional<TenantId> current() {
        if (selected != null && !tenants.canOpen(selected)) {
            selected = null;
        }
        if (selected == null) {
            List<TenantSummary> visible = tenants.visibleTenants();
            selected = visible.isEmpty() ? null : visible.getFirst().id();
        }
        return Optional.ofNullable(selected);
    }

    /** Switches to {@code tenant}; refused when the person may not open it. */
    public void select(TenantId tenant) {
        if (!tenants.canOpen(tenant)) {
            throw new org.springframework.security.access.AccessDeniedException("You do not have access to this tenant");
        }
        selected = tenant;
    }
}
