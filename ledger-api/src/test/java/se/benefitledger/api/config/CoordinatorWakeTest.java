package se.benefitledger.api.config;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class CoordinatorWakeTest {

    private final ScheduledThreadPoolExecutor coordinator = new ScheduledThreadPoolExecutor(1);

    @AfterEach
    void stop() {
        coordinator.shutdownNow();
    }

    @Test
    void runsTheRunDueWithinTheWaitForRoomNowAndOnlyOnce() throws InterruptedException {
        var runs = new CountDownLatch(2);
        coordinator.schedule(runs::countDown, 10, TimeUnit.MINUTES);
        var wake = new CoordinatorWake(coordinator, TimeUnit.MINUTES.toMillis(15));

        wake.run();

        assertThat(awaitIdle()).isTrue();
        assertThat(runs.getCount()).as("ran once, ten minutes early").isEqualTo(1);
        assertThat(coordinator.getQueue()).as("not left waiting to run again").isEmpty();
        assertThat(wake.woken()).isEqualTo(1);
    }

    @Test
    void leavesLongerWaitsAsTheyAre() throws InterruptedException {
        var backOff = new AtomicBoolean();
        coordinator.schedule(() -> backOff.set(true), 30, TimeUnit.MINUTES);
        var wake = new CoordinatorWake(coordinator, TimeUnit.MINUTES.toMillis(15));

        wake.run();

        assertThat(awaitIdle()).isTrue();
        assertThat(backOff).isFalse();
        assertThat(coordinator.getQueue()).hasSize(1);
        assertThat(wake.woken()).isZero();
    }

    @Test
    void dropsTheRunQuietlyWhenTheCoordinatorIsStopping() {
        coordinator.schedule(() -> { }, 50, TimeUnit.MILLISECONDS);
        coordinator.shutdown();
        var wake = new CoordinatorWake(coordinator);

        wake.run();

        assertThat(wake.woken()).isZero();
    }

    /** True once everything the executor was given to run now has run. */
    private boolean awaitIdle() throws InterruptedException {
        var marker = new CountDownLatch(1);
        coordinator.execute(marker::countDown);
        return marker.await(30, TimeUnit.SECONDS);
    }
}
