package org.scalefreebench.datasets.family;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scalefreebench.datasets.npy.NpyDtype;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecCatalogue;
import org.scalefreebench.datasets.spec.SpecException;
import org.scalefreebench.datasets.spec.SpecJson;

/** The site-percolation declaration is exactly the v1 file table; unknown families are refused. */
class SitePercolationFamilyTest {

    private static final Family SITE = Families.SITE_PERCOLATION;

    @Test
    void declaresTheFiveV1FilesInTheirOrder() {
        assertEquals("site-percolation", SITE.id());
        assertEquals(
                List.of("maps.npy", "p.npy", "max_cluster.npy", "spanning.npy", "max_cluster_mask.npy"),
                SITE.columns().stream().map(DataColumn::fileName).toList());
        assertEquals(
                List.of(NpyDtype.UINT8, NpyDtype.FLOAT64, NpyDtype.INT32, NpyDtype.UINT8, NpyDtype.UINT8),
                SITE.columns().stream().map(DataColumn::dtype).toList());
        assertEquals(
                List.of("p", "max_cluster", "spanning", "max_cluster_mask"),
                SITE.labels().stream().map(LabelColumn::id).toList());
        assertEquals(1, SITE.input().channels());
        for (LabelColumn c : SITE.labels()) {
            assertEquals(LabelColumn.Origin.EXACT, c.origin(), c.id() + " is computed exactly");
        }
    }

    @Test
    void shapesAreThoseOfTheV1Files() {
        assertArrayEquals(new long[] {7, 32, 32}, SITE.input().shape(7, 32));
        assertArrayEquals(new long[] {7}, SITE.label("p").shape(7, 32));
        assertArrayEquals(new long[] {7}, SITE.label("max_cluster").shape(7, 32));
        assertArrayEquals(new long[] {7}, SITE.label("spanning").shape(7, 32));
        assertArrayEquals(new long[] {7, 32, 32}, SITE.label("max_cluster_mask").shape(7, 32));
        assertEquals("uint8 [N, L, L]", SITE.input().expectation());
        assertEquals("float64 [N]", SITE.label("p").expectation());
    }

    @Test
    void severalPlanesAreStoredChannelMajorPerMap() {
        InputColumn bonds = new InputColumn("bonds.npy", NpyDtype.UINT8, 2, "1 = open bond");
        assertArrayEquals(new long[] {5, 2, 16, 16}, bonds.shape(5, 16));
        assertEquals("uint8 [N, 2, L, L]", bonds.expectation());
        assertThrows(IllegalArgumentException.class, () -> new InputColumn("x.npy", NpyDtype.UINT8, 0, "none"));
    }

    @Test
    void publishedSpecsAreSitePercolationWithTheirFilesPinnedInFamilyOrder() {
        for (DatasetSpec spec : SpecCatalogue.published().specs()) {
            assertSame(spec.id().startsWith("critical-fk-") ? Families.CRITICAL_FK : SITE, spec.family(), spec.id());
            assertEquals(List.copyOf(spec.sha256().keySet()), spec.files(), spec.id() + ": pins in file order");
        }
        DatasetSpec smoke = SpecCatalogue.published().get("percolation-L32-smoke-v1");
        assertEquals("train/maps.npy", smoke.files().get(0));
        assertEquals("train/max_cluster_mask.npy", smoke.files().get(4));
        assertEquals("val/maps.npy", smoke.files().get(5));
    }

    @Test
    void catalogueFindsKnownFamiliesOnly() {
        assertEquals(Optional.of(SITE), Families.find("site-percolation"));
        assertEquals(Optional.of(Families.CRITICAL_FK), Families.find("critical-fk"));
        assertEquals(Optional.empty(), Families.find("ising-spins"));
        assertEquals(List.of("site-percolation", "critical-fk"), Families.ids());
    }

    @Test
    void unknownFamilyIsRefusedNamingTheSpecAndTheKnownFamilies() {
        String json = """
                {"id": "fk-v1", "description": "d", "family": "ising-spins",
                 "lattice": {"geometry": "square", "size": 16, "boundary": "open", "connectivity": 4},
                 "p": {"values": ["0.5"]},
                 "rng": "XO_RO_SHI_RO_128_PP",
                 "splits": {"train": {"samples_per_p": 3, "seed": 7}}}
                """;
        SpecException e = assertThrows(SpecException.class, () -> SpecJson.parse(json, "fk-v1.json", "fk-v1"));
        assertTrue(e.getMessage().contains("fk-v1.json: field 'family'"), e.getMessage());
        assertTrue(e.getMessage().contains("spec fk-v1 is 'ising-spins'"), e.getMessage());
        assertTrue(e.getMessage().contains("known families: site-percolation, critical-fk"), e.getMessage());
    }

    @Test
    void unknownLabelColumnNamesTheFamilyAndItsColumns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SITE.label("central_charge"));
        assertTrue(
                e.getMessage()
                        .contains("family site-percolation has no label column 'central_charge'; its columns are:"
                                + " p, max_cluster, spanning, max_cluster_mask"),
                e.getMessage());
    }
}
