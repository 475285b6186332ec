package io.iotrace.cli.lint;

import io.iotrace.cli.UserError;

/** Reads a method as users write it, {@code com.example.Cache#load} (BlockHound's class and method, joined by '#'). */
final class MethodNames {
    private MethodNames() {
    }

    /**
     * The method as a stack frame names it, {@code com.example.Cache.load}.
     *
     * @param where what to name in the error: the option or the file and line
     */
    static String parse(String classAndMethod, String where) {
        int hash = classAndMethod.indexOf('#');
        if (hash <= 0 || hash == classAndMethod.length() - 1 || classAndMethod.indexOf('#', hash + 1) >= 0
                || classAndMethod.contains(" ")) {
            throw new UserError(where + ": expected CLASS#METHOD (com.example.Cache#load), got '" + classAndMethod + "'");
        }
        return classAndMethod.substring(0, hash) + "." + classAndMethod.substring(hash + 1);
    }
}
