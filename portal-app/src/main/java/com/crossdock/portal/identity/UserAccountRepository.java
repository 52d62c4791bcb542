package com.crossdock.portal.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

    Optional<UserAccount> findByUsernameIgnoreCase(String username);

    @Query("select u from UserAccount u join u.roles r where r = :role order by u.displayName")
    List<UserAccount> findByRole(Role role);

    @Query("select count(u) from UserAccount u where u.tenantId = :tenantId and u.lastSignInAt is not null")
    int countSignedInOfTenant(UUID tenantId);

    long countByTenantId(UUID tenantId);
}
