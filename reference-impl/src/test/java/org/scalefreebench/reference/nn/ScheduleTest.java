package org.scalefreebench.reference.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.scalefreebench.datasets.task.Tier;
import org.scalefreebench.reference.cnn.CnnAdam;
import org.scalefreebench.reference.cnn.CnnSgd;
import org.scalefreebench.reference.cnn.UnetSgd;

/** A pass-bounded schedule makes ten times its passes in the full tier; a time-bounded one keeps its time. */
class ScheduleTest {

    @Test
    void fullTierScalesPassesNotTimeLimits() {
        GraphTrainer.Schedule passes = new GraphTrainer.Schedule(64, 0.5);
        assertSame(passes, passes.in(Tier.DEFAULT));
        assertEquals(new GraphTrainer.Schedule(64, 5.0), passes.in(Tier.FULL));
        GraphTrainer.Schedule timed = new GraphTrainer.Schedule(64, 3, Duration.ofSeconds(45));
        assertSame(timed, timed.in(Tier.FULL));
    }

    @Test
    void equalTimeVariantsRunInTheStudyTierOnlyAndAdamOutsideTheDefault() {
        assertEquals(EnumSet.of(Tier.SMOKE, Tier.DEFAULT, Tier.STUDY, Tier.FULL), new CnnSgd().tiers());
        assertEquals(EnumSet.of(Tier.SMOKE, Tier.STUDY), new CnnSgd.EqualTime().tiers());
        assertEquals(EnumSet.of(Tier.SMOKE, Tier.STUDY, Tier.FULL), new CnnAdam().tiers());
        assertEquals(EnumSet.of(Tier.SMOKE, Tier.DEFAULT, Tier.STUDY, Tier.FULL), new UnetSgd().tiers());
        assertEquals(EnumSet.of(Tier.SMOKE, Tier.STUDY), new CnnAdam.EqualTime().tiers());
    }
}
