package vn.congvan.signing.demo;

import vn.congvan.platform.ClusterJob;

/** The signing module's jobs, each run by one node at a time ({@link vn.congvan.platform.ClusterJobs}). */
enum SigningJob implements ClusterJob {
    DEMO_CERTIFICATES("signing.demo-certificates");

    private final String jobName;

    SigningJob(String jobName) {
        this.jobName = jobName;
    }

    @Override
    public String jobName() {
        return jobName;
    }
}
