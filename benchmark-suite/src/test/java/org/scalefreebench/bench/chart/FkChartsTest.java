package org.scalefreebench.bench.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.scalefreebench.bench.RunCharts;
import org.scalefreebench.bench.result.DensityGap;
import org.scalefreebench.datasets.fk.FkLabel;
import org.scalefreebench.datasets.task.Task;

/** The critical-FK charts against Q: the exact curve drawn through, the floor dashed, a readable PNG. */
class FkChartsTest {

    private static final Map<String, double[][]> MODELS = Map.of(
            "cnn",
            new double[][] {{1, 2, 2.5, 3}, {0.02, 0.48, 0.6, 0.79}, {0.03, 0.02, 0.05, 0.02}},
            DensityGap.FK_FLOOR,
            new double[][] {{1, 2, 2.5, 3}, {0.05, 0.45, 0.55, 0.75}, {0.04, 0.04, 0.06, 0.03}});

    @Test
    void predictedAgainstQHasTheExactCurveAndTheModelsAndIsAPng() throws IOException {
        double[][] exact = RunCharts.exactCurve(RunCharts.exactLabel(Task.CENTRAL_CHARGE));
        XYChart chart = Charts.againstQChart(
                "c against Q", "predicted c", MODELS, "exact c(Q)", exact, Set.of(2.5), Set.of(DensityGap.FK_FLOOR));
        assertEquals(
                Set.of("exact c(Q)", "cnn", DensityGap.FK_FLOOR),
                chart.getSeriesMap().keySet());
        assertEquals(
                RunCharts.EXACT_POINTS, chart.getSeriesMap().get("exact c(Q)").getXData().length);
        byte[] png = Charts.againstQ(
                "c against Q", "predicted c", MODELS, "exact c(Q)", exact, Set.of(2.5), Set.of(DensityGap.FK_FLOOR));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(Charts.HEIGHT, image.getHeight());
    }

    @Test
    void anErrorChartHasNoExactCurve() {
        XYChart chart = Charts.againstQChart("rmse against Q", "rmse", MODELS, "", null, Set.of(), Set.of());
        assertEquals(Set.of("cnn", DensityGap.FK_FLOOR), chart.getSeriesMap().keySet());
    }

    @Test
    void theExactCurvesRunOverTheFamilyAndMeetTheirClosedFormsAtTheEnds() {
        double[][] c = RunCharts.exactCurve(FkLabel.CENTRAL_CHARGE);
        assertEquals(1.0, c[0][0]);
        assertEquals(4.0, c[0][c[0].length - 1]);
        // c(1) = 0 (percolation) and c(4) = 1; d_f(1) = 91/48, d_f(4) = 15/8, within rounding of the doubles.
        assertEquals(0.0, c[1][0], 1e-12);
        assertEquals(1.0, c[1][c[1].length - 1], 1e-12);
        double[][] df = RunCharts.exactCurve(RunCharts.exactLabel(Task.FRACTAL_DIMENSION));
        assertEquals(91.0 / 48, df[1][0], 1e-12);
        assertEquals(15.0 / 8, df[1][df[1].length - 1], 1e-12);
        assertNull(RunCharts.exactLabel(Task.SPANNING), "a percolation task has no FK curve");
        assertArrayEquals(c[0], df[0]);
    }

    @Test
    void theDashedModelsAreTheFloorAndBoxCounting() {
        assertEquals(DensityGap.FK_FLOOR, RunCharts.fkDashed(Task.CENTRAL_CHARGE));
        assertEquals("box-count-baseline", RunCharts.fkDashed(Task.FRACTAL_DIMENSION));
        assertNull(RunCharts.fkDashed(Task.SPANNING));
    }
}
