package dev.stepwise.callback;

/** A task handed to an activity worker: the token to answer with, and the state's input. */
public record ActivityTask(String taskToken, Object input) {}
