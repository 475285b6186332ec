package io.iotrace.analyzers.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Classifies every thread of a process, gives each a role, groups them and names the architecture. */
public final class ProcessClassifier {

    private ProcessClassifier() {
    }

    /**
     * @param profiles         every thread's evidence, in the order first seen
     * @param selectorProvider the JDK's default selector provider class, for the mechanism when no selector was
     *                         seen; may be null
     */
    public static ProcessClassification classify(Collection<? extends ThreadProfile> profiles,
                                                 String selectorProvider) {
        Map<ThreadProfile, Verdict> firstPass = new LinkedHashMap<>();
        ThreadModelClassifier.Neighbours nobody = new Loops(Map.of(), Map.of(), Set.of(), Set.of(),
                Mechanism.ofSelectorClass(selectorProvider));
        for (ThreadProfile p : profiles) {
            firstPass.put(p, ThreadModelClassifier.classify(p, nobody));
        }
        Loops loops = Loops.of(firstPass, selectorProvider);
        Set<Integer> serverConnections = new HashSet<>();
        profiles.forEach(p -> serverConnections.addAll(p.accepted()));

        List<ThreadClassification> threads = new ArrayList<>();
        for (ThreadProfile p : profiles) {
            Verdict verdict = ThreadModelClassifier.classify(p, loops);
            threads.add(RoleAssigner.assign(p, verdict, serverConnections, loops));
        }
        return new ProcessClassification(threads, ThreadGroup.of(threads),
                ArchitectureClassifier.classify(threads, serverConnections.size(),
                        ProcessFacts.none(serverConnections.size())));
    }
}
