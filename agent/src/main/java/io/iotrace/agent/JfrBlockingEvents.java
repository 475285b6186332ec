package io.iotrace.agent;

import io.iotrace.agent.runtime.BlockingEvents;

/** The blocking probe's events as {@link io.iotrace.agent.runtime.IoTrace} begins and commits them. */
final class JfrBlockingEvents implements BlockingEvents {
    @Override
    public Object beginCall() {
        return BlockingCallEvent.start();
    }

    @Override
    public void commitCall(Object begun, int operation, int resourceKind, int resourceId, Object resource) {
        BlockingCallEvent.finish(begun, operation, resourceKind, resourceId, resource);
    }

    @Override
    public Object beginHostLookup() {
        return HostLookupEvent.start();
    }

    @Override
    public void commitHostLookup(Object begun, String host, int addresses) {
        HostLookupEvent.finish(begun, host, addresses);
    }

    @Override
    public Object beginMethod() {
        return BlockingMethodEvent.start();
    }

    @Override
    public void commitMethod(Object begun, String kind) {
        BlockingMethodEvent.finish(begun, kind);
    }
}
