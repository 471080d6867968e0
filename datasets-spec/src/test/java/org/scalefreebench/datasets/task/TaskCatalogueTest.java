package org.scalefreebench.datasets.task;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefreebench.datasets.family.Family;
import org.scalefreebench.datasets.family.InputColumn;
import org.scalefreebench.datasets.family.LabelColumn;
import org.scalefreebench.datasets.family.SitePercolationFamily;
import org.scalefreebench.datasets.family.SplitGenerator;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecCatalogue;

/**
 * The task catalogue: every task's plan names published specs of its family that hold its target
 * column; the headline of the default tier is the critical set at the training size; a catalogue
 * that names a missing spec or column is refused naming both.
 */
class TaskCatalogueTest {

    @Test
    void everyPlanNamesPublishedSpecsOfTheTasksFamilyWithItsTargetColumn() {
        assertDoesNotThrow(() -> Task.checkCatalogue(SpecCatalogue.published()::get));
    }

    @Test
    void defaultTierHeadlineIsTheCriticalSetAtTheTrainingSizeThenTwoFourEightTimesL() {
        SpecCatalogue specs = SpecCatalogue.published();
        for (Task task : Task.values()) {
            if (task.kind() == Task.Kind.GENERATION || !"site-percolation".equals(task.family())) {
                continue;
            }
            TierPlan plan = task.plan(Tier.DEFAULT);
            List<Integer> trainSizes =
                    plan.trainSpecs().stream().map(id -> specs.get(id).size()).toList();
            assertEquals(List.of(8, 16, 32, 64), trainSizes, task.id() + " trains on L = 8 … 64 together");
            int trainSize = trainSizes.get(trainSizes.size() - 1);
            TestSet headline = plan.headline();
            assertEquals(TestSet.Role.CRITICAL, headline.role(), task.id());
            assertEquals(trainSize, specs.get(headline.specId()).size(), task.id());
            List<Integer> criticalSizes = plan.testSets().stream()
                    .filter(t -> t.role() == TestSet.Role.CRITICAL)
                    .map(t -> specs.get(t.specId()).size())
                    .toList();
            assertEquals(
                    task == Task.MAX_CLUSTER_MASK
                            ? List.of(trainSize, 2 * trainSize)
                            : List.of(trainSize, 2 * trainSize, 4 * trainSize, 8 * trainSize),
                    criticalSizes,
                    task.id());
            for (TestSet t : plan.testSets()) {
                if (t.role() == TestSet.Role.CRITICAL) {
                    List<BigDecimal> p = specs.get(t.specId()).p();
                    assertEquals(List.of(new BigDecimal("0.59274605079210")), p, t.specId());
                }
            }
            TierPlan study = task.plan(Tier.STUDY);
            assertEquals(plan.trainSpecs(), study.trainSpecs(), "study trains on the default tier's specs");
            assertTrue(study.testSets().containsAll(plan.testSets()), "study scores on the default tier's sets");
            assertEquals(
                    List.of(trainSize, 2 * trainSize, 4 * trainSize, 8 * trainSize),
                    study.testSets().stream()
                            .filter(t -> t.role() == TestSet.Role.CRITICAL)
                            .map(t -> specs.get(t.specId()).size())
                            .toList(),
                    "study scores every task at p_c at L = 64 … 512, the mask included: " + task.id());
            assertTrue(task.plan(Tier.FULL).testSets().containsAll(plan.testSets()), task.id());
            assertEquals(2, task.version(), "v2 puts the headline at p_c");
        }
    }

    @Test
    void criticalFkTasksTrainAtL64AndAreScoredOnHeldOutQAndOnLargerSizesWithEveryQ() {
        SpecCatalogue specs = SpecCatalogue.published();
        for (Task task : List.of(Task.CENTRAL_CHARGE, Task.FRACTAL_DIMENSION)) {
            assertEquals("critical-fk", task.family());
            assertEquals(Metric.RMSE, task.primaryMetric());
            TierPlan plan = task.plan(Tier.DEFAULT);
            DatasetSpec train = specs.get(plan.trainSpecs().get(0));
            assertEquals(
                    List.of(64),
                    plan.trainSpecs().stream().map(id -> specs.get(id).size()).toList());
            assertEquals(new TestSet(train.id(), "test", TestSet.Role.TRAINED_Q), plan.headline());
            List<BigDecimal> trained = train.p();
            List<BigDecimal> all = new java.util.ArrayList<>(trained);
            for (TestSet t : plan.testSets()) {
                DatasetSpec s = specs.get(t.specId());
                switch (t.role()) {
                    case TRAINED_Q -> assertEquals(trained, s.p(), t.specId());
                    case HELD_OUT_Q -> {
                        assertEquals(64, s.size(), t.specId());
                        assertTrue(s.p().stream().noneMatch(trained::contains), t.specId() + " holds out its Q");
                        all.addAll(s.p());
                    }
                    case ALL_Q -> assertTrue(s.size() > 64, t.specId() + " is larger than the training size");
                    default -> throw new AssertionError(t + " has a percolation role");
                }
            }
            all.sort(BigDecimal::compareTo);
            for (TestSet t : plan.testSets()) {
                if (t.role() == TestSet.Role.ALL_Q) {
                    assertEquals(all, specs.get(t.specId()).p(), t.specId() + " holds every trained and held-out Q");
                }
            }
            assertEquals(plan, task.plan(Tier.FULL));
            assertEquals(
                    1,
                    specs.get(task.plan(Tier.SMOKE).trainSpecs().get(0)).splits().stream()
                            .filter(sp -> sp.name().equals("train"))
                            .count());
        }
    }

    @Test
    void generationTrainsOnExactMasksAtPcAndIsScoredAtTheTrainingSizeThenFourAndEightTimesL() {
        SpecCatalogue specs = SpecCatalogue.published();
        Task task = Task.MAX_CLUSTER_GENERATION;
        assertEquals(Task.Kind.GENERATION, task.kind());
        assertEquals(Metric.PHYSICS_SCORE, task.primaryMetric());
        assertFalse(Metric.PHYSICS_SCORE.higherIsBetter(), "a physics score is a distance over its noise floor");
        TierPlan plan = task.plan(Tier.DEFAULT);
        assertEquals(
                List.of(16, 32, 64),
                plan.trainSpecs().stream().map(id -> specs.get(id).size()).toList());
        assertEquals(
                List.of(64, 256, 512),
                plan.testSets().stream().map(t -> specs.get(t.specId()).size()).toList());
        BigDecimal pc = new BigDecimal("0.59274605079210");
        for (String id : plan.trainSpecs()) {
            assertEquals(List.of(pc), specs.get(id).p(), id);
        }
        for (TestSet t : plan.testSets()) {
            assertEquals(TestSet.Role.CRITICAL, t.role());
            assertEquals(List.of(pc), specs.get(t.specId()).p(), t.specId());
        }
        assertEquals(plan.testSets().get(0), plan.headline());
    }

    @Test
    void specLackingTheTargetColumnIsRefusedNamingTaskSpecAndColumn() {
        DatasetSpec real = SpecCatalogue.published().get("percolation-L64-v1");
        Family noMask = new Family() {
            @Override
            public String id() {
                return "site-percolation";
            }

            @Override
            public String description() {
                return "site percolation without its mask column";
            }

            @Override
            public InputColumn input() {
                return SitePercolationFamily.MAPS;
            }

            @Override
            public List<LabelColumn> labels() {
                return List.of(
                        SitePercolationFamily.P, SitePercolationFamily.SPANNING, SitePercolationFamily.MAX_CLUSTER);
            }

            @Override
            public SplitGenerator generator() {
                return real.family().generator();
            }
        };
        DatasetSpec lacking = new DatasetSpec(
                real.id(), real.description(), noMask, real.size(), real.p(), real.rng(), real.splits(), real.sha256());
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> Task.checkCatalogue(id -> id.equals(real.id())
                        ? lacking
                        : SpecCatalogue.published().get(id)));
        assertTrue(
                e.getMessage()
                        .startsWith("task max-cluster-mask v2 (tier default) names spec percolation-L64-v1, whose"
                                + " family site-percolation has no label column 'max_cluster_mask'"),
                e.getMessage());
    }

    @Test
    void missingSpecIsRefusedNamingTheTaskAndTheSpec() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> Task.checkCatalogue(id -> {
                    if (id.contains("L512")) {
                        throw new IllegalArgumentException("unknown spec id '" + id + "'");
                    }
                    return SpecCatalogue.published().get(id);
                }));
        assertTrue(
                e.getMessage()
                        .startsWith("task spanning v2 (tier default) names spec percolation-L512-pc-test-v1,"
                                + " which does not exist"),
                e.getMessage());
    }

    @Test
    void unknownTierIdListsTheFourTiers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tier.byId("huge"));
        assertEquals("unknown tier id 'huge'; known tier ids: default, study, full, smoke", e.getMessage());
        assertEquals(10, Tier.FULL.passScale());
        assertEquals(1, Tier.DEFAULT.passScale());
    }
}
