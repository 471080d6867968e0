package org.scalefreebench.datasets.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecCatalogueTest {

    private static final String GOOD = """
            {"id": "x-v1", "description": "d", "family": "site-percolation",
             "lattice": {"geometry": "square", "size": 16, "boundary": "open", "connectivity": 4},
             "p": {"from": "0.500", "to": "0.700", "step": "0.005"},
             "rng": "XO_RO_SHI_RO_128_PP",
             "splits": {"train": {"samples_per_p": 3, "seed": 7}}}
            """;

    @Test
    void publishesTheDefaultTierTheCriticalTestSetsAndTheMultiSizeTrainingSets() {
        assertEquals(
                List.of(
                        "critical-fk-L128-test-v1",
                        "critical-fk-L256-test-v1",
                        "critical-fk-L32-smoke-v1",
                        "critical-fk-L64-heldout-test-v1",
                        "critical-fk-L64-v1",
                        "percolation-L1024-pc-test-v1",
                        "percolation-L128-pc-test-v1",
                        "percolation-L128-test-v1",
                        "percolation-L16-pc-v1",
                        "percolation-L16-window-v1",
                        "percolation-L256-pc-test-v1",
                        "percolation-L256-test-v1",
                        "percolation-L32-pc-v1",
                        "percolation-L32-smoke-v1",
                        "percolation-L32-window-v1",
                        "percolation-L512-pc-test-v1",
                        "percolation-L64-pc-test-v1",
                        "percolation-L64-pc-v1",
                        "percolation-L64-v1",
                        "percolation-L8-window-v1"),
                SpecCatalogue.published().ids());
        for (DatasetSpec s : SpecCatalogue.published().specs()) {
            assertTrue(s.pinned(), s.id() + " must pin the SHA-256 of every file it generates");
        }
    }

    @Test
    void catalogueMatchesTheSpecsFolder() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("specs"))) {
            List<String> ids = files.map(f -> f.getFileName().toString().replace(".json", ""))
                    .sorted()
                    .toList();
            assertEquals(ids, SpecCatalogue.published().ids());
        }
    }

    @Test
    void defaultSpecHasTheGridOfTheIssue() {
        DatasetSpec s = SpecCatalogue.published().get("percolation-L64-v1");
        assertEquals(64, s.size());
        assertEquals(41, s.p().size());
        assertEquals(new BigDecimal("0.500"), s.p().get(0));
        assertEquals(new BigDecimal("0.505"), s.p().get(1));
        assertEquals(new BigDecimal("0.700"), s.p().get(40));
        assertEquals(0.505, s.pOfSamples(s.split("train"))[500], 0.0, "p is the double nearest the decimal");
        assertEquals(500 * 41, s.samples(s.split("train")));
        assertEquals(100 * 41, s.samples(s.split("val")));
        assertEquals(200 * 41, s.samples(s.split("test")));
        for (String id : List.of("percolation-L128-test-v1", "percolation-L256-test-v1")) {
            DatasetSpec t = SpecCatalogue.published().get(id);
            assertEquals(s.p(), t.p());
            assertEquals(
                    List.of("test"), t.splits().stream().map(SplitSpec::name).toList());
            assertEquals(100 * 41, t.samples(t.split("test")));
        }
    }

    @Test
    void criticalTestSetsAreOneTestSplitAtTheThreshold() {
        Map<Integer, Integer> mapsBySize = Map.of(64, 2500, 128, 2500, 256, 2500, 512, 400);
        mapsBySize.forEach((size, maps) -> {
            DatasetSpec t = SpecCatalogue.published().get("percolation-L" + size + "-pc-test-v1");
            assertEquals(size, t.size());
            assertEquals(List.of(new BigDecimal("0.59274605079210")), t.p());
            assertEquals(
                    List.of("test"), t.splits().stream().map(SplitSpec::name).toList());
            assertEquals(maps, t.samples(t.split("test")));
        });
    }

    @Test
    void everyPublishedSplitHasASeedOfItsOwn() {
        Map<Long, String> seen = new HashMap<>();
        for (DatasetSpec s : SpecCatalogue.published().specs()) {
            for (SplitSpec split : s.splits()) {
                String where = s.id() + "/" + split.name();
                String other = seen.putIfAbsent(split.seed(), where);
                assertNull(other, where + " reuses the seed " + split.seed() + " of " + other);
            }
        }
    }

    @Test
    void unknownIdListsTheKnownIds() {
        SpecException e = assertThrows(
                SpecException.class, () -> SpecCatalogue.published().get("percolation-L65-v1"));
        assertTrue(e.getMessage().contains("unknown spec id 'percolation-L65-v1'"), e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains("known ids: critical-fk-L128-test-v1, critical-fk-L256-test-v1,"
                                + " critical-fk-L32-smoke-v1, critical-fk-L64-heldout-test-v1, critical-fk-L64-v1,"
                                + " percolation-L1024-pc-test-v1, percolation-L128-pc-test-v1,"
                                + " percolation-L128-test-v1, percolation-L16-pc-v1,"
                                + " percolation-L16-window-v1, percolation-L256-pc-test-v1, percolation-L256-test-v1,"
                                + " percolation-L32-pc-v1, percolation-L32-smoke-v1, percolation-L32-window-v1,"
                                + " percolation-L512-pc-test-v1, percolation-L64-pc-test-v1, percolation-L64-pc-v1,"
                                + " percolation-L64-v1, percolation-L8-window-v1"),
                e.getMessage());
    }

    @Test
    void unknownSplitListsTheSplits() {
        SpecException e = assertThrows(
                SpecException.class,
                () -> SpecCatalogue.published().get("percolation-L64-v1").split("dev"));
        assertTrue(e.getMessage().contains("train, val, test"), e.getMessage());
    }

    @Test
    void goodSpecParses() {
        DatasetSpec s = SpecJson.parse(GOOD, "x-v1.json", "x-v1");
        assertEquals(16, s.size());
        assertEquals(41, s.p().size());
        assertEquals(List.of(new SplitSpec("train", 3, 7)), s.splits());
    }

    @Test
    void missingFieldNamesTheFieldAndTheFile() {
        assertMessage(GOOD.replace("\"rng\": \"XO_RO_SHI_RO_128_PP\",", ""), "x-v1.json: missing field 'rng'");
        assertMessage(
                GOOD.replace("\"seed\": 7", "\"sed\": 7"), "x-v1.json: field 'splits.train.sed' is not a known field");
        assertMessage(GOOD.replace(", \"seed\": 7", ""), "x-v1.json: missing field 'splits.train.seed'");
        assertMessage(GOOD.replace("\"size\": 16, ", ""), "x-v1.json: missing field 'lattice.size'");
    }

    @Test
    void badValuesAreRejectedWithTheAllowedRange() {
        assertMessage(
                GOOD.replace("\"size\": 16", "\"size\": 1"),
                "field 'lattice.size' is 1; expected an integer in [2, 32768]");
        assertMessage(
                GOOD.replace("\"to\": \"0.700\"", "\"to\": \"1.5\""),
                "field 'p.to' 1.5 is outside the allowed range of the occupation probability [0, 1]");
        assertMessage(
                GOOD.replace("\"samples_per_p\": 3", "\"samples_per_p\": 0"),
                "'splits.train.samples_per_p' is 0; expected an integer in [1,");
        assertMessage(
                GOOD.replace("\"step\": \"0.005\"", "\"step\": \"0.003\""), "does not divide p.to − p.from exactly");
        assertMessage(GOOD.replace("\"boundary\": \"open\"", "\"boundary\": \"periodic\""), "supports only 'open'");
        assertMessage(GOOD.replace("XO_RO_SHI_RO_128_PP", "MT"), "MT is not jumpable");
        assertMessage(GOOD.replace("XO_RO_SHI_RO_128_PP", "NO_SUCH"), "'NO_SUCH' is not a Commons RNG RandomSource");
        assertMessage(GOOD.replace("\"id\": \"x-v1\"", "\"id\": \"y-v1\""), "is 'y-v1' but the file name says 'x-v1'");
        assertMessage("{", "x-v1.json: not valid JSON");
    }

    @Test
    void pinsMustCoverEveryFileWithHexDigests() {
        String partial =
                GOOD.replace("\"splits\"", "\"sha256\": {\"train/maps.npy\": \"" + "a".repeat(64) + "\"}, \"splits\"");
        assertMessage(partial, "field 'sha256.train/p.npy' is missing");
        String stray =
                GOOD.replace("\"splits\"", "\"sha256\": {\"dev/maps.npy\": \"" + "a".repeat(64) + "\"}, \"splits\"");
        assertMessage(stray, "field 'sha256.dev/maps.npy' names no file this spec generates");
    }

    @Test
    void specFileOnDiskIsReadWithItsNameInErrors(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x-v1.json");
        Files.writeString(f, GOOD.replace("\"family\": \"site-percolation\",", ""));
        SpecException e = assertThrows(SpecException.class, () -> SpecCatalogue.readFile(f));
        assertTrue(e.getMessage().contains(f + ": missing field 'family'"), e.getMessage());
    }

    @Test
    void toJsonRoundTrips() {
        DatasetSpec s = SpecCatalogue.published().get("percolation-L64-v1");
        assertEquals(s, SpecJson.parse(SpecJson.toJson(s), "round trip", s.id()));
    }

    private static void assertMessage(String json, String expected) {
        SpecException e = assertThrows(SpecException.class, () -> SpecJson.parse(json, "x-v1.json", "x-v1"));
        assertTrue(e.getMessage().contains(expected), "message was: " + e.getMessage());
    }
}
