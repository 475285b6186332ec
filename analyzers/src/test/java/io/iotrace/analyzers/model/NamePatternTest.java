package io.iotrace.analyzers.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NamePatternTest {

    @Test
    void numberedNamesCollapseIntoARange() {
        assertEquals("worker-1..8", NamePattern.of(List.of("worker-3", "worker-1", "worker-8", "worker-2")));
    }

    @Test
    void differentPrefixesAndPlainNamesAreListed() {
        assertEquals("loop-1..2, main", NamePattern.of(List.of("main", "loop-1", "loop-2")));
    }

    @Test
    void longListsEndWithHowManyMore() {
        assertEquals("a1, b1, c1 and 2 more", NamePattern.of(List.of("a1", "b1", "c1", "d1", "e1")));
    }
}
