package org.scalefreebench.reference.rg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.enums.DataFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scalefreebench.datasets.lattice.SitePercolation;
import org.scalefreebench.reference.nn.Nd4jBackend;

class RgFlowNetworkTest {

    @BeforeAll
    static void backend() {
        Nd4jBackend.init();
    }

    /** The paper's count, whatever L: f 19 584, g 2 177, f′ 32 896, g′ 532. */
    @Test
    void hasTheSameParametersAtEveryL() {
        RgFlowNetwork net = RgFlowNetwork.initialise(1, DataType.FLOAT, 1);
        assertEquals(55_189, RgFlowNetwork.PARAMETERS);
        assertEquals(55_189, net.parameterCount());
        for (int size : new int[] {2, 8, 64, 1024}) {
            SameDiff sd = net.graph(size, false);
            long trained = 0;
            for (SDVariable v : sd.variables()) {
                if (v.getVariableType() == VariableType.VARIABLE) {
                    trained += v.getArr().length();
                }
            }
            assertEquals(55_189, trained, "trained parameters in the graph for L = " + size);
        }
    }

    /**
     * The fine-graining map sums the four C-row groups of its upsampled half, which is exact only if
     * space-to-depth puts the block position outermost: channel (2·dy + dx)·C + c.
     */
    @Test
    void spaceToDepthPutsTheBlockPositionOutermost() {
        int channels = 3;
        double[] v = new double[channels * 4];
        for (int c = 0; c < channels; c++) {
            for (int pos = 0; pos < 4; pos++) {
                v[c * 4 + pos] = 10 * c + pos;
            }
        }
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.constant(Nd4j.create(v, new long[] {1, channels, 2, 2}, DataType.DOUBLE));
        INDArray out = sd.cnn().spaceToDepth(in, 2, DataFormat.NCHW).eval();
        assertArrayEquals(new long[] {1, 4 * channels, 1, 1}, out.shape());
        for (int pos = 0; pos < 4; pos++) {
            for (int c = 0; c < channels; c++) {
                assertEquals(10 * c + pos, out.getDouble(0, pos * channels + c, 0, 0), 0.0);
            }
        }
    }

    /**
     * The graph runs every linear map of a 2×2 block as a 2×2 stride-2 convolution with the stored
     * 1×1 weight reshaped: exact only if it equals space-to-depth followed by that 1×1 convolution.
     */
    @Test
    void aBlockConvolutionIsSpaceToDepthThenTheOneByOneMap() {
        int channels = 5;
        int out = 7;
        Nd4j.getRandom().setSeed(11);
        INDArray maps = Nd4j.rand(DataType.DOUBLE, 2, channels, 8, 8);
        INDArray weight = Nd4j.rand(DataType.DOUBLE, 1, 1, 4 * channels, out).subi(0.5);
        INDArray bias = Nd4j.rand(DataType.DOUBLE, out);
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.constant(maps);
        SDVariable w = sd.constant(weight);
        SDVariable b = sd.constant(bias);
        INDArray viaBlocks = sd.cnn()
                .conv2d(sd.cnn().spaceToDepth(x, 2, DataFormat.NCHW), w, b, RgFlowNetwork.conv(1))
                .eval();
        INDArray viaStride = sd.cnn()
                .conv2d(x, RgFlowNetwork.blockKernel(sd, w, channels, out), b, RgFlowNetwork.blockConv())
                .eval();
        assertArrayEquals(new long[] {2, out, 4, 4}, viaStride.shape());
        assertTrue(
                viaBlocks.equalsWithEps(viaStride, 1e-12),
                "max difference " + viaBlocks.sub(viaStride).amaxNumber());
    }

    @Test
    void refusesASizeThatIsNotAPowerOfTwo() {
        RgFlowNetwork net = RgFlowNetwork.initialise(1, DataType.FLOAT, 1);
        for (int size : new int[] {0, 1, 48, 100}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.graph(size, true));
            assertTrue(e.getMessage().contains("L = " + size), e.getMessage());
        }
        assertEquals(6, RgFlowNetwork.levels(64));
    }

    /**
     * The graphs of two sizes hold the same weights: shifting the spanning logit's bias by 1 shifts
     * the spanning logit by exactly 1 at both L (to rounding of a double logit, 1e-9).
     */
    @Test
    void everySizeSharesTheWeights() {
        RgFlowNetwork net = RgFlowNetwork.initialise(3, DataType.DOUBLE, 1);
        INDArray small = maps(4, 2, 0.6, 11);
        INDArray large = maps(16, 2, 0.6, 12);
        double[] before = {logit(net, small), logit(net, large)};
        net.parameters().get(RgFlowNetwork.SPAN_B2).addi(1.0);
        double[] after = {logit(net, small), logit(net, large)};
        assertEquals(before[0] + 1, after[0], 1e-9);
        assertEquals(before[1] + 1, after[1], 1e-9);
    }

    /**
     * Back-propagation against central differences, at L = 8 in double precision, on one random entry
     * of each of the 14 weight arrays (each entry costs two forward passes, about 0.3 s in SameDiff). With step ε = 1e-6 the truncation error is O(ε² f‴) ≈ 1e-12 and
     * the rounding error about 1e-16 · |loss| / ε ≈ 1e-10 (loss of order 1), so the two agree to
     * 1e-7 + 1e-5·|gradient| unless a ReLU kink lies within ε of a pre-activation, which with
     * continuous random weights has probability of order 1e-3 for this graph and fixed seed.
     * The check also covers the mirror padding built from slices (ND4J's own pad op gets REFLECT
     * gradients wrong).
     */
    @Test
    void gradientsMatchCentralDifferencesAtL8() {
        int size = 8;
        int batch = 3;
        RgFlowNetwork net = RgFlowNetwork.initialise(5, DataType.DOUBLE, 1);
        INDArray x = maps(size, batch, 0.6, 21);
        INDArray mask = maps(size, batch, 0.4, 22);
        INDArray spanning = Nd4j.create(new double[] {1, 0, 1}, new long[] {batch, 1}, DataType.DOUBLE);
        RgFlowNetwork.Gradients g = net.gradients(x, spanning, mask);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(23L);
        double eps = 1e-6;
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, INDArray> e : net.parameters().entrySet()) {
            INDArray flat = e.getValue().reshape(e.getValue().length());
            INDArray grad = g.gradients().get(e.getKey()).reshape(e.getValue().length());
            long n = flat.length();
            long[] entries = {rng.nextLong(n)};
            for (long i : entries) {
                double v = flat.getDouble(i);
                flat.putScalar(i, v + eps);
                double up = net.loss(x, spanning, mask);
                flat.putScalar(i, v - eps);
                double down = net.loss(x, spanning, mask);
                flat.putScalar(i, v);
                double numeric = (up - down) / (2 * eps);
                double analytic = grad.getDouble(i);
                if (Math.abs(numeric - analytic) > 1e-7 + 1e-5 * Math.abs(analytic)) {
                    failures.add(e.getKey() + "[" + i + "]: back-propagation " + analytic + ", central difference "
                            + numeric);
                }
                checked++;
            }
        }
        assertEquals(14, checked);
        assertTrue(failures.isEmpty(), failures.toString());
    }

    /**
     * Back-propagation, inference and the loss alternate on one network, as in training with a
     * validation loss after each pass (one ND4J graph cannot do that: see {@link RgFlowNetwork#graph}).
     */
    @Test
    void alternatesBackPropagationAndInference() {
        RgFlowNetwork net = RgFlowNetwork.initialise(7, DataType.FLOAT, 1);
        INDArray x = maps(8, 2, 0.6, 31).castTo(DataType.FLOAT);
        INDArray spanning = Nd4j.create(new float[] {1, 0}, 2, 1);
        for (int round = 0; round < 2; round++) {
            RgFlowNetwork.Gradients g = net.gradients(x, spanning, x.dup());
            assertTrue(Double.isFinite(g.loss()));
            assertEquals(g.loss(), net.loss(x, spanning, x.dup()), 1e-5 * g.loss(), "the same loss in both graphs");
            assertTrue(net.predict(x).get(RgFlowNetwork.MASK).sumNumber().doubleValue() > 0);
        }
    }

    /**
     * Weights copied after one step and put back after more steps give the copied weights' loss
     * again, in the graphs already built as in a new size's graph, and the copy is not the network's
     * arrays (the early stop of the full tier keeps a pass's weights this way).
     */
    @Test
    void restoresCopiedWeightsInEveryGraph() {
        RgFlowNetwork net = RgFlowNetwork.initialise(11, DataType.DOUBLE, 1);
        INDArray x = maps(8, 2, 0.6, 51);
        INDArray x16 = maps(16, 2, 0.6, 52);
        INDArray spanning = Nd4j.create(new double[] {1, 0}, new long[] {2, 1}, DataType.DOUBLE);
        RgFlowAdam adam = new RgFlowAdam(net, 0.01);
        adam.step(x, spanning, x.dup());
        Map<String, INDArray> copy = net.copyOfParameters();
        double loss = net.loss(x, spanning, x.dup());
        for (int step = 0; step < 3; step++) {
            adam.step(x, spanning, x.dup());
        }
        double after = net.loss(x, spanning, x.dup());
        assertTrue(Math.abs(after - loss) > 1e-6, "three more steps change the loss: " + loss + " → " + after);
        net.restoreParameters(copy);
        assertEquals(loss, net.loss(x, spanning, x.dup()), 1e-12, "the copied weights' loss again");
        RgFlowNetwork fresh = RgFlowNetwork.initialise(11, DataType.DOUBLE, 1);
        fresh.restoreParameters(copy);
        assertEquals(fresh.loss(x16, spanning, x16.dup()), net.loss(x16, spanning, x16.dup()), 1e-12, "and at L = 16");
        for (Map.Entry<String, INDArray> e : copy.entrySet()) {
            assertTrue(e.getValue() != net.parameters().get(e.getKey()), e.getKey() + " is a copy");
        }
    }

    /**
     * Building a training graph prints nothing of ND4J's per-op "Added differentiated op" lines (M2.1
     * prints one per op to System.out), and System.out is the caller's again afterwards.
     */
    @Test
    void buildsItsBackPropagationWithoutNd4jsPerOpLines() {
        RgFlowNetwork net = RgFlowNetwork.initialise(13, DataType.DOUBLE, 1);
        INDArray x = maps(8, 2, 0.6, 61);
        INDArray spanning = Nd4j.create(new double[] {1, 0}, new long[] {2, 1}, DataType.DOUBLE);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        try {
            assertTrue(Double.isFinite(net.gradients(x, spanning, x.dup()).loss()));
            assertSame(capture, System.out, "System.out is put back");
        } finally {
            System.setOut(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains(RgFlowNetwork.GRAD_OP_LINE.trim()), printed);
    }

    /** A batch of one map has the gradient of that map (ND4J cannot back-propagate one map itself). */
    @Test
    void backPropagatesABatchOfOneMap() {
        RgFlowNetwork net = RgFlowNetwork.initialise(9, DataType.DOUBLE, 1);
        INDArray x = maps(8, 1, 0.6, 41);
        INDArray spanning = Nd4j.create(new double[] {1}, new long[] {1, 1}, DataType.DOUBLE);
        RgFlowNetwork.Gradients g = net.gradients(x, spanning, x.dup());
        assertEquals(net.loss(x, spanning, x.dup()), g.loss(), 1e-12);
        assertEquals(
                RgFlowNetwork.PARAMETERS,
                g.gradients().values().stream().mapToLong(INDArray::length).sum());
    }

    private static double logit(RgFlowNetwork net, INDArray x) {
        double p = net.predict(x).get(RgFlowNetwork.SPANNING).getDouble(0);
        return Math.log(p / (1 - p));
    }

    /** Bernoulli(p) sites, [count, 1, L, L] in double. */
    private static INDArray maps(int size, int count, double p, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        byte[] map = new byte[size * size];
        double[] v = new double[count * map.length];
        for (int m = 0; m < count; m++) {
            SitePercolation.occupy(rng, p, map);
            for (int i = 0; i < map.length; i++) {
                v[m * map.length + i] = map[i];
            }
        }
        return Nd4j.create(v, new long[] {count, 1, size, size}, DataType.DOUBLE);
    }
}
