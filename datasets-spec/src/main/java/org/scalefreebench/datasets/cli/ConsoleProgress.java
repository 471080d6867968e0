package org.scalefreebench.datasets.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.scalefreebench.datasets.generate.DatasetGenerator;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SplitSpec;

/**
 * Progress of generation on standard error: a console progress bar (me.tongfei:progressbar) when
 * standard error is a terminal, else one line when a split starts and one when it ends (a bar
 * redrawn with carriage returns repeats itself in a log file).
 */
final class ConsoleProgress implements DatasetGenerator.Progress {

    private final PrintWriter err;
    private final boolean terminal;
    private ProgressBar bar;
    private String task;
    private long maps;
    private long started;

    ConsoleProgress(PrintWriter err) {
        this(err, System.console() != null);
    }

    /**
     * @param err      where plain lines go
     * @param terminal whether to draw a bar (standard error is a terminal)
     */
    ConsoleProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void start(DatasetSpec spec, SplitSpec split, long maps) {
        task = spec.id() + "/" + split.name();
        this.maps = maps;
        started = System.nanoTime();
        if (!terminal) {
            err.println(task + ": generating " + maps + " maps");
            err.flush();
            return;
        }
        bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(maps)
                .setUnit(" maps", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .showSpeed()
                .build();
    }

    @Override
    public void advance(long maps) {
        if (bar != null) {
            bar.stepBy(maps);
        }
    }

    @Override
    public void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        } else if (task != null) {
            double seconds = (System.nanoTime() - started) / 1e9;
            err.printf(Locale.ROOT, "%s: %d maps in %.1f s%n", task, maps, seconds);
            err.flush();
        }
        task = null;
    }

    @Override
    public void merging(DatasetSpec spec, SplitSpec split, int shards) {
        err.println(spec.id() + "/" + split.name() + ": merging " + shards + " shards");
        err.flush();
    }

    @Override
    public void reused(DatasetSpec spec, SplitSpec split) {
        err.println(spec.id() + "/" + split.name() + ": complete and intact, kept");
    }
}
