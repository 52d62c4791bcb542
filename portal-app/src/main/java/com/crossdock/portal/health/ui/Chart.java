package com.crossdock.portal.health.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * An Apache ECharts chart ({@code <cd-chart>} in {@code src/main/frontend/cd-chart.js}): Java sets the ECharts
 * option as JSON in the element's {@code option} attribute, and the element draws it (SVG) and follows its size.
 */
@Tag("cd-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./cd-chart.js")
public class Chart extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Chart() {
        setWidthFull();
        setHeight("260px");
    }

    /** Draws this option (an ECharts option object as maps and lists); the same option again changes nothing. */
    public void setOption(Map<String, Object> option) {
        String json = JSON.writeValueAsString(option);
        if (!json.equals(getElement().getAttribute("option"))) {
            getElement().setAttribute("option", json);
        }
    }
}
