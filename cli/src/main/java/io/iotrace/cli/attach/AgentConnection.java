package io.iotrace.cli.attach;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import io.iotrace.cli.Durations;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Attach API connection to one JVM, every call bounded by a timeout of our own: a JVM that is stopped
 * (SIGSTOP) or wedged can make the JDK's calls wait forever. Failures are {@link AttachFailure}s that say why.
 */
public final class AgentConnection implements AutoCloseable {
    private final long pid;
    private final Duration timeout;
    private final ExecutorService caller;
    private final VirtualMachine vm;

    private AgentConnection(long pid, Duration timeout, ExecutorService caller, VirtualMachine vm) {
        this.pid = pid;
        this.timeout = timeout;
        this.caller = caller;
        this.vm = vm;
    }

    /** Attaches to {@code pid}, which {@link TargetJvm#check} has found to be a JVM of this user. */
    public static AgentConnection open(long pid, Duration timeout) {
        ExecutorService caller = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "iotrace-attach-" + pid);
            t.setDaemon(true); // a call that never returns must not keep the CLI alive
            return t;
        });
        try {
            VirtualMachine vm = bounded(caller, timeout, pid, "attaching",
                    () -> VirtualMachine.attach(Long.toString(pid)));
            return new AgentConnection(pid, timeout, caller, vm);
        } catch (ExecutionException e) {
            caller.shutdownNow();
            throw attachFailure(pid, e.getCause());
        } catch (RuntimeException e) {
            caller.shutdownNow();
            throw e;
        }
    }

    public Properties systemProperties() {
        try {
            return call("reading its properties", vm::getSystemProperties);
        } catch (ExecutionException e) {
            throw new AttachFailure("lost the connection to pid " + pid + " while reading its properties: "
                    + message(e.getCause()));
        }
    }

    public AgentStatus status() {
        return AgentStatus.of(systemProperties());
    }

    /** Has the agent count the JDK classes that carry its hooks now, and returns its status with that count. */
    public AgentStatus askStatus(Path agentJar) {
        loadAgent(agentJar, "command=status");
        return status();
    }

    /** Loads the agent jar with {@code options}; the agent has run its {@code agentmain} when this returns. */
    public void loadAgent(Path agentJar, String options) {
        try {
            call("loading the agent", () -> {
                vm.loadAgent(agentJar.toString(), options);
                return null;
            });
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AgentLoadException) {
                throw new AttachFailure("pid " + pid + " refused to load the agent (" + message(cause) + "): it"
                        + " was probably started with -XX:-EnableDynamicAgentLoading; trace it from its start with"
                        + " 'iotrace run' instead");
            }
            if (cause instanceof AgentInitializationException) {
                throw new AttachFailure("the agent did not start inside pid " + pid + " (" + message(cause)
                        + "); the JVM runs on, untraced");
            }
            throw new AttachFailure("lost the connection to pid " + pid + " while loading the agent: "
                    + message(cause));
        }
    }

    @Override
    public void close() {
        try {
            call("detaching", () -> {
                vm.detach();
                return null;
            });
        } catch (ExecutionException | AttachFailure e) {
            // Detaching only closes our side; the target is unaffected either way.
        } finally {
            caller.shutdownNow();
        }
    }

    private <T> T call(String what, Callable<T> action) throws ExecutionException {
        return bounded(caller, timeout, pid, what, action);
    }

    private static <T> T bounded(ExecutorService caller, Duration timeout, long pid, String what,
                                 Callable<T> action) throws ExecutionException {
        Future<T> result = caller.submit(action);
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw noAnswer(pid, timeout, what);
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new AttachFailure("interrupted while " + what + " pid " + pid);
        }
    }

    /** The failure of a JVM that did not answer within {@code timeout} while {@code what} ("attaching"). */
    static AttachFailure noAnswer(long pid, Duration timeout, String what) {
        return new AttachFailure("pid " + pid + " did not answer within " + Durations.format(timeout) + " while "
                + what + " (is it stopped, or too busy?); raise the limit with --timeout");
    }

    /** The failure of a JVM that does not accept attach; {@code detail} is what said so. */
    static AttachFailure attachDisabled(long pid, String detail) {
        return new AttachFailure("pid " + pid + " does not accept attach (" + detail + "): it was probably"
                + " started with -XX:+DisableAttachMechanism; trace it from its start with 'iotrace run' instead");
    }

    private static AttachFailure attachFailure(long pid, Throwable cause) {
        String message = message(cause);
        if (cause instanceof AttachNotSupportedException) {
            return attachDisabled(pid, message);
        }
        if (message.contains("Operation not permitted") || message.contains("Permission denied")) {
            return new AttachFailure("pid " + pid + " belongs to another user: run iotrace as that user or as root");
        }
        if (message.contains("No such process") || message.contains("non existent")) {
            return new AttachFailure("no process with pid " + pid + " (it exited?)");
        }
        return new AttachFailure("cannot attach to pid " + pid + ": " + message);
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
