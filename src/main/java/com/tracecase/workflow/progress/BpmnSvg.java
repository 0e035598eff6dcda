package com.tracecase.workflow.progress;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/**
 * Draws a process from its BPMN diagram interchange (shapes with their bounds, flows with
 * their waypoints) as SVG: tasks as rounded boxes with their names inside, events as
 * circles and gateways as diamonds with their names below. Steps the case is at and steps
 * it passed carry the classes {@code current} and {@code passed}, which the page's style
 * sheet colours; each step names itself in a {@code title} for a pointer or a screen
 * reader.
 */
final class BpmnSvg {

	private static final double MARGIN = 20;

	/** Room below the lowest shape for the names of events and gateways. */
	private static final double LABEL_ROOM = 40;

	private static final double TASK_FONT = 12;

	private static final double LABEL_FONT = 11;

	private BpmnSvg() {
	}

	/**
	 * @param model the process model, must have diagram interchange
	 * @param id a name unique in the page, for the diagram's own references
	 * @param title what the diagram shows, for a screen reader
	 * @param current ids of the steps the case is at
	 * @param passed ids of the steps the case passed
	 * @return the SVG element, empty when the model has no diagram
	 */
	static String draw(BpmnModelInstance model, String id, String title, Set<String> current, Set<String> passed) {
		Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
		Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);
		if (shapes.isEmpty()) {
			return "";
		}
		double minX = Double.MAX_VALUE;
		double minY = Double.MAX_VALUE;
		double maxX = 0;
		double maxY = 0;
		for (BpmnShape shape : shapes) {
			Bounds b = shape.getBounds();
			minX = Math.min(minX, b.getX());
			minY = Math.min(minY, b.getY());
			maxX = Math.max(maxX, b.getX() + b.getWidth());
			maxY = Math.max(maxY, b.getY() + b.getHeight());
		}
		for (BpmnEdge edge : edges) {
			for (Waypoint point : edge.getWaypoints()) {
				minX = Math.min(minX, point.getX());
				minY = Math.min(minY, point.getY());
				maxX = Math.max(maxX, point.getX());
				maxY = Math.max(maxY, point.getY());
			}
		}
		double x0 = minX - MARGIN;
		double y0 = minY - MARGIN;
		double width = maxX - minX + 2 * MARGIN;
		double height = maxY - minY + MARGIN + LABEL_ROOM;
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bpmn\" role=\"img\" viewBox=\"")
			.append(n(x0))
			.append(' ')
			.append(n(y0))
			.append(' ')
			.append(n(width))
			.append(' ')
			.append(n(height))
			.append("\" width=\"")
			.append(n(width))
			.append("\" height=\"")
			.append(n(height))
			.append("\">");
		svg.append("<title>").append(escape(title)).append("</title>");
		String arrow = "arrow-" + id.replaceAll("[^A-Za-z0-9_-]", "");
		svg.append("<defs><marker id=\"")
			.append(arrow)
			.append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
					+ "markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrow\"/>"
					+ "</marker></defs>");
		for (BpmnEdge edge : edges) {
			edge(svg, edge, arrow);
		}
		// boundary events sit on their task's border, so they come after every task
		List<BpmnShape> ordered = new ArrayList<>(shapes);
		ordered.sort((a, b) -> Boolean.compare(a.getBpmnElement() instanceof BoundaryEvent,
				b.getBpmnElement() instanceof BoundaryEvent));
		for (BpmnShape shape : ordered) {
			shape(svg, shape, current, passed);
		}
		return svg.append("</svg>").toString();
	}

	private static void edge(StringBuilder svg, BpmnEdge edge, String arrow) {
		List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
		if (points.size() < 2) {
			return;
		}
		svg.append("<polyline class=\"flow\" marker-end=\"url(#").append(arrow).append(")\" points=\"");
		for (Waypoint point : points) {
			svg.append(n(point.getX())).append(',').append(n(point.getY())).append(' ');
		}
		svg.append("\"/>");
		if (edge.getBpmnElement() instanceof SequenceFlow flow && flow.getName() != null && !flow.getName().isBlank()) {
			Waypoint from = points.get(0);
			Waypoint to = points.get(1);
			text(svg, "flow-name", (from.getX() + to.getX()) / 2 + 4, (from.getY() + to.getY()) / 2 - 4, "start",
					List.of(flow.getName().strip()), LABEL_FONT);
		}
	}

	private static void shape(StringBuilder svg, BpmnShape shape, Set<String> current, Set<String> passed) {
		BaseElement element = shape.getBpmnElement();
		if (element == null) {
			return;
		}
		Bounds b = shape.getBounds();
		double x = b.getX();
		double y = b.getY();
		double w = b.getWidth();
		double h = b.getHeight();
		String name = element instanceof FlowElement flowElement
				? StepNames.plain(flowElement.getName(), flowElement.getId()) : element.getId();
		boolean named = element instanceof FlowElement flowElement && flowElement.getName() != null
				&& !flowElement.getName().isBlank();
		String state = current.contains(element.getId()) ? "current"
				: passed.contains(element.getId()) ? "passed" : "ahead";
		svg.append("<g class=\"step ")
			.append(state)
			.append("\" data-step=\"")
			.append(escape(element.getId()))
			.append("\"><title>")
			.append(escape(name + switch (state) {
				case "current" -> " (the case is here)";
				case "passed" -> " (passed)";
				default -> "";
			}))
			.append("</title>");
		if (element instanceof Activity) {
			svg.append("<rect x=\"")
				.append(n(x))
				.append("\" y=\"")
				.append(n(y))
				.append("\" width=\"")
				.append(n(w))
				.append("\" height=\"")
				.append(n(h))
				.append("\" rx=\"10\" class=\"")
				.append(element instanceof CallActivity || element instanceof SubProcess ? "shape call" : "shape")
				.append("\"/>");
			List<String> lines = wrap(name, (int) Math.max(6, (w - 10) / (TASK_FONT * 0.55)));
			double top = y + h / 2 - (lines.size() - 1) * TASK_FONT * 1.2 / 2 + TASK_FONT * 0.35;
			text(svg, "name", x + w / 2, top, "middle", lines, TASK_FONT);
		}
		else {
			double cx = x + w / 2;
			double cy = y + h / 2;
			if (element instanceof Gateway) {
				svg.append("<polygon class=\"shape\" points=\"")
					.append(n(cx))
					.append(',')
					.append(n(y))
					.append(' ')
					.append(n(x + w))
					.append(',')
					.append(n(cy))
					.append(' ')
					.append(n(cx))
					.append(',')
					.append(n(y + h))
					.append(' ')
					.append(n(x))
					.append(',')
					.append(n(cy))
					.append("\"/>");
				text(svg, "marker", cx, cy + 7, "middle", List.of(element instanceof ParallelGateway ? "+" : "×"), 20);
			}
			else if (element instanceof Event) {
				double r = Math.min(w, h) / 2;
				String kind = element instanceof EndEvent ? "shape end"
						: element instanceof BoundaryEvent boundary && !boundary.cancelActivity() ? "shape dashed"
								: "shape";
				svg.append("<circle class=\"")
					.append(kind)
					.append("\" cx=\"")
					.append(n(cx))
					.append("\" cy=\"")
					.append(n(cy))
					.append("\" r=\"")
					.append(n(r))
					.append("\"/>");
				if (element instanceof IntermediateCatchEvent || element instanceof BoundaryEvent) {
					svg.append("<circle class=\"")
						.append(kind)
						.append("\" cx=\"")
						.append(n(cx))
						.append("\" cy=\"")
						.append(n(cy))
						.append("\" r=\"")
						.append(n(r - 3))
						.append("\"/>");
				}
			}
			if (named) {
				text(svg, "label", cx, y + h + LABEL_FONT + 3, "middle", wrap(name, 20), LABEL_FONT);
			}
		}
		svg.append("</g>");
	}

	private static void text(StringBuilder svg, String kind, double x, double y, String anchor, List<String> lines,
			double size) {
		svg.append("<text class=\"")
			.append(kind)
			.append("\" x=\"")
			.append(n(x))
			.append("\" y=\"")
			.append(n(y))
			.append("\" text-anchor=\"")
			.append(anchor)
			.append("\" font-size=\"")
			.append(n(size))
			.append("\">");
		for (int i = 0; i < lines.size(); i++) {
			svg.append("<tspan x=\"")
				.append(n(x))
				.append("\" dy=\"")
				.append(i == 0 ? "0" : n(size * 1.2))
				.append("\">")
				.append(escape(lines.get(i)))
				.append("</tspan>");
		}
		svg.append("</text>");
	}

	/** Breaks a name into lines of at most about {@code width} characters, at spaces. */
	static List<String> wrap(String text, int width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split("\\s+")) {
			if (line.length() > 0 && line.length() + 1 + word.length() > width) {
				lines.add(line.toString());
				line.setLength(0);
			}
			if (line.length() > 0) {
				line.append(' ');
			}
			line.append(word);
		}
		if (line.length() > 0) {
			lines.add(line.toString());
		}
		return lines;
	}

	private static String n(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
