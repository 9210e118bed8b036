package org.reluflow.spec;

/** A spec that cannot be used, with the path of the offending key (e.g. {@code network.width}). */
public final class SpecException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final String reason;

    public SpecException(String path, String message) {
        super((path == null || path.isEmpty() ? "" : path + ": ") + message);
        this.path = path == null ? "" : path;
        this.reason = message;
    }

    public String path() { return path; }

    /** The message without the path. */
    public String reason() { return reason; }
}
