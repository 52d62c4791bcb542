package com.crossdock.portal.support;

import com.vaadin.flow.component.Component;
import java.util.stream.Stream;

/** Finds components in a view's tree by their id, for tests of views without a browser. */
public final class ComponentTree {

    private ComponentTree() {
    }

    public static Component find(Component root, String id) {
        return descendants(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + id));
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(ComponentTree::descendants));
    }
}
