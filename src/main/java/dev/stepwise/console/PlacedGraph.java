package dev.stepwise.console;

import java.util.List;

/**
 * A definition's graph as laid out by ELK, ready to draw: each box with its position relative to
 * the box that holds it, each edge with the points of its route and the place of its label (in the
 * same frame as the boxes of its scope).
 */
record PlacedGraph(double width, double height, List<Node> nodes, List<Edge> edges) {

  record Node(
      String id,
      String name,
      String type,
      String mode,
      List<String> lines,
      double x,
      double y,
      double width,
      double height,
      List<Node> children,
      List<Edge> edges) {}

  record Edge(
      String id,
      String source,
      String target,
      String kind,
      String label,
      List<double[]> points,
      Box labelBox) {}

  record Box(double x, double y, double width, double height) {}
}
