package org.scalefreebench.datasets.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.scalefreebench.datasets.generate.DatasetGenerator;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SplitSpec;

/** Progress of generation as a console progress bar (me.tongfei:progressbar) on standard error. */
final class ConsoleProgress implements DatasetGenerator.Progress {

    private final PrintWriter err;
    private ProgressBar bar;

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void start(DatasetSpec spec, SplitSpec split, long maps) {
        bar = new ProgressBarBuilder()
                .setTaskName(spec.id() + "/" + split.name())
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
        bar.stepBy(maps);
    }

    @Override
    public void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public void reused(DatasetSpec spec, SplitSpec split) {
        err.println(spec.id() + "/" + split.name() + ": complete and intact, kept");
    }
}
