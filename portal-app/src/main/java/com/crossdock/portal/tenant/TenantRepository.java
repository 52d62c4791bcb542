package com.crossdock.portal.tenant;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TenantRepository extends JpaRepository<Tenant, UUID> {

    List<Tenant> findAllByOrderByNameAsc();

    List<Tenant> findByAccountManagerIdOrderByNameAsc(UUID accountManagerId);

    boolean existsByCodeAndIdNot(String code, UUID id);

    List<Tenant> findByProvisioningStatusAndUpdatedAtBefore(
            com.crossdock.portal.provisioning.ProvisioningStatus status, java.time.Instant before);

    boolean existsByNameIgnoreCaseAndIdNot(String name, UUID id);
}
