package io.iotrace.cli.top;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * The live view of {@code iotrace top}: the table redrawn every interval on the alternate screen, a key changes
 * the sort, {@code q} or Ctrl-C quits. Sampling (the data) and drawing are apart; the terminal is restored in
 * {@code finally}, whatever ends the loop.
 */
public final class FullScreen {
    private static final long KEY_WAIT_MILLIS = 100;
    private static final int CTRL_C = 3;

    private final Terminal terminal;
    private final String title;
    private final LiveSampler sampler;
    private final Duration interval;
    private SortKey sort;

    public FullScreen(Terminal terminal, String title, LiveSampler sampler, Duration interval, SortKey sort) {
        this.terminal = terminal;
        this.title = title;
        this.sampler = sampler;
        this.interval = interval;
        this.sort = sort;
    }

    /** Runs until {@code q}, Ctrl-C, end of input, or {@code stopRequested}. */
    public void run(BooleanSupplier stopRequested) throws IOException {
        AtomicBoolean quit = new AtomicBoolean();
        AtomicBoolean resized = new AtomicBoolean();
        Attributes saved = terminal.enterRawMode();
        Terminal.SignalHandler previousInt = terminal.handle(Signal.INT, s -> quit.set(true));
        Terminal.SignalHandler previousWinch = terminal.handle(Signal.WINCH, s -> resized.set(true));
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.cursor_invisible);
        try {
            NonBlockingReader keys = terminal.reader();
            List<GroupRow> rows = List.of();
            long nextSample = System.nanoTime() + interval.toNanos();
            boolean sampled = false;
            draw(rows, sampled);
            while (!quit.get() && !stopRequested.getAsBoolean()) {
                int c = keys.read(KEY_WAIT_MILLIS);
                if (c == 'q' || c == 'Q' || c == CTRL_C || c == NonBlockingReader.EOF) {
                    break;
                }
                SortKey chosen = SortKey.ofKey(c);
                boolean redraw = resized.getAndSet(false);
                if (chosen != null) {
                    sort = chosen;
                    redraw = true;
                }
                if (System.nanoTime() >= nextSample) {
                    rows = sampler.sample();
                    sampled = true;
                    nextSample = System.nanoTime() + interval.toNanos();
                    redraw = true;
                }
                if (redraw) {
                    draw(rows, sampled);
                }
            }
        } finally {
            terminal.puts(Capability.cursor_visible);
            terminal.puts(Capability.exit_ca_mode);
            terminal.flush();
            terminal.setAttributes(saved);
            terminal.handle(Signal.INT, previousInt);
            terminal.handle(Signal.WINCH, previousWinch);
        }
    }

    private void draw(List<GroupRow> rows, boolean sampled) {
        int width = Math.max(20, terminal.getWidth() > 0 ? terminal.getWidth() : 80);
        int height = Math.max(5, terminal.getHeight() > 0 ? terminal.getHeight() : 24);
        terminal.puts(Capability.clear_screen);
        PrintWriter w = terminal.writer();
        w.print(fit(title, width) + "\r\n");
        w.print(fit("sort: " + sort + "   keys: c calls, i in, o out, w wait, s stall, n name, q quit", width)
                + "\r\n\r\n");
        if (!sampled) {
            w.print(fit("waiting for the first interval...", width) + "\r\n");
        } else {
            List<String> lines = TopTable.lines(rows, sort);
            for (int i = 0; i < lines.size() && i < height - 4; i++) {
                w.print(fit(lines.get(i), width) + "\r\n");
            }
        }
        w.flush();
    }

    private static String fit(String line, int width) {
        return line.length() <= width ? line : line.substring(0, width);
    }
}
