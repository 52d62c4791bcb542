package com.crossdock.tenantconfig.prep;

/** Who does the prep, or applies the labels (Fulfillment Inbound 2024-03-20 {@code PrepOwner}/{@code LabelOwner}). */
public enum PrepOwner {
    AMAZON, SELLER, NONE
}
