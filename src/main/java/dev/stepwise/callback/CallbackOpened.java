package dev.stepwise.callback;

/**
 * A Task handed out a task token (published inside the transaction that records it).
 *
 * @param activity the activity whose workers pull the task, or null
 */
public record CallbackOpened(String stateMachine, String activity) {}
