package vn.congvan.storage.upload;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.congvan.platform.ClusterJob;
import vn.congvan.platform.ClusterJobs;
import vn.congvan.storage.store.PendingUploads;

/**
 * Forgets the unfinished uploads nobody resumed before they expired, with their bytes (tus
 * expiration), once on the cluster at a time.
 */
@Component
class UploadExpiry {

    private static final Logger log = LoggerFactory.getLogger(UploadExpiry.class);
    private static final int BATCH = 500;

    /** The job's name on the cluster. */
    enum Job implements ClusterJob {
        EXPIRED_UPLOADS;

        @Override
        public String jobName() {
            return "storage.expired-uploads";
        }
    }

    private final FileUploadRows rows;
    private final PendingUploads pending;
    private final ClusterJobs jobs;
    private final UploadProperties settings;
    private final Clock clock;

    UploadExpiry(
            FileUploadRows rows, PendingUploads pending, ClusterJobs jobs, UploadProperties settings, Clock clock) {
        this.rows = rows;
        this.pending = pending;
        this.jobs = jobs;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${congvan.storage.uploads.expiry-interval:PT1H}",
            initialDelayString = "${congvan.storage.uploads.expiry-interval:PT1H}")
    void forgetExpiredOnSchedule() {
        jobs.runAlone(Job.EXPIRED_UPLOADS, () -> {
            int forgotten = forgetExpired(clock.instant());
            if (forgotten > 0) {
                log.info("Forgot {} uploads that expired unfinished", forgotten);
            }
        });
    }

    /**
     * Forgets the uploads expired unfinished before {@code now}; how many. Then drops bytes no
     * unfinished upload wants any more and nobody wrote for as long as an upload lives: those of an
     * upload whose bytes could not be deleted when it expired or completed (the store was down).
     */
    int forgetExpired(Instant now) {
        int forgotten = 0;
        for (UUID id : rows.expired(now, BATCH)) {
            if (rows.deleteExpired(id, now)) {
                forgotten++;
                drop(id);
            }
        }
        try {
            for (UUID id : pending.untouchedSince(now.minus(settings.expiry()), BATCH)) {
                if (!rows.unfinished(id)) {
                    drop(id);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot look for the bytes of uploads left behind", e);
        }
        return forgotten;
    }

    private void drop(UUID id) {
        try {
            pending.drop(id);
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot delete the bytes of the upload {}", id, e);
        }
    }
}
