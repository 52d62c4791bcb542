package com.crossdock.portal.health.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ECharts options for the few chart shapes the dashboards use, in the theme's colours. */
final class ChartOptions {

    static final List<String> PALETTE = List.of("#1f5fbf", "#2e9d6a", "#d9822b", "#c23b3b", "#7b5cc4", "#5b6b7f");

    private ChartOptions() {
    }

    /** Bars (or lines) of several series over the same categories. */
    static Map<String, Object> series(List<String> categories, Map<String, List<? extends Number>> series,
            String type, boolean stacked) {
        List<Object> all = new ArrayList<>();
        series.forEach((name, values) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", name);
            one.put("type", type);
            one.put("data", values);
            if (stacked) {
                one.put("stack", "total");
            }
            if (type.equals("line")) {
                one.put("showSymbol", false);
            } else {
                one.put("barMaxWidth", 18);
            }
            all.add(one);
        });
        Map<String, Object> option = base();
        option.put("legend", Map.of("top", 0, "type", "scroll"));
        option.put("xAxis", Map.of("type", "category", "data", categories));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        option.put("series", all);
        return option;
    }

    /** Horizontal bars: one value per label. */
    static Map<String, Object> bars(List<String> labels, List<? extends Number> values, String colour) {
        Map<String, Object> option = base();
        option.put("grid", Map.of("left", 8, "right", 24, "top", 8, "bottom", 8, "containLabel", true));
        option.put("xAxis", Map.of("type", "value", "minInterval", 1));
        option.put("yAxis", Map.of("type", "category", "data", labels, "inverse", true));
        option.put("series", List.of(Map.of("type", "bar", "data", values, "itemStyle", Map.of("color", colour),
                "barMaxWidth", 22, "label", Map.of("show", true, "position", "right"))));
        return option;
    }

    /** A heat map: x labels, y labels, cells [x, y, value] with a green-amber-red scale from 0 to {@code max}. */
    static Map<String, Object> heatmap(List<String> x, List<String> y, List<List<Object>> cells, double max) {
        Map<String, Object> option = base();
        option.put("grid", Map.of("left", 190, "right", 8, "top", 8, "bottom", 64));
        option.put("xAxis", Map.of("type", "category", "data", x, "splitArea", Map.of("show", true)));
        option.put("yAxis", Map.of("type", "category", "data", y, "inverse", true, "splitArea",
                Map.of("show", true), "axisLabel", Map.of("width", 180, "overflow", "truncate")));
        option.put("visualMap", Map.of("min", 0, "max", max, "calculable", false, "orient", "horizontal",
                "left", "center", "bottom", 0, "text", List.of("failing", "healthy"),
                "inRange", Map.of("color", List.of("#2e9d6a", "#f2c14e", "#c23b3b"))));
        option.put("tooltip", Map.of("trigger", "item"));
        option.put("series", List.of(Map.of("type", "heatmap", "data", cells, "label",
                Map.of("show", true, "formatter", "{@[2]}%"))));
        return option;
    }

    private static Map<String, Object> base() {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("color", PALETTE);
        option.put("animation", false);
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("grid", Map.of("left", 8, "right", 16, "top", 36, "bottom", 8, "containLabel", true));
        option.put("textStyle", Map.of("fontFamily", "inherit"));
        return option;
    }
}
