package io.iotrace.cli;

/** A mistake in what the user gave: printed as one line, exit code 2. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }
}
