// <cd-chart option='{...}'>: an Apache ECharts chart whose option (JSON) is set from Java. SVG rendering keeps it
// sharp and lets the page's text be found; the data table beside it (rendered by Java) is what screen readers use,
// so the chart itself is hidden from them.
import * as echarts from 'echarts';

class CdChart extends HTMLElement {
  static get observedAttributes() {
    return ['option'];
  }

  connectedCallback() {
    if (!this.style.display) {
      this.style.display = 'block';
    }
    this.setAttribute('aria-hidden', 'true');
    if (!this.chart) {
      this.chart = echarts.init(this, null, { renderer: 'svg' });
      this.resizer = new ResizeObserver(() => this.chart && this.chart.resize());
      this.resizer.observe(this);
    }
    this.render();
  }

  disconnectedCallback() {
    if (this.resizer) {
      this.resizer.disconnect();
    }
    if (this.chart) {
      this.chart.dispose();
      this.chart = null;
    }
  }

  attributeChangedCallback() {
    this.render();
  }

  render() {
    const option = this.getAttribute('option');
    if (!this.chart || !option) {
      return;
    }
    this.chart.setOption(JSON.parse(option), true);
    this.setAttribute('data-rendered', 'true');
  }
}

if (!customElements.get('cd-chart')) {
  customElements.define('cd-chart', CdChart);
}
