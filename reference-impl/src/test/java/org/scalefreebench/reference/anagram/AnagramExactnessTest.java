package org.scalefreebench.reference.anagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.scalefreebench.reference.cnn.ResidualCnn;
import org.scalefreebench.reference.nn.Nd4jBackend;

/**
 * The exactness checks of ANaGRAM, in double precision: one full-batch step solves a linear
 * least-squares problem; per-sample Jacobians of a small residual CNN (the reference architecture,
 * scaled down) match central finite differences; the eigen and SVD routes give one direction; a
 * rank-deficient batch and a step that cannot lower the loss leave finite, unchanged parameters.
 */
class AnagramExactnessTest {

    private static final int FEATURES = 12;
    private static final int SAMPLES = 200;

    /** A linear model y = xW + b as a one-layer DL4J graph (identity output, squared error). */
    private static ComputationGraph linear(long seed) {
        Nd4jBackend.init();
        ComputationGraph net = new ComputationGraph(new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.DOUBLE)
                .updater(new Sgd(0.1))
                .graphBuilder()
                .addInputs("x")
                .setInputTypes(InputType.feedForward(FEATURES))
                .addLayer(
                        "y",
                        new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                                .nOut(1)
                                .activation(Activation.IDENTITY)
                                .build(),
                        "x")
                .setOutputs("y")
                .build());
        net.init();
        return net;
    }

    private static double[][] gaussian(UniformRandomProvider rng, int rows, int cols) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = g.sample();
            }
        }
        return a;
    }

    /** ‖y − Xθ‖ of a linear model whose parameters are read from the network, by plain loops. */
    private static double residualNorm(ComputationGraph net, double[][] x, double[] y) {
        double[] w = net.getLayer("y").getParam("W").toDoubleVector();
        double b = net.getLayer("y").getParam("b").getDouble(0);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double f = b;
            for (int j = 0; j < FEATURES; j++) {
                f += x[i][j] * w[j];
            }
            sum += (f - y[i]) * (f - y[i]);
        }
        return Math.sqrt(sum);
    }

    @Test
    void oneFullBatchStepReachesTheLeastSquaresSolution() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        double[][] x = gaussian(rng, SAMPLES, FEATURES);
        double[][] noise = gaussian(rng, SAMPLES, 1);
        double[] y = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            y[i] = 0.7 + 0.3 * noise[i][0];
            for (int j = 0; j < FEATURES; j++) {
                y[i] += (j - 5.5) * 0.2 * x[i][j];
            }
        }
        double[][] design = new double[SAMPLES][FEATURES + 1];
        for (int i = 0; i < SAMPLES; i++) {
            System.arraycopy(x[i], 0, design[i], 0, FEATURES);
            design[i][FEATURES] = 1;
        }
        RealMatrix a = new Array2DRowRealMatrix(design);
        RealVector solution = new QRDecomposition(a).getSolver().solve(new ArrayRealVector(y));
        double best = a.operate(solution).subtract(new ArrayRealVector(y)).getNorm();

        ComputationGraph net = linear(3);
        MultiDataSet batch = new MultiDataSet(Nd4j.create(x), Nd4j.create(y, new long[] {SAMPLES, 1}));
        double before = residualNorm(net, x, y);
        Anagram anagram = new Anagram(net, Anagram.Options.DEFAULT);
        Anagram.Step step = anagram.step(batch);

        assertTrue(step.accepted());
        assertEquals(1.0, step.eta(), "the full Gauss–Newton step is the least-squares solution: η = 1 is taken");
        double after = residualNorm(net, x, y);
        assertTrue(before > 2 * best, "the test starts away from the solution: " + before + " vs " + best);
        System.out.printf("least squares: relative residual gap after one step %.3g%n", (after - best) / best);
        assertTrue((after - best) / best <= 1e-5, "relative residual gap " + (after - best) / best);
    }

    /** The reference architecture scaled down: L = 8, stem and one stage of 2 and 3 channels, 4 hidden units. */
    private static ComputationGraph smallCnn(long seed) {
        ComputationGraph net = ResidualCnn.build(
                new ResidualCnn.Shape(List.of(2, 3), 2, 4), new Sgd(0.1), seed, 8, 10, DataType.DOUBLE);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed + 100);
        double[][] noise = gaussian(rng, 1, (int) net.numParams());
        INDArray p = net.params().dup();
        p.addi(Nd4j.create(noise[0]).muli(0.3));
        net.setParams(p);
        return net;
    }

    private static INDArray maps(long seed, int count, int size) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] sites = new double[count * size * size];
        for (int i = 0; i < sites.length; i++) {
            sites[i] = rng.nextDouble() < 0.6 ? 1 : 0;
        }
        return Nd4j.create(sites, new long[] {count, 1, size, size});
    }

    /** The row quantities of DL4J's inference output: the spanning logit and the fraction. */
    private static double[] quantities(ComputationGraph net, INDArray x) {
        INDArray[] out = net.output(false, x);
        int s = (int) x.size(0);
        double[] q = new double[2 * s];
        for (int i = 0; i < s; i++) {
            double p = out[0].getDouble(i, 0);
            q[i] = Math.log(p / (1 - p));
            q[s + i] = out[1].getDouble(i, 0);
        }
        return q;
    }

    @Test
    void perSampleJacobiansOfASmallCnnMatchCentralFiniteDifferences() {
        ComputationGraph net = smallCnn(5);
        INDArray x = maps(17, 3, 8);
        PerSampleJacobian jacobian = new PerSampleJacobian(net);
        PerSampleJacobian.Jacobian jac = jacobian.compute(x, false);
        double[] q = quantities(net, x);
        for (int r = 0; r < q.length; r++) {
            assertEquals(q[r], jac.quantity()[r], 1e-9 * (1 + Math.abs(q[r])), "row quantity " + r);
        }
        double[][] analytic = jac.matrix().toDoubleMatrix();
        boolean[] trainable = jacobian.trainableColumns();
        INDArray theta = net.params().dup();
        int p = (int) net.numParams();
        double h = 1e-6;
        double[][] numeric = new double[q.length][p];
        for (int j = 0; j < p; j++) {
            INDArray plus = theta.dup();
            plus.putScalar(j, theta.getDouble(j) + h);
            net.setParams(plus);
            double[] up = quantities(net, x);
            INDArray minus = theta.dup();
            minus.putScalar(j, theta.getDouble(j) - h);
            net.setParams(minus);
            double[] down = quantities(net, x);
            for (int r = 0; r < q.length; r++) {
                numeric[r][j] = (up[r] - down[r]) / (2 * h);
            }
        }
        net.setParams(theta);
        double worst = 0;
        for (int r = 0; r < q.length; r++) {
            double scale = 0;
            double diff = 0;
            for (int j = 0; j < p; j++) {
                if (trainable[j]) {
                    scale = Math.max(scale, Math.abs(numeric[r][j]));
                    diff = Math.max(diff, Math.abs(numeric[r][j] - analytic[r][j]));
                } else {
                    assertEquals(0, analytic[r][j], "running statistics are not trained: zero columns");
                }
            }
            assertTrue(scale > 0, "row " + r + " of J is zero");
            worst = Math.max(worst, diff / scale);
            assertTrue(
                    diff <= 1e-6 * scale,
                    "row " + r + ": max |J − finite difference| = " + diff + ", relative to max |J| " + diff / scale);
        }
        System.out.printf(
                "finite differences: largest |J - FD| relative to its row's largest entry %.3g (%d rows, %d parameters)%n",
                worst, q.length, p);
        long nonZero = 0;
        for (double[] row : analytic) {
            for (double v : row) {
                nonZero += v != 0 ? 1 : 0;
            }
        }
        assertTrue(nonZero > analytic.length * p / 2, "most of J is non-zero: " + nonZero);
    }

    @Test
    void eigenAndSvdRoutesGiveTheSameDirection() {
        ComputationGraph net = smallCnn(7);
        INDArray x = maps(19, 6, 8);
        MultiDataSet batch = new MultiDataSet(new INDArray[] {x}, new INDArray[] {
            Nd4j.create(new double[] {1, 0, 1, 1, 0, 0}, new long[] {6, 1}),
            Nd4j.create(new double[] {0.5, 0.1, 0.4, 0.6, 0.05, 0.2}, new long[] {6, 1})
        });
        Anagram anagram = new Anagram(net, Anagram.Options.DEFAULT);
        NaturalGradient.Direction eigen =
                anagram.direction(batch, true, NaturalGradient.Route.EIGEN).direction();
        NaturalGradient.Direction svd =
                anagram.direction(batch, true, NaturalGradient.Route.SVD).direction();
        assertEquals(12, eigen.rank(), "6 samples × 2 outputs, full rank");
        assertEquals(eigen.rank(), svd.rank());
        assertEquals(svd.sigmaMax(), eigen.sigmaMax(), 1e-9 * svd.sigmaMax());
        double gap = eigen.step().sub(svd.step()).norm2Number().doubleValue()
                / svd.step().norm2Number().doubleValue();
        System.out.printf("eigen vs SVD route: relative difference of the directions %.3g, rank %d%n", gap, svd.rank());
        assertTrue(gap <= 1e-6, "relative difference of the two directions " + gap);
    }

    @Test
    void aRankDeficientBatchIsCutNotInverted() {
        ComputationGraph net = smallCnn(9);
        INDArray one = maps(23, 1, 8);
        INDArray x = Nd4j.concat(0, one, one, one, one, one, one);
        MultiDataSet batch = new MultiDataSet(new INDArray[] {x}, new INDArray[] {
            Nd4j.ones(DataType.DOUBLE, 6, 1), Nd4j.valueArrayOf(new long[] {6, 1}, 0.3)
        });
        Anagram anagram = new Anagram(net, Anagram.Options.DEFAULT);
        Anagram.Step step = anagram.step(batch);
        assertTrue(step.rank() <= 2, "six identical samples have a Jacobian of rank ≤ 2, kept " + step.rank());
        assertTrue(step.accepted());
        assertFalse(net.params().isNaN().any() || net.params().isInfinite().any(), "parameters stay finite");
        assertTrue(step.lossAfter() < step.lossBefore());
    }

    @Test
    void aStepThatCannotLowerTheLossIsRejectedAndTrainingStopsAfterTooMany() {
        ComputationGraph net = linear(4);
        INDArray x = Nd4j.ones(DataType.DOUBLE, 4, FEATURES);
        INDArray y = Nd4j.create(new double[] {Double.NaN, 1, 2, 3}, new long[] {4, 1});
        Anagram anagram = new Anagram(net, new Anagram.Options(Double.NaN, NaturalGradient.Route.EIGEN, 0, 0, 2));
        INDArray before = net.params().dup();
        Anagram.Step first = anagram.step(new MultiDataSet(x, y));
        assertFalse(first.accepted());
        assertEquals(before, net.params(), "a rejected step leaves the parameters as they were");
        assertNull(anagram.stopReason());
        anagram.step(new MultiDataSet(x, y));
        assertNotNull(anagram.stopReason());
        assertTrue(anagram.stopReason().contains("2 rejected steps in a row"), anagram.stopReason());
        assertTrue(anagram.summary().contains("2 rejected"), anagram.summary());
    }

    @Test
    void unsupportedLayersAreNamed() {
        Nd4jBackend.init();
        ComputationGraph net = new ComputationGraph(new NeuralNetConfiguration.Builder()
                .graphBuilder()
                .addInputs("x")
                .setInputTypes(InputType.convolutional(8, 8, 1))
                .addLayer("pool", new SubsamplingLayer.Builder(2, 2).build(), "x")
                .addLayer(
                        "y",
                        new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                                .nOut(1)
                                .activation(Activation.IDENTITY)
                                .build(),
                        "pool")
                .setOutputs("y")
                .build());
        net.init();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PerSampleJacobian(net));
        assertTrue(e.getMessage().contains("'pool'"), e.getMessage());
    }
}
