package org.reluflow.dynamics;

/**
 * An activation change of neuron {@code neuron} on sample {@code sample} (0-based) at time t.
 * Modes: "on" (z &gt; 0), "off" (z &lt; 0 or frozen at 0), "slide" (Filippov sliding on z = 0).
 */
public record SwitchEvent(double t, int sample, int neuron, String from, String to) {}
