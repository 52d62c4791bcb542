package com.crossdock.portal.tenant;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

/** Tenant-owned: Hibernate adds the current tenant to every query. */
interface TenantActivityRepository extends JpaRepository<TenantActivity, UUID> {

    List<TenantActivity> findAllByOrderByOccurredAtDesc(Limit limit);
}
