package vn.congvan.exchange.axis;

import vn.congvan.platform.ClusterJob;

/** The axis client's jobs, each run by one node at a time ({@link vn.congvan.platform.ClusterJobs}). */
enum AxisJob implements ClusterJob {
    INBOX("exchange.axis-inbox"),
    OUTBOX("exchange.axis-outbox"),
    DIRECTORY("exchange.axis-directory");

    private final String jobName;

    AxisJob(String jobName) {
        this.jobName = jobName;
    }

    @Override
    public String jobName() {
        return jobName;
    }
}
