package vn.congvan.handling.incoming;

import vn.congvan.platform.ClusterJob;

/** The handling module's jobs, each run by one node at a time ({@link vn.congvan.platform.ClusterJobs}). */
enum HandlingJob implements ClusterJob {
    REMINDERS("handling.reminders");

    private final String jobName;

    HandlingJob(String jobName) {
        this.jobName = jobName;
    }

    @Override
    public String jobName() {
        return jobName;
    }
}
