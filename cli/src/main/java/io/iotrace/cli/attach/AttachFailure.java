package io.iotrace.cli.attach;

/** Why a running JVM cannot be attached to or traced, in one line for the user (exit code 2). */
public final class AttachFailure extends RuntimeException {
    public AttachFailure(String message) {
        super(message);
    }
}
