// The genealogy of a device as an ECharts force graph, laid out before it is drawn; each node a link to its lot.
function tracecaseGraph(element, graph) {
	if (!window.echarts || !graph || !graph.nodes) {
		return;
	}
	var nodes = graph.nodes.map(function (n) {
		return {
			id: n.id, name: n.name, value: n.part, url: n.url,
			symbolSize: n.depth === 0 ? 28 : 18,
			itemStyle: { color: n.suspect ? '#d4351c' : (n.depth === 0 ? '#0b0c0c' : '#1d70b8') },
			label: { show: true, position: 'bottom', formatter: n.suspect ? '{b} (suspect)' : '{b}' }
		};
	});
	var links = graph.links.map(function (l) {
		return {
			source: l.source, target: l.target, value: l.precision,
			lineStyle: { type: l.precision === 'Unit' ? 'solid' : 'dashed', width: 1.5 },
			label: { show: true, formatter: l.precision, fontSize: 11 }
		};
	});
	var chart = echarts.init(element);
	chart.setOption({
		tooltip: { formatter: function (p) { return p.dataType === 'edge' ? 'Link known per ' + p.data.value : p.data.name + '<br>' + p.data.value; } },
		series: [{ type: 'graph', layout: 'force', force: { repulsion: 400, edgeLength: 120, layoutAnimation: false }, animation: false, roam: true, draggable: true, data: nodes, links: links,
			edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 6, lineStyle: { color: '#505a5f' } }]
	});
	chart.on('click', function (p) {
		if (p.dataType === 'node' && p.data.url) {
			window.location.href = p.data.url;
		}
	});
	window.addEventListener('resize', function () { chart.resize(); });
}

// The graph's data comes with the page as JSON (no inline script, so the page's content security policy holds).
document.addEventListener('DOMContentLoaded', function () {
	var element = document.getElementById('genealogy-graph');
	var data = document.getElementById('genealogy-graph-data');
	if (element && data) {
		tracecaseGraph(element, JSON.parse(data.textContent));
	}
});
