package org.hospital.continuity.server.backup.app;

import org.hospital.continuity.server.backup.persistence.TestingRestore;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.server.notification.NoticeRequest;
import org.hospital.continuity.server.notification.Notices;
import org.hospital.continuity.server.notification.NoticeKind;
import org.hospital.continuity.server.notification.Text;

/**
 * HR-19: when no restore test has succeeded for {@code continuity.backup.remind-after} (two weeks), IT on duty is
 * reminded through the notification service, once a day until a test passes. A server that never ran one counts
 * from its first start (the oldest applied schema script).
 */
@ApplicationScoped
public class RemindingRestoreTests {

    private final TestingRestore restore;
    private final BackupConfig config;
    private final InstantSource clock;
    private final Notices raising;

    public RemindingRestoreTests(TestingRestore restore, BackupConfig config, InstantSource clock, Notices raising) {
        this.restore = restore;
        this.config = config;
        this.clock = clock;
        this.raising = raising;
    }

    @Scheduled(every = "${continuity.backup.remind-check-every}", delayed = "${continuity.backup.remind-start-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            check();
        } catch (RuntimeException e) {
            Log.warnf("restore-test reminder check failed: %s", e.getMessage());
        }
    }

    /** Raises the reminder when one is due; returns its notification id (the same one all day), empty when none is due. */
    public Optional<UUID> check() {
        Instant now = clock.instant();
        Instant since = restore.lastSuccess();
        if (since == null) {
            Instant installed = restore.installedAt();
            since = installed == null ? now : installed;
        }
        Duration age = Duration.between(since, now);
        if (age.compareTo(config.remindAfter()) < 0) {
            return Optional.empty();
        }
        NoticeRequest r = new NoticeRequest(null, NoticeKind.RESTORE_TEST_DUE, "IT_ON_DUTY",
                Map.of("days", Text.plain(Long.toString(age.toDays())), "command", Text.plain("bin/restore-test.sh")),
                "restore-test-due|" + now.atZone(ZoneOffset.UTC).toLocalDate());
        UUID id = raising.raise(r).await().atMost(Duration.ofSeconds(30));
        Log.infof("restore test due: last success %s (%d days); IT on duty reminded, notification=%s", since, age.toDays(), id);
        return Optional.of(id);
    }
}
