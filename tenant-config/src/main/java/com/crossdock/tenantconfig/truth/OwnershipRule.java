package com.crossdock.tenantconfig.truth;

/**
 * One combination that cannot work: {@code system} may not own {@code dataType}, and why.
 *
 * @param reason what a person reads when the choice is refused
 */
public record OwnershipRule(DataType dataType, SystemKind system, String reason) {
}
