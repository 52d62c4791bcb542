package com.crossdock.portal.catalog.ui;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.prep.PrepAttributes;
import com.crossdock.tenantconfig.prep.PrepCategory;
import com.crossdock.tenantconfig.prep.PrepOwner;
import com.crossdock.tenantconfig.prep.PrepType;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The item editor: master data, pack levels with barcodes, channel aliases. Raises save and cancel events. */
class ItemForm extends VerticalLayout {

    private final com.vaadin.flow.component.tabs.TabSheet tabs = new com.vaadin.flow.component.tabs.TabSheet();
    private final Div bundles = new Div();
    private final TextField sku = new TextField("Master SKU");
    private final TextField description = new TextField("Description");
    private final Select<ItemStatus> status = new Select<>();
    private final Checkbox lot = new Checkbox("Lot tracked");
    private final Checkbox expiry = new Checkbox("Expiry tracked");
    private final Checkbox serial = new Checkbox("Serial tracked");
    private final Checkbox hazmat = new Checkbox("Hazmat");
    private final Select<PrepCategory> prepCategory = new Select<>();
    private final MultiSelectComboBox<PrepType> prepTypes = new MultiSelectComboBox<>("Prep types");
    private final Select<PrepOwner> prepOwner = new Select<>();
    private final Select<PrepOwner> labelOwner = new Select<>();
    private final VerticalLayout packRows = new VerticalLayout();
    private final VerticalLayout aliasRows = new VerticalLayout();
    private final List<PackRow> packs = new ArrayList<>();
    private final List<AliasRow> aliases = new ArrayList<>();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    ItemForm(boolean editable) {
        setId("item-form");
        setPadding(false);
        sku.setId("item-sku");
        sku.setRequiredIndicatorVisible(true);
        sku.setMaxLength(64);
        description.setId("item-description");
        description.setRequiredIndicatorVisible(true);
        description.setMaxLength(300);
        status.setId("item-status");
        status.setLabel("Status");
        status.setItems(ItemStatus.values());
        status.setItemLabelGenerator(ItemStatus::label);
        fields.put("sku", sku);
        fields.put("description", description);
        fields.put("status", status);
        FormLayout master = new FormLayout(sku, status, description, new HorizontalLayout(lot, expiry, serial, hazmat));
        master.setColspan(description, 2);
        master.setColspan(master.getChildren().toList().getLast(), 2);

        prepCategory.setId("item-prep-category");
        prepCategory.setLabel("Prep category");
        prepCategory.setItems(java.util.Arrays.stream(PrepCategory.values()).filter(PrepCategory::acceptedAsInput)
                .toList());
        prepCategory.setEmptySelectionAllowed(true);
        prepCategory.setEmptySelectionCaption("Not set");
        prepTypes.setId("item-prep-types");
        prepTypes.setItems(PrepType.values());
        prepOwner.setLabel("Prep by");
        prepOwner.setItems(PrepOwner.values());
        prepOwner.setEmptySelectionAllowed(true);
        prepOwner.setEmptySelectionCaption("Not set");
        labelOwner.setLabel("Labels by");
        labelOwner.setItems(PrepOwner.values());
        labelOwner.setEmptySelectionAllowed(true);
        labelOwner.setEmptySelectionCaption("Not set");
        fields.put("prep", prepCategory);
        FormLayout prep = new FormLayout(prepCategory, prepTypes, prepOwner, labelOwner);

        packRows.setPadding(false);
        packRows.setSpacing(false);
        aliasRows.setPadding(false);
        aliasRows.setSpacing(false);
        Button addPack = new Button("Add pack level", VaadinIcon.PLUS.create(), click -> addPack(null));
        addPack.setId("add-pack");
        addPack.addThemeVariants(ButtonVariant.TERTIARY);
        Button addAlias = new Button("Add channel identifier", VaadinIcon.PLUS.create(), click -> addAlias(null));
        addAlias.setId("add-alias");
        addAlias.addThemeVariants(ButtonVariant.TERTIARY);

        Button save = new Button("Save", click -> fireEvent(new SaveEvent(this, command())));
        save.setId("save-item");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button("Cancel", click -> fireEvent(new CancelEvent(this)));
        cancel.setId("cancel-item");
        save.setVisible(editable);
        addPack.setVisible(editable);
        addAlias.setVisible(editable);
        bundles.addClassName("cd-muted");
        tabs.setId("item-tabs");
        tabs.setWidthFull();
        tabs.add("Item", master);
        tabs.add("Packs & barcodes", new Div(packRows, addPack));
        tabs.add("Channel identifiers", new Div(aliasRows, addAlias));
        tabs.add("FBA prep", prep);
        tabs.add("Bundles", bundles);
        add(tabs, new HorizontalLayout(save, cancel));
    }

    /** Which bundles this item is, or is a component of; shown on the Bundles tab (edited in the Bundles view). */
    void showBundles(String itemSku, List<com.crossdock.portal.catalog.BundleView> related) {
        bundles.removeAll();
        if (related.isEmpty()) {
            bundles.add(new com.vaadin.flow.component.html.Paragraph("No bundle or kit uses " + itemSku
                    + ". Bundles are defined in the Bundles view."));
            return;
        }
        related.forEach(bundle -> bundles.add(new com.vaadin.flow.component.html.Paragraph(
                bundle.definition().kind().name().toLowerCase(java.util.Locale.ROOT) + " " + bundle.definition().sku()
                        + " = " + String.join(" + ", bundle.definition().components().stream()
                        .map(component -> component.quantity() + " × " + component.sku()).toList()))));
    }

    void edit(@Nullable ItemCommand item) {
        clearErrors();
        sku.setValue(item == null ? "" : item.sku());
        description.setValue(item == null ? "" : item.description());
        status.setValue(item == null ? ItemStatus.ACTIVE : item.status());
        lot.setValue(item != null && item.lotTracked());
        expiry.setValue(item != null && item.expiryTracked());
        serial.setValue(item != null && item.serialTracked());
        hazmat.setValue(item != null && item.hazmat());
        PrepAttributes prep = item == null ? PrepAttributes.none() : item.prep();
        prepCategory.setValue(prep.category());
        prepTypes.setValue(prep.types());
        prepOwner.setValue(prep.prepOwner());
        labelOwner.setValue(prep.labelOwner());
        packs.clear();
        packRows.removeAll();
        aliases.clear();
        aliasRows.removeAll();
        if (item == null) {
            addPack(new PackLine(PackLevel.EACH, 1, null, null, null, null, null));
        } else {
            item.packs().forEach(this::addPack);
            item.aliases().forEach(this::addAlias);
        }
        sku.focus();
    }

    void showErrors(Map<String, String> errors) {
        clearErrors();
        errors.keySet().stream().findFirst().ifPresent(field -> tabs.setSelectedIndex(
                field.startsWith("packs") ? 1 : field.startsWith("aliases") ? 2 : field.equals("prep") ? 3 : 0));
        errors.forEach((field, message) -> {
            HasValidation target = fields.get(field);
            if (target != null) {
                target.setErrorMessage(message);
                target.setInvalid(true);
            }
        });
    }

    private void clearErrors() {
        fields.values().forEach(field -> field.setInvalid(false));
    }

    private void addPack(@Nullable PackLine line) {
        PackRow row = new PackRow(line);
        int index = packs.size();
        packs.add(row);
        fields.put("packs[" + index + "]", row.gtin);
        row.remove.addClickListener(click -> {
            packs.remove(row);
            packRows.remove(row);
            reindex();
        });
        packRows.add(row);
    }

    private void addAlias(@Nullable AliasLine line) {
        AliasRow row = new AliasRow(line);
        int index = aliases.size();
        aliases.add(row);
        fields.put("aliases[" + index + "]", row.value);
        row.remove.addClickListener(click -> {
            aliases.remove(row);
            aliasRows.remove(row);
            reindex();
        });
        aliasRows.add(row);
    }

    private void reindex() {
        fields.keySet().removeIf(key -> key.startsWith("packs[") || key.startsWith("aliases["));
        for (int i = 0; i < packs.size(); i++) {
            fields.put("packs[" + i + "]", packs.get(i).gtin);
        }
        for (int i = 0; i < aliases.size(); i++) {
            fields.put("aliases[" + i + "]", aliases.get(i).value);
        }
    }

    private ItemCommand command() {
        return new ItemCommand(sku.getValue(), description.getValue(), status.getValue(), lot.getValue(),
                expiry.getValue(), serial.getValue(), hazmat.getValue(),
                packs.stream().map(PackRow::line).toList(), aliases.stream().map(AliasRow::line).toList(),
                new PrepAttributes(prepCategory.getValue(), prepTypes.getValue(), prepOwner.getValue(),
                        labelOwner.getValue()));
    }

    /** One pack level: level, eaches, weight and barcode. */
    private static final class PackRow extends HorizontalLayout {
        private final Select<PackLevel> level = new Select<>();
        private final IntegerField eaches = new IntegerField("Eaches");
        private final IntegerField weight = new IntegerField("Weight (g)");
        private final TextField gtin = new TextField("Barcode (GTIN)");
        private final Button remove = new Button(VaadinIcon.TRASH.create());

        PackRow(@Nullable PackLine line) {
            level.setLabel("Level");
            level.setItems(PackLevel.values());
            level.setItemLabelGenerator(PackLevel::label);
            level.setValue(line == null ? PackLevel.CASE : line.level());
            level.setWidth("140px");
            eaches.setValue(line == null ? 12 : line.eaches());
            eaches.setMin(1);
            eaches.setWidth("100px");
            weight.setValue(line == null ? null : line.weightG());
            weight.setWidth("120px");
            gtin.setValue(line == null || line.gtin() == null ? "" : line.gtin());
            gtin.setWidth("220px");
            gtin.addClassName("pack-gtin");
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            remove.setAriaLabel("Remove pack level");
            setDefaultVerticalComponentAlignment(Alignment.BASELINE);
            add(level, eaches, weight, gtin, remove);
        }

        PackLine line() {
            return new PackLine(level.getValue(), eaches.getValue() == null ? 0 : eaches.getValue(), null, null, null,
                    weight.getValue(), gtin.getValue());
        }
    }

    /** One channel identifier. */
    private static final class AliasRow extends HorizontalLayout {
        private final Select<AliasKind> kind = new Select<>();
        private final TextField value = new TextField("Identifier");
        private final Button remove = new Button(VaadinIcon.TRASH.create());

        AliasRow(@Nullable AliasLine line) {
            kind.setLabel("Channel identifier");
            kind.setItems(AliasKind.values());
            kind.setItemLabelGenerator(AliasKind::label);
            kind.setValue(line == null ? AliasKind.SHOPIFY_VARIANT_SKU : line.kind());
            kind.setWidth("240px");
            value.setValue(line == null ? "" : line.value());
            value.setWidth("260px");
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            remove.setAriaLabel("Remove identifier");
            setDefaultVerticalComponentAlignment(Alignment.BASELINE);
            add(kind, value, remove);
        }

        AliasLine line() {
            return new AliasLine(kind.getValue(), value.getValue());
        }
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    static final class SaveEvent extends ComponentEvent<ItemForm> {
        private final ItemCommand command;

        SaveEvent(ItemForm source, ItemCommand command) {
            super(source, false);
            this.command = command;
        }

        ItemCommand command() {
            return command;
        }
    }

    static final class CancelEvent extends ComponentEvent<ItemForm> {
        CancelEvent(ItemForm source) {
            super(source, false);
        }
    }
}
