/**
 * The web console: pages served at {@code /} (a shell of plain JavaScript modules under {@code
 * /console/}) that read and act through the public REST API ({@code /v1}) from the browser, plus a
 * few read endpoints under {@code /console/api} for what that API does not answer: a definition
 * laid out as a graph (Eclipse ELK's layered algorithm, on the server), each state's status folded
 * from an execution's history, a live stream of an execution's changes, the Task states waiting for
 * an answer, and the overview's figures.
 *
 * <p>An edge: it changes nothing itself (every action is a {@code /v1} call from the browser) and
 * its own queries are read-only {@code SELECT}s. {@link dev.stepwise.console.CrossSiteRequestGuard}
 * keeps other web sites from making a visitor's browser call the API.
 */
package dev.stepwise.console;
