package dev.stepwise.console;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a definition's graph out with Eclipse ELK's layered algorithm, top to bottom, each container
 * (a Parallel state, its branches, a Map state) laid out inside its own box. ELK needs the size of
 * each box and label; they are estimated from the length of their text, for the font the console
 * draws with (the browser then cuts text that would not fit).
 */
final class GraphLayout {
  static final double NAME_CHAR = 8.4;
  static final double LINE_CHAR = 6.6;
  static final double LABEL_CHAR = 6.4;
  static final int MAX_LABEL_CHARS = 40;
  private static final double MIN_WIDTH = 120;
  private static final double MAX_WIDTH = 300;

  static {
    LayoutMetaDataService.getInstance()
        .registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
  }

  private GraphLayout() {}

  static PlacedGraph layout(GraphNode root) {
    ElkNode graph = ElkGraphUtil.createGraph();
    configure(graph, new ElkPadding(12));
    var elkNodes = new HashMap<String, ElkNode>();
    var elkEdges = new HashMap<String, ElkEdge>();
    fill(graph, root, elkNodes, elkEdges);
    new RecursiveGraphLayoutEngine().layout(graph, new BasicProgressMonitor());
    var nodes = root.children().stream().map(n -> placed(n, elkNodes, elkEdges)).toList();
    var edges =
        root.edges().stream()
            .filter(e -> elkEdges.containsKey(e.id()))
            .map(e -> placed(e, elkEdges))
            .toList();
    return new PlacedGraph(graph.getWidth(), graph.getHeight(), nodes, edges);
  }

  private static void configure(ElkNode node, ElkPadding padding) {
    node.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    node.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
    node.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    node.setProperty(CoreOptions.PADDING, padding);
    node.setProperty(CoreOptions.SPACING_NODE_NODE, 28.0);
    node.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 40.0);
    node.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 16.0);
    node.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 4.0);
    // States keep the order the definition lists them in where the layering allows.
    node.setProperty(
        LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
  }

  /**
   * A Parallel state's branches have no edges between them, and layered would order them as it
   * likes: they are boxed in a row instead, in the order the definition lists them.
   */
  private static void sideBySide(ElkNode node) {
    node.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.box");
    node.setProperty(CoreOptions.ASPECT_RATIO, 100.0);
    node.setProperty(CoreOptions.SPACING_NODE_NODE, 16.0);
  }

  private static void fill(
      ElkNode parent,
      GraphNode scope,
      Map<String, ElkNode> elkNodes,
      Map<String, ElkEdge> elkEdges) {
    int priority = scope.children().size();
    for (GraphNode child : scope.children()) {
      ElkNode node = ElkGraphUtil.createNode(parent);
      node.setIdentifier(child.id());
      node.setProperty(CoreOptions.PRIORITY, priority--);
      elkNodes.put(child.id(), node);
      if (child.isContainer()) {
        // A Map's header has one more line: its iterations counted, on execution pages.
        int lines = child.lines().size() + (child.type().equals("Map") ? 1 : 0);
        double header = 30 + 15 * lines;
        configure(node, new ElkPadding(header, 14, 14, 14));
        if (child.type().equals("Parallel")) sideBySide(node);
        node.setProperty(
            CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
        node.setProperty(
            CoreOptions.NODE_SIZE_MINIMUM,
            new org.eclipse.elk.core.math.KVector(
                child.type().equals("Map") ? Math.max(240, textWidth(child)) : textWidth(child),
                header + 20));
        fill(node, child, elkNodes, elkEdges);
      } else {
        node.setDimensions(textWidth(child), textHeight(child));
      }
    }
    for (GraphEdge edge : scope.edges()) {
      ElkNode source = elkNodes.get(edge.source());
      ElkNode target = elkNodes.get(edge.target());
      if (source == null || target == null) continue;
      ElkEdge elkEdge = ElkGraphUtil.createEdge(parent);
      elkEdge.getSources().add(source);
      elkEdge.getTargets().add(target);
      elkEdge.setIdentifier(edge.id());
      if (edge.label() != null) {
        ElkLabel label = ElkGraphUtil.createLabel(edge.label(), elkEdge);
        int chars = Math.min(edge.label().length(), MAX_LABEL_CHARS);
        label.setDimensions(chars * LABEL_CHAR + 10, 16);
        label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
      }
      elkEdges.put(edge.id(), elkEdge);
    }
  }

  static double textWidth(GraphNode node) {
    if (node.type().equals("Start") || node.type().equals("End")) return 64;
    // The name shares its line with the status icon.
    double widest = node.name().length() * NAME_CHAR + 20;
    for (String line : node.lines()) widest = Math.max(widest, line.length() * LINE_CHAR);
    return Math.clamp(widest + 28, MIN_WIDTH, MAX_WIDTH);
  }

  static double textHeight(GraphNode node) {
    if (node.type().equals("Start") || node.type().equals("End")) return 28;
    return 34 + 15 * node.lines().size();
  }

  private static PlacedGraph.Node placed(
      GraphNode node, Map<String, ElkNode> elkNodes, Map<String, ElkEdge> elkEdges) {
    ElkNode elk = elkNodes.get(node.id());
    return new PlacedGraph.Node(
        node.id(),
        node.name(),
        node.type(),
        node.mode(),
        node.lines(),
        elk.getX(),
        elk.getY(),
        elk.getWidth(),
        elk.getHeight(),
        node.children().stream().map(c -> placed(c, elkNodes, elkEdges)).toList(),
        node.edges().stream()
            .filter(e -> elkEdges.containsKey(e.id()))
            .map(e -> placed(e, elkEdges))
            .toList());
  }

  private static PlacedGraph.Edge placed(GraphEdge edge, Map<String, ElkEdge> elkEdges) {
    ElkEdge elk = elkEdges.get(edge.id());
    var points = new ArrayList<double[]>();
    if (elk != null) {
      for (ElkEdgeSection section : elk.getSections()) {
        points.add(new double[] {section.getStartX(), section.getStartY()});
        section.getBendPoints().forEach(p -> points.add(new double[] {p.getX(), p.getY()}));
        points.add(new double[] {section.getEndX(), section.getEndY()});
      }
    }
    PlacedGraph.Box box = null;
    if (elk != null && !elk.getLabels().isEmpty()) {
      ElkLabel label = elk.getLabels().getFirst();
      box = new PlacedGraph.Box(label.getX(), label.getY(), label.getWidth(), label.getHeight());
    }
    return new PlacedGraph.Edge(
        edge.id(),
        edge.source(),
        edge.target(),
        edge.kind(),
        edge.label(),
        List.copyOf(points),
        box);
  }
}
