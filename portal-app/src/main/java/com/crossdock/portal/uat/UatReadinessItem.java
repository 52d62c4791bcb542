package com.crossdock.portal.uat;

import com.crossdock.portal.governance.ReadinessItem;
import com.crossdock.portal.governance.UatReadiness;
import com.crossdock.tenantconfig.tenant.TenantId;
import org.springframework.stereotype.Component;

/** The readiness item "UAT passed and signed", from the tenant's UAT status; fixed in the UAT view. */
@Component
class UatReadinessItem implements UatReadiness {

    private final UatService uat;

    UatReadinessItem(UatService uat) {
        this.uat = uat;
    }

    @Override
    public ReadinessItem item(TenantId tenant) {
        UatStatus status = uat.status(tenant);
        return new ReadinessItem("uat", "UAT passed and signed", status.state() == UatStatus.State.SIGNED,
                status.reason(), "uat", "Brand and 3PL");
    }
}
