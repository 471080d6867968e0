package org.scalefreebench.datasets.family;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefreebench.datasets.fk.FkFloodFill;
import org.scalefreebench.datasets.fk.FkLabel;
import org.scalefreebench.datasets.fk.FkParameters;
import org.scalefreebench.datasets.generate.DatasetGenerator;
import org.scalefreebench.datasets.generate.Manifest;
import org.scalefreebench.datasets.load.DatasetLoader;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.spec.ChainRule;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecException;
import org.scalefreebench.datasets.spec.SpecJson;
import org.scalefreebench.datasets.spec.SplitSpec;

class CriticalFkFamilyTest {

    private static final ChainRule RULE = new ChainRule(200, 30, 10, 5, 2);

    private static DatasetSpec adHoc() {
        return new DatasetSpec(
                "fk-test",
                "critical FK, test",
                Families.CRITICAL_FK,
                8,
                List.of(new BigDecimal("1"), new BigDecimal("2.5"), new BigDecimal("4")),
                RandomSource.XO_RO_SHI_RO_128_PP,
                List.of(new SplitSpec("train", 5, 11), new SplitSpec("test", 3, 12)),
                Map.of(),
                RULE);
    }

    @Test
    void everyLabelAgreesWithAnIndependentBreadthFirstSearchOnEveryMap(@TempDir Path out) throws IOException {
        DatasetSpec spec = adHoc();
        new DatasetGenerator(2, DatasetGenerator.Progress.NONE).generate(spec, out);
        int l = spec.size();
        int sites = l * l;
        for (SplitSpec split : spec.splits()) {
            SplitData data = DatasetLoader.load(spec, out, split.name());
            assertEquals(2, data.channels());
            assertEquals(spec.samples(split), data.samples());
            assertArrayEquals(spec.pOfSamples(split), data.column("q").float64());
            for (int i = 0; i < data.samples(); i++) {
                String where = split.name() + " map " + i;
                FkFloodFill expected =
                        new FkFloodFill(Arrays.copyOfRange(data.maps(), 2 * i * sites, 2 * (i + 1) * sites), l);
                assertEquals(expected.bonds, data.column("bond_count").int32()[i], where + " bond_count");
                assertEquals(expected.clusters, data.column("cluster_count").int32()[i], where + " cluster_count");
                assertEquals(expected.largest, data.column("max_cluster").int32()[i], where + " max_cluster");
                assertEquals(expected.wrapping, data.column("wrapping").uint8()[i], where + " wrapping");
                assertEquals(
                        expected.wrapsHorizontally ? 1 : 0,
                        data.column("wraps_horizontally").uint8()[i],
                        where + " wraps_horizontally");
                assertEquals(
                        expected.wrapsVertically ? 1 : 0,
                        data.column("wraps_vertically").uint8()[i],
                        where + " wraps_vertically");
                assertArrayEquals(
                        expected.mask,
                        Arrays.copyOfRange(data.column("max_cluster_mask").uint8(), i * sites, (i + 1) * sites),
                        where + " max_cluster_mask");
                FkParameters q = FkParameters.of(data.column("q").float64()[i]);
                for (FkLabel label : FkLabel.values()) {
                    assertEquals(q.value(label), data.column(label.id()).float64()[i], where + " " + label.id());
                }
            }
        }
    }

    @Test
    void chainsFollowTheRuleBurnInThenThinningFromTheirOwnPilot(@TempDir Path out) throws IOException {
        DatasetSpec spec = adHoc();
        new DatasetGenerator(1, DatasetGenerator.Progress.NONE).generate(spec, out);
        SplitData train = DatasetLoader.load(spec, out, "train");
        int[] chain = train.column("chain").int32();
        int[] step = train.column("step").int32();
        double[] tauBonds = train.column("tau_bonds").float64();
        double[] tauLargest = train.column("tau_max_cluster").float64();
        int perQ = 5;
        for (int j = 0; j < 3; j++) {
            int first = j * perQ;
            // chain 0 draws 3 maps, chain 1 draws 2: ⌈5/2⌉ and ⌊5/2⌋
            assertArrayEquals(new int[] {0, 0, 0, 1, 1}, Arrays.copyOfRange(chain, first, first + perQ));
            int thinning = step[first + 1] - step[first];
            assertEquals(thinning, step[first + 2] - step[first + 1], "Q index " + j + ": equal thinning");
            assertEquals(step[first], step[first + 3], "Q index " + j + ": both chains burn in alike");
            assertTrue(step[first] >= RULE.minBurnIn(), "burn-in at least the rule's minimum");
            for (int i = first; i < first + perQ; i++) {
                assertEquals(tauBonds[first], tauBonds[i], "one pilot per Q and split");
                assertEquals(tauLargest[first], tauLargest[i], "one pilot per Q and split");
            }
            assertTrue(thinning >= RULE.thinningTau() * Math.max(tauBonds[first], tauLargest[first]));
        }
    }

    @Test
    void bytesDoNotDependOnTheThreadCount(@TempDir Path out) throws IOException {
        DatasetSpec spec = adHoc();
        Path one = new DatasetGenerator(1, DatasetGenerator.Progress.NONE).generate(spec, out.resolve("one"));
        Path three = new DatasetGenerator(3, DatasetGenerator.Progress.NONE).generate(spec, out.resolve("three"));
        assertEquals(Manifest.read(one).sha256(), Manifest.read(three).sha256());
    }

    @Test
    void specJsonRoundTripsAndRefusesBadValues() {
        DatasetSpec spec = adHoc();
        String json = SpecJson.toJson(spec).toString();
        assertEquals(spec, SpecJson.parse(json, "round trip", null));
        assertMessage(json.replace("\"4\"", "\"4.5\""), "q.values[2]", "4.5", "[1, 4]");
        assertMessage(json.replace("\"size\":8", "\"size\":3"), "lattice.size", "3");
        assertMessage(json.replace("\"periodic\"", "\"open\""), "lattice.boundary", "periodic");
        assertMessage(json.replace("\"q\":", "\"p\":"), "'p'");
        assertMessage(json.replace("\"chain\":", "\"chains\":"), "'chains'");
        assertMessage(json.replace("\"samples_per_q\"", "\"samples_per_p\""), "samples_per_p");
        assertMessage(json.replace("\"NaN\"", "x").replace("\"1\"", "\"NaN\""), "q.values[0]", "NaN");
    }

    private static void assertMessage(String json, String... parts) {
        SpecException e = assertThrows(SpecException.class, () -> SpecJson.parse(json, "bad.json", null));
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), e.getMessage() + " should name " + p);
        }
    }
}
