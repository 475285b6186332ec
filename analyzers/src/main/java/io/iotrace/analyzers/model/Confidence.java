package io.iotrace.analyzers.model;

/** How sure a verdict is: low when it rests on a handful of calls or on conflicting evidence. */
public enum Confidence {
    HIGH("high"),
    MEDIUM("medium"),
    LOW("low");

    private final String jsonName;

    Confidence(String jsonName) {
        this.jsonName = jsonName;
    }

    /** Low below 5 deciding calls, else high. */
    static Confidence fromCalls(long decidingCalls) {
        return decidingCalls < 5 ? LOW : HIGH;
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
