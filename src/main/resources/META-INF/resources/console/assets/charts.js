// Draws every element with a data-chart attribute (JSON written by the page: console.sla.Chart) with ECharts.
// A page without ECharts (or without script) still has the table under each chart.
(function () {
  'use strict';
  var palette = ['#b42318', '#dc6803', '#fdb022', '#2e90fa', '#12b76a', '#7a5af8'];

  function heatmap(spec) {
    var data = [];
    var max = 1;
    spec.cells.forEach(function (row, y) {
      row.forEach(function (value, x) { data.push([x, y, value]); if (value > max) max = value; });
    });
    return {
      aria: { enabled: true },
      animation: false,
      title: { text: spec.title, left: 0, textStyle: { fontSize: 14 } },
      tooltip: { position: 'top' },
      grid: { left: 8, right: 16, top: 56, bottom: 64, containLabel: true },
      xAxis: { type: 'category', data: spec.categories, name: 'candidate', nameLocation: 'middle', nameGap: 28, splitArea: { show: true } },
      yAxis: { type: 'category', data: spec.rows, name: 'serving', inverse: true, splitArea: { show: true } },
      visualMap: { min: 0, max: max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
        inRange: { color: ['#f5f8ff', '#2e90fa', '#1d2939'] } },
      series: [{ type: 'heatmap', data: data, label: { show: true }, emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } } }]
    };
  }

  function option(spec) {
    if (spec.rows) return heatmap(spec);
    var hasLine = spec.series.some(function (s) { return s.line; });
    var hasBars = spec.series.some(function (s) { return !s.line; });
    var categoryAxis = { type: 'category', data: spec.categories, axisLabel: { interval: 0, hideOverlap: true } };
    var valueAxes = [];
    if (hasBars) valueAxes.push({ type: 'value', minInterval: 1 });
    if (hasLine) valueAxes.push({ type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } });
    var series = spec.series.map(function (s, i) {
      return {
        name: s.name,
        type: s.line ? 'line' : 'bar',
        stack: s.stack || undefined,
        connectNulls: true,
        yAxisIndex: spec.horizontal ? undefined : (s.line && hasBars ? 1 : 0),
        xAxisIndex: spec.horizontal ? 0 : undefined,
        data: s.values,
        color: spec.series.length <= palette.length && s.stack ? palette[i] : undefined,
        emphasis: { focus: 'series' }
      };
    });
    return {
      aria: { enabled: true },
      animation: false,
      title: { text: spec.title, left: 0, textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', axisPointer: { type: spec.horizontal ? 'shadow' : 'line' } },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 40, containLabel: true },
      xAxis: spec.horizontal ? valueAxes[0] : categoryAxis,
      yAxis: spec.horizontal ? Object.assign({}, categoryAxis, { inverse: true }) : valueAxes,
      series: series
    };
  }

  function draw() {
    if (typeof echarts === 'undefined') return;
    var charts = [];
    document.querySelectorAll('[data-chart]').forEach(function (element) {
      var spec = JSON.parse(element.getAttribute('data-chart'));
      if (spec.horizontal) element.style.height = Math.max(160, 70 + 36 * spec.categories.length) + 'px';
      var chart = echarts.init(element, null, { renderer: 'canvas' });
      chart.setOption(option(spec));
      element.setAttribute('data-drawn', 'true');
      charts.push(chart);
    });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw); else draw();
}());
