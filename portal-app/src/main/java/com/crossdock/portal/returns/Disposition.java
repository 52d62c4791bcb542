package com.crossdock.portal.returns;

/** What happens to an inspected unit, and the stock status it counts in afterwards. */
public enum Disposition {
    RESTOCK_AVAILABLE("Restock", StockStatus.AVAILABLE),
    RESTOCK_B_GRADE("Restock as B-grade", StockStatus.B_GRADE),
    REFURBISH("Refurbish", StockStatus.QUARANTINE),
    RETURN_TO_VENDOR("Return to vendor", StockStatus.QUARANTINE),
    DISPOSE("Dispose", null);

    private final String label;
    private final @org.jspecify.annotations.Nullable StockStatus status;

    Disposition(String label, @org.jspecify.annotations.Nullable StockStatus status) {
        this.label = label;
        this.status = status;
    }

    public String label() {
        return label;
    }

    /** The status the unit counts in after this disposition; null when it leaves stock. */
    public @org.jspecify.annotations.Nullable StockStatus status() {
        return status;
    }

    /** Whether the unit is sellable as new again, which the refund tells the store as a restock. */
    public boolean restocks() {
        return this == RESTOCK_AVAILABLE;
    }
}
