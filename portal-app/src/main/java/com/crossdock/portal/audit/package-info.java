/** The audit trail: who changed which tenant's configuration, when, and what changed (Hibernate Envers). */
@NullMarked
package com.crossdock.portal.audit;

import org.jspecify.annotations.NullMarked;
