// The charts of the managers' view, drawn with ECharts from the data each chart carries in the page
// (metrics/chart.html). The tables beside them show the same figures; tooltips show the values in words.
(function () {
	var COLORS = ['#1d70b8', '#f47738', '#00703c', '#d4351c', '#4c2c92', '#505a5f', '#b58840'];
	var charts = [];

	function tooltipOf(data) {
		return function (params) {
			var items = Array.isArray(params) ? params : [params];
			if (!items.length) {
				return '';
			}
			var index = items[0].dataIndex;
			var lines = [html(data.titles[index])];
			items.forEach(function (item) {
				var series = data.series[item.seriesIndex];
				if (series) {
					lines.push(item.marker + html(series.name) + ': <strong>' + html(series.texts[index]) + '</strong>');
				}
			});
			return lines.join('<br>');
		};
	}

	function html(text) {
		return String(text == null ? '' : text).replace(/[&<>"']/g, function (c) {
			return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
		});
	}

	function funnel(data) {
		var series = data.series[0];
		var largest = Math.max.apply(null, series.values.concat([1]));
		return {
			color: COLORS,
			tooltip: { trigger: 'item', formatter: function (p) { return html(p.name) + ': <strong>' + html(series.texts[p.dataIndex]) + '</strong> open'; } },
			series: [{
				type: 'funnel', sort: 'none', gap: 2, min: 0, max: largest, minSize: '10%', left: '5%', right: '5%', top: 8, bottom: 8,
				label: { show: true, position: 'inside', formatter: '{b}: {c}', color: '#fff', textBorderColor: '#0b0c0c', textBorderWidth: 2 },
				data: data.categories.map(function (name, i) { return { name: name, value: series.values[i] }; })
			}]
		};
	}

	function axes(data, option) {
		var horizontal = data.kind === 'horizontal-bars';
		var category = { type: 'category', data: data.categories, axisLabel: { hideOverlap: true } };
		var value = { type: 'value', name: data.unit, minInterval: data.unit === 'cases' || data.unit === 'breaches' ? 1 : 0 };
		option.xAxis = horizontal ? value : category;
		option.yAxis = horizontal ? category : value;
		if (horizontal) {
			category.inverse = true;
			category.axisLabel.width = 220;
			category.axisLabel.overflow = 'truncate';
			option.grid = { left: 230, right: 40, top: 40, bottom: 30 };
		}
		else {
			option.grid = { left: 60, right: data.kind === 'pareto' ? 60 : 24, top: 40, bottom: 40 };
		}
		return option;
	}

	function cartesian(data) {
		var option = axes(data, {
			color: COLORS,
			legend: { top: 0 },
			tooltip: { trigger: 'axis', axisPointer: { type: data.kind === 'lines' ? 'line' : 'shadow' }, formatter: tooltipOf(data) }
		});
		option.series = data.series.map(function (series, i) {
			var drawn = { name: series.name, data: series.values };
			if (data.kind === 'lines') {
				drawn.type = 'line';
				drawn.connectNulls = false;
				drawn.symbolSize = 7;
			}
			else if (data.kind === 'pareto' && i === 1) {
				drawn.type = 'line';
				drawn.yAxisIndex = 1;
				drawn.symbolSize = 7;
			}
			else {
				drawn.type = 'bar';
				drawn.barMaxWidth = 48;
				if (data.kind === 'stacked-bars') {
					drawn.stack = 'all';
				}
			}
			return drawn;
		});
		if (data.kind === 'pareto') {
			option.yAxis = [option.yAxis, { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false } }];
		}
		return option;
	}

	function draw(element) {
		var source = document.getElementById(element.id + '-data');
		if (!window.echarts || !source || echarts.getInstanceByDom(element)) {
			return;
		}
		var data = JSON.parse(source.textContent);
		var chart = echarts.init(element);
		chart.setOption(data.kind === 'funnel' ? funnel(data) : cartesian(data));
		charts.push(chart);
	}

	function drawAll() {
		charts = charts.filter(function (chart) {
			if (chart.getDom().isConnected) {
				return true;
			}
			chart.dispose();
			return false;
		});
		document.querySelectorAll('.chart').forEach(draw);
	}

	document.addEventListener('DOMContentLoaded', drawAll);
	// the Pareto's ranking comes back from the server as a new part of the page
	document.addEventListener('htmx:afterSettle', drawAll);
	window.addEventListener('resize', function () {
		charts.forEach(function (chart) { chart.resize(); });
	});
}());
