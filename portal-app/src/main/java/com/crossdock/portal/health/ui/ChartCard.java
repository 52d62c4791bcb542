package com.crossdock.portal.health.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.dom.Element;
import java.util.List;
import java.util.Map;

/**
 * A chart with its title and its data as a table (folded under "Data table"): what a screen reader reads and what a
 * person copies into a spreadsheet.
 */
class ChartCard extends Div {

    private final Chart chart = new Chart();
    private final Element table = new Element("table");

    ChartCard(String id, String title) {
        setId(id);
        addClassName("cd-card");
        addClassName("cd-chart-card");
        H3 heading = new H3(title);
        chart.getElement().setAttribute("title", title);
        table.setAttribute("aria-label", title);
        table.getClassList().add("cd-data-table");
        Div tableHolder = new Div();
        tableHolder.getElement().appendChild(table);
        Details details = new Details("Data table", tableHolder);
        details.setId(id + "-table");
        add(heading, chart, details);
    }

    Chart chart() {
        return chart;
    }

    /** Shows this option and the same data as a table: a header row, then one row per entry. */
    void show(Map<String, Object> option, List<String> header, List<List<String>> rows) {
        chart.setOption(option);
        table.removeAllChildren();
        Element head = new Element("tr");
        header.forEach(text -> head.appendChild(cell("th", text).setAttribute("scope", "col")));
        table.appendChild(new Element("thead").appendChild(head));
        Element body = new Element("tbody");
        for (List<String> row : rows) {
            Element tr = new Element("tr");
            for (int i = 0; i < row.size(); i++) {
                tr.appendChild(i == 0 ? cell("th", row.get(i)).setAttribute("scope", "row") : cell("td", row.get(i)));
            }
            body.appendChild(tr);
        }
        table.appendChild(body);
    }

    private static Element cell(String tag, String text) {
        Element cell = new Element(tag);
        cell.setText(text);
        return cell;
    }
}
