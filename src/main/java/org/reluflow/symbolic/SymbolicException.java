package org.reluflow.symbolic;

/** A symbolic computation that failed, was malformed, or ran out of its time limit. */
public final class SymbolicException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean timedOut;

    public SymbolicException(String message, boolean timedOut) {
        super(message);
        this.timedOut = timedOut;
    }

    public boolean timedOut() { return timedOut; }
}
