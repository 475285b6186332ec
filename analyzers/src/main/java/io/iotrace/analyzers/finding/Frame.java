package io.iotrace.analyzers.finding;

/**
 * One frame of a stack trace.
 *
 * @param className the declaring class, binary name ({@code a.b.Outer$Inner})
 * @param method    the method's name
 * @param line      the source line, or -1 when unknown
 * @param nativeMethod whether the method is native: no Java code of its own takes a monitor or a lock there
 */
public record Frame(String className, String method, int line, boolean nativeMethod) {

    /** A frame of a Java (not native) method. */
    public Frame(String className, String method, int line) {
        this(className, method, line, false);
    }

    /** {@code a.b.C.method}, without the line: stable while the code around it changes. */
    public String qualifiedMethod() {
        return className + "." + method;
    }

    @Override
    public String toString() {
        return qualifiedMethod() + (line >= 0 ? ":" + line : "");
    }
}
