package io.iotrace.analyzers.model;

/**
 * What a detector concluded about one thread's I/O model, and why.
 *
 * @param model      the I/O model of the thread's code
 * @param mechanism  how readiness or completion is delivered ({@code epoll}, {@code poll}, {@code thread pool}); null
 *                   when the model has none
 * @param underneath what the JDK does below the code-level model when it differs (virtual threads, async channels);
 *                   null when nothing differs
 * @param confidence low when the evidence is thin or mixed
 * @param evidence   the counts that made it so, as a sentence
 * @param detector   the name of the detector that matched
 */
public record Verdict(IoModel model, Mechanism mechanism, String underneath, Confidence confidence, String evidence,
                      String detector) {
}
