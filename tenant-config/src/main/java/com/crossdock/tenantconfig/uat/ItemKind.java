package com.crossdock.tenantconfig.uat;

/** The kind of catalog item a scenario needs in one of its roles; the runner picks a fitting one. */
public enum ItemKind {
    /** An active item the sandbox store sells (a Shopify listing of one item). */
    SELLABLE("an active item the Shopify store sells", "Catalog: add an active item with its Shopify variant SKU"),
    /** A virtual bundle the store sells, exploded into its components for the warehouse. */
    VIRTUAL_BUNDLE("a virtual bundle", "Bundles: define a virtual bundle of active items"),
    /** An active item that ships to Amazon FBA (it has an FNSKU), whatever its prep. */
    FBA_BOUND("an FBA-bound item (one with an Amazon FNSKU)", "Catalog: add the item's Amazon FNSKU alias"),
    /** An FBA-bound item whose prep is done by the seller's side, so the warehouse gets prep instructions. */
    FBA_WITH_PREP("an FBA-bound item with seller prep",
            "Catalog: set the FBA prep attributes (category, prep types, prep and labels by the seller)");

    private final String description;
    private final String whereToSetUp;

    ItemKind(String description, String whereToSetUp) {
        this.description = description;
        this.whereToSetUp = whereToSetUp;
    }

    /** What the runner looks for, in words. */
    public String description() {
        return description;
    }

    /** Where a tenant without one sets it up. */
    public String whereToSetUp() {
        return whereToSetUp;
    }
}
