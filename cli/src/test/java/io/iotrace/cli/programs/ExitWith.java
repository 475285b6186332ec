package io.iotrace.cli.programs;

/** A traced program that ends with the exit code it is given: {@code ExitWith 5}. */
public final class ExitWith {
    private ExitWith() {
    }

    public static void main(String[] args) {
        System.exit(Integer.parseInt(args[0]));
    }
}
